import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { withAdvisoryLock } from '../database/advisory-lock';

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

  /** Enqueues jobs inside the transaction `manager` belongs to. */
  async sendInTransaction(manager: EntityManager, queue: string, payloads: object[]): Promise<void> {
    if (payloads.length === 0) return;
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('sendInTransaction needs an active transaction');
    const db: PgBoss.Db = { executeSql: async (text, values) => ({ rows: (await runner.query(text, values, true)).records }) };
    await this.boss.insert(
      payloads.map((data) => ({ name: queue, data })),
      { db },
    );
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: this.options.stopTimeoutMs, wait: true });
  }
}
