import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../src/config';
import { configureDataProtection } from '../src/security/taxpayer-data-cipher';
import { createDataSource } from '../src/db/data-source';
import { embeddedDatabaseUrl } from '../src/db/embedded-postgres';
import { openDatabase } from '../src/db/open-database';

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

interface Connection {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when configured; otherwise the embedded server that `npm start` keeps running, and
 * only when nothing answers on its port, an embedded server of our own (stopped again on close).
 */
async function connect(config: AppConfig, log: ScriptLog): Promise<Connection> {
  if (config.databaseUrl) {
    const dataSource = createDataSource(config.databaseUrl, { poolSize: 2 });
    await dataSource.initialize();
    log('connected to DATABASE_URL');
    return { dataSource, close: () => dataSource.destroy() };
  }
  const url = embeddedDatabaseUrl(config.embeddedPostgresPort);
  const running = createDataSource(url, { poolSize: 2 });
  try {
    await running.initialize();
    log(`connected to the running embedded PostgreSQL on port ${config.embeddedPostgresPort}`);
    return { dataSource: running, close: () => running.destroy() };
  } catch (error) {
    if (!isConnectionRefused(error)) throw error;
  }
  log(`no PostgreSQL on port ${config.embeddedPostgresPort}: starting the embedded one for this script`);
  const database = await openDatabase(config, log);
  return {
    dataSource: database.dataSource,
    async close() {
      await database.close();
      log('embedded PostgreSQL stopped');
    },
  };
}

/**
 * Runs `fn` against the hub's database for a command-line script: connects (see `connect`), applies
 * pending migrations, runs `fn`, and always closes again (stopping an embedded server it started).
 */
export async function withScriptDatabase<T>(
  fn: (dataSource: DataSource, config: AppConfig) => Promise<T>,
  options: ScriptDatabaseOptions = {},
): Promise<T> {
  const log = options.log ?? stderrLog;
  const config = loadConfig();
  configureDataProtection(config.dataProtection);
  const connection = await connect(config, log);
  let result: T;
  try {
    const migrations = await connection.dataSource.runMigrations();
    if (migrations.length) log(`applied ${migrations.length} migration(s): ${migrations.map((m) => m.name).join(', ')}`);
    result = await fn(connection.dataSource, config);
  } catch (error) {
    await connection.close().catch((closeError: unknown) => log(`closing the database failed: ${String(closeError)}`));
    throw error;
  }
  await connection.close();
  return result;
}
