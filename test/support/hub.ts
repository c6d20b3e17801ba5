import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DestinationStream } from 'pino';
import { Logger } from 'typeorm';
import { issueAccessToken } from '../../src/modules/auth/access-token';
import { AppConfig, loadConfig } from '../../src/platform/config/config';
import { RunningHub, startHub } from '../../src/app/hub';
import { createLogger, messageLog } from '../../src/platform/observability/logger';
import { Services } from '../../src/app/services';
import { TestClock } from './clock';
import { createTestDatabase, TestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestHub {
  url: string;
  config: AppConfig;
  database: TestDatabase;
  services: Services;
  hub: RunningHub;
  clock: TestClock;
  tokenFor(employeeId: string): Promise<string>;
  /** POST a GraphQL operation as the given employee (or with a raw Authorization header). */
  request<T = Record<string, any>>(
    as: string | { authorization?: string },
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** A CSV download (`/exports/…`) as the given employee: GET with query parameters, or POST with a JSON body. */
  download(
    as: string,
    path: string,
    parameters?: Record<string, string | string[]>,
    options?: { method?: 'GET' | 'POST'; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response>;
  stop(): Promise<void>;
}

/** What a hub needs to start in production mode (NODE_ENV=production requires real keys). */
export const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET: 'p'.repeat(40),
  DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  DATA_HMAC_KEY: Buffer.alloc(32, 9).toString('base64'),
};

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-test-data-')),
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    JOBS_ENABLED: 'false',
    APP_BASE_URL: 'https://hub.example.gov',
    ...env,
  });
}

/** A real hub (HTTP, GraphQL, services) on a fresh migrated database and a test clock. */
export async function startTestHub(
  /** `logs`: where the hub's JSON log lines go (none by default). */
  options: { now?: string; logger?: Logger; env?: Record<string, string>; database?: TestDatabase; logs?: DestinationStream } = {},
): Promise<TestHub> {
  const database = options.database ?? (await createTestDatabase({ logger: options.logger }));
  const clock = new TestClock(options.now ?? '2026-11-23T14:00:00Z');
  const config = testConfig(database.url, options.env);
  const logger = options.logs ? createLogger(config.logging, options.logs) : undefined;
  const log = logger ? messageLog(logger) : () => undefined;
  const hub = await startHub({ config, dataSource: database.dataSource, databaseUrl: database.url, clock, log, logger });
  const { server, services } = hub;
  // Issued at the test clock's time on every call, so moving the clock never expires a caller.
  const tokenFor = (employeeId: string): Promise<string> => issueAccessToken(config.auth, employeeId, clock.now());
  return {
    url: server.url,
    config,
    database,
    services,
    hub,
    clock,
    tokenFor,
    async request(as, query, variables) {
      const authorization = typeof as === 'string' ? `Bearer ${await tokenFor(as)}` : as.authorization;
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async download(as, path, parameters = {}, { method = 'GET', headers = {}, signal } = {}) {
      const url = new URL(path, server.url);
      if (method === 'GET')
        for (const [name, value] of Object.entries(parameters)) [value].flat().forEach((v) => url.searchParams.append(name, v));
      return fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${await tokenFor(as)}`,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: method === 'POST' ? JSON.stringify(parameters) : undefined,
        signal,
      });
    },
    async stop() {
      await hub.stop();
      if (!options.database) await database.drop();
    },
  };
}

/** The data of a response that must have succeeded; fails with the errors otherwise. */
export function dataOf<T = Record<string, any>>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}

/** The single error code of a response that must have failed. */
export function errorCodeOf(response: GraphQLResponse): string {
  if (!response.errors?.length) throw new Error(`expected an error, got data ${JSON.stringify(response.data)}`);
  return response.errors[0].extensions?.code;
}
