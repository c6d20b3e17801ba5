import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { ReferralSlaEvent } from '../../src/modules/referrals/referral-sla-event.entity';
import { NotificationMode } from '../../src/platform/notifications/notification-mode';
import { ReferralHistoryEntry } from '../../src/modules/referrals/referral-history.entity';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';

// Filed Monday 2026-11-23 09:00 New York. Review due: end of Friday 11-27 (Thanksgiving 11-26 skipped).
const FILED = '2026-11-23T14:00:00Z';
const REVIEW_DUE = '2026-11-28T04:59:59.999Z';

let hub: TestHub;
let org: TestOrganisation;
let originator: Caller;

beforeAll(async () => {
  hub = await startTestHub({ now: FILED });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  originator = await hub.services.org.loadCaller(org.people.originator.id);
});

afterAll(() => hub.stop());

async function fileAt(iso: string): Promise<Referral> {
  hub.clock.set(iso);
  return hub.services.referrals.file(originator, {
    form: 'F14566' as never,
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });
}

async function sweepAt(iso: string) {
  hub.clock.set(iso);
  return hub.services.slaSweep.run();
}

const events = (referralId: string) =>
  hub.database.dataSource.manager.find(ReferralSlaEvent, { where: { referralId }, order: { id: 'ASC' } });

const notices = async (referralId: string, kind: string) =>
  (await hub.database.dataSource.manager.find(Notification, { where: { referralId, kind } })).map(
    (n) => Object.values(org.people).find((p) => p.id === n.recipientId)!.email,
  );

describe('the SLA sweep', () => {
  it('reminds one business day before, at 08:00, then breaches at the due instant and climbs one manager per overdue business day', async () => {
    const referral = await fileAt(FILED);
    expect(referral.reviewDueAt!.toISOString()).toBe(REVIEW_DUE);

    // Reminder: the business day before the due day is Wednesday 11-25 (Thursday is Thanksgiving); 08:00 New York.
    expect((await sweepAt('2026-11-25T12:59:59Z')).reminders).toBe(0);
    expect((await sweepAt('2026-11-25T13:00:00Z')).reminders).toBe(1);
    expect(await notices(referral.id, 'SLA_REMINDER')).toEqual(['am.liaison@example.gov']);
    expect((await sweepAt('2026-11-25T13:01:00Z')).reminders).toBe(0);

    // Not yet at the last millisecond of the due day; breached one millisecond later (a Saturday).
    expect((await sweepAt(REVIEW_DUE)).breaches).toBe(0);
    const breach = await sweepAt('2026-11-28T05:00:00Z');
    expect(breach).toMatchObject({ breaches: 1, escalations: 1 });
    expect(await notices(referral.id, 'SLA_BREACH')).toEqual(['am.liaison@example.gov']);
    expect(await notices(referral.id, 'SLA_ESCALATION')).toEqual(['am.manager@example.gov']);

    // The weekend is not a business day: nothing more until Monday has ended.
    expect(await sweepAt('2026-11-30T04:59:00Z')).toMatchObject({ breaches: 0, escalations: 0 });
    expect(await sweepAt('2026-12-01T04:59:59Z')).toMatchObject({ escalations: 0 });
    expect(await sweepAt('2026-12-01T05:00:00Z')).toMatchObject({ escalations: 1 });
    expect((await notices(referral.id, 'SLA_ESCALATION')).sort()).toEqual(['am.director@example.gov', 'am.manager@example.gov']);

    // The director is the top of the chain: no further steps, and the sweep stops looking.
    expect(await sweepAt('2026-12-10T05:00:00Z')).toMatchObject({ breaches: 0, escalations: 0 });
    const reloaded = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: referral.id });
    expect(reloaded.slaCheckAt).toBeNull();

    expect((await events(referral.id)).map((e) => [e.kind, e.level])).toEqual([
      ['REMINDER', 0],
      ['BREACH', 0],
      ['ESCALATION', 1],
      ['ESCALATION', 2],
    ]);
    const history = await hub.database.dataSource.manager.find(ReferralHistoryEntry, {
      where: { referralId: referral.id },
      order: { id: 'ASC' },
    });
    expect(history.filter((h) => h.actorId === null).map((h) => [h.action, h.details?.level])).toEqual([
      ['SLA_BREACH', 0],
      ['SLA_ESCALATION', 1],
      ['SLA_ESCALATION', 2],
    ]);
  });

  it('catches up after downtime without sending anything twice', async () => {
    const referral = await fileAt(FILED);
    const first = await sweepAt('2026-12-03T12:00:00Z'); // due 11-27; Mon 11-30 and Tue 12-01 have ended overdue
    expect(first).toMatchObject({ reminders: 0, breaches: 1, escalations: 2 });
    expect(await sweepAt('2026-12-03T12:01:00Z')).toMatchObject({ breaches: 0, escalations: 0 });
    expect(await notices(referral.id, 'SLA_BREACH')).toHaveLength(1);
  });

  it("counts business days in the acting function's zone and skips federal holidays", async () => {
    // Forwarded Wednesday 2026-12-23 to the EF team (Chicago): ack due end of Tuesday 12-29 (Christmas Friday skipped).
    const referral = await fileAt('2026-12-21T15:00:00Z');
    hub.clock.set('2026-12-23T15:00:00Z');
    const amLiaison = await hub.services.org.loadCaller(org.people.amLiaison.id);
    const forwarded = await hub.services.referrals.forward(amLiaison, { referralId: referral.id });
    expect(forwarded.ackDueAt!.toISOString()).toBe('2026-12-30T05:59:59.999Z');
    await sweepAt('2026-12-28T13:59:00Z'); // Monday 07:59 Chicago
    expect(await notices(referral.id, 'SLA_REMINDER')).toEqual([]);
    await sweepAt('2026-12-28T14:00:00Z'); // Monday 08:00 Chicago
    expect(await notices(referral.id, 'SLA_REMINDER')).toEqual(['ef.liaison@example.gov']);
    await sweepAt('2026-12-30T05:59:59.999Z');
    expect(await notices(referral.id, 'SLA_BREACH')).toEqual([]);
    await sweepAt('2026-12-30T06:00:00Z');
    expect(await notices(referral.id, 'SLA_BREACH')).toEqual(['ef.liaison@example.gov']);
    expect(await notices(referral.id, 'SLA_ESCALATION')).toEqual(['ef.manager@example.gov']);
    // New Year's Day (Friday 2027-01-01) is not a business day: Wed 12-30 and Thu 12-31 end, then Mon 01-04.
    await sweepAt('2027-01-01T06:00:01Z');
    expect((await notices(referral.id, 'SLA_ESCALATION')).sort()).toEqual(['ef.director@example.gov', 'ef.manager@example.gov']);
  });

  it("stops a clock's events once the action is taken, and sends breach notices even to digest readers", async () => {
    await hub.services.org.updateEmployee(org.people.amLiaison.id, { notificationMode: NotificationMode.DAILY_DIGEST });
    const late = await fileAt(FILED);
    const onTime = await fileAt(FILED);
    hub.clock.set('2026-11-27T15:00:00Z');
    const amLiaison = await hub.services.org.loadCaller(org.people.amLiaison.id);
    await hub.services.referrals.forward(amLiaison, { referralId: onTime.id });
    await sweepAt('2026-11-28T05:00:00Z');
    expect(await notices(onTime.id, 'SLA_BREACH')).toEqual([]);
    const [breach] = await hub.database.dataSource.manager.find(Notification, { where: { referralId: late.id, kind: 'SLA_BREACH' } });
    expect(breach.status).toBe('PENDING');
    await hub.services.org.updateEmployee(org.people.amLiaison.id, { notificationMode: NotificationMode.IMMEDIATE });
  });

  it('has nothing to do between events', async () => {
    await fileAt(FILED);
    await sweepAt('2026-11-23T14:00:01Z'); // plans the reminder
    expect(await sweepAt('2026-11-24T14:00:00Z')).toEqual({ examined: 0, reminders: 0, breaches: 0, escalations: 0 });
  });
});

