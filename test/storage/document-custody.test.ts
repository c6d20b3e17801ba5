import 'reflect-metadata';
import { dataOf, GraphQLResponse, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_3210, VALID_4442 } from '../support/org-fixture';
import { act, fileReferral } from '../support/referral-operations';
import { downloadDocument, PNG, testPdf, uploadDocument } from '../support/documents';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const FORWARD = `mutation Forward($input: ForwardDocumentInput!) { forwardDocumentToSubmissionProcessing(input: $input) {
  id custody { action to at note by { email } }
} }`;

const DOCUMENTS = `query Docs($id: UUID!) { referral(id: $id) {
  state documents { id custody { action to at note by { email } } }
  history(first: 50) { action fromState toState details actor { email } }
} }`;

const forward = (as: string, input: Record<string, unknown>) => hub.request(as, FORWARD, { input });
const documentsOf = async (as: string, id: string) => dataOf(await hub.request(as, DOCUMENTS, { id })).referral;
const refusal = (response: GraphQLResponse) => {
  const { code, reason, fieldErrors } = response.errors![0].extensions as Record<string, unknown>;
  return { code, reason, fieldErrors };
};

/** A Form 3210 with the signed return and the envelope, filed by the revenue officer to RIVO (IRM 25.25.6.2.3(2)). */
async function file3210WithReturn(form: 'F3210' | 'F4442' = 'F3210') {
  const referral = await fileReferral(hub, org.people.originator.id, {
    form,
    receivingFunctionId: org.functions.rivo.id,
    content: form === 'F3210' ? { form3210: VALID_3210 } : { form4442: VALID_4442 },
  });
  // A second apart, so Referral.documents (oldest first) lists them in this order.
  const signedReturn = (await uploadDocument(hub, org.people.originator.id, referral.id, testPdf('Signed Form 1040'), 'return.pdf')).body;
  hub.clock.advance(1000);
  const envelope = (await uploadDocument(hub, org.people.originator.id, referral.id, PNG, 'envelope.png')).body;
  return { referralId: referral.id as string, signedReturnId: signedReturn.id as string, envelopeId: envelope.id as string };
}

async function worked(form: 'F3210' | 'F4442' = 'F3210') {
  const filed = await file3210WithReturn(form);
  await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.referralId });
  await act(hub, org.people.rivoWorker.id, 'openControl', { referralId: filed.referralId });
  return filed;
}

describe('IRM 25.25.6.2.3(4): RIVO detaches the return from the Form 3210 and forwards it to Submission Processing', () => {
  it('records who forwarded which document, when, to SP: a history entry, shown in Document.custody; the other documents stay', async () => {
    const { referralId, signedReturnId, envelopeId } = await worked();
    hub.clock.advance(3_600_000);
    const response = await forward(org.people.rivoWorker.id, {
      referralId,
      documentId: signedReturnId,
      note: 'Batched as unnumbered return',
    });
    const step = {
      action: 'FORWARD_DOCUMENT_TO_SP',
      to: 'Submission Processing (SP)',
      at: hub.clock.now().toISOString(),
      note: 'Batched as unnumbered return',
      by: { email: 'rivo.worker@example.gov' },
    };
    expect(dataOf(response).forwardDocumentToSubmissionProcessing).toEqual({ id: signedReturnId, custody: [step] });

    const seen = await documentsOf(org.people.originator.id, referralId);
    expect(seen.state).toBe('WORKING');
    expect(seen.documents).toEqual([
      { id: signedReturnId, custody: [step] },
      { id: envelopeId, custody: [] },
    ]);
    expect(seen.history.filter((entry: { action: string }) => entry.action === 'FORWARD_DOCUMENT_TO_SP')).toEqual([
      {
        action: 'FORWARD_DOCUMENT_TO_SP',
        fromState: 'WORKING',
        toState: 'WORKING',
        details: { documentId: signedReturnId, to: 'Submission Processing (SP)' },
        actor: { email: 'rivo.worker@example.gov' },
      },
    ]);
  });

  it('forwards a document once: a second time is CONFLICT ALREADY_EXISTS and writes nothing', async () => {
    const { referralId, signedReturnId } = await worked();
    dataOf(await forward(org.people.rivoWorker.id, { referralId, documentId: signedReturnId }));
    const again = await forward(org.people.rivoWorker.id, { referralId, documentId: signedReturnId });
    expect(refusal(again)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect((await documentsOf(org.people.originator.id, referralId)).documents[0].custody).toHaveLength(1);
  });

  it('is refused to anyone but the RIVO employee working it (FORBIDDEN), and to non-parties (NOT_FOUND)', async () => {
    const { referralId, signedReturnId } = await worked();
    for (const person of [org.people.originator, org.people.rivoLiaison, org.people.admin]) {
      expect(refusal(await forward(person.id, { referralId, documentId: signedReturnId })).code).toBe('FORBIDDEN');
    }
    expect(refusal(await forward(org.people.cawrLiaison.id, { referralId, documentId: signedReturnId })).code).toBe('NOT_FOUND');
    expect((await documentsOf(org.people.originator.id, referralId)).documents[0].custody).toEqual([]);
  });

  it('is refused outside the WORKING state (CONFLICT WRONG_STATE): in the queue, checked out, monitoring, closed', async () => {
    const { referralId, signedReturnId } = await file3210WithReturn();
    const tryIt = async () => refusal(await forward(org.people.rivoWorker.id, { referralId, documentId: signedReturnId }));
    expect(await tryIt()).toMatchObject({ code: 'FORBIDDEN' }); // in the queue nobody works it yet
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId });
    expect(await tryIt()).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATE' });
    await act(hub, org.people.rivoWorker.id, 'openControl', { referralId });
    await act(hub, org.people.rivoWorker.id, 'monitor', { referralId, reason: 'MFT32REV' });
    expect(await tryIt()).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATE' });
    await act(hub, org.people.rivoWorker.id, 'resumeWork', { referralId });
    await act(hub, org.people.rivoWorker.id, 'complete', { referralId, actionsTaken: ['Return sent to SP'], resolutionCode: 'RTN2PROC' });
    expect(await tryIt()).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATE' });
  });

  it('is only for a Form 3210 (a 4442 transmits no return: BAD_USER_INPUT on input.referralId), and only its own documents', async () => {
    const form4442 = await worked('F4442');
    expect(
      refusal(await forward(org.people.rivoWorker.id, { referralId: form4442.referralId, documentId: form4442.signedReturnId })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: undefined,
      fieldErrors: [
        {
          field: 'input.referralId',
          message: 'only the documents of a Form 3210 are forwarded to Submission Processing (IRM 25.25.6.2.3(4))',
        },
      ],
    });
    const form3210 = await worked();
    const other = await forward(org.people.rivoWorker.id, { referralId: form3210.referralId, documentId: form4442.signedReturnId });
    expect(refusal(other).code).toBe('NOT_FOUND');
  });
});

