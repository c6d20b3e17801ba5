import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { NotificationStatus } from '../notifications/notification.entity';
import { quotedList } from '../database/quoted-list';

const COUNTED_NOTICES = [NotificationStatus.PENDING, NotificationStatus.DIGEST_PENDING, NotificationStatus.FAILED] as const;

/** Notices by status, through `notification_status_recipient_idx` (never the SENT history). */
const NOTICES = `SELECT ${COUNTED_NOTICES.map((status) => `count(*) FILTER (WHERE status = '${status}') AS "notices:${status}"`).join(', ')},
  min(created_at) FILTER (WHERE status = '${NotificationStatus.PENDING}') AS "oldestPending"
  FROM notification WHERE status IN (${quotedList(COUNTED_NOTICES)})`;

/**
 * A domain's running clocks for the clock gauges, registered by each domain that has clocks: one SELECT of
 * one row ($1 = now) with columns named "<subject>:<clock>:open" and "<subject>:<clock>:breached".
 */
export type ClockCountQuery = string;

/** One statement, so that a scrape holds one pooled connection for one round trip. */
const snapshotSql = (clockCounts: readonly ClockCountQuery[]): string =>
  `SELECT * FROM ${[...clockCounts, NOTICES].map((sql, i) => `(${sql}) AS part${i}`).join(', ')}`;

interface Snapshot {
  clocks: { subject: string; clock: string; open: number; breached: number }[];
  notices: Map<string, number>;
  oldestPending: Date | null;
  now: Date;
}

/** One query per scrape, however many gauges read it (prom-client collects all gauges at once). */
function sharedSnapshot(dataSource: DataSource, clock: Clock, clockCounts: readonly ClockCountQuery[]): () => Promise<Snapshot> {
  const sql = snapshotSql(clockCounts);
  let pending: Promise<Snapshot> | null = null;
  const read = async (): Promise<Snapshot> => {
    const now = clock.now();
    const [row] = (await dataSource.query(sql, [now])) as Record<string, string & Date>[];
    const clocks = Object.keys(row)
      .filter((key) => key.endsWith(':open'))
      .map((key) => {
        const [subject, clockName] = key.split(':');
        return { subject, clock: clockName, open: Number(row[key]), breached: Number(row[`${subject}:${clockName}:breached`]) };
      });
    return {
      clocks,
      notices: new Map(COUNTED_NOTICES.map((status) => [status, Number(row[`notices:${status}`])])),
      oldestPending: row.oldestPending,
      now,
    };
  };
  return () => (pending ??= read().finally(() => (pending = null)));
}

/** pg.Pool counters of TypeORM's pool (the driver keeps it as `master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Gauges computed when Prometheus scrapes: the domains' clocks, notices and the database pool. */
export function registerDatabaseGauges(
  registry: Registry,
  dataSource: DataSource,
  clock: Clock,
  clockCounts: readonly ClockCountQuery[],
): void {
  // First, so that it reads the pool before this scrape's own query takes a connection from it.
  new Gauge({
    name: 'hub_db_pool_connections',
    help: "Connections of this instance's database pool: total open, idle, and requests waiting for one",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = (dataSource.driver as unknown as { master: PoolCounts }).master;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  const snapshot = sharedSnapshot(dataSource, clock, clockCounts);
  const clockGauge = (name: string, help: string, value: (row: Snapshot['clocks'][number]) => number): Gauge =>
    new Gauge({
      name,
      help,
      labelNames: ['subject', 'clock'],
      registers: [registry],
      async collect() {
        for (const row of (await snapshot()).clocks) this.set({ subject: row.subject, clock: row.clock }, value(row));
      },
    });
  clockGauge(
    'hub_open_clocks',
    'Running due clocks: referral REVIEW, ACKNOWLEDGMENT, COMPLETION; investigation DUE (open OIs)',
    (row) => row.open,
  );
  clockGauge('hub_breached_clocks', 'Running clocks already past their due time, by subject and clock', (row) => row.breached);
  new Gauge({
    name: 'hub_notices',
    help: 'Notices waiting for delivery (PENDING), held for a digest (DIGEST_PENDING) or dead letters (FAILED)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const { notices } = await snapshot();
      for (const [status, count] of notices) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'hub_notice_oldest_pending_age_seconds',
    help: 'Age of the oldest notice waiting for delivery (0 when none waits)',
    registers: [registry],
    async collect() {
      const { oldestPending, now } = await snapshot();
      this.set(oldestPending ? Math.max(0, (now.getTime() - oldestPending.getTime()) / 1000) : 0);
    },
  });
}
