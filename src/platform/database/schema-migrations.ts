import { DataSource, Migration, MigrationExecutor } from 'typeorm';
import { StartupError } from '../lifecycle/startup-error';
import { withAdvisoryLock } from './advisory-lock';

/** pg_advisory_lock key held while migrating: instances started together migrate one after the other. */
const MIGRATION_LOCK_KEY = 7_316_402_118;

/**
 * Applies pending migrations under a session advisory lock: the first instance migrates, the others
 * wait for it and then find nothing left to do. The connection runs without statement_timeout, since a
 * data migration (or the wait) may take longer than any request is allowed to.
 */
export async function applyMigrations(dataSource: DataSource, log: (message: string) => void): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET statement_timeout = 0');
    return await withAdvisoryLock(
      (sql, parameters) => runner.query(sql, parameters),
      MIGRATION_LOCK_KEY,
      () => log('another instance is applying migrations: waiting for it'),
      () => {
        const executor = new MigrationExecutor(dataSource, runner);
        executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
        return executor.executePendingMigrations();
      },
    );
  } finally {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

export async function pendingMigrations(dataSource: DataSource): Promise<Migration[]> {
  return new MigrationExecutor(dataSource).getPendingMigrations();
}

/** With RUN_MIGRATIONS=false another step migrates; serving an older schema would fail in odd places. */
export async function assertMigrated(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length) {
    throw new StartupError(
      `${pending.length} migration(s) pending (${pending.map((m) => m.name).join(', ')}) and RUN_MIGRATIONS=false: ` +
        'apply them first (npm run migration:run, or start one instance with RUN_MIGRATIONS=true)',
    );
  }
}
