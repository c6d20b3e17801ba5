import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { DocumentInspector } from '../../src/platform/storage/document-inspection';
import { DocumentRefusedError } from '../../src/platform/storage/document-refusal';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_3210 } from '../support/org-fixture';
import { act, fileReferral } from '../support/referral-operations';
import { downloadDocument, JPEG, PNG, testPdf, TIFF, uploadDocument } from '../support/documents';

let hub: TestHub;
let org: TestOrganisation;
const MAX_BYTES = 1024 * 1024;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  hub = await startTestHub({ env: { DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

/** A Form 3210 (document transmittal) from the revenue officer's function to RIVO. */
const file3210 = () =>
  fileReferral(hub, org.people.originator.id, {
    form: 'F3210',
    receivingFunctionId: org.functions.rivo.id,
    content: { form3210: VALID_3210 },
  });

const DOCUMENTS_QUERY = `query Docs($id: UUID!) { referral(id: $id) {
  documents { id name mediaType size sha256 malwareScan uploadedAt downloadPath uploadedBy { email } }
  history(first: 50) { action fromState toState details actor { email } }
} }`;

const referralDocuments = async (as: string, id: string) => dataOf(await hub.request(as, DOCUMENTS_QUERY, { id })).referral;

const storedCounts = async () => {
  const [row] = await hub.database.dataSource.query(
    'SELECT (SELECT count(*) FROM document)::int AS documents, (SELECT count(*) FROM document_chunk)::int AS chunks',
  );
  return row as { documents: number; chunks: number };
};

describe('documents travel with the referral (IRM 25.25.6.2.3: a Form 3210 transmits documents)', () => {
  it('attaches when filing and later, each a history entry, and the receiver downloads the same bytes with their SHA-256', async () => {
    const referral = await file3210();
    const signedReturn = testPdf('Signed Form 1040 for tax period 202512');
    const first = await uploadDocument(hub, org.people.originator.id, referral.id, signedReturn, 'C:\\scans\\signed-1040.pdf');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: 'signed-1040.pdf',
      mediaType: 'application/pdf',
      size: signedReturn.length,
      sha256: sha256(signedReturn),
    });

    // IRM 25.25.6.2.3(2)-(3): the 3210 goes straight to RIVO's queue, where an employee checks it out.
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: referral.id });
    hub.clock.advance(3_600_000);
    // Later: RIVO asks for the envelope and attaches the scan it was sent.
    const envelope = await uploadDocument(hub, org.people.rivoWorker.id, referral.id, PNG, 'envelope.png');
    expect(envelope.status).toBe(201);

    const seen = await referralDocuments(org.people.rivoWorker.id, referral.id);
    expect(seen.documents).toEqual([
      {
        id: first.body.id,
        name: 'signed-1040.pdf',
        mediaType: 'application/pdf',
        size: signedReturn.length,
        sha256: sha256(signedReturn),
        malwareScan: 'none',
        uploadedAt: '2026-11-23T14:00:00.000Z',
        downloadPath: `/documents/${first.body.id}`,
        uploadedBy: { email: 'am.originator@example.gov' },
      },
      expect.objectContaining({
        id: envelope.body.id,
        name: 'envelope.png',
        mediaType: 'image/png',
        uploadedAt: '2026-11-23T15:00:00.000Z',
        uploadedBy: { email: 'rivo.worker@example.gov' },
      }),
    ]);
    const attachments = seen.history.filter((entry: { action: string }) => entry.action === 'ATTACH_DOCUMENT');
    expect(attachments).toEqual([
      {
        action: 'ATTACH_DOCUMENT',
        fromState: 'RECEIVED',
        toState: 'RECEIVED',
        details: { documentId: first.body.id, mediaType: 'application/pdf', size: signedReturn.length, sha256: sha256(signedReturn) },
        actor: { email: 'am.originator@example.gov' },
      },
      expect.objectContaining({ fromState: 'CHECKED_OUT', toState: 'CHECKED_OUT', actor: { email: 'rivo.worker@example.gov' } }),
    ]);

    const response = await downloadDocument(hub, org.people.rivoWorker.id, first.body.id, { 'x-request-id': 'document-download-1' });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename=signed-1040.pdf',
      'content-length': String(signedReturn.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
      'repr-digest': `sha-256=:${createHash('sha256').update(signedReturn).digest('base64')}:`,
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(signedReturn)).toBe(true);
    const [audit] = await hub.database.dataSource.query(`SELECT * FROM access_audit WHERE request_id = 'document-download-1'`);
    expect(audit).toMatchObject({
      actor_id: org.people.rivoWorker.id,
      kind: 'READ',
      operation: 'GET /documents/{documentId}',
      item_ids: [first.body.id, referral.id],
      fields: ['content'],
      outcome: 'ALLOWED',
    });
    const uploads = await hub.database.dataSource.query(
      `SELECT actor_id, kind, item_ids, outcome FROM access_audit WHERE operation = 'POST /documents/{ownerKind}/{ownerId}' AND $1 = ANY(item_ids)`,
      [first.body.id],
    );
    expect(uploads).toEqual([
      { actor_id: org.people.originator.id, kind: 'MUTATION', item_ids: [referral.id, first.body.id], outcome: 'ALLOWED' },
    ]);
  });

  it('keeps no TIN in a file name (scans are often named after one): the name is shown to every party', async () => {
    const referral = await file3210();
    const { body } = await uploadDocument(hub, org.people.originator.id, referral.id, PNG, 'SSN 123-45-6789 envelope.png');
    expect(body.name).toBe('SSN [TIN removed] envelope.png');
  });

  it('accepts PDF, TIFF, PNG and JPEG, the type found in the content whatever the name says', async () => {
    const referral = await file3210();
    for (const [content, type] of [
      [TIFF, 'image/tiff'],
      [PNG, 'image/png'],
      [JPEG, 'image/jpeg'],
    ] as const) {
      const { status, body } = await uploadDocument(hub, org.people.originator.id, referral.id, content, 'scan.pdf');
      expect([status, body.mediaType]).toEqual([201, type]);
    }
  });
});

