import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createDisclosureOffice, CUSTOMS_LETTER, customs, DisclosureOffice, passEveryScreen } from '../support/disclosure-fixture';
import { downloadDocument, PNG, testPdf, uploadDocument } from '../support/documents';

let hub: TestHub;
let people: DisclosureOffice;
let requestId: string;
let letterId: string;

const LETTER = testPdf('CBP written request CBP-LA-2026-0147 under 26 CFR 301.6103(l)(14)-1(b)');
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const attach = (as: string, content: Buffer, name: string, requestIdHeader?: string) =>
  uploadDocument(hub, as, requestId, content, name, {
    ownerKind: 'customs-request',
    headers: requestIdHeader ? { 'x-request-id': requestIdHeader } : {},
  });
const auditOf = async (requestIdHeader: string) =>
  (
    await hub.database.dataSource.query('SELECT actor_id, kind, operation, item_ids, outcome FROM access_audit WHERE request_id = $1', [
      requestIdHeader,
    ])
  )[0];

const DOCUMENTS = `query($id: UUID!) {
  customsRequest(id: $id) { documents { id name mediaType size sha256 downloadPath uploadedBy { email } custody { action } } }
  customsRequestHistory(requestId: $id) { action fromState toState details actorId }
}`;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  people = await createDisclosureOffice(hub.services);
  requestId = (await customs(hub, people.first.id, 'recordCustomsRequest', CUSTOMS_LETTER)).id;
});

afterAll(() => hub.stop());

describe('the written request kept with the Customs request (26 CFR 301.6103(l)(14)-1(b)), disclosure officers only', () => {
  it('a disclosure officer attaches the letter, a history entry; a second officer downloads the same bytes (same SHA-256), audited', async () => {
    const uploaded = await attach(people.first.id, LETTER, 'CBP-LA-2026-0147.pdf');
    expect(uploaded.status).toBe(201);
    letterId = uploaded.body.id;
    expect(uploaded.body.sha256).toBe(sha256(LETTER));

    const seen = dataOf(await hub.request(people.second.id, DOCUMENTS, { id: requestId }));
    expect(seen.customsRequest.documents).toEqual([
      {
        id: letterId,
        name: 'CBP-LA-2026-0147.pdf',
        mediaType: 'application/pdf',
        size: LETTER.length,
        sha256: sha256(LETTER),
        downloadPath: `/documents/${letterId}`,
        uploadedBy: { email: people.first.email },
        custody: [],
      },
    ]);
    expect(seen.customsRequestHistory.at(-1)).toEqual({
      action: 'DOCUMENT_ATTACHED',
      fromState: 'RECEIVED',
      toState: 'RECEIVED',
      details: { documentId: letterId, mediaType: 'application/pdf', size: LETTER.length, sha256: sha256(LETTER) },
      actorId: people.first.id,
    });

    const response = await downloadDocument(hub, people.second.id, letterId, { 'x-request-id': 'officer-download' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(LETTER));
    expect(await auditOf('officer-download')).toEqual({
      actor_id: people.second.id,
      kind: 'READ',
      operation: 'GET /documents/{documentId}',
      item_ids: [letterId, requestId],
      outcome: 'ALLOWED',
    });
  });

  it.each([
    ['an auditor', 'auditor'],
    ['an admin', 'admin'],
    ['a functional employee', 'clerk'],
  ] as const)(
    'gives %s (no disclosure officer) nothing: FORBIDDEN, as the customsRequest policy says, and audits it',
    async (_who, person) => {
      const download = await downloadDocument(hub, people[person].id, letterId, { 'x-request-id': `${person}-download` });
      expect(download.status).toBe(403);
      const body = (await download.json()) as any;
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(download.headers.get('content-disposition')).toBeNull();
      expect(await auditOf(`${person}-download`)).toMatchObject({
        actor_id: people[person].id,
        kind: 'READ',
        item_ids: [letterId],
        outcome: 'FORBIDDEN',
      });

      const upload = await attach(people[person].id, PNG, 'x.png', `${person}-upload`);
      expect([upload.status, upload.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
      expect(await auditOf(`${person}-upload`)).toMatchObject({ kind: 'MUTATION', item_ids: [requestId], outcome: 'FORBIDDEN' });
      expect(errorCodeOf(await hub.request(people[person].id, DOCUMENTS, { id: requestId }))).toBe('FORBIDDEN');
    },
  );

  it('answers NOT_FOUND for a Customs request that does not exist, and the upload route still refuses what it must', async () => {
    const missing = await uploadDocument(hub, people.first.id, '00000000-0000-4000-8000-000000000000', PNG, 'x.png', {
      ownerKind: 'customs-request',
    });
    expect([missing.status, missing.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const empty = await attach(people.first.id, Buffer.alloc(0), 'empty.pdf');
    expect(empty.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const script = await attach(people.first.id, testPdf('x', '5 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n'), 'active.pdf');
    expect(script.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const named = await attach(people.first.id, Buffer.from('plain text, not a PDF'), 'letter.pdf');
    expect(named.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const { customsRequest } = dataOf(await hub.request(people.first.id, DOCUMENTS, { id: requestId }));
    expect(customsRequest.documents.map((d: { id: string }) => d.id)).toEqual([letterId]);
  });

  it('keeps later correspondence after the release, and never puts a document into the notices or the release letter', async () => {
    await passEveryScreen(hub, people.first.id, requestId, [1, 2]);
    for (const itemNumber of [1, 2])
      await customs(hub, people.first.id, 'decideCustomsItem', { requestId, itemNumber, decision: 'APPROVED' });
    await customs(hub, people.first.id, 'concludeCustomsReview', { requestId });
    const released = await customs(hub, people.second.id, 'releaseCustomsDisclosure', { requestId });
    expect(released.state).toBe('RELEASED');
    const followUp = await attach(people.third.id, testPdf('CBP follow-up letter'), 'CBP-follow-up.pdf');
    expect(followUp.status).toBe(201);

    const letter = dataOf(
      await hub.request(people.first.id, 'query($id: UUID!) { customsReleaseLetter(requestId: $id) }', { id: requestId }),
    );
    const notices = await hub.database.dataSource.manager.find(Notification, { where: { subjectId: requestId } });
    expect(notices.length).toBeGreaterThan(0);
    const mails = await Promise.all(notices.map((notice) => hub.services.composer.compose(hub.database.dataSource.manager, notice)));
    for (const text of [letter.customsReleaseLetter, ...mails.map((mail) => `${mail.subject}\n${mail.text}\n${mail.html}`)]) {
      for (const trace of [letterId, followUp.body.id, 'CBP-LA-2026-0147.pdf', 'CBP-follow-up.pdf', sha256(LETTER), '/documents/']) {
        expect(text).not.toContain(trace);
      }
    }
    const { customsRequestHistory } = dataOf(await hub.request(people.first.id, DOCUMENTS, { id: requestId }));
    expect(customsRequestHistory.at(-1)).toMatchObject({ action: 'DOCUMENT_ATTACHED', fromState: 'RELEASED', toState: 'RELEASED' });
  });
});
