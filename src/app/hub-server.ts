import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/common/clock';
import { DomainError } from '../platform/common/errors';
import { DOWNLOADS } from './downloads';
import { EXPORTS_PATH } from '../platform/exports/download';
import { downloadAccess } from '../modules/auth/download-access';
import { exportRoutes } from '../platform/exports/export-routes';
import { AppConfig } from '../platform/config/config';
import { Observability } from '../platform/observability/observability';
import { Services } from './services';
import { HubContext } from './context';
import { createErrorFormatter } from '../platform/graphql/error-mapper';
import { explorerRoutes } from '../platform/graphql/explorer-page';
import { variableErrorsPlugin } from '../platform/graphql/variable-errors';
import { createLoaders } from './loaders';
import { aliasLimitRule, operationLimitsPlugin } from '../platform/graphql/operation-limits';
import { healthRoutes, ReadinessChecks } from '../platform/graphql/health-routes';
import { shutdownBudget } from '../platform/lifecycle/shutdown';
import { mountConsole } from './console/console';
import { DOCUMENTS_PATH } from '../platform/storage/document.service';
import { documentRoutes } from '../platform/storage/document-routes';
import { calendarFeedRoutes } from '../modules/calendar-feed/calendar-feed.routes';
import { Caller } from '../modules/org/caller';
import { auditedAnswersPlugin, PendingAudits } from '../platform/audit/pending-audits';
import { LiveUpdates } from '../platform/live/live-updates';
import { liveRoutes } from '../platform/live/live-routes';

export interface HubServerOptions {
  config: AppConfig;
  schema: GraphQLSchema;
  dataSource: DataSource;
  services: Services;
  clock: Clock;
  observability: Observability;
  readiness: ReadinessChecks;
  live: LiveUpdates<Caller>;
}

export interface RunningHubServer {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  stop(): Promise<void>;
}

/** A failed sign-in aborts the whole request with 401 and the stable code. */
function authenticationFailure(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Body too large or not JSON: answered like a GraphQL error, without stack or HTML. */
function bodyErrorHandler(error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction): void {
  if (!error.status || error.status >= 500) return next(error);
  const message = error.type === 'entity.too.large' ? 'The request body is too large' : 'The request body is not valid JSON';
  res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
}

/**
 * GraphQL over HTTP at /graphql (Apollo Server 5 on Express 5). Limits: body size, tokens, aliases, operation
 * depth and complexity, no batched operations, no automatic persisted queries (every operation is sent in full and
 * validated); introspection and GraphiQL (the explorer) are off in production unless configured.
 */
export async function startHubServer(options: HubServerOptions): Promise<RunningHubServer> {
  const { config, schema, dataSource, services, clock, observability } = options;
  const app = express();
  app.disable('x-powered-by');
  // Answers are never cached (no-store below), so an ETag (a hash of every body) would only cost time.
  app.set('etag', false);
  app.set('trust proxy', config.graphql.trustProxy);
  const httpServer = createServer(app);
  const production = config.environment === 'production';
  const server = new ApolloServer<HubContext>({
    schema,
    introspection: config.graphql.introspection,
    allowBatchedHttpRequests: false,
    // main.ts stops everything in order on SIGINT/SIGTERM; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    persistedQueries: false,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    validationRules: [aliasLimitRule(config.graphql.maxAliases)],
    includeStacktraceInErrorResponses: !production,
    formatError: createErrorFormatter({
      exposeInternals: !production,
      hideSuggestions: production,
      log: observability.logUnexpectedError,
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownBudget(config).drainMs }),
      observability.graphqlPlugin,
      // Before the limits, whose costing also coerces the variables: bad variables are reported field by field.
      variableErrorsPlugin({ hideSuggestions: production }),
      auditedAnswersPlugin(observability.logUnexpectedError),
      operationLimitsPlugin(schema, config.graphql),
      // GraphiQL is served by explorerRoutes (when enabled); Apollo's own landing page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (answers are per person and never cached: noStore below), and the plugin would
      // wrap every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      // Not a federation subgraph: no traces to inline.
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await server.start();

  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    res.locals.requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', res.locals.requestId);
    next();
  });
  app.use(observability.requestMiddleware);
  // GraphQL first (nearly every request is one), the explorer's page before it (a browser's GET of /graphql).
  if (config.graphql.explorer) app.use(explorerRoutes(config.graphql.explorerDirectory));
  // Every answer may carry taxpayer data: never stored by a browser or a proxy.
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  };
  app.use('/graphql', noStore, express.json({ limit: config.graphql.maxBodyBytes }), bodyErrorHandler);
  app.use(
    '/graphql',
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        try {
          const caller = await services.auth.authenticate(req.headers.authorization, clock.now());
          return {
            caller,
            clock,
            services,
            loaders: createLoaders(dataSource, services.org),
            pendingAudits: new PendingAudits(),
            request: { id: String(res.locals.requestId), clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' },
          };
        } catch (error) {
          if (error instanceof DomainError) throw authenticationFailure(error);
          throw error;
        }
      },
    }),
  );
  app.use(healthRoutes(options.readiness));
  app.use(
    EXPORTS_PATH,
    exportRoutes({
      downloads: DOWNLOADS,
      services,
      access: downloadAccess(services.auth),
      audit: services.audit,
      clock,
      logUnexpectedError: observability.logUnexpectedError,
      limits: config.exports,
    }),
  );
  app.use(
    DOCUMENTS_PATH,
    documentRoutes({
      documents: services.documents,
      access: downloadAccess(services.auth),
      audit: services.audit,
      clock,
      logUnexpectedError: observability.logUnexpectedError,
      idleTimeoutSeconds: config.exports.idleTimeoutSeconds,
      maxBytes: config.documents.maxBytes,
      maxConcurrentUploads: config.documents.maxConcurrentUploads,
    }),
  );
  app.use(
    calendarFeedRoutes({
      feeds: services.calendarFeeds,
      audit: services.audit,
      clock,
      logUnexpectedError: observability.logUnexpectedError,
    }),
  );
  app.use(
    liveRoutes({ live: options.live, access: downloadAccess(services.auth), clock, logUnexpectedError: observability.logUnexpectedError }),
  );
  mountConsole(app, { config, dataSource, clock });

  // A taken port must reject (and be explained), not crash the process with an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://${config.host}:${port}/graphql`, stop: () => server.stop() };
}
