import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { EARLIEST_CLOSURE_FIRST } from '../../src/platform/calendar/closure.service';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs, tecsMutation } from '../support/tecs-operations';

let hub: TestHub;
let people: TecsPeople;
let lookoutId: string;

const REPORT = {
  taxpayerName: 'Robert T. Haulwell',
  dateOfBirth: '1972-04-18',
  placeOfCrossing: 'Detroit, MI',
  crossedAt: '2026-04-02T16:05:00Z',
  direction: 'INBOUND',
  documentNumber: 'P123456789',
};

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
  lookoutId = (await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST)).id;
});

afterAll(() => hub.stop());

async function openOi(dhsReportId: string, at: string, extra: Record<string, unknown> = {}) {
  hub.clock.set(at);
  const crossing = dataOf(
    await hub.request(people.dhsClient.id, tecsMutation('reportCrossing'), { input: { ...REPORT, dhsReportId } }),
  ).reportCrossing;
  return tecs(hub, people.coordinator.id, 'openInvestigation', { crossingId: crossing.id, ...extra });
}

const dueOf = async (id: string) =>
  dataOf(await hub.request(people.coordinator.id, `query($id: UUID!) { investigation(id: $id) { dueAt escalationLevel } }`, { id }))
    .investigation;

async function historyOf(oiId: string) {
  const caller: Caller = await hub.services.org.loadCaller(people.coordinator.id);
  return (await hub.services.lookouts.history(caller, lookoutId)).filter((h) => h.subjectId === oiId);
}

async function closeSite(startDate: string, at: string, reason: string) {
  hub.clock.set(at);
  const admin = await hub.services.org.loadCaller(people.admin.id);
  await hub.services.closures.add(admin, { startDate, nationwide: false, functionIds: [people.clevelandGm.functionId], reason });
  return (await hub.services.closures.list(startDate, startDate, EARLIEST_CLOSURE_FIRST, { last: 1 })).items[0].node;
}

describe('OI due times', () => {
  it("move with a closure of the GM's site when counted in business days; a departure-based due time does not", async () => {
    // Opened Thursday 2026-04-02 13:00 New York, no departure date: 5 business days in the GM's zone → end of Thursday 04-09.
    const counted = await openOi('DHS-OI-1', '2026-04-02T17:00:00Z');
    expect(counted.dueAt).toBe('2026-04-10T03:59:59.999Z');
    const fixed = await openOi('DHS-OI-2', '2026-04-02T17:00:00Z', { dueAt: '2026-04-09T20:00:00Z' });

    const closure = await closeSite('2026-04-06', '2026-04-03T14:00:00Z', 'Cleveland office closed: storm');
    expect((await hub.services.closures.history(closure.id))[0]).toMatchObject({ investigationsMoved: 1, referralClocksMoved: 0 });
    expect((await dueOf(counted.id)).dueAt).toBe('2026-04-11T03:59:59.999Z'); // Fri 3, Tue 7, Wed 8, Thu 9, Fri 10
    expect((await dueOf(fixed.id)).dueAt).toBe('2026-04-09T20:00:00.000Z');
    expect((await historyOf(counted.id)).map((h) => [h.action, h.details?.previousDueAt ?? null, h.details?.dueAt ?? null])).toEqual([
      ['ISSUED', null, null],
      ['DUE_MOVED_BY_CLOSURE', '2026-04-10T03:59:59.999Z', '2026-04-11T03:59:59.999Z'],
    ]);
    expect(await historyOf(fixed.id)).toHaveLength(1);
  });

  it('withdraws an OI breach when a closure entered after the fact moves the due time past now', async () => {
    hub.clock.set('2026-05-07T16:00:00Z');
    await hub.services.investigationSweep.run(); // the earlier test's OIs are long overdue: out of the way
    // Opened Thursday 2026-05-07: due the end of Thursday 05-14 in New York; breached Friday morning.
    const oi = await openOi('DHS-OI-3', '2026-05-07T17:00:00Z');
    expect(oi.dueAt).toBe('2026-05-15T03:59:59.999Z');
    hub.clock.set('2026-05-15T12:00:00Z');
    expect(await hub.services.investigationSweep.run()).toEqual({ breaches: 1, escalations: 1 });
    expect((await dueOf(oi.id)).escalationLevel).toBe(1);

    // The Cleveland office was closed on Tuesday 05-12; entered Friday at 09:00.
    const closure = await closeSite('2026-05-12', '2026-05-15T13:00:00Z', 'Cleveland office closed: power outage');
    expect((await hub.services.closures.history(closure.id))[0]).toMatchObject({ investigationsMoved: 1, breachesWithdrawn: 1 });
    expect(await dueOf(oi.id)).toEqual({ dueAt: '2026-05-16T03:59:59.999Z', escalationLevel: 0 });
    const withdrawn = (await historyOf(oi.id)).find((h) => h.action === 'SLA_BREACH_WITHDRAWN');
    expect(withdrawn).toMatchObject({
      actorId: people.admin.id,
      details: expect.objectContaining({ previousEscalationLevel: 1, closureId: closure.id }),
    });
    expect(withdrawn!.note).toContain('2026-05-12, SBSE-COLL: Cleveland office closed: power outage');

    hub.clock.set('2026-05-15T20:00:00Z');
    expect(await hub.services.investigationSweep.run()).toEqual({ breaches: 0, escalations: 0 });
    hub.clock.set('2026-05-16T04:00:00Z');
    expect(await hub.services.investigationSweep.run()).toEqual({ breaches: 1, escalations: 1 });
  });
});
