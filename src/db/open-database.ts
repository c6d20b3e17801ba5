import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  dataSource: DataSource;
  url: string;
  close(): Promise<void>;
}

/** DATABASE_URL when configured; otherwise the embedded PostgreSQL under the data folder. */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
  if (embedded) log(`embedded PostgreSQL on port ${config.embeddedPostgresPort} (data in ${config.dataDir}/postgres)`);
  const url = config.databaseUrl ?? embedded!.url;
  const dataSource = createDataSource(url);
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    url,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
