import { randomBytes } from 'node:crypto';
import { DOCUMENT_CHUNK_BYTES } from '../../src/platform/storage/document-envelope';
import { Benchmark } from '../lib/benchmark';
import { fileSample14566 } from '../lib/org';
import { median, msSince } from '../lib/stats';

const MB = 1024 * 1024;
const DOCUMENT_BYTES = 10 * MB;

/** A 10 MB PDF: a page whose image stream is random bytes (as a scan's compressed data looks). */
function tenMegabytePdf(): Buffer {
  const head = Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
      '3 0 obj\n<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 4 0 R >> >> >>\nendobj\n' +
      '4 0 obj\n<< /Type /XObject /Subtype /Image /Filter /DCTDecode >>\nstream\n',
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(DOCUMENT_BYTES - head.length - tail.length), tail]);
}

const megabytesPerSecond = (ms: number): number => DOCUMENT_BYTES / MB / (ms / 1000);

/**
 * A 10 MB PDF uploaded through `POST /documents/referral/<id>` (multipart, streamed: checked, hashed, sealed with
 * AES-256-GCM per 256 KiB chunk, one INSERT per chunk in one transaction, with the document row, history entry and
 * audit row) and downloaded through `GET /documents/<id>` (one SELECT per chunk, opened and hashed as it goes).
 * Baseline, same run, same database: the same bytes in the same 256 KiB rows written with `pg` in one transaction,
 * and read back with one SELECT per chunk — PostgreSQL's floor for storing and reading them that way.
 */
export const benchmark: Benchmark = {
  title: 'Documents: 10 MB PDF upload and download',
  async run(ctx) {
    const rounds = ctx.options.quick ? 5 : 15;
    const { filer, referral } = await fileSample14566(ctx.env, ctx.org);
    const pdf = tenMegabytePdf();
    const origin = new URL(ctx.env.graphqlUrl).origin;
    const authorization = `Bearer ${await ctx.env.token(filer.id)}`;
    const boundary = '----hub-bench-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="return.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);

    const uploadMs: number[] = [];
    const downloadMs: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      const upStart = process.hrtime.bigint();
      const response = await fetch(`${origin}/documents/referral/${referral.id}`, {
        method: 'POST',
        headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      });
      const uploaded = (await response.json()) as { id?: string };
      const upMs = msSince(upStart);
      if (response.status !== 201 || !uploaded.id) throw new Error(`upload failed: ${response.status} ${JSON.stringify(uploaded)}`);
      const downStart = process.hrtime.bigint();
      const download = await fetch(`${origin}/documents/${uploaded.id}`, { headers: { authorization } });
      let received = 0;
      for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
      const downMs = msSince(downStart);
      if (download.status !== 200 || received !== pdf.length) throw new Error(`download failed: ${download.status}, ${received} bytes`);
      // Round 0 warms up (JIT, connections, plans).
      if (round > 0) {
        uploadMs.push(upMs);
        downloadMs.push(downMs);
      }
    }

    const direct = await ctx.env.direct();
    const copyMs: number[] = [];
    const readMs: number[] = [];
    try {
      await direct.query('CREATE TABLE bench_document_copy (id int, seq int, data bytea, PRIMARY KEY (id, seq))');
      await direct.query('ALTER TABLE bench_document_copy ALTER COLUMN data SET STORAGE EXTERNAL');
      for (let round = 0; round <= rounds; round++) {
        const copyStart = process.hrtime.bigint();
        await direct.query('BEGIN');
        for (let seq = 0; seq * DOCUMENT_CHUNK_BYTES < pdf.length; seq++) {
          const chunk = pdf.subarray(seq * DOCUMENT_CHUNK_BYTES, (seq + 1) * DOCUMENT_CHUNK_BYTES);
          await direct.query('INSERT INTO bench_document_copy (id, seq, data) VALUES ($1, $2, $3)', [round, seq, chunk]);
        }
        await direct.query('COMMIT');
        const copied = msSince(copyStart);
        const readStart = process.hrtime.bigint();
        let read = 0;
        for (let seq = 0; ; seq++) {
          const { rows } = await direct.query<{ data: Buffer }>('SELECT data FROM bench_document_copy WHERE id = $1 AND seq = $2', [
            round,
            seq,
          ]);
          if (!rows.length) break;
          read += rows[0].data.length;
        }
        const readBack = msSince(readStart);
        if (read !== pdf.length) throw new Error(`baseline read ${read} bytes`);
        if (round > 0) {
          copyMs.push(copied);
          readMs.push(readBack);
        }
      }
    } finally {
      await direct.query('DROP TABLE IF EXISTS bench_document_copy').catch(() => undefined);
      await direct.end();
    }

    ctx.figure({
      name: 'upload of a 10 MB PDF over HTTP (median)',
      value: megabytesPerSecond(median(uploadMs)),
      unit: 'MB/s',
      better: 'higher',
      baseline: megabytesPerSecond(median(copyMs)),
      baselineLabel: 'the same bytes in the same 256 KiB rows with pg, one transaction',
    });
    ctx.figure({
      name: 'download of it over HTTP (median)',
      value: megabytesPerSecond(median(downloadMs)),
      unit: 'MB/s',
      better: 'higher',
      baseline: megabytesPerSecond(median(readMs)),
      baselineLabel: 'the same rows read back with pg, one SELECT per chunk',
    });
    ctx.note(
      `${rounds} uploads and downloads of one 10 MB PDF (a page with a 10 MB image stream of random bytes) after one warm-up, ` +
        `sequential, from the benchmark process to the hub's HTTP port. Upload medians ${median(uploadMs).toFixed(0)} ms vs ` +
        `${median(copyMs).toFixed(0)} ms for the plain copy; download ${median(downloadMs).toFixed(0)} ms vs ${median(readMs).toFixed(0)} ms. ` +
        `The hub's extra work: multipart parsing (busboy), type and PDF checks, SHA-256, AES-256-GCM per chunk, the document ` +
        `row, history entry and audit row; on download, authentication, the referral visibility check, the audit row, ` +
        `GCM and SHA-256 again, and HTTP.`,
    );
  },
};
