import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Copies a row of `table` with some columns replaced: a real row, every constraint checked, for tests that need
 * many rows of a shape the API builds slowly. A fresh reference number is given unless `changes` names one.
 */
export async function copyRow(dataSource: DataSource, table: string, id: string, changes: Record<string, unknown>): Promise<void> {
  await dataSource.query(`INSERT INTO ${table} SELECT (jsonb_populate_record(t, $2::jsonb)).* FROM ${table} t WHERE t.id = $1`, [
    id,
    JSON.stringify({ id: randomUUID(), reference_number: `COPY-${randomUUID()}`, ...changes }),
  ]);
}
