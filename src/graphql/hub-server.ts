import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { verifyBearer } from '../auth/access-token';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors';
import { AppConfig } from '../config';
import { Services } from '../services';
import { HubContext } from './context';
import { createErrorFormatter } from './error-mapper';
import { createLoaders } from './loaders';

export interface HubServerOptions {
  config: AppConfig;
  schema: GraphQLSchema;
  dataSource: DataSource;
  services: Services;
  clock: Clock;
  log: (message: string) => void;
}

export interface RunningHubServer {
  url: string;
  stop(): Promise<void>;
}

/** A failed sign-in aborts the whole request with 401 and the stable code. */
function authenticationFailure(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
}

export async function startHubServer(options: HubServerOptions): Promise<RunningHubServer> {
  const { config, dataSource, services, clock, log } = options;
  const server = new ApolloServer<HubContext>({
    schema: options.schema,
    formatError: createErrorFormatter({
      exposeInternals: config.environment !== 'production',
      log: (error) => log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    }),
    includeStacktraceInErrorResponses: config.environment !== 'production',
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: config.host },
    context: async ({ req }) => {
      try {
        const employeeId = await verifyBearer(config.auth, req.headers.authorization, clock.now());
        const caller = await services.org.loadCaller(employeeId);
        return { caller, clock, services, loaders: createLoaders(dataSource) };
      } catch (error) {
        if (error instanceof DomainError) throw authenticationFailure(error);
        throw error;
      }
    },
  });
  return { url, stop: () => server.stop() };
}
