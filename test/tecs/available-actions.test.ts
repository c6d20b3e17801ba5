import 'reflect-metadata';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { investigationOnLookout, tecs } from '../support/tecs-operations';

// The console shows a button only for what availableActions lists; these are the lifecycle tables' answers (seed 000).

let hub: TestHub;
let people: TecsPeople;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-30T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
});

afterAll(() => hub.stop());

const actionsOf = async (as: { id: string }, query: string, id: string): Promise<string[]> =>
  Object.values(dataOf(await hub.request(as.id, query, { id })))[0].availableActions;

describe('availableActions of TECS items (what each party may do now, from the lifecycle tables)', () => {
  it('a lookout request: the GM approves or returns it; the RO waits; the coordinator accepts it once approved', async () => {
    const query = 'query($id: UUID!) { lookout(id: $id) { availableActions } }';
    const requested = await tecs(hub, people.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
    expect(await actionsOf(people.clevelandGm, query, requested.id)).toEqual(['APPROVE', 'RETURN_TO_RO']);
    expect(await actionsOf(people.clevelandRo, query, requested.id)).toEqual([]);
    await tecs(hub, people.clevelandGm.id, 'approveLookoutRequest', { lookoutId: requested.id });
    expect(await actionsOf(people.coordinator, query, requested.id)).toEqual(['ACCEPT', 'DECLINE']);
    expect(await actionsOf(people.clevelandGm, query, requested.id)).toEqual([]);
  });

  it('a crossing: the coordinator opens an OI or dismisses it; once opened, nothing more', async () => {
    const { crossing, oi } = await investigationOnLookout(hub, people, 'DHS-ACTIONS-1');
    const crossingQuery = 'query($id: UUID!) { crossing(id: $id) { availableActions } }';
    expect(await actionsOf(people.coordinator, crossingQuery, crossing.id)).toEqual([]);
    expect(await actionsOf(people.clevelandRo, crossingQuery, crossing.id)).toEqual([]);

    const oiQuery = 'query($id: UUID!) { investigation(id: $id) { availableActions } }';
    expect(await actionsOf(people.clevelandGm, oiQuery, oi.id)).toEqual(['REISSUE', 'CLOSE']);
    expect(await actionsOf(people.clevelandRo, oiQuery, oi.id)).toEqual(['CLOSE']);
    expect(await actionsOf(people.coordinator, oiQuery, oi.id)).toEqual(['REISSUE']);
  });

  it('a new crossing offers the coordinator both of its actions', async () => {
    const reported = await tecs(hub, people.dhsClient.id, 'reportCrossing', {
      dhsReportId: 'DHS-ACTIONS-2',
      taxpayerName: 'Nobody On The List',
      dateOfBirth: '1970-01-01',
      placeOfCrossing: 'Miami, FL',
      crossedAt: hub.clock.now().toISOString(),
      direction: 'INBOUND',
      documentNumber: 'P000000001',
    });
    expect(await actionsOf(people.coordinator, 'query($id: UUID!) { crossing(id: $id) { availableActions } }', reported.id)).toEqual([
      'OPEN_INVESTIGATION',
      'DISMISS',
    ]);
  });
});
