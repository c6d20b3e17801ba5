import 'reflect-metadata';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';

let hub: TestHub;
let people: TecsPeople;

const FIELDS =
  'id referenceNumber state version taxpayerName dateOfBirth tinMasked travelFrom travelTo revenueOfficerId groupManagerId dhsReference trips { crossedAt placeOfCrossing direction documentNumber }';
const INPUTS: Record<string, string> = {
  requestPastTravel: 'PastTravelRequestInput',
  forwardPastTravelRequest: 'PastTravelStepInput',
  declinePastTravelRequest: 'PastTravelStepInput',
  answerPastTravelRequest: 'AnswerPastTravelInput',
};
const call = (as: string, name: string, input: Record<string, unknown>) =>
  hub.request(as, `mutation($input: ${INPUTS[name]}!) { ${name}(input: $input) { ${FIELDS} } }`, { input });
const ok = async (as: string, name: string, input: Record<string, unknown>) => dataOf(await call(as, name, input))[name];

const REQUEST = {
  taxpayerName: 'Robert T. Haulwell',
  dateOfBirth: '1972-04-18',
  tin: '123-45-6789',
  tinType: 'SSN',
  travelFrom: '2025-01-01',
  travelTo: '2025-12-31',
  reason: 'Balance due; taxpayer says he drives to Canada weekly: find his travel pattern to arrange a field call',
};

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
});

afterAll(() => hub.stop());

