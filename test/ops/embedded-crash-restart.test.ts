import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  HubProcess,
  killGroup,
  startHubProcess,
  startServingHub,
  stopLeftoverPostgres,
  tempDataDir,
} from '../support/hub-process';

/**
 * The development hub on its embedded PostgreSQL, as real processes: what a crash leaves behind, what a
 * failed start says, how Ctrl-C stops it, and how the scripts find its database.
 */
jest.setTimeout(180_000);

const root = process.getuid?.() === 0;

/** A small tmpfs stands for a full disk; containers may forbid mounting, then that case cannot be shown. */
function canMountSmallDisk(): boolean {
  if (!root) return false;
  const probe = mkdtempSync(join(tmpdir(), 'hub-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return mounted;
}
const dataDirs: string[] = [];
const hubs: HubProcess[] = [];

function dataDir(): string {
  const dir = tempDataDir();
  dataDirs.push(dir);
  return dir;
}

function track<T extends HubProcess>(hub: T): T {
  hubs.push(hub);
  return hub;
}

/** The failed start's output: exactly one line, which says why. */
async function failedStart(env: Record<string, string>): Promise<string> {
  const hub = track(startHubProcess(env));
  const { code } = await hub.exited(90_000);
  expect(code).toBe(1);
  const failures = hub.lines.filter((line) => line.text.startsWith('[hub] failed to start: '));
  expect(failures).toHaveLength(1);
  expect(hub.lines[hub.lines.length - 1]).toBe(failures[0]);
  expect(hub.output()).not.toMatch(/undefined|\n\s+at /);
  return failures[0].text.slice('[hub] failed to start: '.length);
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function readyz(baseUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function runScript(script: 'token' | 'seed', env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'scripts', `${script}.js`), ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
  });
}

afterAll(() => {
  for (const hub of hubs) killGroup(hub);
  for (const dir of dataDirs) {
    stopLeftoverPostgres(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('after kill -9, with the embedded PostgreSQL', () => {
  let env: Record<string, string>;
  let hub: HubProcess & { baseUrl: string };

  beforeAll(async () => {
    env = { DATA_DIR: dataDir(), EMBEDDED_PG_PORT: String(await freePort()) };
    const crashed = track(await startServingHub(env));
    process.kill(crashed.pid, 'SIGKILL');
    await crashed.exited();
    // What the crash leaves: the server, still holding its folder.
    expect(existsSync(join(env.DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(true);
    hub = track(await startServingHub(env));
  });

  it('the next start stops the PostgreSQL the dead hub left running, and serves', async () => {
    expect(hub.output()).toMatch(/stopping the embedded PostgreSQL \(pid \d+\) that a hub which did not stop cleanly left running/);
    expect(await readyz(hub.baseUrl)).toEqual({
      status: 200,
      body: { status: 'ready', failed: [], checks: { database: 'ok', migrations: 'ok', jobQueue: 'ok' } },
    });
  });

  it('a second hub on the same DATA_DIR is refused while the first one runs', async () => {
    const reason = await failedStart({ ...env, PORT: String(await freePort()) });
    expect(reason).toBe(
      `DATA_DIR ${env.DATA_DIR} is in use by a running hub (pid ${hub.pid}): stop that one first, or give this one its own DATA_DIR`,
    );
  });

  it('a taken HTTP port is named, and the database started for nothing is stopped again', async () => {
    const other = { DATA_DIR: dataDir(), EMBEDDED_PG_PORT: String(await freePort()), PORT: new URL(hub.baseUrl).port };
    expect(await failedStart(other)).toBe(
      `port ${other.PORT} on 127.0.0.1 is taken by another program: stop it, or set PORT to a free port`,
    );
    expect(existsSync(join(other.DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(other.DATA_DIR, 'hub.pid'))).toBe(false);
  });

  it('npm run seed and npm run token find the running hub by DATA_DIR and EMBEDDED_PG_PORT, and say what differs', async () => {
    const seeded = runScript('seed', env);
    expect(seeded.status).toBe(0);
    const email = /\S+@example\.gov/.exec(seeded.stdout)![0];
    const token = runScript('token', env, [email]);
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(token.stderr).toBe('');

    const wrongPort = String(await freePort());
    const mismatch = runScript('token', { ...env, EMBEDDED_PG_PORT: wrongPort }, [email]);
    expect(mismatch.status).toBe(1);
    expect(mismatch.stderr.trim()).toBe(
      `[token] the hub using DATA_DIR ${env.DATA_DIR} runs its PostgreSQL on port ${env.EMBEDDED_PG_PORT}, but EMBEDDED_PG_PORT is ${wrongPort}: use the same EMBEDDED_PG_PORT as the hub`,
    );
    const otherDir = dataDir();
    const wrongDir = runScript('token', { ...env, DATA_DIR: otherDir }, [email]);
    expect(wrongDir.status).toBe(1);
    expect(wrongDir.stderr.trim()).toBe(
      `[token] the PostgreSQL on EMBEDDED_PG_PORT ${env.EMBEDDED_PG_PORT} belongs to the hub with DATA_DIR ${env.DATA_DIR}, not ${otherDir}: use the same DATA_DIR as the hub`,
    );
  });

  it('Ctrl-C (SIGINT to the process group) stops in order, the database last, and exits 0', async () => {
    hub.signalGroup('SIGINT');
    const { code } = await hub.exited(30_000);
    expect(code).toBe(0);
    const texts = hub.lines.map((line) => line.text);
    const stopping = texts.findIndex((text) => text.startsWith('SIGINT: stopping'));
    expect(stopping).toBeGreaterThan(0);
    expect(texts.slice(stopping)).toEqual([texts[stopping], 'stopped']);
    // The group's SIGINT did not reach the database: it was asked to stop once every connection had closed.
    const serverLog = readFileSync(join(env.DATA_DIR, 'postgres', 'server.log'), 'utf8');
    const lastRun = serverLog.slice(serverLog.lastIndexOf('database system is ready to accept connections'));
    expect(lastRun).toContain('received fast shutdown request');
    expect(lastRun).not.toContain('terminating connection due to administrator command');
    expect(existsSync(join(env.DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(env.DATA_DIR, 'hub.pid'))).toBe(false);
  });

  it('with no hub running, the scripts say so instead of failing with "undefined"', () => {
    const token = runScript('token', env, ['anyone@example.gov']);
    expect(token.status).toBe(1);
    expect(token.stderr.trim()).toBe(
      `[token] no hub is running with DATA_DIR ${env.DATA_DIR} (nothing answers on EMBEDDED_PG_PORT ${env.EMBEDDED_PG_PORT}): ` +
        'start it first (npm start, with the same DATA_DIR and EMBEDDED_PG_PORT), or set DATABASE_URL',
    );
  });
});

describe('a failed start prints one line saying what is wrong and what to do', () => {
  it('EMBEDDED_PG_PORT taken by another program', async () => {
    const port = await freePort();
    const squatter = await listenOn(port);
    try {
      const reason = await failedStart({ DATA_DIR: dataDir(), EMBEDDED_PG_PORT: String(port), PORT: String(await freePort()) });
      expect(reason).toBe(`EMBEDDED_PG_PORT ${port} is taken by another program: stop it, or set EMBEDDED_PG_PORT to a free port`);
    } finally {
      squatter.close();
    }
  });

  it('bad configuration', async () => {
    expect(await failedStart({ DATA_DIR: dataDir(), PORT: 'http' })).toBe(
      'configuration: PORT must be an integer between 0 and 65535, got "http" (see the configuration table in the README)',
    );
    expect(await failedStart({ DATA_DIR: dataDir(), NODE_ENV: 'production' })).toMatch(
      /^configuration: DATABASE_URL is required in production/,
    );
  });

  (root ? it : it.skip)('as root: the OS user postgres cannot reach a DATA_DIR inside a 0700 folder', async () => {
    const privateDir = mkdtempSync(join(tmpdir(), 'hub-private-'));
    dataDirs.push(privateDir);
    const reason = await failedStart({ DATA_DIR: join(privateDir, 'data'), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(reason).toMatch(new RegExp(`^the OS user "postgres" cannot reach ${join(privateDir, 'data')}: .*chmod o\\+x`));
  });

  (canMountSmallDisk() ? it : it.skip)('not enough disk space in DATA_DIR', async () => {
    const small = dataDir();
    mkdirSync(join(small, 'disk'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m,mode=0755', 'tmpfs', join(small, 'disk')]);
    try {
      const reason = await failedStart({ DATA_DIR: join(small, 'disk'), EMBEDDED_PG_PORT: String(await freePort()) });
      expect(reason).toMatch(
        /^not enough disk space for the embedded PostgreSQL: \d+ MB free in .*, at least 256 MB needed: free some space or move DATA_DIR$/,
      );
    } finally {
      execFileSync('umount', [join(small, 'disk')]);
    }
  });
});
