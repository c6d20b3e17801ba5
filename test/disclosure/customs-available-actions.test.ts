import 'reflect-metadata';
import { dataOf, errorCodeOf, GraphQLResponse, startTestHub, TestHub } from '../support/hub';
import { uploadDocument, testPdf } from '../support/documents';
import {
  createDisclosureOffice,
  CUSTOMS_LETTER,
  customs,
  customsMutation,
  DisclosureOffice,
  passEveryScreen,
} from '../support/disclosure-fixture';

let hub: TestHub;
let people: DisclosureOffice;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  people = await createDisclosureOffice(hub.services);
});

afterAll(() => hub.stop());

type Caller = 'first' | 'second' | 'auditor';

/** The first officer reviews every request; the third releases; the second takes no part. */
const review = (name: string, input: Record<string, unknown>) => customs(hub, people.first.id, name, input);
const decideAll = async (requestId: string, decisions: string[]) => {
  for (const [index, decision] of decisions.entries())
    await review('decideCustomsItem', { requestId, itemNumber: index + 1, decision, reason: 'Not necessary to the entry' });
};
const screened = (requestId: string) => passEveryScreen(hub, people.first.id, requestId, [1, 2]);

const SETUPS: Record<string, (requestId: string) => Promise<unknown>> = {
  RECEIVED: async () => undefined,
  'UNDER_REVIEW, items undecided': screened,
  'UNDER_REVIEW, every item approved': async (id) => (await screened(id), decideAll(id, ['APPROVED', 'APPROVED'])),
  'UNDER_REVIEW, item 1 approved, item 2 denied': async (id) => (await screened(id), decideAll(id, ['APPROVED', 'DENIED'])),
  'UNDER_REVIEW, every item denied': async (id) => (await screened(id), decideAll(id, ['DENIED', 'DENIED'])),
  APPROVED: async (id) => (await SETUPS['UNDER_REVIEW, every item approved'](id), review('concludeCustomsReview', { requestId: id })),
  PARTLY_APPROVED: async (id) => (
    await SETUPS['UNDER_REVIEW, item 1 approved, item 2 denied'](id),
    review('concludeCustomsReview', { requestId: id })
  ),
  DENIED: async (id) => (await SETUPS['UNDER_REVIEW, every item denied'](id), review('concludeCustomsReview', { requestId: id })),
  INCOMPLETE: (id) => review('returnCustomsRequestIncomplete', { requestId: id, reason: 'No explanation of necessity for item 2' }),
  RELEASED: async (id) => (await SETUPS.APPROVED(id), customs(hub, people.third.id, 'releaseCustomsDisclosure', { requestId: id })),
};

async function build(setup: string): Promise<string> {
  const { id } = await review('recordCustomsRequest', CUSTOMS_LETTER);
  await SETUPS[setup](id);
  return id;
}

/** What the API lists for the caller ([] when they may not read the request at all). */
async function listedFor(as: string, id: string): Promise<string[]> {
  const response = await hub.request(as, `query($id: UUID!) { customsRequest(id: $id) { availableActions } }`, { id });
  if (response.errors) {
    expect(errorCodeOf(response)).toBe('FORBIDDEN');
    return [];
  }
  return dataOf(response).customsRequest.availableActions;
}

/** The action an attempt took when it succeeded (a conclusion by the state it led to), or the refusal's code. */
type Outcome = { action: string } | { refused: string };

const mutate = async (as: string, name: string, input: Record<string, unknown>, action: (request: any) => string): Promise<Outcome> => {
  const response: GraphQLResponse = await hub.request(as, customsMutation(name), { input });
  return response.errors ? { refused: errorCodeOf(response) } : { action: action(dataOf(response)[name]) };
};