describe('seed 000: revenue officers request past travel through the coordinator to DHS', () => {
  let request: Record<string, any>;

  it('lets a revenue officer ask, through the coordinator (who is told), with the TIN sealed', async () => {
    request = await ok(people.clevelandRo.id, 'requestPastTravel', REQUEST);
    expect(request).toMatchObject({
      state: 'REQUESTED',
      tinMasked: expect.stringMatching(/6789$/),
      revenueOfficerId: people.clevelandRo.id,
      groupManagerId: people.clevelandGm.id,
      trips: null,
    });
    expect(request.referenceNumber).toMatch(/^PT-2026-\d{6}$/);
    const [row] = await hub.database.dataSource.query(`SELECT tin, date_of_birth FROM past_travel_request WHERE id = $1`, [request.id]);
    expect(row.tin).toMatch(/^enc:v1:/);
    expect(row.date_of_birth).toMatch(/^enc:v1:/);
    const notices = await hub.database.dataSource.manager.findBy(Notification, { subjectId: request.id });
    expect(notices.map((n) => `${n.kind}:${n.recipientId}`)).toEqual([`PAST_TRAVEL_REQUESTED:${people.coordinator.id}`]);
    const mail = await hub.services.composer.compose(hub.database.dataSource.manager, notices[0]);
    for (const secret of ['Haulwell', '6789', '1972']) expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(secret);
  });

  it('refuses a period in the future or backwards, and anyone but a revenue officer', async () => {
    const bad = await call(people.clevelandRo.id, 'requestPastTravel', { ...REQUEST, travelFrom: '2026-02-01', travelTo: '2026-04-01' });
    expect(bad.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['input.travelTo']);
    const backwards = await call(people.clevelandRo.id, 'requestPastTravel', {
      ...REQUEST,
      travelFrom: '2025-06-01',
      travelTo: '2025-01-01',
    });
    expect(backwards.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['input.travelTo']);
    const notADate = await call(people.clevelandRo.id, 'requestPastTravel', { ...REQUEST, travelFrom: '01/06/2025' });
    expect(notADate.errors![0].extensions!.fieldErrors).toEqual([
      { field: 'input.travelFrom', message: expect.stringContaining('LocalDate') },
    ]);
    expect(errorCodeOf(await call(people.clevelandGm.id, 'requestPastTravel', REQUEST))).toBe('FORBIDDEN');
  });

  it('is seen only by the RO, their GM and the coordinator', async () => {
    const query = `query($id: UUID!) { pastTravelRequest(id: $id) { id } }`;
    for (const person of [people.clevelandRo, people.clevelandGm, people.coordinator])
      expect(dataOf(await hub.request(person.id, query, { id: request.id })).pastTravelRequest.id).toBe(request.id);
    for (const person of [people.otherRo, people.miamiGm, people.ciAgent, people.admin])
      expect(errorCodeOf(await hub.request(person.id, query, { id: request.id }))).toBe('FORBIDDEN');
    const mine = dataOf(await hub.request(people.miamiRo.id, '{ pastTravelRequests { nodes { id } } }')).pastTravelRequests.nodes;
    expect(mine).toEqual([]);
  });

  it('goes to DHS only when the coordinator sends it; DHS answers only what was sent', async () => {
    const early = await call(people.dhsClient.id, 'answerPastTravelRequest', {
      requestId: request.id,
      dhsReference: 'DHS-PT-1',
      trips: [],
    });
    expect(early.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATE' });
    expect(
      dataOf(await hub.request(people.dhsClient.id, '{ pastTravelRequestsWithDhs { nodes { id } } }')).pastTravelRequestsWithDhs.nodes,
    ).toEqual([]);
    request = await ok(people.coordinator.id, 'forwardPastTravelRequest', { requestId: request.id, expectedVersion: request.version });
    expect(request.state).toBe('WITH_DHS');
    const pending = dataOf(
      await hub.request(
        people.dhsClient.id,
        '{ pastTravelRequestsWithDhs { nodes { id referenceNumber taxpayerName dateOfBirth travelFrom travelTo } } }',
      ),
    ).pastTravelRequestsWithDhs.nodes;
    expect(pending).toEqual([
      {
        id: request.id,
        referenceNumber: request.referenceNumber,
        taxpayerName: 'Robert T. Haulwell',
        dateOfBirth: '1972-04-18',
        travelFrom: '2025-01-01',
        travelTo: '2025-12-31',
      },
    ]);
  });

  it('records the answer by the DHS client, visible to those on the case, who are told', async () => {
    expect(
      errorCodeOf(await call(people.coordinator.id, 'answerPastTravelRequest', { requestId: request.id, dhsReference: 'X', trips: [] })),
    ).toBe('FORBIDDEN');
    const answered = await ok(people.dhsClient.id, 'answerPastTravelRequest', {
      requestId: request.id,
      dhsReference: 'DHS-PT-2026-0009',
      trips: [
        { crossedAt: '2025-03-14T11:20:00Z', placeOfCrossing: 'Detroit, MI', direction: 'OUTBOUND', documentNumber: 'P123456789' },
        { crossedAt: '2025-03-16T19:05:00Z', placeOfCrossing: 'Detroit, MI', direction: 'INBOUND', documentNumber: 'P123456789' },
      ],
    });
    expect(answered).toMatchObject({ state: 'ANSWERED', dhsReference: 'DHS-PT-2026-0009' });
    const seen = dataOf(
      await hub.request(people.clevelandGm.id, 'query($id: UUID!) { pastTravelRequest(id: $id) { trips { crossedAt direction } } }', {
        id: request.id,
      }),
    ).pastTravelRequest;
    expect(seen.trips).toEqual([
      { crossedAt: '2025-03-14T11:20:00.000Z', direction: 'OUTBOUND' },
      { crossedAt: '2025-03-16T19:05:00.000Z', direction: 'INBOUND' },
    ]);
    const told = await hub.database.dataSource.manager.findBy(Notification, { subjectId: request.id, kind: 'PAST_TRAVEL_ANSWERED' });
    expect(told.map((n) => n.recipientId).sort()).toEqual([people.clevelandRo.id, people.clevelandGm.id, people.coordinator.id].sort());
    const history = dataOf(
      await hub.request(people.clevelandRo.id, 'query($id: UUID!) { pastTravelRequestHistory(requestId: $id) { action actorId } }', {
        id: request.id,
      }),
    ).pastTravelRequestHistory;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['REQUESTED', 'FORWARDED_TO_DHS', 'ANSWERED']);
    expect(history[2].actorId).toBe(people.dhsClient.id);
  });

  it('lets the coordinator decline with a reason, and the RO and GM are told', async () => {
    const other = await ok(people.clevelandRo.id, 'requestPastTravel', REQUEST);
    const reasonless = await call(people.coordinator.id, 'declinePastTravelRequest', { requestId: other.id });
    expect(reasonless.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['input.reason']);
    const declined = await ok(people.coordinator.id, 'declinePastTravelRequest', {
      requestId: other.id,
      reason: 'Already answered under PT request of March',
    });
    expect(declined.state).toBe('DECLINED');
    const told = await hub.database.dataSource.manager.findBy(Notification, { subjectId: other.id, kind: 'PAST_TRAVEL_DECLINED' });
    expect(told.map((n) => n.recipientId).sort()).toEqual([people.clevelandRo.id, people.clevelandGm.id].sort());
  });
});
