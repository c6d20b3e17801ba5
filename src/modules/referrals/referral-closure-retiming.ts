import { EntityManager } from 'typeorm';
import { ReferralForm } from './forms/referral-form';
import { clocksRunningIn, DEFAULT_TIME_FRAMES, REVIEW_WORKDAYS, ReferralClock, statesRunning } from './referral-clocks';
import { referralHistoryInsertSql } from './referral-history';
import { ReferralAction, ReferralState } from './referral-state';
import {
  ClockGroup,
  ClosureRetimer,
  dueArrays,
  MovedClockGroup,
  ISO_UTC,
  retimeClockGroups,
  RetimeRequest,
  withdrawalNote,
} from '../../platform/calendar/closure-retimer';

/**
 * A business-day clock of a referral: where its start and acting function are stored, and how many business
 * days it counts. The completion clock is not here: it is counted in calendar days (30 days for a 14566, the
 * 4442 category's days), and a closure day is still a calendar day, so a closure never moves it. The same holds
 * for an acknowledgment clock in calendar days (CAWR's 30 days). The state that runs it and the other clocks
 * running beside it come from the clock rules (referral-clocks), not restated here.
 */
interface BusinessDayClockRule {
  clock: ReferralClock;
  startColumn: string;
  functionColumn: string;
  businessDays(group: ReferralClockGroup): number | null;
}

interface BusinessDayClock extends BusinessDayClockRule {
  state: ReferralState;
  dueColumn: string;
  /** next_due_at once this clock's due time is `v.new_due` (the other running clocks keep theirs; LEAST skips a null) */
  nextDue: string;
}

interface ReferralClockGroup extends ClockGroup {
  clock: ReferralClock;
  form: ReferralForm;
  has_time_frame: boolean;
  ack_business_days: number | null;
}

const DUE_COLUMN: Readonly<Record<ReferralClock, string>> = {
  [ReferralClock.REVIEW]: 'review_due_at',
  [ReferralClock.ACKNOWLEDGMENT]: 'ack_due_at',
  [ReferralClock.COMPLETION]: 'completion_due_at',
};

function businessDayClock(rule: BusinessDayClockRule): BusinessDayClock {
  const states = statesRunning(rule.clock);
  // The UPDATE and the history entry name one state; a clock run in several would need one statement per state.
  if (states.length !== 1) throw new Error(`${rule.clock} runs in ${states.length} states; re-timing expects one`);
  const others = clocksRunningIn(states[0])
    .filter((clock) => clock !== rule.clock)
    .map((clock) => `r.${DUE_COLUMN[clock]}`);
  return {
    ...rule,
    state: states[0],
    dueColumn: DUE_COLUMN[rule.clock],
    nextDue: others.length ? `LEAST(v.new_due, ${others.join(', ')})` : 'v.new_due',
  };
}

const BUSINESS_DAY_CLOCKS: readonly BusinessDayClock[] = [
  {
    clock: ReferralClock.REVIEW,
    startColumn: 'submitted_at',
    functionColumn: 'originating_function_id',
    businessDays: () => REVIEW_WORKDAYS,
  },
  {
    clock: ReferralClock.ACKNOWLEDGMENT,
    startColumn: 'received_at',
    functionColumn: 'receiving_function_id',
    // The receiver's time frame if it has one, else the form's default (as ReferralService.forward does).
    businessDays: (group: ReferralClockGroup) =>
      group.has_time_frame ? group.ack_business_days : DEFAULT_TIME_FRAMES[group.form].ackBusinessDays,
  },
].map(businessDayClock);

/**
 * Moves the due times of every open clock a closure change affects, set-based: the clocks are grouped
 * by (acting function, form, local start date) — few groups, as many clocks start on the same days — in one
 * statement for every clock kind, each read from its partial index by due time; the old and new due instant of each group is computed here from
 * the calendars before and after the change, and one statement per clock kind that moves applies them. A row moves only if its clock is still running (its
 * state) and its stored due time is the one the old calendar gives (so a clock set another way, e.g. by a
 * time frame edited since, is left alone). Satisfied clocks are never touched.
 *
 * In the same statement: `next_due_at` follows, `sla_check_at = now` makes the SLA sweep re-plan
 * reminders and breaches for the new times, the move is recorded in referral_closure_effect, a recorded
 * breach (and its escalations) whose clock is now due later than now is withdrawn with an
 * SLA_BREACH_WITHDRAWN history entry, and one still late under the new time is re-keyed to it so the
 * sweep does not report it twice. Moved referrals get a new `version`: a concurrent action that read the
 * old due times fails with CONFLICT instead of writing them back.
 */
export const referralClosureRetimer: ClosureRetimer = {
  async retime(manager, request) {
    const result = { referralClocksMoved: 0, breachesWithdrawn: 0 };
    const groups = await clockGroups(manager, request);
    for (const spec of BUSINESS_DAY_CLOCKS) {
      const moved = await retimeClockGroups<ReferralClockGroup, { moved: number; withdrawn: number }>(request, {
        groups: async () => groups.filter((group) => group.clock === spec.clock),
        businessDays: spec.businessDays,
        apply: (moving) => moveReferralClocks(manager, spec, request, moving),
      });
      result.referralClocksMoved += moved?.moved ?? 0;
      result.breachesWithdrawn += moved?.withdrawn ?? 0;
    }
    return result;
  },
};

