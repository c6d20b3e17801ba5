/** Runs a statement on one session (a session-level advisory lock belongs to its connection). */
export type SessionQuery = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * Runs `fn` while holding the session advisory lock `key`, so that instances started together do it one
 * after the other; `onWait` is called when another session holds the lock first.
 */
export async function withAdvisoryLock<T>(query: SessionQuery, key: number, onWait: () => void, fn: () => Promise<T>): Promise<T> {
  const rows = (await query('SELECT pg_try_advisory_lock($1) AS locked', [key])) as { locked: boolean }[];
  if (!rows[0].locked) {
    onWait();
    await query('SELECT pg_advisory_lock($1)', [key]);
  }
  try {
    return await fn();
  } finally {
    await query('SELECT pg_advisory_unlock($1)', [key]);
  }
}
