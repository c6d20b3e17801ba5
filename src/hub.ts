import pino, { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Clock } from './common/clock';
import { AppConfig } from './config';
import { RunningHubServer, startHubServer } from './graphql/hub-server';
import { buildHubSchema } from './graphql/schema';
import { JobQueue } from './notifications/job-queue';
import { createMailer, Mailer } from './notifications/mail/mailer';
import { startWorkers } from './notifications/workers';
import { Observability, startObservability } from './observability/observability';
import { configureDataProtection } from './security/taxpayer-data-cipher';
import { createServices, Services } from './services';

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

/** Everything but the database: job queue, services, workers (if enabled) and the GraphQL server. */
export async function startHub({ config, dataSource, databaseUrl, clock, log, logger }: HubOptions): Promise<RunningHub> {
  configureDataProtection(config.dataProtection);
  const observability = await startObservability({ config, logger: logger ?? pino({ level: 'silent' }), dataSource, clock });
  const jobs = new JobQueue({ databaseUrl, retryLimit: config.mail.retryLimit, retryDelaySeconds: config.mail.retryDelaySeconds, log });
  await jobs.start();
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, outboxDir: config.mail.outboxDir, log });
  const services = createServices({ dataSource, clock, jobs, mailer, config });
  if (config.jobs.enabled) await startWorkers(jobs, services, config.jobs, log, observability.metrics);
  const server = await startHubServer({ config, schema: await buildHubSchema(), dataSource, services, clock, observability });
  return {
    server,
    services,
    jobs,
    mailer,
    observability,
    async stop() {
      await server.stop();
      await jobs.stop();
      mailer.close();
      await observability.stop();
    },
  };
}