describe('refusals: each says why, with a stable reason, and stores nothing', () => {
  let referralId: string;
  beforeAll(async () => {
    referralId = (await file3210()).id;
  });

  const refused = async (content: Buffer, name = 'x.pdf', field?: string) => {
    const before = await storedCounts();
    const historyBefore = (await referralDocuments(org.people.originator.id, referralId)).history.length;
    const { status, body } = await uploadDocument(hub, org.people.originator.id, referralId, content, name, { field });
    expect(await storedCounts()).toEqual(before);
    expect((await referralDocuments(org.people.originator.id, referralId)).history).toHaveLength(historyBefore);
    return {
      status,
      code: body.errors[0].extensions.code,
      reason: body.errors[0].extensions.reason,
      fieldErrors: body.errors[0].extensions.fieldErrors,
    };
  };

  it('refuses an empty file', async () => {
    expect(await refused(Buffer.alloc(0))).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      reason: 'EMPTY',
      fieldErrors: [{ field: 'file', message: 'is empty' }],
    });
  });

  it('refuses a document over DOCUMENT_MAX_BYTES, one byte over is enough', async () => {
    const pdf = testPdf('big', '', MAX_BYTES + 1);
    expect(pdf.length).toBe(MAX_BYTES + 1);
    expect(await refused(pdf)).toMatchObject({
      status: 400,
      reason: 'TOO_LARGE',
      fieldErrors: [{ field: 'file', message: 'is larger than the limit of 1 MB' }],
    });
    expect((await uploadDocument(hub, org.people.originator.id, referralId, testPdf('fits', '', MAX_BYTES))).status).toBe(201);
  });

  it('refuses types outside PDF, TIFF, PNG and JPEG by their content, not by the name', async () => {
    const html = await refused(Buffer.from('<html><script>alert(1)</script></html>'), 'return.pdf');
    expect(html).toMatchObject({ status: 400, reason: 'TYPE_NOT_ALLOWED' });
    expect(html.fieldErrors[0].message).toMatch(/^is of no recognised type: only PDF, TIFF, PNG and JPEG/);
    const zip = await refused(Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), Buffer.alloc(100)]), 'scan.png');
    expect(zip).toMatchObject({ reason: 'TYPE_NOT_ALLOWED' });
    expect(zip.fieldErrors[0].message).toMatch(/^is application\/zip/);
    const gif = await refused(Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]), 'scan.jpg');
    expect(gif.fieldErrors[0].message).toMatch(/^is image\/gif/);
  });

  it.each([
    ['embedded JavaScript', '5 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n'],
    ['a JS entry alone', '5 0 obj\n<< /JS 6 0 R >>\nendobj\n'],
    ['a launch action', '5 0 obj\n<< /Type /Action /S /Launch /F (cmd.exe) >>\nendobj\n'],
    ['a name hidden by #xx escapes', '5 0 obj\n<< /S /J#61vaScript >>\nendobj\n'],
  ])('refuses a PDF with %s', async (_what, objects) => {
    expect(await refused(testPdf('active', objects))).toMatchObject({ status: 400, reason: 'PDF_ACTIVE_CONTENT' });
  });

  it('refuses active content found after several stored chunks, and rolls those chunks back', async () => {
    const pdf = Buffer.concat([testPdf('long', '', 700 * 1024), Buffer.from('6 0 obj\n<< /OpenAction << /S /Launch >> >>\nendobj\n')]);
    expect(await refused(pdf)).toMatchObject({ reason: 'PDF_ACTIVE_CONTENT' });
  });

  it('refuses a body without a part named "file", and one that is not multipart', async () => {
    expect(await refused(PNG, 'x.png', 'attachment')).toMatchObject({ status: 400, reason: 'NO_FILE' });
    const response = await fetch(new URL(`/documents/referral/${referralId}`, hub.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${await hub.tokenFor(org.people.originator.id)}`, 'content-type': 'application/pdf' },
      body: testPdf('raw'),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'body' }],
    });
  });

  it('refuses attaching to a referral that is over (withdrawn): CONFLICT WRONG_STATE', async () => {
    const referral = await file3210();
    await act(hub, org.people.originator.id, 'withdraw', { referralId: referral.id });
    const { status, body } = await uploadDocument(hub, org.people.originator.id, referral.id, PNG, 'late.png');
    expect([status, body.errors[0].extensions]).toEqual([409, { code: 'CONFLICT', reason: 'WRONG_STATE' }]);
  });
});

describe('who sees documents: the referral visibility rule, every refusal audited', () => {
  let referralId: string;
  let documentId: string;
  beforeAll(async () => {
    referralId = (await file3210()).id;
    documentId = (await uploadDocument(hub, org.people.originator.id, referralId, testPdf('party only'))).body.id;
  });

  const auditOf = async (requestId: string) =>
    (
      await hub.database.dataSource.query('SELECT kind, operation, item_ids, outcome FROM access_audit WHERE request_id = $1', [requestId])
    )[0];

  it('gives a non-party nothing (NOT_FOUND, as for a document that does not exist) and audits the attempt', async () => {
    const response = await downloadDocument(hub, org.people.cawrLiaison.id, documentId, { 'x-request-id': 'nonparty-download' });
    expect(response.status).toBe(404);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(JSON.stringify(body)).not.toContain('party only');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await auditOf('nonparty-download')).toEqual({
      kind: 'READ',
      operation: 'GET /documents/{documentId}',
      item_ids: [documentId],
      outcome: 'NOT_FOUND',
    });
    const missing = await downloadDocument(hub, org.people.cawrLiaison.id, '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('lets no non-party attach (NOT_FOUND, audited), nor an admin who is not a party (FORBIDDEN)', async () => {
    const { status, body } = await uploadDocument(hub, org.people.cawrLiaison.id, referralId, PNG, 'x.png', {
      headers: { 'x-request-id': 'nonparty-upload' },
    });
    expect([status, body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    expect(await auditOf('nonparty-upload')).toEqual({
      kind: 'MUTATION',
      operation: 'POST /documents/{ownerKind}/{ownerId}',
      item_ids: [referralId],
      outcome: 'NOT_FOUND',
    });
    const admin = await uploadDocument(hub, org.people.admin.id, referralId, PNG, 'x.png');
    expect([admin.status, admin.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('lets every party (and an admin, who sees every referral) download, and nobody without a token', async () => {
    for (const party of [org.people.originator, org.people.amLiaison, org.people.admin]) {
      const response = await downloadDocument(hub, party.id, documentId);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const anonymous = await fetch(new URL(`/documents/${documentId}`, hub.url));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('at rest', () => {
  it('holds no plain bytes of a document: chunks sealed with a per-document key, itself sealed by the data key', async () => {
    const referral = await file3210();
    const marker = 'KNOWN-PLAINTEXT-OF-THE-SIGNED-RETURN';
    const pdf = testPdf(marker.repeat(20_000));
    const { body } = await uploadDocument(hub, org.people.originator.id, referral.id, pdf);
    const [row] = await hub.database.dataSource.query('SELECT * FROM document WHERE id = $1', [body.id]);
    expect(row.sealed_key).toMatch(/^enc:v1:[\w-]+:/);
    expect(row.chunk_count).toBe(Math.ceil(pdf.length / (256 * 1024)));
    const chunks: { data: Buffer }[] = await hub.database.dataSource.query(
      'SELECT data FROM document_chunk WHERE document_id = $1 ORDER BY seq',
      [body.id],
    );
    const stored = Buffer.concat(chunks.map((chunk) => chunk.data));
    expect(stored.length).toBe(pdf.length + 16 * chunks.length);
    for (const plain of [Buffer.from(marker), Buffer.from('%PDF-1.4'), pdf.subarray(300_000, 300_016)])
      expect(stored.includes(plain)).toBe(false);
    expect(JSON.stringify(row)).not.toContain(marker);
  });
});

describe('integrity: a changed byte in storage is detected on download', () => {
  const flipByte = (documentId: string, seq: number, offset: number) =>
    hub.database.dataSource.query(
      'UPDATE document_chunk SET data = set_byte(data, $3, get_byte(data, $3) # 1) WHERE document_id = $1 AND seq = $2',
      [documentId, seq, offset],
    );

  it('a one-chunk document is checked whole before any byte is sent', async () => {
    const referral = await file3210();
    const { body } = await uploadDocument(hub, org.people.originator.id, referral.id, testPdf('small'));
    await flipByte(body.id, 0, 20);
    const response = await downloadDocument(hub, org.people.originator.id, body.id);
    expect(response.status).toBe(500);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('DOCUMENT_INTEGRITY');
  });

  it('a longer document is cut at the changed chunk, never passing it on (and a missing last chunk is seen)', async () => {
    const referral = await file3210();
    const pdf = testPdf('long', '', 700 * 1024);
    const { body } = await uploadDocument(hub, org.people.originator.id, referral.id, pdf);
    await flipByte(body.id, 1, 5000);
    const changed = await downloadDocument(hub, org.people.originator.id, body.id);
    expect(changed.status).toBe(200);
    await expect(changed.arrayBuffer()).rejects.toThrow();

    const other = (await uploadDocument(hub, org.people.originator.id, referral.id, pdf)).body.id;
    await hub.database.dataSource.query('DELETE FROM document_chunk WHERE document_id = $1 AND seq = 2', [other]);
    await expect((await downloadDocument(hub, org.people.originator.id, other)).arrayBuffer()).rejects.toThrow();
  });
});

describe('the PDF check as the content streams', () => {
  const inspect = async (pieces: string[]) => {
    const inspector = new DocumentInspector(MAX_BYTES);
    async function* source() {
      for (const piece of pieces) yield Buffer.from(piece, 'latin1');
    }
    for await (const piece of inspector.inspect(source())) expect(piece).toBeInstanceOf(Buffer);
    return inspector.result();
  };

  it('finds a name cut in two by the network, and a harmless name that merely starts like one', async () => {
    const head = testPdf('x', '', 5000).toString('latin1');
    await expect(inspect([head, '<< /S /Java', 'Script >>'])).rejects.toBeInstanceOf(DocumentRefusedError);
    await expect(inspect([head, '<< /S /J#6', '1vaScript >>'])).rejects.toBeInstanceOf(DocumentRefusedError);
    await expect(inspect([head, '<< /S /Launch'])).rejects.toBeInstanceOf(DocumentRefusedError);
    await expect(inspect([head, '<< /JSON /Launcher /Jscript >>'])).resolves.toMatchObject({ mediaType: 'application/pdf' });
  });

  it('skips stream data, where any bytes occur by chance, but not the dictionaries after it (keywords cut in two too)', async () => {
    const head = testPdf('x', '', 5000).toString('latin1');
    const image = '9 0 obj\n<< /Length 40 >>\nstream\n\x00/JS /Launch (random image bytes)\nendstream\nendobj\n';
    await expect(inspect([head, image])).resolves.toMatchObject({ mediaType: 'application/pdf' });
    await expect(inspect([head, image.slice(0, 20), image.slice(20, 26), image.slice(26)])).resolves.toMatchObject({
      size: expect.any(Number),
    });
    await expect(inspect([head, image, '10 0 obj << /S /JavaScript >> endobj'])).rejects.toBeInstanceOf(DocumentRefusedError);
    await expect(inspect([head, image.slice(0, 60), image.slice(60, 64), image.slice(64), '<< /S /Launch >>'])).rejects.toBeInstanceOf(
      DocumentRefusedError,
    );
  });
});
