import 'reflect-metadata';
import { openDatabase } from '../../src/app/open-database';
import { healthRoutes, readinessChecks } from '../../src/platform/graphql/health-routes';
import { JobQueue } from '../../src/platform/notifications/job-queue';
import express from 'express';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MIGRATIONS } from '../../migrations';
import { createEmptyDatabase } from '../support/database';
import { startTestHub, testConfig, TestHub } from '../support/hub';

async function get(baseUrl: string, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: await response.json() };
}

describe('GET /healthz and /readyz on a running hub', () => {
  let hub: TestHub;
  let baseUrl: string;

  beforeAll(async () => {
    hub = await startTestHub();
    baseUrl = hub.url.replace(/\/graphql$/, '');
  });

  afterAll(() => hub.stop());

  it('healthz: the process is alive', async () => {
    expect(await get(baseUrl, '/healthz')).toEqual({ status: 200, body: { status: 'alive' } });
  });

  it('readyz: 200 while the database answers, the migrations are applied and the job queue runs', async () => {
    expect(await get(baseUrl, '/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', failed: [], checks: { database: 'ok', migrations: 'ok', jobQueue: 'ok' } },
    });
  });

  it('readyz: 503 naming the job queue once it has stopped', async () => {
    await hub.hub.jobs.stop();
    expect(await get(baseUrl, '/readyz')).toEqual({
      status: 503,
      body: { status: 'not ready', failed: ['jobQueue'], checks: { database: 'ok', migrations: 'ok', jobQueue: 'not started' } },
    });
  });
});

describe('readiness checks against a database that is not ready', () => {
  let server: Server;
  let baseUrl: string;
  const cleanups: (() => Promise<unknown>)[] = [];

  async function serve(checks: ReturnType<typeof readinessChecks>): Promise<void> {
    const app = express();
    app.use(healthRoutes(checks));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  }

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('migrations pending, then the database gone', async () => {
    const empty = await createEmptyDatabase();
    cleanups.push(empty.drop);
    const database = await openDatabase(testConfig(empty.url), () => undefined);
    const jobs = new JobQueue({
      databaseUrl: empty.url,
      poolSize: 2,
      retryLimit: 1,
      retryDelaySeconds: 1,
      mailTimeoutSeconds: 1,
      stopTimeoutMs: 1000,
      log: () => undefined,
    });
    await serve(readinessChecks(database.dataSource, jobs));
    expect(await get(baseUrl, '/readyz')).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        failed: ['migrations', 'jobQueue'],
        checks: { database: 'ok', migrations: `${MIGRATIONS.length} pending`, jobQueue: 'not started' },
      },
    });
    await database.close();
    expect(await get(baseUrl, '/readyz')).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        failed: ['database', 'migrations', 'jobQueue'],
        checks: { database: 'unreachable', migrations: 'unknown (database unreachable)', jobQueue: 'not started' },
      },
    });
  });
});
