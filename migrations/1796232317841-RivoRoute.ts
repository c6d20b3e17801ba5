import { MigrationInterface, QueryRunner } from 'typeorm';

/** The 4442/3210 states of the route before this migration, and where each goes on the RIVO route (IRM 25.25.6). */
const MOVES: readonly [from: string, to: string][] = [
  // With the originating liaison, returned to the originator by it, forwarded, acknowledged: none of these steps
  // exists on the RIVO route; the referral sits in RIVO's queue until an employee checks it out.
  ['SUBMITTED', 'RECEIVED'],
  ['RETURNED', 'RECEIVED'],
  ['FORWARDED', 'RECEIVED'],
  ['ACKNOWLEDGED', 'RECEIVED'],
  // Assigned to a RIVO employee: that employee has it checked out.
  ['ASSIGNED', 'CHECKED_OUT'],
  // Completed with its actions and code, waiting for the sender to close: RIVO's closing code closes it.
  ['COMPLETED', 'CLOSED'],
];

const NOTE =
  'Moved onto the RIVO route of IRM 25.25.6 (straight to RIVO, no liaison review or acknowledgment) by the migration RivoRoute1796232317841';

/** The categories whose taxpayer is told "allow 9 weeks" (IRM 25.25.6.5.5.1(3), 25.25.6.6.4(5)): 63 calendar days. */
const NINE_WEEK_CATEGORIES = ['RICS_RIVO_MFT32_REVERSAL', 'RICS_RIVO_UP147_RC8'];

/**
 * Forms 4442 and 3210 follow their own route from now on (src/modules/referrals/referral-lifecycle.ts): open
 * referrals move to the new states, each with a ROUTE_MIGRATED history entry (no actor) naming the move, and the
 * completion clock is counted again from the date of the form in the receiving function's zone (the end of the
 * calendar day filing + N, as ReferralClocks does), none where the category names no time frame.
 */
export class RivoRoute1796232317841 implements MigrationInterface {
  name = 'RivoRoute1796232317841';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "referral_category" SET "completion_days" = 63 WHERE "code" = ANY($1)`, [NINE_WEEK_CATEGORIES]);
    await queryRunner.query(
      `WITH moves (from_state, to_state) AS (SELECT * FROM unnest($1::text[], $2::text[])),
       prior AS (
         SELECT r.id, r.state, m.to_state,
                CASE WHEN c.completion_days IS NULL THEN NULL
                     ELSE ((((r.created_at AT TIME ZONE f.time_zone)::date + c.completion_days + 1)::timestamp) AT TIME ZONE f.time_zone)
                          - interval '1 millisecond' END AS completion_due
           FROM referral r
           JOIN moves m ON m.from_state = r.state
           JOIN business_function f ON f.id = r.receiving_function_id
           LEFT JOIN referral_category c ON c.code = r.category_code
          WHERE r.form IN ('F4442', 'F3210')
          FOR UPDATE OF r
       ),
       moved AS (
         UPDATE referral r SET
           state = prior.to_state,
           review_due_at = NULL,
           ack_due_at = NULL,
           received_at = COALESCE(r.received_at, now()),
           completion_due_at = CASE WHEN prior.to_state = 'CLOSED' THEN r.completion_due_at ELSE prior.completion_due END,
           closed_at = CASE WHEN prior.to_state = 'CLOSED' THEN COALESCE(r.completed_at, now()) ELSE r.closed_at END,
           next_due_at = CASE WHEN prior.to_state = 'CLOSED' THEN NULL ELSE prior.completion_due END,
           sla_check_at = now(),
           version = r.version + 1
         FROM prior WHERE r.id = prior.id
         RETURNING r.id, prior.state AS from_state, r.state AS to_state
       )
       INSERT INTO referral_history (referral_id, action, from_state, to_state, actor_id, at, note, details)
       SELECT id, 'ROUTE_MIGRATED', from_state, to_state, NULL, now(), $3,
              jsonb_build_object('migration', $4::text, 'route', 'IRM 25.25.6')
         FROM moved`,
      [MOVES.map(([from]) => from), MOVES.map(([, to]) => to), NOTE, this.name],
    );
  }

  /** Back to the liaison route's nearest states; the ROUTE_MIGRATED history entries stay (the history is append-only). */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE referral SET state = CASE state WHEN 'RECEIVED' THEN 'FORWARDED' WHEN 'CLOSED_MISROUTED' THEN 'CLOSED' ELSE 'ASSIGNED' END,
              version = version + 1, sla_check_at = now()
        WHERE form IN ('F4442', 'F3210') AND state IN ('RECEIVED', 'CHECKED_OUT', 'WORKING', 'MONITORING', 'CLOSED_MISROUTED')`,
    );
    await queryRunner.query(`UPDATE "referral_category" SET "completion_days" = NULL WHERE "code" = ANY($1)`, [NINE_WEEK_CATEGORIES]);
  }
}
