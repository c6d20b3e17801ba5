import { federalBusinessCalendar } from '../../src/platform/calendar/business-calendar';
import { Benchmark } from '../lib/benchmark';
import { fileSample14566 } from '../lib/org';
import { BENCH_NOW } from '../lib/environment';
import { PgStatementCounter } from '../lib/pg-counter';
import { ratioTarget } from '../lib/report';
import { msSince } from '../lib/stats';

const OPEN = 10_000;
/** addClosure against the same rows' writes through pg: at most this multiple. */
const TARGET_RATIO = 1.3;
/** Wednesday 2027-03-03, 18:00 UTC (morning to noon in every bench zone): when the 10,000 referrals were received. */
const RECEIVED_AT = '2027-03-03T18:00:00Z';
/** Monday 2027-03-08: the third business day after a Wednesday receipt, closed nationwide by the benchmark. */
const CLOSED_DAY = '2027-03-08';
const CHANGED_AT = '2027-03-04T15:00:00Z';

/**
 * Closure re-timing at scale: 10,000 FORWARDED referrals (received the same morning by the 50 functions, in their
 * own zones) whose 3-business-day acknowledgment clock counts Monday 2027-03-08, among the data set (1M referrals in a
 * full run) and whatever earlier benchmarks filed. The hub:
 * `services.closures.add` (an executive order closing that Monday, nationwide) and then `remove`, each one
 * transaction re-timing all 10,000 clocks. Baseline: the floor of the same writes — one UPDATE of the 10,000 rows'
 * due times, next due, sla_check_at and version plus one INSERT of their 10,000 effect rows — via pg in one
 * transaction (committed, then undone untimed), measured after the hub's runs.
 */
