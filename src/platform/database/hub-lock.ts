import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../lifecycle/startup-error';

/**
 * `<DATA_DIR>/hub.pid`: which hub process uses the data folder and the port of its embedded PostgreSQL.
 * It lets a start tell a folder in use by a live hub from one left behind by a crash, and lets the
 * scripts find the running hub's database.
 */
export interface HubLock {
  pid: number;
  embeddedPostgresPort: number;
}

const lockFile = (dataDir: string): string => join(dataDir, 'hub.pid');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The hub that holds the folder, or null when none does (no lock, or its process is gone). */
export function runningHub(dataDir: string): HubLock | null {
  let lock: HubLock;
  try {
    lock = JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as HubLock;
  } catch {
    return null;
  }
  return Number.isInteger(lock.pid) && lock.pid !== process.pid && isAlive(lock.pid) ? lock : null;
}

/** Takes the folder for this process; returns the release. A lock left by a dead process is replaced. */
export function acquireHubLock(dataDir: string, embeddedPostgresPort: number): () => void {
  const file = lockFile(dataDir);
  const content = JSON.stringify({ pid: process.pid, embeddedPostgresPort } satisfies HubLock);
  for (;;) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = runningHub(dataDir);
    if (holder) {
      throw new StartupError(
        `DATA_DIR ${dataDir} is in use by a running hub (pid ${holder.pid}): stop that one first, or give this one its own DATA_DIR`,
      );
    }
    rmSync(file, { force: true });
  }
}
