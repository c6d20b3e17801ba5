import 'reflect-metadata';
import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { GraphQLResponse, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_3210, VALID_4442 } from '../support/org-fixture';
import { act, fileReferral } from '../support/referral-operations';
import { PNG, testPdf, uploadDocument } from '../support/documents';
import { StatementCounter } from '../support/statement-counter';

/**
 * Referral.documentActions and Document.custodyActions list what the hub lets the caller do (issue 16: the console
 * offers only these). Each check below asks the list, then tries the operation, person by person: the list and the
 * operation must agree, and the offers must be the expected ones (so a rule that refuses everything fails too).
 */

const counter = new StatementCounter();
let hub: TestHub;
let org: TestOrganisation;
let otherRivoEmployee: Employee;
let people: [string, Employee][];

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z', logger: counter });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  otherRivoEmployee = await hub.services.org.createEmployee({
    email: 'rivo.other@example.gov',
    name: 'rivo.other',
    functionId: org.functions.rivo.id,
    managerId: org.people.rivoLiaison.id,
    roles: [Role.FUNCTIONAL_EMPLOYEE],
    phone: '2025550100',
  });
  // The assignee last: their forward succeeds, and the others are asked about a document not yet forwarded.
  people = [
    ['originator', org.people.originator],
    ['originating liaison', org.people.amLiaison],
    ['receiving liaison', org.people.rivoLiaison],
    ['other RIVO employee', otherRivoEmployee],
    ['admin (sees it, not a party)', org.people.admin],
    ['not a party', org.people.cawrLiaison],
    ['RIVO worker', org.people.rivoWorker],
  ];
});

afterAll(() => hub.stop());

const OFFERS = `query Offers($id: UUID!) { referral(id: $id) { state documentActions documents(first: 100) { id custodyActions } } }`;
const FORWARD = `mutation Forward($input: ForwardDocumentInput!) { forwardDocumentToSubmissionProcessing(input: $input) { id custodyActions } }`;

interface Offers {
  state: string;
  documentActions: string[];
  documents: { id: string; custodyActions: string[] }[];
}

/** What the API offers the person on the referral; null when they may not see it (NOT_FOUND: nothing is offered). */
async function offersTo(as: string, referralId: string): Promise<Offers | null> {
  const response = await hub.request(as, OFFERS, { id: referralId });
  if (response.errors) {
    expect(response.errors[0].extensions?.code).toBe('NOT_FOUND');
    return null;
  }
  return response.data!.referral as Offers;
}

const codeOf = (response: GraphQLResponse) => response.errors?.[0].extensions?.code as string | undefined;

/** Each person: ATTACH offered exactly when the upload is accepted; returns who was offered it. */
async function attachOffers(referralId: string): Promise<string[]> {
  const offered: string[] = [];
  for (const [name, person] of people) {
    const listed = (await offersTo(person.id, referralId))?.documentActions.includes('ATTACH') ?? false;
    const { status } = await uploadDocument(hub, person.id, referralId, PNG, 'envelope.png');
    expect({ name, offered: listed }).toEqual({ name, offered: status === 201 });
    if (listed) offered.push(name);
  }
  return offered;
}

/** Each person: FORWARD_TO_SUBMISSION_PROCESSING offered exactly when the forward succeeds; returns who was offered it. */
async function forwardOffers(referralId: string, documentId: string): Promise<string[]> {
  const offered: string[] = [];
  for (const [name, person] of people) {
    const offers = await offersTo(person.id, referralId);
    const listed = offers?.documents.find((d) => d.id === documentId)!.custodyActions.includes('FORWARD_TO_SUBMISSION_PROCESSING') ?? false;
    const code = codeOf(await hub.request(person.id, FORWARD, { input: { referralId, documentId } }));
    expect({ name, offered: listed }).toEqual({ name, offered: code === undefined });
    if (listed) offered.push(name);
  }
  return offered;
}

async function fileToRivo(form: 'F3210' | 'F4442') {
  const referral = await fileReferral(hub, org.people.originator.id, {
    form,
    receivingFunctionId: org.functions.rivo.id,
    content: form === 'F3210' ? { form3210: VALID_3210 } : { form4442: VALID_4442 },
  });
  const { body } = await uploadDocument(hub, org.people.originator.id, referral.id, testPdf('Signed Form 1040'), 'return.pdf');
  return { referralId: referral.id as string, returnId: body.id as string };
}

async function worked(form: 'F3210' | 'F4442') {
  const filed = await fileToRivo(form);
  await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.referralId });
  await act(hub, org.people.rivoWorker.id, 'openControl', { referralId: filed.referralId });
  return filed;
}

const stateOf = async (referralId: string) => (await offersTo(org.people.originator.id, referralId))!.state;

