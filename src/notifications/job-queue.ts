import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';

export const QUEUES = {
  deliver: 'notification-deliver',
  dead: 'notification-dead',
  digest: 'notification-digest',
  slaSweep: 'sla-sweep',
} as const;

export interface JobQueueOptions {
  databaseUrl: string;
  retryLimit: number;
  retryDelaySeconds: number;
  log: (message: string) => void;
}

/**
 * pg-boss on the hub's own PostgreSQL (it keeps its tables in the `pgboss` schema and migrates them
 * itself). Jobs that stand for notices are inserted through the caller's transaction, so a rolled-back
 * change sends nothing and a committed one is never lost.
 */
export class JobQueue {
  readonly boss: PgBoss;

  constructor(private readonly options: JobQueueOptions) {
    this.boss = new PgBoss({ connectionString: options.databaseUrl, max: 4, application_name: 'referral-hub-jobs' });
    this.boss.on('error', (error) => options.log(`job queue: ${error.message}`));
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(QUEUES.dead, { name: QUEUES.dead });
    await this.boss.createQueue(QUEUES.deliver, {
      name: QUEUES.deliver,
      retryLimit: this.options.retryLimit,
      retryDelay: this.options.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: QUEUES.dead,
    });
    // 'singleton' queues hold at most one queued job: a cron tick on several instances runs one sweep.
    await this.boss.createQueue(QUEUES.slaSweep, { name: QUEUES.slaSweep, policy: 'singleton', retryLimit: 0 });
    await this.boss.createQueue(QUEUES.digest, { name: QUEUES.digest, policy: 'singleton', retryLimit: 2 });
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
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
  }
}
