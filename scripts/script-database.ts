import { dirname, join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../src/platform/config/config';
import { configureDataProtection } from '../src/platform/security/taxpayer-data-cipher';
import { createDataSource } from '../src/app/data-source';
import { embeddedDatabaseUrl } from '../src/platform/database/embedded-postgres';
import { runningHub } from '../src/platform/database/hub-lock';
import { pendingMigrations } from '../src/platform/database/schema-migrations';
import { explainStartFailure, StartupError } from '../src/platform/lifecycle/startup-error';

export type ScriptLog = (message: string) => void;

export interface ScriptDatabaseOptions {
  /** Where progress goes; stderr by default, because stdout is reserved for the script's output. */
  log?: ScriptLog;
}

const stderrLog: ScriptLog = (message) => process.stderr.write(`[db] ${message}\n`);

/** Whether connecting failed because nothing listens on the port (pg may wrap it in an AggregateError). */
function isConnectionRefused(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as { code?: unknown }).code === 'ECONNREFUSED') return true;
  const nested = (error as { errors?: unknown }).errors;
  return Array.isArray(nested) && nested.some(isConnectionRefused);
}

/** Nothing answers on EMBEDDED_PG_PORT: say which setting differs from the hub's, or that no hub runs. */
function noHubDatabase(config: AppConfig): StartupError {
  const port = config.embeddedPostgresPort;
  const hub = runningHub(config.dataDir);
  if (hub && hub.embeddedPostgresPort !== port) {
    return new StartupError(
      `the hub using DATA_DIR ${config.dataDir} runs its PostgreSQL on port ${hub.embeddedPostgresPort}, but EMBEDDED_PG_PORT is ${port}: ` +
        'use the same EMBEDDED_PG_PORT as the hub',
    );
  }
  if (hub)
    return new StartupError(
      `the hub (pid ${hub.pid}) using DATA_DIR ${config.dataDir} has no database yet: wait until it prints "GraphQL ready", then try again`,
    );
  return new StartupError(
    `no hub is running with DATA_DIR ${config.dataDir} (nothing answers on EMBEDDED_PG_PORT ${port}): ` +
      'start it first (npm start, with the same DATA_DIR and EMBEDDED_PG_PORT), or set DATABASE_URL',
  );
}

/**
 * DATABASE_URL when configured; otherwise the embedded server of the hub running with the same DATA_DIR
 * and EMBEDDED_PG_PORT (the scripts never start one: the hub owns it and applies the migrations).
 */
async function connect(config: AppConfig, log: ScriptLog): Promise<DataSource> {
  if (config.databaseUrl) {
    const dataSource = createDataSource(config.databaseUrl, { poolSize: 2 });
    await dataSource.initialize();
    log('connected to DATABASE_URL');
    return dataSource;
  }
  const dataSource = createDataSource(embeddedDatabaseUrl(config.embeddedPostgresPort), { poolSize: 2 });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw isConnectionRefused(error) ? noHubDatabase(config) : error;
  }
  const [{ data_directory: serverDir }] = await dataSource.query('SHOW data_directory');
  const expected = join(config.dataDir, 'postgres');
  if (resolve(serverDir) !== expected) {
    await dataSource.destroy();
    throw new StartupError(
      `the PostgreSQL on EMBEDDED_PG_PORT ${config.embeddedPostgresPort} belongs to the hub with DATA_DIR ${dirname(serverDir)}, ` +
        `not ${config.dataDir}: use the same DATA_DIR as the hub`,
    );
  }
  log(`connected to the running hub's embedded PostgreSQL on port ${config.embeddedPostgresPort}`);
  return dataSource;
}

async function assertMigrated(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length) {
    throw new StartupError(
      `the database has ${pending.length} pending migration(s): start the hub (it applies them) or run "npm run migration:run"`,
    );
  }
}

/**
 * Runs `fn` against the hub's database for a command-line script: connects (see `connect`), checks the
 * schema is up to date, runs `fn`, and always closes again. Failures to get there are StartupErrors
 * whose message says what to do.
 */
export async function withScriptDatabase<T>(
  fn: (dataSource: DataSource, config: AppConfig) => Promise<T>,
  options: ScriptDatabaseOptions = {},
): Promise<T> {
  const log = options.log ?? stderrLog;
  let config: AppConfig | null = null;
  let dataSource: DataSource;
  try {
    config = loadConfig();
    configureDataProtection(config.dataProtection);
    dataSource = await connect(config, log);
  } catch (error) {
    throw new StartupError(explainStartFailure(error, config?.databaseUrl ?? null));
  }
  try {
    await assertMigrated(dataSource);
    return await fn(dataSource, config);
  } finally {
    await dataSource.destroy().catch((closeError: unknown) => log(`closing the database failed: ${String(closeError)}`));
  }
}
