import pino, { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/common/clock';
import { AppConfig } from '../platform/config/config';
import { readinessChecks } from '../platform/graphql/health-routes';
import { RunningHubServer, startHubServer } from './hub-server';
import { shutdownBudget } from '../platform/lifecycle/shutdown';
import { buildHubSchema } from './schema';
import { DELIVERY_BATCH_SIZE, JobQueue } from '../platform/notifications/job-queue';
import { createMailer, Mailer } from '../platform/notifications/mail/mailer';
import { startWorkers } from './workers';
import { Observability, startObservability } from '../platform/observability/observability';
import { configureDataProtection } from '../platform/security/taxpayer-data-cipher';
import { REFERRAL_CLOCK_COUNTS } from '../modules/referrals/referral-clock-gauges';
import { INVESTIGATION_CLOCK_COUNTS } from '../modules/tecs/investigation-clock-gauges';
import { createServices, Services } from './services';
import { createLiveUpdates } from './live';

export interface HubOptions {
  config: AppConfig;
  dataSource: DataSource;
  /** The URL `dataSource` connects to (pg-boss opens its own small pool there). */
  databaseUrl: string;
  clock: Clock;
  log: (message: string) => void;
  /** Request, error and metrics-server lines (none when absent). */
  logger?: Logger;
}

export interface RunningHub {
  server: RunningHubServer;
  services: Services;
  jobs: JobQueue;
  mailer: Mailer;
  observability: Observability;
  stop(): Promise<void>;
}

/** Everything but the database: observability, job queue, services, workers (if enabled) and the GraphQL server. */
export async function startHub({ config, dataSource, databaseUrl, clock, log, logger }: HubOptions): Promise<RunningHub> {
  configureDataProtection(config.dataProtection);
  const observability = await startObservability({
    config,
    logger: logger ?? pino({ level: 'silent' }),
    dataSource,
    clock,
    clockCounts: [REFERRAL_CLOCK_COUNTS, INVESTIGATION_CLOCK_COUNTS],
  });
  const jobs = new JobQueue({
    databaseUrl,
    poolSize: config.database.jobQueuePoolSize,
    retryLimit: config.mail.retryLimit,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    mailTimeoutSeconds: config.mail.timeoutSeconds,
    stopTimeoutMs: shutdownBudget(config).jobsMs,
    log,
  });
  try {
    await jobs.start();
  } catch (error) {
    await observability.stop();
    throw error;
  }
  const mailer = createMailer({
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    outboxDir: config.mail.outboxDir,
    log,
    timeoutMs: config.mail.timeoutSeconds * 1000,
    maxConnections: DELIVERY_BATCH_SIZE,
  });
  const services = createServices({ dataSource, clock, jobs, mailer, config });
  const live = createLiveUpdates(databaseUrl, log, dataSource, services);
  let server: RunningHubServer;
  try {
    if (config.jobs.enabled) await startWorkers(jobs, services, config.jobs, log, observability.metrics);
    const readiness = readinessChecks(dataSource, jobs);
    await live.start();
    server = await startHubServer({ config, schema: await buildHubSchema(), dataSource, services, clock, observability, readiness, live });
  } catch (error) {
    await live.stop();
    await jobs.stop();
    mailer.close();
    await observability.stop();
    throw error;
  }
  return {
    server,
    services,
    jobs,
    mailer,
    observability,
    /** In order: end the live streams, refuse new requests and drain the running ones, then stop the workers, the mailer, the metrics listener. */
    async stop() {
      await live.stop();
      await server.stop();
      await jobs.stop();
      mailer.close();
      await observability.stop();
    },
  };
}
