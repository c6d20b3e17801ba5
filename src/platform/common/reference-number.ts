import { EntityManager } from 'typeorm';

/** Next value of a named sequence as a human reference, e.g. 14566-2026-000042 (safe to put in notices). */
export async function nextReferenceNumber(manager: EntityManager, sequence: string, prefix: string, now: Date): Promise<string> {
  const [{ seq }] = await manager.query(`SELECT nextval($1::regclass) AS seq`, [sequence]);
  return `${prefix}-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
}

const SQL_NAME = /^[a-z_][a-z0-9_]*$/;
const PREFIX = /^[A-Z0-9-]+$/;

/**
 * The same reference as an SQL expression, for the INSERT that stores it (no round trip of its own). Sequence and
 * prefix are the hub's own names, never input; at least six digits, more once the sequence passes 999999.
 */
export function referenceNumberSql(sequence: string, prefix: string, now: Date): () => string {
  if (!SQL_NAME.test(sequence) || !PREFIX.test(prefix)) throw new Error(`not a sequence and prefix of the hub: ${sequence}, ${prefix}`);
  const head = `${prefix}-${now.getUTCFullYear()}-`;
  return () =>
    `(SELECT '${head}' || CASE WHEN length(n) < 6 THEN lpad(n, 6, '0') ELSE n END FROM (SELECT nextval('${sequence}')::text AS n) seq)`;
}
