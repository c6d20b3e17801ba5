import 'reflect-metadata';
import { createDataSource } from '../../src/app/data-source';
import { openDatabase } from '../../src/app/open-database';
import { createEmptyDatabase } from '../support/database';
import { testConfig } from '../support/hub';

describe('the pool settings (DB_POOL_SIZE, DB_STATEMENT_TIMEOUT_MS, DB_IDLE_IN_TRANSACTION_TIMEOUT_MS)', () => {
  it('are applied to every connection of the hub pool', async () => {
    const empty = await createEmptyDatabase();
    const config = testConfig(empty.url, { DB_POOL_SIZE: '3', DB_STATEMENT_TIMEOUT_MS: '700', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '900' });
    const database = await openDatabase(config, () => undefined);
    try {
      const [settings] = await database.dataSource.query(
        "SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle",
      );
      expect(settings).toEqual({ statement: '700ms', idle: '900ms' });
      await expect(database.dataSource.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
      const pool = (database.dataSource.driver as unknown as { master: { options: { max: number } } }).master;
      expect(pool.options.max).toBe(3);
    } finally {
      await database.close();
      await empty.drop();
    }
  });

  it('0 switches a limit off; bad values are refused at start-up', () => {
    const url = 'postgresql://postgres@127.0.0.1:5432/postgres';
    const off = createDataSource(url, { statementTimeoutMs: 0 });
    expect((off.options as { extra: Record<string, unknown> }).extra.statement_timeout).toBeUndefined();
    expect(() => testConfig(url, { DB_POOL_SIZE: '1' })).toThrow('DB_POOL_SIZE must be an integer between 2 and 200, got "1"');
    expect(() => testConfig(url, { DB_STATEMENT_TIMEOUT_MS: '-5' })).toThrow(
      'DB_STATEMENT_TIMEOUT_MS must be an integer between 0 and 3600000',
    );
    expect(() => testConfig(url, { RUN_MIGRATIONS: 'sometimes' })).toThrow('RUN_MIGRATIONS must be true or false, got "sometimes"');
    expect(() => testConfig(url, { NODE_ENV: 'production', DATABASE_URL: '' })).toThrow(
      'DATABASE_URL is required in production (the embedded PostgreSQL is for development and tests)',
    );
  });
});
