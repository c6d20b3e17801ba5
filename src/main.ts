import 'reflect-metadata';
import { systemClock } from './common/clock';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { buildHubSchema } from './graphql/schema';
import { startHubServer } from './graphql/hub-server';
import { createServices } from './services';

const log = (message: string): void => console.log(`[hub] ${message}`);

/** Start-up only: config → database (embedded or DATABASE_URL) → migrations → HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, log);
  const migrations = await database.dataSource.runMigrations();
  if (migrations.length) log(`applied ${migrations.length} migration(s): ${migrations.map((m) => m.name).join(', ')}`);
  const services = createServices(database.dataSource, systemClock);
  const server = await startHubServer({ config, schema: await buildHubSchema(), dataSource: database.dataSource, services, clock: systemClock, log });
  log(`GraphQL ready at ${server.url}graphql`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await server.stop();
    await database.close();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('[hub] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
