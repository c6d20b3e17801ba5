import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';

/**
 * The rows of a query read through a server-side cursor (pg-query-stream, 100 rows at a time, as fast as
 * the reader takes them), on a pooled connection that is released when the stream closes: at its end, on
 * an error, or when the reader goes away (destroying the stream closes the cursor first).
 */
export async function streamQuery(dataSource: DataSource, [sql, parameters]: [string, unknown[]]): Promise<Readable> {
  const runner = dataSource.createQueryRunner();
  try {
    const rows = (await runner.stream(sql, parameters)) as unknown as Readable;
    rows.once('close', () => void runner.release());
    return rows;
  } catch (error) {
    await runner.release();
    throw error;
  }
}
