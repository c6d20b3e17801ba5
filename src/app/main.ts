import 'reflect-metadata';
import { Logger } from 'pino';
import { systemClock } from '../platform/common/clock';
import { AppConfig, loadConfig } from '../platform/config/config';
import { OpenDatabase, openDatabase } from './open-database';
import { applyMigrations, assertMigrated } from '../platform/database/schema-migrations';
import { startHub } from './hub';
import { shutdownBudget, stopOnSignals } from '../platform/lifecycle/shutdown';
import { explainStartFailure } from '../platform/lifecycle/startup-error';
import { createLogger, messageLog } from '../platform/observability/logger';
import { configureDataProtection } from '../platform/security/taxpayer-data-cipher';

async function prepareSchema(database: OpenDatabase, config: AppConfig, log: (message: string) => void): Promise<void> {
  if (!config.database.runMigrations) return assertMigrated(database.dataSource);
  const migrations = await applyMigrations(database.dataSource, log);
  if (migrations.length) log(`applied ${migrations.length} migration(s): ${migrations.map((m) => m.name).join(', ')}`);
}

/** Start-up only: config → database (embedded or DATABASE_URL) → migrations → jobs → HTTP. */
async function main(config: AppConfig, logger: Logger): Promise<void> {
  const log = messageLog(logger);
  // Before the migrations: one of them seals taxpayer identifiers already stored in clear.
  configureDataProtection(config.dataProtection);
  const database = await openDatabase(config, log);
  let hub: Awaited<ReturnType<typeof startHub>>;
  try {
    await prepareSchema(database, config, log);
    hub = await startHub({ config, dataSource: database.dataSource, databaseUrl: database.url, clock: systemClock, log, logger });
  } catch (error) {
    await database.close().catch((closeError: unknown) => log(`closing the database after the failed start: ${String(closeError)}`));
    throw error;
  }
  stopOnSignals({
    totalMs: shutdownBudget(config).totalMs,
    // The embedded database stops last, after everything that uses it.
    stop: async () => {
      await hub.stop();
      await database.close();
    },
    abandon: () => database.abandon(),
    log,
  });
  log(`mail: ${config.mail.smtpUrl ? `SMTP ${new URL(config.mail.smtpUrl).host}` : `.eml files in ${config.mail.outboxDir}`}`);
  // Last: whoever waits for this line may signal at once.
  log(`GraphQL ready at ${hub.server.url}`);
}

/** One plain line on stderr saying what is wrong and what to do, never a stack trace (also when the configuration is bad). */
function failedToStart(error: unknown, databaseUrl: string | null): never {
  console.error(`[hub] failed to start: ${explainStartFailure(error, databaseUrl)}`);
  process.exit(1);
}

function start(): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    failedToStart(error, null);
  }
  main(config, createLogger(config.logging)).catch((error: unknown) => failedToStart(error, config.databaseUrl));
}

start();
