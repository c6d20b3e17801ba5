import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/config';
import { createDataSource } from './data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../platform/database/embedded-postgres';
import { acquireHubLock } from '../platform/database/hub-lock';

export interface OpenDatabase {
  dataSource: DataSource;
  url: string;
  /** Closes the pool, then stops the embedded server (if any) and frees the data folder. */
  close(): Promise<void>;
  /** When the shutdown deadline has passed: stops the embedded server without waiting for the pool. */
  abandon(): Promise<void>;
}

/** DATABASE_URL when configured; otherwise the embedded PostgreSQL under the data folder. */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  let releaseLock = (): void => undefined;
  if (!config.databaseUrl) {
    releaseLock = acquireHubLock(config.dataDir, config.embeddedPostgresPort);
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
    } catch (error) {
      releaseLock();
      throw error;
    }
    log(`embedded PostgreSQL on port ${config.embeddedPostgresPort} (data in ${config.dataDir}/postgres)`);
  }
  const stopServer = async (): Promise<void> => {
    await embedded?.stop();
    releaseLock();
  };
  const url = config.databaseUrl ?? embedded!.url;
  const { poolSize, statementTimeoutMs, idleInTransactionTimeoutMs } = config.database;
  const dataSource = createDataSource(url, { poolSize, statementTimeoutMs, idleInTransactionTimeoutMs });
  try {
    await dataSource.initialize();
  } catch (error) {
    await stopServer();
    throw error;
  }
  return {
    dataSource,
    url,
    async close() {
      await dataSource.destroy();
      await stopServer();
    },
    abandon: stopServer,
  };
}
