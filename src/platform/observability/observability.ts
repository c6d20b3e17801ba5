import { ApolloServerPlugin } from '@apollo/server';
import { RequestHandler } from 'express';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/config';
import { RequestContext } from '../graphql/request-context';
import { ClockCountQuery, registerDatabaseGauges } from './database-gauges';
import { graphqlObserverPlugin } from './graphql-observer';
import { HubMetrics } from './metrics';
import { RunningMetricsServer, startMetricsServer } from './metrics-server';
import { requestMiddleware } from './request-logging';

/** Logs and metrics of one running hub, handed to the HTTP server and the workers. */
export interface Observability {
  logger: Logger;
  metrics: HubMetrics;
  /** The metrics listener, when METRICS_PORT is set. */
  metricsServer: RunningMetricsServer | null;
  /** Express middleware for every route, mounted right after the request id is set. */
  requestMiddleware: RequestHandler[];
  graphqlPlugin: ApolloServerPlugin<RequestContext>;
  /** For the error mapper: an error no domain rule explains (logged without values it may quote). */
  logUnexpectedError(error: unknown): void;
  stop(): Promise<void>;
}

export async function startObservability(options: {
  config: AppConfig;
  logger: Logger;
  dataSource: DataSource;
  clock: Clock;
  /** Each domain's running clocks, for the clock gauges. */
  clockCounts: readonly ClockCountQuery[];
}): Promise<Observability> {
  const { config, logger, dataSource, clock, clockCounts } = options;
  const metrics = new HubMetrics();
  registerDatabaseGauges(metrics.registry, dataSource, clock, clockCounts);
  const { port } = config.metrics;
  const metricsServer = port === null ? null : await startMetricsServer({ ...config.metrics, port }, metrics.registry, logger);
  if (metricsServer) logger.info(`metrics at ${metricsServer.url}${config.metrics.token ? ' (bearer token required)' : ''}`);
  return {
    logger,
    metrics,
    metricsServer,
    requestMiddleware: requestMiddleware(logger, metrics),
    graphqlPlugin: graphqlObserverPlugin(),
    logUnexpectedError: (error) => logger.error({ err: error }, 'unexpected error'),
    stop: async () => metricsServer?.stop(),
  };
}
