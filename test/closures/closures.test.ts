import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { CalendarService } from '../../src/platform/calendar/calendar.service';
import { CLOSURE_RULES } from '../../src/app/services';
import { ClosureService } from '../../src/platform/calendar/closure.service';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { ReferralSlaEvent } from '../../src/modules/referrals/referral-sla-event.entity';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';

// Each test works in its own month or year, so the closures of one never fall in another's windows.

// A tax period every filing date of these tests accepts.
const CONTENT = { ...VALID_14566, affectedReturns: [{ returnType: '941', mft: '01', taxPeriod: '202312' }] };

let hub: TestHub;
let org: TestOrganisation;
let originator: Caller;
let amLiaison: Caller;
let efLiaison: Caller;
let admin: Caller;

beforeAll(async () => {
  hub = await startTestHub({ now: '2024-12-19T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  [originator, amLiaison, efLiaison, admin] = await Promise.all(
    [org.people.originator, org.people.amLiaison, org.people.efLiaison, org.people.admin].map((p) => hub.services.org.loadCaller(p.id)),
  );
});

afterAll(() => hub.stop());

const CLOSURE_FIELDS = `id startDate endDate nationwide reason removedAt functions { code } createdBy { email }
  history { change referralClocksMoved investigationsMoved breachesWithdrawn before after actor { email } }`;
const ADD = `mutation($input: ClosureInput!) { addClosure(input: $input) { ${CLOSURE_FIELDS} } }`;
const UPDATE = `mutation($id: UUID!, $input: ClosureInput!) { updateClosure(id: $id, input: $input) { ${CLOSURE_FIELDS} } }`;
const REMOVE = `mutation($id: UUID!) { removeClosure(id: $id) { ${CLOSURE_FIELDS} } }`;
const REFERRAL = `query($id: UUID!) { referral(id: $id) { state version reviewDueAt ackDueAt completionDueAt nextDueAt ackOverdue
  closuresApplied { clock change previousDueAt dueAt closure { id reason } }
  clockExplanation { clock unit length timeZone dueAt days { date dayNumber skippedAs } } } }`;

async function addClosure(input: Record<string, unknown>, at: string) {
  hub.clock.set(at);
  return dataOf(await hub.request(admin.id, ADD, { input })).addClosure;
}

async function referral(id: string, as = org.people.originator.id) {
  return dataOf(await hub.request(as, REFERRAL, { id })).referral;
}

/**
 * Files a 14566 from AM to `receivingFunctionId` at `filedAt` and, if `forwardedAt` is given, forwards it then.
 * EF gets an EF scheme check; any other function a general action request (the purpose decides the route).
 */
async function referralTo(receivingFunctionId: string, filedAt: string, forwardedAt?: string): Promise<Referral> {
  hub.clock.set(filedAt);
  const purpose = receivingFunctionId === org.functions.ef.id ? CONTENT.purpose : 'GENERAL_ACTION_REQUEST';
  const filed = await hub.services.referrals.file(originator, {
    form: ReferralForm.F14566,
    receivingFunctionId,
    content: { form14566: { ...CONTENT, purpose } as never },
  });
  if (!forwardedAt) return filed;
  hub.clock.set(forwardedAt);
  return hub.services.referrals.forward(amLiaison, { referralId: filed.id });
}

async function sweepAt(iso: string) {
  hub.clock.set(iso);
  return hub.services.slaSweep.run();
}

const noticesTo = async (referralId: string, kind: string) =>
  (await hub.database.dataSource.manager.find(Notification, { where: { referralId, kind }, order: { createdAt: 'ASC' } })).map(
    (n) => Object.values(org.people).find((p) => p.id === n.recipientId)!.email,
  );

describe('an executive-order day off', () => {
  it('inside the acknowledgment window pushes the due date one business day, through GraphQL', async () => {
    // Forwarded Friday 2024-12-20 to the EF team (Chicago): Mon 23, Tue 24, (Christmas), Thu 26 → end of Thursday.
    const forwarded = await referralTo(org.functions.ef.id, '2024-12-19T14:00:00Z', '2024-12-20T15:00:00Z');
    expect(forwarded.ackDueAt!.toISOString()).toBe('2024-12-27T05:59:59.999Z');
    // Filed the same Friday in New York: its 3-workday review also ends Thursday.
    const submitted = await referralTo(org.functions.ef.id, '2024-12-20T15:00:00Z');
    expect(submitted.reviewDueAt!.toISOString()).toBe('2024-12-27T04:59:59.999Z');
    const before = await referral(forwarded.id);

    const closure = await addClosure(
      { startDate: '2024-12-24', nationwide: true, reason: 'Executive order: Christmas Eve 2024' },
      '2024-12-21T15:00:00Z',
    );
    expect(closure).toMatchObject({
      startDate: '2024-12-24',
      endDate: '2024-12-24',
      nationwide: true,
      functions: [],
      createdBy: { email: 'admin@example.gov' },
    });
    expect(closure.history).toEqual([
      {
        change: 'ADDED',
        referralClocksMoved: 2,
        investigationsMoved: 0,
        breachesWithdrawn: 0,
        before: null,
        after: expect.objectContaining({ startDate: '2024-12-24' }),
        actor: { email: 'admin@example.gov' },
      },
    ]);

    // Mon 23, (Tue 24 closed), (Christmas), Thu 26, Fri 27.
    const moved = await referral(forwarded.id);
    expect(moved).toMatchObject({
      ackDueAt: '2024-12-28T05:59:59.999Z',
      nextDueAt: '2024-12-28T05:59:59.999Z',
      completionDueAt: before.completionDueAt,
    });
    expect(moved.closuresApplied).toEqual([
      {
        clock: 'ACKNOWLEDGMENT',
        change: 'ADDED',
        previousDueAt: '2024-12-27T05:59:59.999Z',
        dueAt: '2024-12-28T05:59:59.999Z',
        closure: { id: closure.id, reason: 'Executive order: Christmas Eve 2024' },
      },
    ]);
    expect((await referral(submitted.id)).reviewDueAt).toBe('2024-12-28T04:59:59.999Z');

    // How the moved due time was computed: the same calendar walk shows the closure skipped, ending where the clock now ends.
    const [ack, completion] = moved.clockExplanation;
    expect(ack).toMatchObject({
      clock: 'ACKNOWLEDGMENT',
      unit: 'BUSINESS_DAYS',
      length: 3,
      timeZone: 'America/Chicago',
      dueAt: moved.ackDueAt,
    });
    expect(ack.days.filter((d: { skippedAs: string | null }) => d.skippedAs)).toEqual([
      { date: '2024-12-21', dayNumber: null, skippedAs: 'WEEKEND' },
      { date: '2024-12-22', dayNumber: null, skippedAs: 'WEEKEND' },
      { date: '2024-12-24', dayNumber: null, skippedAs: 'CLOSURE' },
      { date: '2024-12-25', dayNumber: null, skippedAs: 'FEDERAL_HOLIDAY' },
    ]);
    expect(ack.days.at(-1)).toEqual({ date: '2024-12-27', dayNumber: 3, skippedAs: null });
    expect(completion).toMatchObject({ clock: 'COMPLETION', unit: 'CALENDAR_DAYS', length: 30, dueAt: moved.completionDueAt });
    const review = (await referral(submitted.id)).clockExplanation;
    expect(review).toMatchObject([{ clock: 'REVIEW', timeZone: 'America/New_York', dueAt: '2024-12-28T04:59:59.999Z' }]);
    expect(review[0].days.at(-1)).toEqual({ date: '2024-12-27', dayNumber: 3, skippedAs: null });

    // The move is a change of the referral: an action prepared on the old version is refused.
    expect(moved.version).toBe(before.version + 1);
    const stale = await hub.request(
      org.people.efLiaison.id,
      `mutation($input: ReferralTransitionInput!) { acknowledgeReferral(input: $input) { state } }`,
      {
        input: { referralId: forwarded.id, expectedVersion: before.version },
      },
    );
    expect(errorCodeOf(stale)).toBe('CONFLICT');

    // The reminder follows: not on Tuesday 08:00 (the day before the old due day) but on Thursday 08:00 Chicago.
    await sweepAt('2024-12-24T14:00:00Z');
    expect(await noticesTo(forwarded.id, 'SLA_REMINDER')).toEqual([]);
    await sweepAt('2024-12-26T14:00:00Z');
    expect(await noticesTo(forwarded.id, 'SLA_REMINDER')).toEqual(['ef.liaison@example.gov']);
    await sweepAt('2024-12-28T05:59:59.999Z');
    expect(await noticesTo(forwarded.id, 'SLA_BREACH')).toEqual([]);
  });
});

describe('a site closure', () => {
  it("moves only the closed function's clocks, and the sweep counts the closed day out for that function only", async () => {
    // Forwarded Monday 2026-03-02 09:00 Chicago to EF and to RIVO: both due at the end of Thursday 03-05.
    const toEf = await referralTo(org.functions.ef.id, '2026-03-02T14:00:00Z', '2026-03-02T15:00:00Z');
    const toRivo = await referralTo(org.functions.rivo.id, '2026-03-02T14:00:00Z', '2026-03-02T15:00:00Z');
    const amReview = await referralTo(org.functions.ef.id, '2026-03-02T15:00:00Z');
    expect([toEf.ackDueAt!.toISOString(), toRivo.ackDueAt!.toISOString()]).toEqual([
      '2026-03-06T05:59:59.999Z',
      '2026-03-06T05:59:59.999Z',
    ]);

    const closure = await addClosure(
      { startDate: '2026-03-05', nationwide: false, functionIds: [org.functions.ef.id], reason: 'Snow: EF site closed' },
      '2026-03-02T18:00:00Z',
    );
    expect(closure.functions).toEqual([{ code: 'RICS-EF' }]);
    expect(closure.history[0].referralClocksMoved).toBe(1);

    expect((await referral(toEf.id)).ackDueAt).toBe('2026-03-07T05:59:59.999Z'); // Tue 3, Wed 4, Fri 6
    expect(await referral(toRivo.id)).toMatchObject({ ackDueAt: '2026-03-06T05:59:59.999Z', closuresApplied: [] });
    expect(await referral(amReview.id)).toMatchObject({ reviewDueAt: amReview.reviewDueAt!.toISOString(), closuresApplied: [] });

    // Reminders: the business day before each due day. RIVO (due Thursday): Wednesday. EF (due Friday, Thursday
    // closed for EF): also Wednesday.
    await sweepAt('2026-03-04T13:59:00Z');
    expect([...(await noticesTo(toEf.id, 'SLA_REMINDER')), ...(await noticesTo(toRivo.id, 'SLA_REMINDER'))]).toEqual([]);
    await sweepAt('2026-03-04T14:00:00Z');
    expect(await noticesTo(toEf.id, 'SLA_REMINDER')).toEqual(['ef.liaison@example.gov']);
    expect(await noticesTo(toRivo.id, 'SLA_REMINDER')).toEqual(['rivo.liaison@example.gov']);

    // Anyone may list closures; only those overlapping the range, and the site's functions.
    const listed = dataOf(
      await hub.request(
        org.people.originator.id,
        `{ closures(from: "2026-03-01", to: "2026-03-31") { nodes { id startDate functions { code } } } }`,
      ),
    ).closures.nodes;
    expect(listed).toEqual([{ id: closure.id, startDate: '2026-03-05', functions: [{ code: 'RICS-EF' }] }]);
    expect(
      dataOf(await hub.request(org.people.originator.id, `{ closures(from: "2026-03-06", to: "2026-03-31") { nodes { id } } }`)).closures
        .nodes,
    ).toEqual([]);
  });
});

describe('removing a closure', () => {
  it('moves the due dates back, and a clock that is then overdue is reported by the next sweep', async () => {
    // Entered ahead: the executive order giving Friday 2025-12-26 off.
    const closure = await addClosure(
      { startDate: '2025-12-26', nationwide: true, reason: 'Executive order: December 26, 2025' },
      '2025-12-18T15:00:00Z',
    );
    // Forwarded Tuesday 12-23: Wed 24, (Christmas), (Fri 26 closed), Mon 29, Tue 30.
    const forwarded = await referralTo(org.functions.ef.id, '2025-12-22T15:00:00Z', '2025-12-23T15:00:00Z');
    expect(forwarded.ackDueAt!.toISOString()).toBe('2025-12-31T05:59:59.999Z');
    await sweepAt('2025-12-30T14:59:00Z');
    expect(await noticesTo(forwarded.id, 'SLA_BREACH')).toEqual([]);

    // Tuesday 12-30 09:00 Chicago: the closure turns out to be a mistake. Without it the clock ended Monday night.
    hub.clock.set('2025-12-30T15:00:00Z');
    const removed = dataOf(await hub.request(admin.id, REMOVE, { id: closure.id })).removeClosure;
    expect(removed.removedAt).toBe('2025-12-30T15:00:00.000Z');
    expect(removed.history.map((h: { change: string; referralClocksMoved: number }) => [h.change, h.referralClocksMoved])).toEqual([
      ['ADDED', 0],
      ['REMOVED', 1],
    ]);
    const back = await referral(forwarded.id);
    expect(back).toMatchObject({ ackDueAt: '2025-12-30T05:59:59.999Z', ackOverdue: true });
    expect(back.closuresApplied).toEqual([
      expect.objectContaining({ change: 'REMOVED', previousDueAt: '2025-12-31T05:59:59.999Z', dueAt: '2025-12-30T05:59:59.999Z' }),
    ]);
    expect(
      dataOf(await hub.request(org.people.originator.id, `{ closures(from: "2025-12-01", to: "2025-12-31") { nodes { id } } }`)).closures
        .nodes,
    ).toEqual([]);

    const sweep = await sweepAt('2025-12-30T15:00:01Z');
    expect(sweep.breaches).toBeGreaterThanOrEqual(1);
    expect(await noticesTo(forwarded.id, 'SLA_BREACH')).toEqual(['ef.liaison@example.gov']);
    expect(await noticesTo(forwarded.id, 'SLA_ESCALATION')).toEqual(['ef.manager@example.gov']);

    // Removed once is removed: a second removal or a correction is a conflict.
    expect(errorCodeOf(await hub.request(admin.id, REMOVE, { id: closure.id }))).toBe('CONFLICT');
  });
});

describe('satisfied clocks', () => {
  it('are not touched: an acknowledged referral keeps its times and version, a forwarded one moves', async () => {
    // Forwarded Monday 2027-06-07: due the end of Thursday 06-10 in Chicago.
    const acknowledged = await referralTo(org.functions.ef.id, '2027-06-04T15:00:00Z', '2027-06-07T15:00:00Z');
    const waiting = await referralTo(org.functions.ef.id, '2027-06-04T15:00:00Z', '2027-06-07T15:00:00Z');
    hub.clock.set('2027-06-08T15:00:00Z');
    await hub.services.referrals.acknowledge(efLiaison, { referralId: acknowledged.id });
    const before = await referral(acknowledged.id);

    const closure = await addClosure({ startDate: '2027-06-09', nationwide: true, reason: 'Executive order' }, '2027-06-08T16:00:00Z');
    expect(closure.history[0].referralClocksMoved).toBe(1);
    expect(await referral(acknowledged.id)).toEqual(before);
    expect(before).toMatchObject({ state: 'ACKNOWLEDGED', ackDueAt: '2027-06-11T04:59:59.999Z', closuresApplied: [] });
    expect((await referral(waiting.id)).ackDueAt).toBe('2027-06-12T04:59:59.999Z');
  });
});

describe('a breach recorded for a day that became a closure', () => {
  it('is withdrawn with a history entry saying why, and the clock breaches again only at its new time', async () => {
    // Forwarded Monday 2027-09-13: due the end of Thursday 09-16 in Chicago; breached and escalated Friday morning.
    const forwarded = await referralTo(org.functions.ef.id, '2027-09-13T14:00:00Z', '2027-09-13T15:00:00Z');
    await sweepAt('2027-09-17T12:00:00Z');
    expect(await noticesTo(forwarded.id, 'SLA_BREACH')).toEqual(['ef.liaison@example.gov']);
    const events = () =>
      hub.database.dataSource.manager.find(ReferralSlaEvent, { where: { referralId: forwarded.id }, order: { id: 'ASC' } });
    expect((await events()).map((e) => e.kind)).toEqual(['BREACH', 'ESCALATION']);

    // Friday 08:00 Chicago: the EF site was closed on Wednesday (flooding); the admin enters it after the fact.
    const closure = await addClosure(
      { startDate: '2027-09-15', nationwide: false, functionIds: [org.functions.ef.id], reason: 'Flooding: EF site closed' },
      '2027-09-17T13:00:00Z',
    );
    expect(closure.history[0]).toMatchObject({ referralClocksMoved: 1, breachesWithdrawn: 1 });
    expect(await referral(forwarded.id)).toMatchObject({ ackDueAt: '2027-09-18T04:59:59.999Z', ackOverdue: false });
    expect(await events()).toEqual([]);

    const history = dataOf(
      await hub.request(
        org.people.efLiaison.id,
        `query($id: UUID!) { referralHistory(referralId: $id) { action note details actor { email } } }`,
        { id: forwarded.id },
      ),
    ).referralHistory;
    const withdrawn = history.filter((h: { action: string }) => h.action === 'SLA_BREACH_WITHDRAWN');
    expect(withdrawn).toEqual([
      {
        action: 'SLA_BREACH_WITHDRAWN',
        actor: { email: 'admin@example.gov' },
        note: expect.stringContaining('2027-09-15, RICS-EF: Flooding: EF site closed'),
        details: {
          clock: 'ACKNOWLEDGMENT',
          previousDueAt: '2027-09-17T04:59:59.999Z',
          dueAt: '2027-09-18T04:59:59.999Z',
          closureId: closure.id,
          closureChange: 'ADDED',
        },
      },
    ]);
    expect(history.map((h: { action: string }) => h.action).slice(-3)).toEqual(['SLA_BREACH', 'SLA_ESCALATION', 'SLA_BREACH_WITHDRAWN']);

    await sweepAt('2027-09-18T04:59:59.999Z');
    expect(await noticesTo(forwarded.id, 'SLA_BREACH')).toHaveLength(1);
    await sweepAt('2027-09-18T05:00:00Z');
    expect(await noticesTo(forwarded.id, 'SLA_BREACH')).toEqual(['ef.liaison@example.gov', 'ef.liaison@example.gov']);
  });
});

describe('the closure cache', () => {
  it('serves clocks from memory and picks up a change at the next computation, from this or another instance, without restart', async () => {
    const fileAt = async () => (await referralTo(org.functions.ef.id, '2028-01-10T15:00:00Z')).reviewDueAt!.toISOString();
    const { calendars } = hub.services;
    expect(await fileAt()).toBe('2028-01-14T04:59:59.999Z'); // Tue 11, Wed 12, Thu 13 in New York
    const reloads = calendars.reloads;
    await fileAt();
    await fileAt();
    expect(calendars.reloads).toBe(reloads); // nothing changed: the closures are not read again

    // Another instance (its own cache) closes AM on Wednesday: this instance sees it at its next clock.
    const otherInstance = new ClosureService(
      hub.database.dataSource,
      hub.clock,
      new CalendarService(hub.database.dataSource),
      CLOSURE_RULES,
    );
    hub.clock.set('2028-01-10T16:00:00Z');
    await otherInstance.add(admin, {
      startDate: '2028-01-12',
      nationwide: false,
      functionIds: [org.functions.am.id],
      reason: 'Water main break: AM site closed',
    });
    expect(await fileAt()).toBe('2028-01-15T04:59:59.999Z'); // Tue 11, Thu 13, Fri 14
    expect(calendars.reloads).toBe(reloads + 1);
    await fileAt();
    expect(calendars.reloads).toBe(reloads + 1);

    // This instance's own change is used at once, without reading the closures again.
    await addClosure({ startDate: '2028-01-13', nationwide: true, reason: 'Executive order' }, '2028-01-10T16:30:00Z');
    expect(await fileAt()).toBe('2028-01-19T04:59:59.999Z'); // Tue 11, Fri 14, (MLK Day Mon 17), Tue 18
    expect(calendars.reloads).toBe(reloads + 1);
  });
});

describe('correcting a closure', () => {
  it('re-times from the old dates to the new ones and keeps both in the history', async () => {
    // Forwarded Monday 2028-05-01: Tue 2, Wed 3, Thu 4 in Chicago.
    const forwarded = await referralTo(org.functions.ef.id, '2028-05-01T14:00:00Z', '2028-05-01T15:00:00Z');
    const closure = await addClosure(
      { startDate: '2028-05-03', nationwide: false, functionIds: [org.functions.ef.id], reason: 'Power outage' },
      '2028-05-01T16:00:00Z',
    );
    expect((await referral(forwarded.id)).ackDueAt).toBe('2028-05-06T04:59:59.999Z');

    // It was Friday, not Wednesday: Friday is after the third business day, so the due time returns to Thursday.
    hub.clock.set('2028-05-01T17:00:00Z');
    const corrected = dataOf(
      await hub.request(admin.id, UPDATE, {
        id: closure.id,
        input: { startDate: '2028-05-05', nationwide: false, functionIds: [org.functions.ef.id], reason: 'Power outage (Friday)' },
      }),
    ).updateClosure;
    expect(corrected).toMatchObject({ startDate: '2028-05-05', reason: 'Power outage (Friday)' });
    expect(
      corrected.history.map((h: Record<string, any>) => [
        h.change,
        h.before?.startDate ?? null,
        h.after?.startDate ?? null,
        h.referralClocksMoved,
      ]),
    ).toEqual([
      ['ADDED', null, '2028-05-03', 1],
      ['UPDATED', '2028-05-03', '2028-05-05', 1],
    ]);
    const moved = await referral(forwarded.id);
    expect(moved.ackDueAt).toBe('2028-05-05T04:59:59.999Z');
    expect(moved.closuresApplied.map((e: Record<string, string>) => [e.change, e.previousDueAt, e.dueAt])).toEqual([
      ['ADDED', '2028-05-05T04:59:59.999Z', '2028-05-06T04:59:59.999Z'],
      ['UPDATED', '2028-05-06T04:59:59.999Z', '2028-05-05T04:59:59.999Z'],
    ]);
  });
});

describe('who may change closures, and what is a closure', () => {
  it('refuses non-admins and invalid closures without writing anything', async () => {
    const input = { startDate: '2029-07-02', nationwide: true, reason: 'Executive order' };
    expect(errorCodeOf(await hub.request(org.people.originator.id, ADD, { input }))).toBe('FORBIDDEN');
    expect(errorCodeOf(await hub.request(org.people.efManager.id, ADD, { input }))).toBe('FORBIDDEN');
    await expect(hub.services.closures.add(originator, input)).rejects.toThrow('Only an admin');

    const invalid = await hub.request(admin.id, ADD, {
      input: { startDate: '2029-07-05', endDate: '2029-07-02', nationwide: false, reason: ' ' },
    });
    expect(errorCodeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual([
      'input.endDate',
      'input.functionIds',
      'input.reason',
    ]);
    const both = await hub.request(admin.id, ADD, {
      input: { startDate: '2029-02-28', nationwide: true, functionIds: [org.functions.ef.id], reason: 'x' },
    });
    expect(both.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['input.functionIds']);
    // An impossible day is refused by the LocalDate scalar, before the closure's own rules are checked.
    const impossible = await hub.request(admin.id, ADD, {
      input: { startDate: '2029-02-30', nationwide: true, functionIds: [org.functions.ef.id], reason: 'x' },
    });
    expect(impossible.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['input.startDate']);
    expect(
      dataOf(await hub.request(admin.id, `{ closures(from: "2029-01-01", to: "2029-12-31") { nodes { id } } }`)).closures.nodes,
    ).toEqual([]);
  });
});
