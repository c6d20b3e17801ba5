import { quotedList } from '../../platform/database/quoted-list';
import { ClockCountQuery } from '../../platform/observability/database-gauges';
import { ReferralClock, statesRunning } from './referral-clocks';
import { TERMINAL_STATES } from './referral-state';

const DUE_COLUMN: Record<ReferralClock, string> = {
  [ReferralClock.REVIEW]: 'review_due_at',
  [ReferralClock.ACKNOWLEDGMENT]: 'ack_due_at',
  [ReferralClock.COMPLETION]: 'completion_due_at',
};

/**
 * Running referral clocks and those past due, per clock, for the clock gauges. The WHERE clause is the
 * predicate of the partial index `referral_open_next_due_idx`: only open referrals are read, however long the history.
 */
export const REFERRAL_CLOCK_COUNTS: ClockCountQuery = `SELECT ${Object.values(ReferralClock)
  .flatMap((clock) => {
    const running = `state IN (${quotedList(statesRunning(clock))})`;
    return [
      `count(*) FILTER (WHERE ${running} AND ${DUE_COLUMN[clock]} IS NOT NULL) AS "referral:${clock}:open"`,
      `count(*) FILTER (WHERE ${running} AND ${DUE_COLUMN[clock]} < $1) AS "referral:${clock}:breached"`,
    ];
  })
  .join(', ')} FROM referral WHERE state NOT IN (${quotedList(TERMINAL_STATES)})`;
