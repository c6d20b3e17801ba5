import 'reflect-metadata';
import { BusinessCalendar, federalBusinessCalendar } from '../../src/platform/calendar/business-calendar';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { StatementCounter } from '../support/statement-counter';

const OPEN = 10_000;
const ACKNOWLEDGED = 1_000;
const CHICAGO = 'America/Chicago';
/** Monday 2027-03-01 … Friday 2027-03-05, 09:00 Chicago: the days the bulk referrals were received. */
const RECEIVED = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'].map((day) => new Date(`${day}T15:00:00Z`));
/** A generous bound for one closure change re-timing 10,000 referrals on a slow CI machine (typically well under a second). */
const BOUND_MS = 5_000;

const counter = new StatementCounter();
let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2027-02-26T15:00:00Z', logger: counter });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

it(`re-times ${OPEN.toLocaleString('en-US')} open referrals with a few set-based statements, fast`, async () => {
  const { dataSource } = hub.database;
  const originator = await hub.services.org.loadCaller(org.people.originator.id);
  const template = await hub.services.referrals.file(originator, {
    form: ReferralForm.F14566,
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });
  // Due times as the hub computes them without closures: acknowledgment 3 business days, completion 30 days.
  const ackDue = RECEIVED.map((at) => federalBusinessCalendar.dueAfterBusinessDays(at, 3, CHICAGO).toISOString());
  const completionDue = RECEIVED.map((at) => federalBusinessCalendar.dueAfterCalendarDays(at, 30, CHICAGO).toISOString());
  await dataSource.query(
    `INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id,
       category_code, content, submitted_at, received_at, ack_due_at, acknowledged_at, completion_due_at, next_due_at,
       elevation_level, elevation_holder_ids, sla_check_at)
     SELECT 'BULK-' || g, t.form, CASE WHEN g > $1 THEN 'ACKNOWLEDGED' ELSE 'FORWARDED' END, 1, t.originator_id,
            t.originating_function_id, t.receiving_function_id, t.category_code, t.content,
            d.received_at - interval '1 hour', d.received_at + (g % 600) * interval '1 second', d.ack_due,
            CASE WHEN g > $1 THEN d.received_at + interval '2 hours' END, d.completion_due,
            CASE WHEN g > $1 THEN d.completion_due ELSE d.ack_due END, 0, '{}', NULL
       FROM generate_series(1, $2::int) AS g
       JOIN unnest($3::int[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[]) AS d(day, received_at, ack_due, completion_due) ON d.day = g % 5
      CROSS JOIN (SELECT * FROM referral WHERE id = $7) t`,
    [OPEN, OPEN + ACKNOWLEDGED, [0, 1, 2, 3, 4], RECEIVED.map((d) => d.toISOString()), ackDue, completionDue, template.id],
  );

  // Friday 2027-03-05 16:00 Chicago: an executive order closes Monday 03-08. Receipts of Wed, Thu and Fri
  // counted Monday (2,000 each); Monday's and Tuesday's were due by Friday.
  hub.clock.set('2027-03-05T22:00:00Z');
  const admin = await hub.services.org.loadCaller(org.people.admin.id);
  const started = performance.now();
  const statements = await counter.measure(() =>
    hub.services.closures.add(admin, { startDate: '2027-03-08', nationwide: true, reason: 'Executive order: Monday 2027-03-08' }),
  );
  const elapsedMs = performance.now() - started;
  console.log(
    `closure change re-timing ${OPEN.toLocaleString('en-US')} open referrals: ${elapsedMs.toFixed(0)} ms, ${statements} SQL statements`,
  );
  expect(elapsedMs).toBeLessThan(BOUND_MS);
  // The closure's own (version, overlap check, insert, calendars, history), one grouping pass for every referral clock kind, one
  // UPDATE per kind that moves (here the acknowledgment clock), the OIs' grouping: per clock kind, not per referral.
  expect(statements).toBe(8);

  const closed = new BusinessCalendar((date) => date === '2027-03-08');
  const rows: { day: number; state: string; ack_due_at: Date; next_due_at: Date; version: number; checked: boolean; n: string }[] =
    await dataSource.query(
      `SELECT (extract(isodow FROM received_at AT TIME ZONE 'America/Chicago') - 1)::int AS day, state, ack_due_at, next_due_at, version,
            coalesce(sla_check_at = $1, false) AS checked, count(*) AS n
       FROM referral WHERE reference_number LIKE 'BULK-%' GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 2, 1`,
      [hub.clock.now()],
    );
  const expected = (state: string, open: boolean) =>
    RECEIVED.map((at, day) => {
      const due = open ? closed.dueAfterBusinessDays(at, 3, CHICAGO) : new Date(ackDue[day]);
      const moved = due.toISOString() !== ackDue[day];
      return {
        day,
        state,
        ack_due_at: due.toISOString(),
        next_due_at: open ? due.toISOString() : completionDue[day],
        version: moved ? 2 : 1,
        checked: moved,
        n: String((open ? OPEN : ACKNOWLEDGED) / 5),
      };
    });
  expect(rows.map((r) => ({ ...r, ack_due_at: r.ack_due_at.toISOString(), next_due_at: r.next_due_at.toISOString() }))).toEqual([
    ...expected('ACKNOWLEDGED', false),
    ...expected('FORWARDED', true),
  ]);
  // Wednesday's receipts: Thu 4, Fri 5, (Mon 8 closed), Tue 9.
  expect(rows.find((r) => r.state === 'FORWARDED' && r.day === 2)!.ack_due_at.toISOString()).toBe('2027-03-10T05:59:59.999Z');

  const [effects] = await dataSource.query(`SELECT count(*) AS n, count(DISTINCT referral_id) AS referrals FROM referral_closure_effect`);
  expect(effects).toEqual({ n: String((OPEN * 3) / 5), referrals: String((OPEN * 3) / 5) });
  const [history] = await dataSource.query(`SELECT referral_clocks_moved FROM closure_history`);
  expect(history.referral_clocks_moved).toBe((OPEN * 3) / 5);
});
