import { ClockCountQuery } from '../../platform/observability/database-gauges';
import { InvestigationState } from './tecs-state';

/** Open OIs and those past due, for the clock gauges (partial index `other_investigation_open_due_idx`). */
export const INVESTIGATION_CLOCK_COUNTS: ClockCountQuery = `SELECT count(*) AS "investigation:DUE:open", count(*) FILTER (WHERE due_at < $1) AS "investigation:DUE:breached"
  FROM other_investigation WHERE state = '${InvestigationState.ISSUED}'`;
