import { EntityManager } from 'typeorm';
import {
  ClockGroup,
  ClosureRetimer,
  dueArrays,
  ISO_UTC,
  MovedClockGroup,
  retimeClockGroups,
  RetimeRequest,
  withdrawalNote,
} from '../../platform/calendar/closure-retimer';
import { TecsSubject } from './tecs-history.entity';
import { tecsHistoryInsertSql } from './tecs-history';
import { InvestigationState } from './tecs-state';

interface InvestigationGroup extends ClockGroup {
  n: number;
}

/** OIs whose due time was counted in business days (no departure date given) move as referral clocks do. */
export const investigationClosureRetimer: ClosureRetimer = { retime: retimeInvestigations };

async function retimeInvestigations(
  manager: EntityManager,
  request: RetimeRequest,
): Promise<{ investigationsMoved: number; breachesWithdrawn: number }> {
  const { dueFrom, startedBefore } = request;
  const moved = await retimeClockGroups<InvestigationGroup, { investigationsMoved: number; breachesWithdrawn: number }>(request, {
    groups: () =>
      manager.query(
        `SELECT oi.due_function_id AS function_id, f.time_zone, oi.due_business_days AS n,
                ((oi.opened_at AT TIME ZONE f.time_zone)::date)::text AS start_date
           FROM other_investigation oi
           JOIN business_function f ON f.id = oi.due_function_id
          WHERE oi.state = $1 AND oi.due_business_days IS NOT NULL AND oi.due_at >= $2 AND oi.opened_at < $3
            AND ($4::uuid[] IS NULL OR oi.due_function_id = ANY($4::uuid[]))
          GROUP BY 1, 2, 3, 4`,
        [InvestigationState.ISSUED, dueFrom, startedBefore, request.functionIds],
      ),
    businessDays: (group) => group.n,
    apply: (groups) => moveInvestigations(manager, request, groups),
  });
  return moved ?? { investigationsMoved: 0, breachesWithdrawn: 0 };
}

/** One statement: the moved OIs (their escalation reset if now due later) and their history entries. */
async function moveInvestigations(
  manager: EntityManager,
  request: RetimeRequest,
  groups: MovedClockGroup<InvestigationGroup>[],
): Promise<{ investigationsMoved: number; breachesWithdrawn: number }> {
  const values = dueArrays(groups);
  const [counts]: { moved: string; withdrawn: string }[] = await manager.query(
    `WITH v AS (
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::date[], $4::timestamptz[], $5::timestamptz[]) AS v(function_id, n, start_date, old_due, new_due)
     ), moved AS (
       UPDATE other_investigation oi
          SET due_at = v.new_due, version = oi.version + 1,
              escalation_level = CASE WHEN v.new_due > $6::timestamptz THEN 0 ELSE oi.escalation_level END
         FROM v JOIN business_function f ON f.id = v.function_id, other_investigation prev
        WHERE prev.id = oi.id AND oi.state = $7::text AND oi.due_function_id = v.function_id AND oi.due_business_days = v.n
          AND oi.due_at = v.old_due AND (oi.opened_at AT TIME ZONE f.time_zone)::date = v.start_date
       RETURNING oi.id, oi.state, v.old_due, v.new_due, prev.escalation_level AS previous_level
     ), history AS (
       ${tecsHistoryInsertSql<TecsSubject.INVESTIGATION, 'DUE_MOVED_BY_CLOSURE' | 'SLA_BREACH_WITHDRAWN'>(
         { subjectType: '$8::text', subjectId: 'id' },
         {
           action: 'action',
           fromState: 'state',
           toState: 'state',
           actorId: '$9::uuid',
           at: '$6::timestamptz',
           note: 'note',
           details: {
             previousDueAt: ISO_UTC('old_due'),
             dueAt: ISO_UTC('new_due'),
             closureId: '$10::uuid',
             closureChange: '$11::text',
             previousEscalationLevel: 'previous_level',
           },
           from: `FROM (SELECT moved.*, 'DUE_MOVED_BY_CLOSURE' AS action, NULL::text AS note FROM moved
               UNION ALL
               SELECT moved.*, $12::text, $13::text FROM moved WHERE previous_level > 0 AND new_due > $6::timestamptz) h`,
         },
       )}
       RETURNING action
     )
     SELECT count(*) FILTER (WHERE action = 'DUE_MOVED_BY_CLOSURE') AS moved, count(*) FILTER (WHERE action = $12::text) AS withdrawn FROM history`,
    [
      values.functionIds,
      groups.map((moved) => moved.group.n),
      values.startDates,
      values.oldDue,
      values.newDue,
      request.now,
      InvestigationState.ISSUED,
      TecsSubject.INVESTIGATION,
      request.actorId,
      request.closureId,
      request.change,
      'SLA_BREACH_WITHDRAWN',
      withdrawalNote(request, 'INVESTIGATION'),
    ],
  );
  return { investigationsMoved: Number(counts.moved), breachesWithdrawn: Number(counts.withdrawn) };
}