/** Every step the API offers, each tried with input it would accept from someone allowed. */
const ATTEMPTS: ((as: string, requestId: string) => Promise<Outcome>)[] = [
  (as, requestId) => mutate(as, 'returnCustomsRequestIncomplete', { requestId, reason: 'Item 2 unclear' }, () => 'RETURN_INCOMPLETE'),
  (as, requestId) =>
    mutate(
      as,
      'answerCustomsScreen',
      { requestId, screen: 'E_NO_IMPAIRMENT', passed: true, reason: 'No informant' },
      () => 'ANSWER_SCREEN',
    ),
  (as, requestId) =>
    mutate(as, 'decideCustomsItem', { requestId, itemNumber: 1, decision: 'DENIED', reason: 'Not necessary' }, () => 'DECIDE_ITEM'),
  (as, requestId) => mutate(as, 'concludeCustomsReview', { requestId }, (request) => `CONCLUDE_${request.state}`),
  (as, requestId) => mutate(as, 'returnCustomsReview', { requestId, reason: 'Item 1 fails (c)' }, () => 'RETURN_TO_REVIEW'),
  (as, requestId) => mutate(as, 'releaseCustomsDisclosure', { requestId }, () => 'RELEASE'),
  async (as, requestId) => {
    const upload = await uploadDocument(hub, as, requestId, testPdf('CBP letter'), 'letter.pdf', { ownerKind: 'customs-request' });
    return upload.status === 201 ? { action: 'ATTACH_DOCUMENT' } : { refused: upload.body.errors[0].extensions.code };
  },
];

const OPEN = ['RETURN_INCOMPLETE', 'ANSWER_SCREEN', 'ATTACH_DOCUMENT'];
const REVIEWING = [...OPEN, 'DECIDE_ITEM'];
const TWO_PERSON = ['RETURN_TO_REVIEW', 'RELEASE', 'ATTACH_DOCUMENT'];
const same = (actions: string[]): Record<Caller, string[]> => ({ first: actions, second: actions, auditor: [] });

/** What each caller is offered in each setup (the README's lifecycle table, the access policy, the two-person rule). */
const EXPECTED: Record<string, Record<Caller, string[]>> = {
  RECEIVED: same(OPEN),
  'UNDER_REVIEW, items undecided': same(REVIEWING),
  'UNDER_REVIEW, every item approved': same([...REVIEWING, 'CONCLUDE_APPROVED']),
  'UNDER_REVIEW, item 1 approved, item 2 denied': same([...REVIEWING, 'CONCLUDE_PARTLY_APPROVED']),
  'UNDER_REVIEW, every item denied': same([...REVIEWING, 'CONCLUDE_DENIED']),
  APPROVED: { first: ['ATTACH_DOCUMENT'], second: TWO_PERSON, auditor: [] },
  PARTLY_APPROVED: { first: ['ATTACH_DOCUMENT'], second: TWO_PERSON, auditor: [] },
  DENIED: same(['ATTACH_DOCUMENT']),
  INCOMPLETE: same(['ATTACH_DOCUMENT']),
  RELEASED: same(['ATTACH_DOCUMENT']),
};

const CASES = Object.keys(SETUPS).flatMap((setup) => (['first', 'second', 'auditor'] as Caller[]).map((caller) => [setup, caller]));

describe('CustomsRequest.availableActions lists exactly the steps the API accepts from the caller', () => {
  it.each(CASES)('%s, as the %s officer/auditor: every listed step succeeds, every other is refused', async (setup, caller) => {
    const as = people[caller as Caller].id;
    let requestId = await build(setup);
    const listed = await listedFor(as, requestId);
    expect([...listed].sort()).toEqual([...EXPECTED[setup][caller as Caller]].sort());
    const succeeded: string[] = [];
    for (const attempt of ATTEMPTS) {
      const outcome = await attempt(as, requestId);
      if ('refused' in outcome) {
        expect(['FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT']).toContain(outcome.refused);
        continue;
      }
      succeeded.push(outcome.action);
      requestId = await build(setup);
    }
    expect(succeeded.sort()).toEqual([...listed].sort());
  });

  it('two-person rule: the officer who reviewed is not offered release and is refused it; a second officer is offered it and releases', async () => {
    const requestId = await build('APPROVED');
    expect(await listedFor(people.first.id, requestId)).not.toContain('RELEASE');
    const refused = await hub.request(people.first.id, customsMutation('releaseCustomsDisclosure'), { input: { requestId } });
    expect(errorCodeOf(refused)).toBe('FORBIDDEN');
    expect(await listedFor(people.second.id, requestId)).toContain('RELEASE');
    expect((await customs(hub, people.second.id, 'releaseCustomsDisclosure', { requestId })).state).toBe('RELEASED');
  });
});
