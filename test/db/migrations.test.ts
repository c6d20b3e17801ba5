import 'reflect-metadata';
import { createTestDatabase, TestDatabase } from '../support/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.drop());

it('the migrations build exactly the schema the entities describe (same check as `npm run migration:check`)', async () => {
  const pending = await database.dataSource.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((query) => query.query)).toEqual([]);
});

it('every migration can be reverted and re-applied', async () => {
  const { dataSource } = database;
  const applied = await dataSource.query('SELECT name FROM migrations ORDER BY id');
  for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration();
  expect(await dataSource.query(`SELECT to_regclass('referral') AS t`)).toEqual([{ t: null }]);
  const reapplied = await dataSource.runMigrations();
  expect(reapplied.map((m) => m.name)).toEqual(applied.map((m: { name: string }) => m.name));
});
