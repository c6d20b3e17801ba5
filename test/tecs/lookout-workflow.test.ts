import 'reflect-metadata';
import { Lookout } from '../../src/modules/tecs/lookout.entity';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, HONG_KONG_REQUEST, TecsPeople } from '../support/tecs-fixture';
import { tecs, tecsMutation } from '../support/tecs-operations';

let hub: TestHub;
let people: TecsPeople;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
});

afterAll(() => hub.stop());

const noticesTo = async (subjectId: string) =>
  (await hub.database.dataSource.manager.find(Notification, { where: { subjectId }, order: { createdAt: 'ASC' } })).map(
    (n) => `${n.kind}:${n.recipientId}`,
  );

describe('Form 6668 requests', () => {
  it('rejects a malformed request naming every field and writes nothing', async () => {
    const before = await hub.database.dataSource.manager.count(Lookout);
    const response = await hub.request(people.clevelandRo.id, tecsMutation('requestLookout'), {
      input: {
        ...CLEVELAND_REQUEST,
        tin: '000-12-3456',
        dateOfBirth: '2099-01-01',
        balanceDue: '-5',
        taxPeriods: [{ mft: '30', taxPeriod: '201313' }],
        criteriaMet: [],
      },
    });
    expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual([
      'input.balanceDue',
      'input.criteriaMet',
      'input.dateOfBirth',
      'input.taxPeriods[0].taxPeriod',
      'input.tin',
    ]);
    expect(await hub.database.dataSource.manager.count(Lookout)).toBe(before);
  });

  it('lets only a revenue officer file, and only their group manager approve or return', async () => {
    expect(errorCodeOf(await hub.request(people.clevelandGm.id, tecsMutation('requestLookout'), { input: CLEVELAND_REQUEST }))).toBe(
      'FORBIDDEN',
    );
    const requested = await tecs(hub, people.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
    expect(await noticesTo(requested.id)).toEqual([`LOOKOUT_REQUESTED:${people.clevelandGm.id}`]);
    expect(
      errorCodeOf(await hub.request(people.intlGm.id, tecsMutation('approveLookoutRequest'), { input: { lookoutId: requested.id } })),
    ).toBe('FORBIDDEN');
    const early = await hub.request(people.coordinator.id, tecsMutation('acceptLookout'), { input: { lookoutId: requested.id } });
    expect(errorCodeOf(early)).toBe('CONFLICT');
    expect(early.errors![0].extensions!.reason).toBe('WRONG_STATE');
    expect(
      errorCodeOf(await hub.request(people.clevelandGm.id, tecsMutation('returnLookoutRequest'), { input: { lookoutId: requested.id } })),
    ).toBe('BAD_USER_INPUT');

    const returned = await tecs(hub, people.clevelandGm.id, 'returnLookoutRequest', {
      lookoutId: requested.id,
      note: 'Add the travel facts',
    });
    expect(returned).toMatchObject({ state: 'RETURNED_TO_RO', returnReason: 'Add the travel facts' });
    const resubmitted = await tecs(hub, people.clevelandRo.id, 'resubmitLookoutRequest', {
      lookoutId: requested.id,
      request: { ...CLEVELAND_REQUEST, contactFacts: 'Crosses to Canada weekly as a truck driver; refuses contact.' },
    });
    expect(resubmitted).toMatchObject({ state: 'REQUESTED', returnReason: null });
    expect(await noticesTo(requested.id)).toEqual([
      `LOOKOUT_REQUESTED:${people.clevelandGm.id}`,
      `LOOKOUT_RETURNED:${people.clevelandRo.id}`,
      `LOOKOUT_REQUESTED:${people.clevelandGm.id}`,
    ]);
  });

  it('returns a request that does not meet the criteria to the originator with the reason', async () => {
    const requested = await tecs(hub, people.intlRo.id, 'requestLookout', HONG_KONG_REQUEST);
    await tecs(hub, people.intlGm.id, 'approveLookoutRequest', { lookoutId: requested.id });
    expect(
      errorCodeOf(await hub.request(people.intlGm.id, tecsMutation('declineLookout'), { input: { lookoutId: requested.id, note: 'x' } })),
    ).toBe('FORBIDDEN');
    const declined = await tecs(hub, people.coordinator.id, 'declineLookout', {
      lookoutId: requested.id,
      note: 'Balance below the TECS threshold',
    });
    expect(declined).toMatchObject({ state: 'NOT_ACCEPTED', returnReason: 'Balance below the TECS threshold' });
    const notices = await noticesTo(requested.id);
    expect(notices).toEqual(
      expect.arrayContaining([
        `LOOKOUT_FOR_REVIEW:${people.coordinator.id}`,
        `LOOKOUT_NOT_ACCEPTED:${people.intlRo.id}`,
        `LOOKOUT_NOT_ACCEPTED:${people.intlGm.id}`,
      ]),
    );
  });

  it('sends accepted requests to CI, who alone confirms the entry and later the removal', async () => {
    const requested = await tecs(hub, people.clevelandRo.id, 'requestLookout', { ...CLEVELAND_REQUEST, taxpayerName: 'Dana Roadrunner' });
    await tecs(hub, people.clevelandGm.id, 'approveLookoutRequest', { lookoutId: requested.id });
    // CI sees nothing before the coordinator sends it for entry.
    expect(errorCodeOf(await hub.request(people.ciAgent.id, `query($id: UUID!) { lookout(id: $id) { id } }`, { id: requested.id }))).toBe(
      'FORBIDDEN',
    );
    await tecs(hub, people.coordinator.id, 'acceptLookout', { lookoutId: requested.id });
    expect(
      errorCodeOf(
        await hub.request(people.coordinator.id, tecsMutation('confirmLookoutEntry'), {
          input: { lookoutId: requested.id, tecsRecordReference: 'T-1' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const active = await tecs(hub, people.ciAgent.id, 'confirmLookoutEntry', { lookoutId: requested.id, tecsRecordReference: 'TECS-77-A' });
    expect(active).toMatchObject({ state: 'ACTIVE', tecsRecordReference: 'TECS-77-A' });
    expect(
      errorCodeOf(await hub.request(people.clevelandRo.id, tecsMutation('requestLookoutRemoval'), { input: { lookoutId: requested.id } })),
    ).toBe('BAD_USER_INPUT');
    await tecs(hub, people.clevelandRo.id, 'requestLookoutRemoval', { lookoutId: requested.id, note: 'Paid in full' });
    await tecs(hub, people.coordinator.id, 'forwardLookoutRemoval', { lookoutId: requested.id });
    const removed = await tecs(hub, people.ciAgent.id, 'confirmLookoutRemoval', { lookoutId: requested.id });
    expect(removed.state).toBe('REMOVED');
  });
});

describe('the lookout list', () => {
  it('filters in SQL, shows each person only their cases, and exports CSV with masked TINs', async () => {
    const list = `query($filter: LookoutListFilter) { lookouts(filter: $filter) { nodes { referenceNumber state taxpayerName revenueOfficer { email } } } }`;
    const all = dataOf(await hub.request(people.coordinator.id, list)).lookouts.nodes;
    expect(all).toHaveLength(3);
    const international = dataOf(await hub.request(people.coordinator.id, list, { filter: { international: true } })).lookouts.nodes;
    expect(international.every((l: { revenueOfficer: { email: string } }) => l.revenueOfficer.email === 'intl.ro@example.gov')).toBe(true);
    const mine = dataOf(await hub.request(people.intlRo.id, list)).lookouts.nodes;
    expect(mine.map((l: { taxpayerName: string }) => l.taxpayerName)).toEqual(['Mei Ling Chan']);
    expect(dataOf(await hub.request(people.otherRo.id, list)).lookouts.nodes).toEqual([]);
    const ci = dataOf(await hub.request(people.ciAgent.id, list)).lookouts.nodes;
    expect(
      ci.every((l: { state: string }) => ['WITH_CI', 'ACTIVE', 'REMOVAL_REQUESTED', 'REMOVAL_WITH_CI', 'REMOVED'].includes(l.state)),
    ).toBe(true);
    const byName = dataOf(await hub.request(people.coordinator.id, list, { filter: { nameContains: 'roadrun' } })).lookouts.nodes;
    expect(byName.map((l: { taxpayerName: string }) => l.taxpayerName)).toEqual(['Dana Roadrunner']);

    const csv = await (
      await hub.download(people.coordinator.id, '/exports/lookouts.csv', { nameContains: 'Roadrunner' }, { method: 'POST' })
    ).text();
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'reference,state,taxpayer,tin,international,balance_due,revenue_officer,group_manager,tecs_record,entered_at,removed_at',
    );
    expect(row).toContain('***-**-6789');
    expect(row).not.toContain('123-45-6789');
  });
});
