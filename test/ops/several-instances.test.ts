import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../migrations';
import { createEmptyDatabase } from '../support/database';
import { HubProcess, killGroup, SHARED_KEYS, startHubProcess, startServingHub } from '../support/hub-process';

/** Several instances on one database: migrations under an advisory lock, or refused with RUN_MIGRATIONS=false. */
jest.setTimeout(180_000);

const hubs: HubProcess[] = [];
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function emptyDatabase(): Promise<string> {
  const database = await createEmptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

function envFor(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-instances-'));
  dirs.push(dataDir);
  return { ...SHARED_KEYS, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ...extra };
}

async function appliedMigrations(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const hub of hubs) {
    if (hub.child.exitCode === null) hub.signalGroup('SIGTERM');
  }
  await Promise.all(hubs.map((hub) => hub.exited(20_000).catch(() => killGroup(hub))));
  for (const cleanup of cleanups) await cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it('three instances started at once on an empty database: one migrates, the others wait, all serve', async () => {
  const url = await emptyDatabase();
  const started = await Promise.all([1, 2, 3].map(() => startServingHub(envFor(url))));
  hubs.push(...started);
  const migrators = started.filter((hub) => /applied \d+ migration\(s\)/.test(hub.output()));
  expect(migrators).toHaveLength(1);
  expect(migrators[0].output()).toContain(`applied ${MIGRATIONS.length} migration(s)`);
  for (const hub of started) {
    const response = await fetch(`${hub.baseUrl}/readyz`);
    expect(response.status).toBe(200);
  }
  const names = await appliedMigrations(url);
  expect(names).toHaveLength(MIGRATIONS.length);
  expect(new Set(names).size).toBe(MIGRATIONS.length);
});

it('RUN_MIGRATIONS=false: refuses to serve while migrations are pending, serves once they are applied', async () => {
  const url = await emptyDatabase();
  const refused = startHubProcess(envFor(url, { RUN_MIGRATIONS: 'false', PORT: '0' }));
  hubs.push(refused);
  expect((await refused.exited(60_000)).code).toBe(1);
  expect(refused.output()).toMatch(
    new RegExp(
      `^\\[hub\\] failed to start: ${MIGRATIONS.length} migration\\(s\\) pending \\(.+\\) and RUN_MIGRATIONS=false: apply them first \\(npm run migration:run, or start one instance with RUN_MIGRATIONS=true\\)$`,
    ),
  );

  const migrator = await startServingHub(envFor(url));
  hubs.push(migrator);
  const follower = await startServingHub(envFor(url, { RUN_MIGRATIONS: 'false' }));
  hubs.push(follower);
  expect(follower.output()).not.toMatch(/migration/);
  expect((await fetch(`${follower.baseUrl}/readyz`)).status).toBe(200);
});
