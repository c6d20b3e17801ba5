import { EntityManager } from 'typeorm';

/** Next value of a named sequence as a human reference, e.g. 14566-2026-000042 (safe to put in notices). */
export async function nextReferenceNumber(manager: EntityManager, sequence: string, prefix: string, now: Date): Promise<string> {
  const [{ seq }] = await manager.query(`SELECT nextval($1::regclass) AS seq`, [sequence]);
  return `${prefix}-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
}