describe('Referral.documentActions: ATTACH is offered exactly to whom an upload is accepted', () => {
  it('in the queue: every party, RIVO employees included; not a stranger', async () => {
    const { referralId } = await fileToRivo('F3210');
    expect(await attachOffers(referralId)).toEqual([
      'originator',
      'originating liaison',
      'receiving liaison',
      'other RIVO employee',
      'RIVO worker',
    ]);
  });

  it('while RIVO works it: the parties (another RIVO employee no longer sees it)', async () => {
    const { referralId } = await worked('F3210');
    expect(await attachOffers(referralId)).toEqual(['originator', 'originating liaison', 'receiving liaison', 'RIVO worker']);
  });

  it('once it ended, closed or returned "no TPP involvement" (IRM 25.25.6.2.3(3)): nobody (the upload is CONFLICT)', async () => {
    const closed = await worked('F3210');
    await act(hub, org.people.rivoWorker.id, 'complete', {
      referralId: closed.referralId,
      actionsTaken: ['Return sent to SP'],
      resolutionCode: 'RTN2PROC',
    });
    const returned = await fileToRivo('F4442');
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: returned.referralId });
    await act(hub, org.people.rivoWorker.id, 'returnNoTpp', { referralId: returned.referralId });
    for (const { referralId } of [closed, returned]) {
      expect(await attachOffers(referralId)).toEqual([]);
      expect((await uploadDocument(hub, org.people.originator.id, referralId, PNG)).status).toBe(409);
    }
    expect([await stateOf(closed.referralId), await stateOf(returned.referralId)]).toEqual(['CLOSED', 'RETURNED_NO_TPP']);
  });
});

describe('Document.custodyActions: FORWARD_TO_SUBMISSION_PROCESSING is offered exactly when the forward succeeds (IRM 25.25.6.2.3(4))', () => {
  it('in the queue and checked out: nobody', async () => {
    const { referralId, returnId } = await fileToRivo('F3210');
    expect(await forwardOffers(referralId, returnId)).toEqual([]);
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId });
    expect(await forwardOffers(referralId, returnId)).toEqual([]);
  });

  it('WORKING: the RIVO worker, once per document; the other documents stay offered', async () => {
    const { referralId, returnId } = await worked('F3210');
    const envelope = (await uploadDocument(hub, org.people.originator.id, referralId, PNG, 'envelope.png')).body.id as string;
    expect(await forwardOffers(referralId, returnId)).toEqual(['RIVO worker']);
    // Forwarded once: offered to nobody, refused as ALREADY_EXISTS.
    expect(await forwardOffers(referralId, returnId)).toEqual([]);
    expect(codeOf(await hub.request(org.people.rivoWorker.id, FORWARD, { input: { referralId, documentId: returnId } }))).toBe('CONFLICT');
    const worker = (await offersTo(org.people.rivoWorker.id, referralId))!;
    // Both were uploaded at the same instant of the test clock: their order is by id, so compare by id.
    expect(Object.fromEntries(worker.documents.map((d) => [d.id, d.custodyActions]))).toEqual({
      [returnId]: [],
      [envelope]: ['FORWARD_TO_SUBMISSION_PROCESSING'],
    });
  });

  it('MONITORING and once closed: nobody', async () => {
    const { referralId, returnId } = await worked('F3210');
    await act(hub, org.people.rivoWorker.id, 'monitor', { referralId, reason: 'MFT32REV' });
    expect(await stateOf(referralId)).toBe('MONITORING');
    expect(await forwardOffers(referralId, returnId)).toEqual([]);
    await act(hub, org.people.rivoWorker.id, 'resumeWork', { referralId });
    await act(hub, org.people.rivoWorker.id, 'complete', { referralId, actionsTaken: ['Return sent to SP'], resolutionCode: 'RTN2PROC' });
    expect(await forwardOffers(referralId, returnId)).toEqual([]);
  });

  it('a Form 4442 worked by RIVO: nobody (it transmits no return)', async () => {
    const { referralId, returnId } = await worked('F4442');
    expect(await forwardOffers(referralId, returnId)).toEqual([]);
  });

  it("costs the same SQL statements for a referral's 2 or 12 documents (the referral and its history are batched)", async () => {
    const { referralId } = await worked('F3210');
    let listed = 0;
    const ask = async () => {
      listed = (await offersTo(org.people.rivoWorker.id, referralId))!.documents.length;
    };
    await uploadDocument(hub, org.people.originator.id, referralId, PNG);
    const few = await counter.measure(ask);
    expect(listed).toBe(2);
    for (let i = 0; i < 10; i++) await uploadDocument(hub, org.people.originator.id, referralId, PNG);
    const many = await counter.measure(ask);
    expect(listed).toBe(12);
    expect(many).toBe(few);
  });
});
