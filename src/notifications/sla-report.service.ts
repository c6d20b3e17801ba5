import { DataSource } from 'typeorm';
import { toCsv } from '../common/csv';
import { InvalidInputError } from '../common/errors';
import { TERMINAL_STATES } from '../referrals/referral-state';

export interface SlaReportRow {
  functionId: string;
  functionCode: string;
  /** null: the row for the whole function; otherwise one liaison who acknowledged. */
  liaisonId: string | null;
  liaisonName: string | null;
  received: number;
  acknowledgedOnTime: number;
  acknowledgedLate: number;
  /** Not acknowledged and past the acknowledgment due time. */
  unacknowledgedLate: number;
  medianHoursToAcknowledge: number | null;
  openBreaches: number;
}

const TERMINAL = TERMINAL_STATES.map((s) => `'${s}'`).join(', ');

/**
 * Acknowledgment performance of receiving functions (and of each liaison who acknowledged) for
 * referrals received in [from, to). One set-based query; `openBreaches` counts open referrals of the
 * function whose running clock has passed now.
 */
export class SlaReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(from: Date, to: Date, functionId: string | null, now: Date): Promise<SlaReportRow[]> {
    if (!(from < to)) throw InvalidInputError.single('to', 'must be after from');
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
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
       SELECT g.*, f.code AS function_code, e.name AS liaison_name,
              (SELECT count(*) FROM referral o WHERE o.receiving_function_id = g.function_id
                 AND o.state NOT IN (${TERMINAL}) AND o.next_due_at < $4) AS open_breaches
         FROM grouped g
         JOIN business_function f ON f.id = g.function_id
         LEFT JOIN employee e ON e.id = g.liaison_id
        WHERE g.whole_function = 1 OR g.liaison_id IS NOT NULL
        ORDER BY f.code, g.whole_function DESC, e.name`,
      [from, to, functionId, now],
    );
    return rows.map((row) => ({
      functionId: String(row.function_id),
      functionCode: String(row.function_code),
      liaisonId: row.whole_function === 1 ? null : String(row.liaison_id),
      liaisonName: row.whole_function === 1 ? null : String(row.liaison_name),
      received: Number(row.received),
      acknowledgedOnTime: Number(row.on_time),
      acknowledgedLate: Number(row.late),
      unacknowledgedLate: Number(row.unacknowledged_late),
      medianHoursToAcknowledge: row.median_hours === null ? null : Math.round(Number(row.median_hours) * 100) / 100,
      openBreaches: row.whole_function === 1 ? Number(row.open_breaches) : 0,
    }));
  }
}

const CSV_COLUMNS: { header: string; value: (row: SlaReportRow) => unknown }[] = [
  { header: 'function', value: (r) => r.functionCode },
  { header: 'liaison', value: (r) => r.liaisonName ?? '(all)' },
  { header: 'received', value: (r) => r.received },
  { header: 'acknowledged_on_time', value: (r) => r.acknowledgedOnTime },
  { header: 'acknowledged_late', value: (r) => r.acknowledgedLate },
  { header: 'unacknowledged_late', value: (r) => r.unacknowledgedLate },
  { header: 'median_hours_to_acknowledge', value: (r) => r.medianHoursToAcknowledge },
  { header: 'open_breaches', value: (r) => r.openBreaches },
];

export function slaReportCsv(rows: SlaReportRow[]): string {
  return toCsv(CSV_COLUMNS, rows);
}
