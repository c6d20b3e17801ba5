import { Router } from 'express';
import { DataSource } from 'typeorm';
import { pendingMigrations } from '../database/schema-migrations';
import { JobQueue } from '../notifications/job-queue';

type CheckResult = 'ok' | string;

/** Each readiness check answers 'ok' or a short reason (never internals: the endpoint is unauthenticated). */
export type ReadinessChecks = Record<'database' | 'migrations' | 'jobQueue', () => Promise<CheckResult>>;

const DATABASE_CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(reason)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function readinessChecks(dataSource: DataSource, jobs: JobQueue): ReadinessChecks {
  // Once applied, migrations stay applied while this process runs.
  let migrated = false;
  return {
    database: () =>
      withTimeout(dataSource.query('SELECT 1'), DATABASE_CHECK_TIMEOUT_MS, 'timeout').then(
        () => 'ok',
        (error: Error) => (error.message === 'timeout' ? `no answer within ${DATABASE_CHECK_TIMEOUT_MS} ms` : 'unreachable'),
      ),
    migrations: async () => {
      if (migrated) return 'ok';
      const pending = await pendingMigrations(dataSource).catch(() => null);
      if (pending === null) return 'unknown (database unreachable)';
      migrated = pending.length === 0;
      return migrated ? 'ok' : `${pending.length} pending`;
    },
    jobQueue: async () => (jobs.started ? 'ok' : 'not started'),
  };
}

/**
 * GET /healthz: the process is alive (for restarts). GET /readyz: it can serve (for load balancers):
 * 200 when every check passes, 503 naming the ones that failed.
 */
export function healthRoutes(checks: ReadinessChecks): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'alive' });
  });
  router.get('/readyz', async (_req, res) => {
    const names = Object.keys(checks) as (keyof ReadinessChecks)[];
    const results = await Promise.all(names.map((name) => checks[name]()));
    const report = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const failed = names.filter((name) => report[name] !== 'ok');
    res.status(failed.length ? 503 : 200).json({ status: failed.length ? 'not ready' : 'ready', failed, checks: report });
  });
  return router;
}
