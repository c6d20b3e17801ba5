import { DataSource } from 'typeorm';
import { CsvColumn, CsvExport } from '../../platform/common/csv';
import { streamQuery } from '../../platform/database/query-stream';
import { InvalidInputError } from '../../platform/common/errors';
import { TERMINAL_STATES } from './referral-state';
import { SlaReportRow } from './sla-report-row';

const TERMINAL = TERMINAL_STATES.map((s) => `'${s}'`).join(', ');

/**
 * Acknowledgment performance of receiving functions (and of each liaison who acknowledged) for
 * referrals received in [from, to). One set-based query; `openBreaches` counts open referrals of the
 * function whose running clock has passed now.
 */
export class SlaReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(from: Date, to: Date, functionId: string | null, now: Date, first: number): Promise<SlaReportRow[]> {
    const [sql, parameters] = reportQuery(from, to, functionId, now);
    const rows: RawSlaRow[] = await this.dataSource.query(`${sql} LIMIT $${parameters.length + 1}`, [...parameters, first]);
    return rows.map((row) => ({
      functionId: row.function_id,
      functionCode: row.function_code,
      liaisonId: row.liaison_id,
      liaisonName: row.liaison_name,
      received: Number(row.received),
      acknowledgedOnTime: Number(row.on_time),
      acknowledgedLate: Number(row.late),
      unacknowledgedLate: Number(row.unacknowledged_late),
      medianHoursToAcknowledge: row.median_hours,
      openBreaches: Number(row.open_breaches),
    }));
  }

  /** The same report read through a cursor for the CSV download. */
  async exportRows(from: Date, to: Date, functionId: string | null, now: Date): Promise<CsvExport<RawSlaRow>> {
    return { columns: SLA_CSV_COLUMNS, rows: await streamQuery(this.dataSource, reportQuery(from, to, functionId, now)) };
  }
}

/** A report row as PostgreSQL returns it (counts are bigint, hence strings). */
interface RawSlaRow {
  function_id: string;
  function_code: string;
  liaison_id: string | null;
  liaison_name: string | null;
  received: string;
  on_time: string;
  late: string;
  unacknowledged_late: string;
  median_hours: number | null;
  open_breaches: string;
}

/**
 * One set-based query: rows per receiving function and per liaison who acknowledged, for referrals received
 * in [from, to); `open_breaches` (function rows only) counts open referrals whose running clock has passed `now`.
 */
function reportQuery(from: Date, to: Date, functionId: string | null, now: Date): [string, unknown[]] {
  if (!(from < to)) throw InvalidInputError.single('to', 'must be after from');
  return [
    `WITH received AS (
         SELECT r.id, r.receiving_function_id AS function_id, r.received_at, r.ack_due_at, r.acknowledged_at,
                (SELECT h.actor_id FROM referral_history h WHERE h.referral_id = r.id AND h.action = 'ACKNOWLEDGE' ORDER BY h.at DESC LIMIT 1) AS liaison_id
           FROM referral r
          WHERE r.received_at >= $1 AND r.received_at < $2 AND ($3::uuid IS NULL OR r.receiving_function_id = $3)
       ),
       grouped AS (
         SELECT function_id, liaison_id,
                count(*) AS received,
                count(*) FILTER (WHERE acknowledged_at <= ack_due_at) AS on_time,
                count(*) FILTER (WHERE acknowledged_at > ack_due_at) AS late,
                count(*) FILTER (WHERE acknowledged_at IS NULL AND ack_due_at < $4) AS unacknowledged_late,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - received_at) / 3600)
                  FILTER (WHERE acknowledged_at IS NOT NULL) AS median_hours,
                GROUPING(liaison_id) AS whole_function
           FROM received
          GROUP BY GROUPING SETS ((function_id), (function_id, liaison_id))
       )
       SELECT g.function_id, g.received, g.on_time, g.late, g.unacknowledged_late, g.whole_function, f.code AS function_code,
              CASE WHEN g.whole_function = 1 THEN NULL ELSE g.liaison_id END AS liaison_id,
              CASE WHEN g.whole_function = 1 THEN NULL ELSE e.name END AS liaison_name,
              round(g.median_hours::numeric, 2)::float8 AS median_hours,
              CASE WHEN g.whole_function = 1 THEN (SELECT count(*) FROM referral o WHERE o.receiving_function_id = g.function_id
                 AND o.state NOT IN (${TERMINAL}) AND o.next_due_at < $4) ELSE 0 END AS open_breaches
         FROM grouped g
         JOIN business_function f ON f.id = g.function_id
         LEFT JOIN employee e ON e.id = g.liaison_id
        WHERE g.whole_function = 1 OR g.liaison_id IS NOT NULL
        ORDER BY f.code, g.whole_function DESC, e.name`,
    [from, to, functionId, now],
  ];
}

const SLA_CSV_COLUMNS: CsvColumn<RawSlaRow>[] = [
  { header: 'function', value: (r) => r.function_code },
  { header: 'liaison', value: (r) => r.liaison_name ?? '(all)' },
  { header: 'received', value: (r) => r.received },
  { header: 'acknowledged_on_time', value: (r) => r.on_time },
  { header: 'acknowledged_late', value: (r) => r.late },
  { header: 'unacknowledged_late', value: (r) => r.unacknowledged_late },
  { header: 'median_hours_to_acknowledge', value: (r) => r.median_hours },
  { header: 'open_breaches', value: (r) => r.open_breaches },
];
