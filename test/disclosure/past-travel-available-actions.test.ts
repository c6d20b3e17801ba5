import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';

let hub: TestHub;
let people: TecsPeople;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
});

afterAll(() => hub.stop());

type Caller = 'clevelandRo' | 'clevelandGm' | 'coordinator' | 'miamiRo' | 'dhsClient';
const CALLERS: Caller[] = ['clevelandRo', 'clevelandGm', 'coordinator', 'miamiRo', 'dhsClient'];

const INPUTS: Record<string, string> = {
  requestPastTravel: 'PastTravelRequestInput',
  forwardPastTravelRequest: 'PastTravelStepInput',
  declinePastTravelRequest: 'PastTravelStepInput',
  answerPastTravelRequest: 'AnswerPastTravelInput',
  discloseTecsInformation: 'DiscloseTecsInformationInput',
  recordDhsDisclosureAuthorization: 'RecordDhsDisclosureAuthorizationInput',
};
const SELECTION: Record<string, string> = { discloseTecsInformation: 'disclosure { id }' };
const call = (as: string, name: string, input: Record<string, unknown>) =>
  hub.request(as, `mutation($input: ${INPUTS[name]}!) { ${name}(input: $input) { ${SELECTION[name] ?? 'id'} } }`, { input });
const ok = async (as: string, name: string, input: Record<string, unknown>) => dataOf(await call(as, name, input))[name];

const TRIP = { crossedAt: '2025-03-14T11:20:00Z', placeOfCrossing: 'Detroit, MI', direction: 'OUTBOUND', documentNumber: 'P123456789' };
const answer = (requestId: string, trips = [TRIP]) => ({ requestId, dhsReference: 'DHS-PT-2026-0011', trips });

const SETUPS: Record<string, (requestId: string) => Promise<unknown>> = {
  REQUESTED: async () => undefined,
  WITH_DHS: (requestId) => ok(people.coordinator.id, 'forwardPastTravelRequest', { requestId }),
  ANSWERED: async (requestId) => (await SETUPS.WITH_DHS(requestId), ok(people.dhsClient.id, 'answerPastTravelRequest', answer(requestId))),
  DECLINED: (requestId) => ok(people.coordinator.id, 'declinePastTravelRequest', { requestId, reason: 'No collection purpose shown' }),
};

/** A request by the Cleveland RO (whose GM is the Cleveland GM), brought into the setup's state. */
async function build(setup: string): Promise<string> {
  const { id } = await ok(people.clevelandRo.id, 'requestPastTravel', {
    taxpayerName: 'Robert T. Haulwell',
    dateOfBirth: '1972-04-18',
    tin: '123-45-6789',
    tinType: 'SSN',
    travelFrom: '2025-01-01',
    travelTo: '2025-12-31',
    reason: 'Balance due; find his travel pattern to arrange a field call',
    taxYears: [2024],
  });
  await SETUPS[setup](id);
  return id;
}

/** What the API lists for the caller: the DHS client reads the requests sent to DHS; [] when the caller may not read it. */
async function listedFor(caller: Caller, id: string): Promise<string[]> {
  if (caller === 'dhsClient') {
    const { pastTravelRequestsWithDhs } = dataOf(
      await hub.request(people.dhsClient.id, `{ pastTravelRequestsWithDhs(first: 500) { nodes { id availableActions } } }`),
    );
    return pastTravelRequestsWithDhs.nodes.find((request: { id: string }) => request.id === id)?.availableActions ?? [];
  }
  const response = await hub.request(people[caller].id, `query($id: UUID!) { pastTravelRequest(id: $id) { availableActions } }`, { id });
  if (response.errors) {
    expect(errorCodeOf(response)).toBe('FORBIDDEN');
    return [];
  }
  return dataOf(response).pastTravelRequest.availableActions;
}

/** Every step the API offers, each tried with input it would accept from someone allowed. */
const ATTEMPTS: [string, string, (requestId: string) => Record<string, unknown>][] = [
  ['FORWARD', 'forwardPastTravelRequest', (requestId) => ({ requestId })],
  ['DECLINE', 'declinePastTravelRequest', (requestId) => ({ requestId, reason: 'Not needed' })],
  ['ANSWER', 'answerPastTravelRequest', (requestId) => answer(requestId, [])],
  [
    'DISCLOSE_ANSWER',
    'discloseTecsInformation',
    (pastTravelRequestId) => ({ pastTravelRequestId, recipient: { kind: 'TAXPAYER' }, fields: ['PLACE_OF_CROSSING'] }),
  ],
  [
    'RECORD_DHS_AUTHORIZATION',
    'recordDhsDisclosureAuthorization',
    (pastTravelRequestId) => ({
      pastTravelRequestId,
      dhsReference: 'DHS-AUTH-2026-0077',
      recipient: { kind: 'TAXPAYER' },
      fields: ['DIRECTION'],
      authorizedOn: '2026-03-01',
    }),
  ],
];

const DISCLOSURE = ['DISCLOSE_ANSWER', 'RECORD_DHS_AUTHORIZATION'];
const none: Record<Caller, string[]> = { clevelandRo: [], clevelandGm: [], coordinator: [], miamiRo: [], dhsClient: [] };

/** What each caller is offered (the lifecycle table, the access policy, who is on the request: seed 000). */
const EXPECTED: Record<string, Record<Caller, string[]>> = {
  REQUESTED: { ...none, coordinator: ['FORWARD', 'DECLINE'] },
  WITH_DHS: { ...none, dhsClient: ['ANSWER'] },
  ANSWERED: { ...none, clevelandRo: DISCLOSURE, clevelandGm: DISCLOSURE, coordinator: DISCLOSURE },
  DECLINED: none,
};

const CASES = Object.keys(SETUPS).flatMap((setup) => CALLERS.map((caller) => [setup, caller]));

describe('PastTravelRequest.availableActions lists exactly the steps the API accepts from the caller', () => {
  it.each(CASES)('%s, as %s: every listed step succeeds, every other is refused', async (setup, caller) => {
    const as = people[caller as Caller].id;
    let requestId = await build(setup);
    const listed = await listedFor(caller as Caller, requestId);
    expect([...listed].sort()).toEqual([...EXPECTED[setup][caller as Caller]].sort());
    const succeeded: string[] = [];
    for (const [action, name, input] of ATTEMPTS) {
      const response = await call(as, name, input(requestId));
      if (response.errors) {
        expect(['FORBIDDEN', 'CONFLICT']).toContain(errorCodeOf(response));
        continue;
      }
      succeeded.push(action);
      requestId = await build(setup);
    }
    expect(succeeded.sort()).toEqual([...listed].sort());
  });
});
