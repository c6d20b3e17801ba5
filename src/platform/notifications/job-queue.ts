import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { withAdvisoryLock } from '../database/advisory-lock';
import { Parameter } from '../database/statement-builder';

export const QUEUES = {
  deliver: 'notification-deliver',
  dead: 'notification-dead',
  digest: 'notification-digest',
  slaSweep: 'sla-sweep',
} as const;

/** Delivery jobs a worker fetches at once; they are sent concurrently, one SMTP connection each. */
export const DELIVERY_BATCH_SIZE = 5;

/**
 * How long a fetched job may stay `active` before pg-boss takes it for abandoned (its worker died) and
 * retries it. A delivery is one SMTP transaction: connection, greeting and the replies each wait at most
 * the mail timeout. A sweep and a digest are a few queries; their bounds leave room for a large backlog.
 */
export const deliveryExpirySeconds = (mailTimeoutSeconds: number): number => 3 * mailTimeoutSeconds + 5;
const SWEEP_EXPIRY_SECONDS = 120;
const DIGEST_EXPIRY_SECONDS = 300;
/** pg-boss's maintenance (which expires abandoned jobs) runs this often on one of the instances (default 120 s). */
const MAINTENANCE_INTERVAL_SECONDS = 5;
/** Held while pg-boss installs its schema and the queues: created concurrently, their tables deadlock. */
const QUEUE_SETUP_LOCK_KEY = 7_316_402_119;

export interface JobQueueOptions {
  databaseUrl: string;
  poolSize: number;
  retryLimit: number;
  retryDelaySeconds: number;
  mailTimeoutSeconds: number;
  /** How long stop() waits for running jobs before failing them back to the queue. */
  stopTimeoutMs: number;
  log: (message: string) => void;
}

/**
 * pg-boss on the hub's own PostgreSQL (it keeps its tables in the `pgboss` schema and migrates them
 * itself). Jobs that stand for notices are inserted through the caller's transaction, so a rolled-back
 * change sends nothing and a committed one is never lost.
 */
export class JobQueue {
  readonly boss: PgBoss;
  /** Between a finished start() and the beginning of stop(): what /readyz reports. */
  started = false;
  /** pg-boss's job insert, captured once (insertJobsSql). */
  private insertStatement: Promise<{ parts: string[]; values: unknown[] }> | null = null;

  constructor(private readonly options: JobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.databaseUrl,
      max: options.poolSize,
      application_name: 'referral-hub-jobs',
      maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    });
    this.boss.on('error', (error) => options.log(`job queue: ${error.message}`));
  }

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'referral-hub-jobs-setup' });
    await client.connect();
    try {
      await withAdvisoryLock(
        (sql, parameters) => client.query(sql, parameters).then((result) => result.rows),
        QUEUE_SETUP_LOCK_KEY,
        () => this.options.log('another instance is setting up the job queue: waiting for it'),
        () => this.setUp(),
      );
    } finally {
      await client.end();
    }
    this.started = true;
  }

  private async setUp(): Promise<void> {
    await this.boss.start();
    await this.ensureQueue({ name: QUEUES.dead });
    await this.ensureQueue({
      name: QUEUES.deliver,
      retryLimit: this.options.retryLimit,
      retryDelay: this.options.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: QUEUES.dead,
      expireInSeconds: deliveryExpirySeconds(this.options.mailTimeoutSeconds),
    });
    // 'stately' queues hold at most one queued and one running job: a cron tick on several instances runs one
    // sweep, and ticks while a sweep runs (or is stranded by a crash until it expires) do not pile up behind it.
    await this.ensureQueue({ name: QUEUES.slaSweep, policy: 'stately', retryLimit: 0, expireInSeconds: SWEEP_EXPIRY_SECONDS });
    await this.ensureQueue({ name: QUEUES.digest, policy: 'stately', retryLimit: 2, expireInSeconds: DIGEST_EXPIRY_SECONDS });
  }

  /** createQueue leaves an existing queue as it is; the update brings its settings up to date. */
  private async ensureQueue(queue: PgBoss.Queue): Promise<void> {
    const settings = { policy: 'standard' as const, ...queue };
    await this.boss.createQueue(queue.name, settings);
    await this.boss.updateQueue(queue.name, settings);
  }

  /**
   * pg-boss's own job insert — the statement `boss.insert` sends, with its settings — for use inside a statement of
   * the hub's: the jobs are `jobs`, an SQL expression of a JSON array of `{ name, data }` (e.g. built from the rows a
   * CTE of the same statement inserts), so rows and their jobs are written in one round trip, in one transaction.
   */
  async insertJobsSql(jobs: string, parameter: Parameter): Promise<string> {
    const { parts, values } = await (this.insertStatement ??= this.captureInsertStatement());
    // parts alternate text and placeholder numbers: "… $1 … $2 …" is ["… ", "1", " … ", "2", " …"].
    return parts.map((part, i) => (i % 2 === 0 ? part : part === '1' ? `(${jobs})` : parameter(values[Number(part) - 1]))).join('');
  }

  /** What boss.insert would send, captured without sending it; checked to take its jobs as its one `$1`. */
  private async captureInsertStatement(): Promise<{ parts: string[]; values: unknown[] }> {
    let statement: { text: string; values: unknown[] } | null = null;
    const db: PgBoss.Db = {
      executeSql: async (text, values) => {
        statement = { text, values };
        return { rows: [] };
      },
    };
    await this.boss.insert([], { db });
    const captured = statement as { text: string; values: unknown[] } | null;
    if (captured?.text.match(/\$1(?!\d)/g)?.length !== 1) {
      throw new Error("pg-boss's job insert no longer takes its jobs as its one $1: JobQueue.insertJobsSql needs a look");
    }
    return { parts: captured.text.split(/\$(\d+)/), values: captured.values };
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: this.options.stopTimeoutMs, wait: true });
  }
}
