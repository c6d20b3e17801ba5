import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { get, IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConfigError } from '../../src/platform/config/config';
import { startClamdPeer, ClamdPeer, EICAR } from '../support/clamd-peer';
import { startTestHub, TestHub, testConfig } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_3210 } from '../support/org-fixture';
import { fileReferral } from '../support/referral-operations';
import { eventually } from '../support/wait';
import { PNG, testPdf, uploadDocument } from '../support/documents';

const MB = 1024 * 1024;
const FILE_BYTES = 128 * MB;

const file3210 = (hub: TestHub, org: TestOrganisation) =>
  fileReferral(hub, org.people.originator.id, {
    form: 'F3210',
    receivingFunctionId: org.functions.rivo.id,
    content: { form3210: VALID_3210 },
  });

const storedDocuments = async (hub: TestHub): Promise<number> =>
  (await hub.database.dataSource.query('SELECT count(*)::int AS n FROM document'))[0].n;

// Live memory only: a full collection before each sample, so garbage awaiting collection is not counted.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Highest live heap + Buffer memory seen above the starting point while `run` runs. A full collection takes long in a
 * big test worker, so samples are spaced to keep it under a fifth of the time (at least every half second).
 */
async function peakMemoryGrowth(run: () => Promise<void>): Promise<number> {
  let collectingMs = 0;
  const used = () => {
    const started = Date.now();
    collectGarbage();
    collectingMs = Date.now() - started;
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const start = used();
  let peak = start;
  let sampler: NodeJS.Timeout | undefined;
  const sampleLater = () => {
    sampler = setTimeout(
      () => {
        peak = Math.max(peak, used());
        sampleLater();
      },
      Math.max(500, 4 * collectingMs),
    );
  };
  sampleLater();
  try {
    await run();
  } finally {
    clearTimeout(sampler);
  }
  return Math.max(peak, used()) - start;
}

/**
 * The download through node:http, whose response stops reading the socket while the loop below is busy: fetch's body
 * reads ahead into this same process whatever the consumer does, so on a loaded machine it counted the client's buffer.
 */
async function readingAtItsOwnPace(hub: TestHub, as: string, documentId: string): Promise<IncomingMessage> {
  const authorization = `Bearer ${await hub.tokenFor(as)}`;
  return new Promise((resolve, reject) =>
    get(new URL(`/documents/${documentId}`, hub.url), { headers: { authorization } }, resolve).on('error', reject),
  );
}

describe('a large document streams through in chunks (never whole in memory)', () => {
  let hub: TestHub;
  let org: TestOrganisation;
  beforeAll(async () => {
    hub = await startTestHub({ env: { DOCUMENT_MAX_BYTES: String(200 * MB) } });
    org = await createTestOrganisation(hub.services, hub.database.dataSource);
  });
  afterAll(() => hub.stop());

  // The bound is half the file: a copy held whole would exceed it twice over, while a busy machine's slower
  // collections (up to 45 MB seen in CI for a 64 MB file) stay well under it.
  it('uploads and downloads 128 MB with memory growth below half the size of the file', async () => {
    const referral = await file3210(hub, org);
    const piece = Buffer.alloc(64 * 1024, 'x');
    const head = testPdf('large');
    const pieces = FILE_BYTES / piece.length;
    const sent = createHash('sha256').update(head);
    async function* content() {
      yield head;
      for (let i = 0; i < pieces; i++) {
        sent.update(piece);
        yield piece;
      }
    }
    let upload: Awaited<ReturnType<typeof uploadDocument>> | undefined;
    const uploadGrowth = await peakMemoryGrowth(async () => {
      upload = await uploadDocument(hub, org.people.originator.id, referral.id, content(), 'large.pdf');
    });
    expect(upload!.status).toBe(201);
    expect(upload!.body).toMatchObject({ size: head.length + FILE_BYTES, sha256: sent.digest('hex') });

    const received = createHash('sha256');
    let size = 0;
    const downloadGrowth = await peakMemoryGrowth(async () => {
      const response = await readingAtItsOwnPace(hub, org.people.rivoLiaison.id, upload!.body.id);
      for await (const chunk of response) {
        received.update(chunk);
        size += chunk.length;
      }
    });
    expect(size).toBe(head.length + FILE_BYTES);
    expect(received.digest('hex')).toBe(upload!.body.sha256);
    // Client and server share this process: both sides together stay under half of what goes through (in MB).
    expect(Math.round(uploadGrowth / MB)).toBeLessThan(FILE_BYTES / 2 / MB);
    expect(Math.round(downloadGrowth / MB)).toBeLessThan(FILE_BYTES / 2 / MB);
  }, 300_000);
});

describe('uploads at once', () => {
  let hub: TestHub;
  let org: TestOrganisation;
  beforeAll(async () => {
    hub = await startTestHub({ env: { DOCUMENT_MAX_CONCURRENT_UPLOADS: '1' } });
    org = await createTestOrganisation(hub.services, hub.database.dataSource);
  });
  afterAll(() => hub.stop());

  it('refuses more than DOCUMENT_MAX_CONCURRENT_UPLOADS with 429 and Retry-After: each holds a database connection', async () => {
    const referral = await file3210(hub, org);
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    async function* slow() {
      yield testPdf('slow', '', 300 * 1024);
      await finished;
    }
    const first = uploadDocument(hub, org.people.originator.id, referral.id, slow());
    await eventually(
      async () =>
        (
          await hub.database.dataSource.query(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'",
          )
        ).length > 0,
    );
    const second = await fetch(new URL(`/documents/referral/${referral.id}`, hub.url), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await hub.tokenFor(org.people.originator.id)}`,
        'content-type': 'multipart/form-data; boundary=x',
      },
      body: '--x--\r\n',
    });
    expect([second.status, second.headers.get('retry-after'), ((await second.json()) as any).errors[0].extensions.code]).toEqual([
      429,
      '5',
      'TOO_MANY_REQUESTS',
    ]);
    finish();
    expect((await first).status).toBe(201);
    expect((await uploadDocument(hub, org.people.originator.id, referral.id, PNG, 'next.png')).status).toBe(201);
  });
});

describe('the ClamAV hook (clamd INSTREAM over TCP): scanned before a document becomes visible', () => {
  let peer: ClamdPeer;
  let hub: TestHub;
  let org: TestOrganisation;
  let referralId: string;
  beforeAll(async () => {
    peer = await startClamdPeer({ streamMaxLength: 2 * MB });
    hub = await startTestHub({ env: { CLAMD_ADDRESS: peer.address, CLAMD_TIMEOUT_SECONDS: '5' } });
    org = await createTestOrganisation(hub.services, hub.database.dataSource);
    referralId = (await file3210(hub, org)).id;
  });
  afterAll(async () => {
    await hub.stop();
    await peer.stop();
  });

  it('stores a clean document once clamd said OK, having sent it every byte', async () => {
    const pdf = testPdf('clean', '', 600 * 1024);
    const { status, body } = await uploadDocument(hub, org.people.originator.id, referralId, pdf);
    expect([status, body.malwareScan]).toEqual([201, 'clamd']);
    expect(peer.scanned.at(-1)!.equals(pdf)).toBe(true);
  });

  it('refuses what clamd finds (MALWARE_FOUND, naming the signature) and stores nothing', async () => {
    const before = await storedDocuments(hub);
    const infected = Buffer.concat([PNG, Buffer.from(EICAR)]);
    const { status, body } = await uploadDocument(hub, org.people.originator.id, referralId, infected, 'scan.png');
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALWARE_FOUND' });
    expect(body.errors[0].extensions.fieldErrors[0].message).toBe('contains malware (Eicar-Test-Signature)');
    expect(await storedDocuments(hub)).toBe(before);
  });

  it('fails closed when clamd gives no verdict (its stream limit) or is down: 503, nothing stored', async () => {
    const before = await storedDocuments(hub);
    const tooLongForClamd = await uploadDocument(hub, org.people.originator.id, referralId, testPdf('long', '', 3 * MB));
    expect([tooLongForClamd.status, tooLongForClamd.body.errors[0].extensions.code]).toEqual([503, 'SCANNER_UNAVAILABLE']);
    await peer.stop();
    const down = await uploadDocument(hub, org.people.originator.id, referralId, PNG, 'scan.png');
    expect([down.status, down.body.errors[0].extensions.code]).toEqual([503, 'SCANNER_UNAVAILABLE']);
    expect(await storedDocuments(hub)).toBe(before);
  });
});

describe('document settings', () => {
  it('reads CLAMD_ADDRESS as host:port and refuses anything else', () => {
    expect(testConfig('postgresql://x/y', { CLAMD_ADDRESS: 'clamav.internal:3310' }).documents.clamd).toEqual({
      host: 'clamav.internal',
      port: 3310,
      timeoutSeconds: 60,
    });
    expect(testConfig('postgresql://x/y').documents).toEqual({ maxBytes: 25 * MB, maxConcurrentUploads: 4, clamd: null });
    expect(() => testConfig('postgresql://x/y', { CLAMD_ADDRESS: 'clamav.internal' })).toThrow(ConfigError);
    expect(() => testConfig('postgresql://x/y', { DOCUMENT_MAX_BYTES: '0' })).toThrow(ConfigError);
  });
});