describe('overdueReferrals and slaReport', () => {
  it('lists what is overdue and reports acknowledgment performance per function and liaison, also as CSV', async () => {
    const { referrals, org: orgService } = hub.services;
    const amLiaison = await orgService.loadCaller(org.people.amLiaison.id);
    const efLiaison = await orgService.loadCaller(org.people.efLiaison.id);
    // Received Tuesday 2027-02-02; ack due end of Friday 02-05 (Chicago).
    const quick = await fileAt('2027-02-01T15:00:00Z');
    const slow = await fileAt('2027-02-01T15:00:00Z');
    const never = await fileAt('2027-02-01T15:00:00Z');
    hub.clock.set('2027-02-02T15:00:00Z');
    for (const r of [quick, slow, never]) await referrals.forward(amLiaison, { referralId: r.id });
    hub.clock.set('2027-02-02T17:00:00Z');
    await referrals.acknowledge(efLiaison, { referralId: quick.id }); // 2 hours
    hub.clock.set('2027-02-09T15:00:00Z');
    await referrals.acknowledge(efLiaison, { referralId: slow.id }); // late

    const overdue = dataOf(await hub.request(org.people.efLiaison.id, `{ overdueReferrals { nodes { id ackOverdue } } }`)).overdueReferrals
      .nodes;
    expect(overdue).toContainEqual({ id: never.id, ackOverdue: true });
    expect(overdue.map((r: { id: string }) => r.id)).not.toContain(quick.id);

    const report = dataOf(
      await hub.request(
        org.people.admin.id,
        `query($fn: UUID) { slaReport(from: "2027-02-01T00:00:00Z", to: "2027-02-03T00:00:00Z", functionId: $fn) {
        functionCode liaisonName received acknowledgedOnTime acknowledgedLate unacknowledgedLate medianHoursToAcknowledge openBreaches } }`,
        { fn: org.functions.ef.id },
      ),
    ).slaReport;
    expect(report[0]).toMatchObject({
      functionCode: 'RICS-EF',
      liaisonName: null,
      received: 3,
      acknowledgedOnTime: 1,
      acknowledgedLate: 1,
      unacknowledgedLate: 1,
    });
    expect(report[0].medianHoursToAcknowledge).toBeCloseTo((2 + 168) / 2, 5);
    expect(report[0].openBreaches).toBeGreaterThanOrEqual(1);
    expect(report[1]).toMatchObject({ liaisonName: org.people.efLiaison.name, received: 2, acknowledgedOnTime: 1, acknowledgedLate: 1 });

    const csv = await (
      await hub.download(org.people.admin.id, '/exports/sla-report.csv', {
        from: '2027-02-01T00:00:00Z',
        to: '2027-02-03T00:00:00Z',
        functionId: org.functions.ef.id,
      })
    ).text();
    expect(csv.split('\r\n')[0]).toBe(
      'function,liaison,received,acknowledged_on_time,acknowledged_late,unacknowledged_late,median_hours_to_acknowledge,open_breaches',
    );
    expect(csv.split('\r\n')[1]).toMatch(/^RICS-EF,\(all\),3,1,1,1,85,\d+$/);

    const forbidden = await hub.request(
      org.people.efLiaison.id,
      `{ slaReport(from: "2027-02-01T00:00:00Z", to: "2027-02-03T00:00:00Z") { received } }`,
    );
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