/**
 * Every business-day clock kind's groups in one statement: each kind's running clocks due from `dueFrom` come from
 * its own partial index (referral_review_clock_idx, referral_ack_clock_idx), and are grouped once.
 */
function clockGroups(manager: EntityManager, request: RetimeRequest): Promise<ReferralClockGroup[]> {
  const clocks = BUSINESS_DAY_CLOCKS.map(
    (spec) =>
      `SELECT '${spec.clock}' AS clock, r.${spec.functionColumn} AS function_id, r.form, r.${spec.startColumn} AS started_at
         FROM referral r
        WHERE r.state = '${spec.state}' AND r.${spec.dueColumn} >= $1 AND r.${spec.startColumn} < $2
          AND ($3::uuid[] IS NULL OR r.${spec.functionColumn} = ANY($3::uuid[]))`,
  );
  return manager.query(
    `SELECT c.clock, c.function_id, f.time_zone, c.form, ((c.started_at AT TIME ZONE f.time_zone)::date)::text AS start_date,
            tf.id IS NOT NULL AS has_time_frame, tf.ack_business_days
       FROM (${clocks.join(' UNION ALL ')}) AS c
       JOIN business_function f ON f.id = c.function_id
       LEFT JOIN referral_time_frame tf ON tf.function_id = c.function_id AND tf.form = c.form
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [request.dueFrom, request.startedBefore, request.functionIds],
  );
}

/** One statement: the moved clocks, their effects, withdrawn and re-keyed breaches, and the history entries. */
async function moveReferralClocks(
  manager: EntityManager,
  spec: BusinessDayClock,
  request: RetimeRequest,
  groups: MovedClockGroup<ReferralClockGroup>[],
): Promise<{ moved: number; withdrawn: number }> {
  const { dueColumn: due, startColumn: start, functionColumn: fn } = spec;
  const values = dueArrays(groups);
  const [counts]: { moved: string; withdrawn: string }[] = await manager.query(
    `WITH v AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::timestamptz[], $5::timestamptz[]) AS v(function_id, form, start_date, old_due, new_due)
     ), moved AS (
       UPDATE referral r
          SET ${due} = v.new_due, next_due_at = ${spec.nextDue}, sla_check_at = $6::timestamptz,
              version = r.version + 1, updated_at = CURRENT_TIMESTAMP
         FROM v JOIN business_function f ON f.id = v.function_id
        WHERE r.state = $7::text AND r.${fn} = v.function_id AND r.form = v.form AND r.${due} = v.old_due
          AND (r.${start} AT TIME ZONE f.time_zone)::date = v.start_date
       RETURNING r.id, v.old_due, v.new_due
     ), effects AS (
       INSERT INTO referral_closure_effect (referral_id, closure_id, change, clock, previous_due_at, due_at, at)
       SELECT id, $8::uuid, $9::text, $10::text, old_due, new_due, $6::timestamptz FROM moved
     ), withdrawn AS (
       DELETE FROM referral_sla_event e USING moved m
        WHERE e.referral_id = m.id AND e.clock = $10::text AND e.due_at = m.old_due
          AND e.kind IN ('BREACH', 'ESCALATION') AND m.new_due > $6::timestamptz
       RETURNING e.referral_id, e.kind, m.old_due, m.new_due
     ), still_late AS (
       UPDATE referral_sla_event e SET due_at = m.new_due
         FROM moved m
        WHERE e.referral_id = m.id AND e.clock = $10::text AND e.due_at = m.old_due
          AND e.kind IN ('BREACH', 'ESCALATION') AND m.new_due <= $6::timestamptz
     ), history AS (
       ${referralHistoryInsertSql<ReferralAction.SLA_BREACH_WITHDRAWN>('referral_id', {
         action: '$11::text',
         fromState: '$7::text',
         toState: '$7::text',
         actorId: '$12::uuid',
         at: '$6::timestamptz',
         note: '$13::text',
         details: {
           clock: '$10::text',
           previousDueAt: ISO_UTC('old_due'),
           dueAt: ISO_UTC('new_due'),
           closureId: '$8::uuid',
           closureChange: '$9::text',
         },
         from: "FROM withdrawn WHERE kind = 'BREACH'",
       })}
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM moved) AS moved, (SELECT count(*) FROM history) AS withdrawn`,
    [
      values.functionIds,
      groups.map((moved) => moved.group.form),
      values.startDates,
      values.oldDue,
      values.newDue,
      request.now,
      spec.state,
      request.closureId,
      request.change,
      spec.clock,
      ReferralAction.SLA_BREACH_WITHDRAWN,
      request.actorId,
      withdrawalNote(request, spec.clock),
    ],
  );
  return { moved: Number(counts.moved), withdrawn: Number(counts.withdrawn) };
}