describe('IRM 25.25.6.2.3(3): returned "no TPP involvement", the referral takes its attachments back to the sender', () => {
  it('marks each document returned to the sender, and only the sender side keeps the documents: RIVO’s custody ends', async () => {
    const { referralId, signedReturnId, envelopeId } = await file3210WithReturn();
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId });
    expect((await downloadDocument(hub, org.people.rivoWorker.id, signedReturnId)).status).toBe(200);
    hub.clock.advance(60_000);
    await act(hub, org.people.rivoWorker.id, 'returnNoTpp', { referralId });

    const step = {
      action: 'RETURN_DOCUMENT_TO_SENDER',
      to: 'the sender',
      at: hub.clock.now().toISOString(),
      note: null,
      by: { email: 'rivo.worker@example.gov' },
    };
    const seen = await documentsOf(org.people.originator.id, referralId);
    expect(seen.state).toBe('RETURNED_NO_TPP');
    expect(seen.documents).toEqual([
      { id: signedReturnId, custody: [step] },
      { id: envelopeId, custody: [step] },
    ]);
    expect(
      seen.history.slice(-3).map((entry: Record<string, unknown>) => [entry.action, entry.fromState, entry.toState, entry.details]),
    ).toEqual([
      ['RETURN_DOCUMENT_TO_SENDER', 'CHECKED_OUT', 'CHECKED_OUT', { documentId: signedReturnId, to: 'the sender' }],
      ['RETURN_DOCUMENT_TO_SENDER', 'CHECKED_OUT', 'CHECKED_OUT', { documentId: envelopeId, to: 'the sender' }],
      ['RETURN_NO_TPP_INVOLVEMENT', 'CHECKED_OUT', 'RETURNED_NO_TPP', null],
    ]);

    // The sender (and their function's liaison, and admins) still download them.
    for (const person of [org.people.originator, org.people.amLiaison, org.people.admin]) {
      const response = await downloadDocument(hub, person.id, signedReturnId);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).includes(Buffer.from('Signed Form 1040'))).toBe(true);
    }
    // RIVO still sees the referral and what was returned, but holds the documents no more (audited refusal).
    expect((await documentsOf(org.people.rivoWorker.id, referralId)).documents).toHaveLength(2);
    for (const person of [org.people.rivoWorker, org.people.rivoLiaison]) {
      const response = await downloadDocument(hub, person.id, envelopeId, { 'x-request-id': `returned-${person.id}` });
      expect(response.status).toBe(403);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      const [audit] = await hub.database.dataSource.query('SELECT outcome, item_ids FROM access_audit WHERE request_id = $1', [
        `returned-${person.id}`,
      ]);
      expect(audit).toEqual({ outcome: 'FORBIDDEN', item_ids: [envelopeId] });
    }
  });

  it('a referral returned without documents writes no document entries', async () => {
    const referral = await fileReferral(hub, org.people.originator.id, {
      form: 'F4442',
      receivingFunctionId: org.functions.rivo.id,
      content: { form4442: VALID_4442 },
    });
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: referral.id });
    await act(hub, org.people.rivoWorker.id, 'returnNoTpp', { referralId: referral.id });
    const { history } = await documentsOf(org.people.originator.id, referral.id);
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['FILE', 'CHECK_OUT', 'RETURN_NO_TPP_INVOLVEMENT']);
  });
});