export const benchmark: Benchmark = {
  title: 'Closure re-timing at scale',
  async run(ctx) {
    // The data set (and whatever earlier benchmarks filed) stays in the table: re-timing must find its 10,000 clocks
    // among them, and its reads and index upkeep depend on the rows around the moved ones, so it is loaded even alone.
    const { functions, adminId } = ctx.org;
    const admin = ctx.env.admin;
    await ctx.dataset();
    let { rows: templates } = await admin.query<{ id: string }>(
      `SELECT id FROM referral WHERE form = 'F14566' ORDER BY created_at LIMIT 1`,
    );
    if (!templates.length) templates = [{ id: (await fileSample14566(ctx.env, ctx.org)).referral.id }];

    const received = new Date(RECEIVED_AT);
    const rows = Array.from({ length: OPEN }, (_, i) => {
      const to = functions[i % functions.length];
      const from = functions[(i + 1) % functions.length];
      return {
        reference: `CLOSURE-BENCH-${i}`,
        to: to.id,
        from: from.id,
        originator: from.workerIds[0],
        ackDue: federalBusinessCalendar.dueAfterBusinessDays(received, 3, to.timeZone).toISOString(),
        completionDue: federalBusinessCalendar.dueAfterCalendarDays(received, 30, to.timeZone).toISOString(),
      };
    });
    await admin.query(
      `INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id,
         content, submitted_at, received_at, ack_due_at, completion_due_at, next_due_at, elevation_level, elevation_holder_ids, sla_check_at)
       SELECT r.reference, 'F14566', 'FORWARDED', 1, r.originator, r.from_id, r.to_id, t.content, $7::timestamptz - interval '1 day',
              $7::timestamptz, r.ack_due, r.completion_due, LEAST(r.ack_due, r.completion_due), 0, '{}', NULL
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[])
              AS r(reference, to_id, from_id, originator, ack_due, completion_due)
        CROSS JOIN (SELECT content FROM referral WHERE id = $8) t`,
      [
        rows.map((r) => r.reference),
        rows.map((r) => r.to),
        rows.map((r) => r.from),
        rows.map((r) => r.originator),
        rows.map((r) => r.ackDue),
        rows.map((r) => r.completionDue),
        RECEIVED_AT,
        templates[0].id,
      ],
    );
    await admin.query('ANALYZE referral');
    const tableRows = Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM referral')).rows[0].n);
    ctx.log(
      `${OPEN.toLocaleString('en-US')} forwarded referrals inserted, acknowledgment due at the end of Monday ${CLOSED_DAY} in each function's zone`,
    );

    const caller = await ctx.env.hub.services.org.loadCaller(adminId);
    const closures = ctx.env.hub.services.closures;
    ctx.env.clock.set(CHANGED_AT);
    const addStart = process.hrtime.bigint();
    const added = await ctx.counter.measure(() =>
      closures.add(caller, { startDate: CLOSED_DAY, nationwide: true, reason: 'Benchmark: executive order' }),
    );
    const addMs = msSince(addStart);
    const [addHistory] = (await closures.history(added.value.id)).slice(-1);
    if (addHistory.referralClocksMoved < OPEN)
      throw new Error(`the closure moved ${addHistory.referralClocksMoved} clocks, expected at least ${OPEN}`);
    ctx.verbose('statements of addClosure', PgStatementCounter.profile(added.captured));

    const removeStart = process.hrtime.bigint();
    const removed = await ctx.counter.measure(() => closures.remove(caller, added.value.id));
    const removeMs = msSince(removeStart);
    const [removeHistory] = (await closures.history(added.value.id)).slice(-1);
    ctx.env.clock.set(BENCH_NOW);

    // Baseline: the same writes for the same rows as plain set-based SQL (committed), after the hub's runs so the
    // effect rows can name the closure.
    const direct = await ctx.env.direct();
    let floorMs: number;
    try {
      const started = process.hrtime.bigint();
      await direct.query('BEGIN');
      await direct.query(
        `WITH moved AS (
           UPDATE referral SET ack_due_at = ack_due_at + interval '1 day', next_due_at = next_due_at + interval '1 day',
                  sla_check_at = $1, version = version + 1, updated_at = CURRENT_TIMESTAMP
            WHERE reference_number LIKE 'CLOSURE-BENCH-%' AND state = 'FORWARDED'
           RETURNING id, ack_due_at)
         INSERT INTO referral_closure_effect (referral_id, closure_id, change, clock, previous_due_at, due_at, at)
         SELECT id, $2, 'ADDED', 'ACKNOWLEDGMENT', ack_due_at - interval '1 day', ack_due_at, $1 FROM moved`,
        [CHANGED_AT, added.value.id],
      );
      // Committed, as the hub's transaction is (a rollback would skip flushing the WAL); the due times are moved back
      // untimed, the effect rows stay (the table is append-only) under the closure the hub added and removed.
      await direct.query('COMMIT');
      floorMs = msSince(started);
      await direct.query(
        `UPDATE referral SET ack_due_at = ack_due_at - interval '1 day', next_due_at = next_due_at - interval '1 day', version = version + 1
          WHERE reference_number LIKE 'CLOSURE-BENCH-%' AND state = 'FORWARDED'`,
      );
    } finally {
      await direct.end();
    }

    ctx.figure({
      name: `addClosure re-timing ${OPEN.toLocaleString('en-US')} open referrals (one transaction)`,
      value: addMs,
      unit: 'ms',
      better: 'lower',
      baseline: floorMs,
      baselineLabel: 'same rows updated + effects inserted, set-based SQL via pg',
      target: ratioTarget(addMs, floorMs, 'lower', TARGET_RATIO, 'the same rows through pg'),
    });
    ctx.figure({
      name: `removeClosure moving them back`,
      value: removeMs,
      unit: 'ms',
      better: 'lower',
      baseline: floorMs,
      baselineLabel: 'as above',
    });
    ctx.figure({
      name: 'SQL statements of addClosure (any number of referrals)',
      value: added.statements,
      unit: 'statements',
      better: 'lower',
    });
    ctx.note(
      `The referral table held ${tableRows.toLocaleString('en-US')} rows, among them ${OPEN.toLocaleString('en-US')} FORWARDED Form 14566 referrals received ${RECEIVED_AT} by the ` +
        `${functions.length} functions (zones ${[...new Set(functions.map((f) => f.timeZone))].join(', ')}), acknowledgment due the end of ` +
        `${CLOSED_DAY} local. \`services.closures.add\` (nationwide closure of ${CLOSED_DAY}) moved ${addHistory.referralClocksMoved.toLocaleString('en-US')} ` +
        `clocks in ${addMs.toFixed(0)} ms with ${added.statements} statements; \`remove\` moved ${removeHistory.referralClocksMoved.toLocaleString('en-US')} back in ` +
        `${removeMs.toFixed(0)} ms with ${removed.statements} statements. Each is one transaction: bump closure_version, write the closure and its ` +
        `history, group the running business-day clocks by function, form and local start date, and one UPDATE … FROM unnest per clock kind ` +
        `(moving due times, recording effects, withdrawing breaches). Baseline: the floor of the writes for the same rows, via pg in one committed transaction (one UPDATE … RETURNING feeding one INSERT of the effects).`,
    );
  },
};
