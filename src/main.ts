import 'reflect-metadata';
import { systemClock } from './common/clock';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { startHub } from './hub';
import { createLogger, messageLog } from './observability/logger';
import { configureDataProtection } from './security/taxpayer-data-cipher';

/** Start-up only: config → database (embedded or DATABASE_URL) → migrations → jobs → HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logging);
  const log = messageLog(logger);
  // Before the migrations: one of them seals taxpayer identifiers already stored in clear.
  configureDataProtection(config.dataProtection);
  const database = await openDatabase(config, log);
  const migrations = await database.dataSource.runMigrations();
  if (migrations.length) log(`applied ${migrations.length} migration(s): ${migrations.map((m) => m.name).join(', ')}`);
  const hub = await startHub({ config, dataSource: database.dataSource, databaseUrl: database.url, clock: systemClock, log, logger });
  log(`mail: ${config.mail.smtpUrl ? `SMTP ${new URL(config.mail.smtpUrl).host}` : `.eml files in ${config.mail.outboxDir}`}`);
  log(`GraphQL ready at ${hub.server.url}`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await hub.stop();
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
