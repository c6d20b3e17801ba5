import 'reflect-metadata';
import { DataSource, QueryFailedError } from 'typeorm';
import { createPostgresDataSource } from '../../src/platform/database/data-source';
import { MAX_PREPARED_STATEMENTS, prepared } from '../../src/platform/database/prepared-statements';
import { createEmptyDatabase } from '../support/database';

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createEmptyDatabase();
  dataSource = createPostgresDataSource({ entities: [], subscribers: [], migrations: [] }, database.url, { poolSize: 1 });
  await dataSource.initialize();
  await dataSource.query('CREATE TABLE prepared_probe (id int PRIMARY KEY, label text NOT NULL)');
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

/** The statements the pool's one connection holds prepared, as PostgreSQL lists them. */
const preparedOnServer = async (): Promise<string[]> =>
  (await dataSource.query<{ statement: string }[]>('SELECT statement FROM pg_prepared_statements')).map((row) => row.statement);

describe('prepared statements: marked hot writes are parsed and planned once per connection', () => {
  it('runs a marked text as a named prepared statement, with its values, and leaves unmarked texts unnamed', async () => {
    const insert = prepared('INSERT INTO prepared_probe (id, label) VALUES ($1, $2) RETURNING label');
    for (let id = 1; id <= 3; id++) expect(await dataSource.query(insert, [id, `probe ${id}`])).toEqual([{ label: `probe ${id}` }]);
    await dataSource.query('SELECT count(*) FROM prepared_probe WHERE id > $1', [0]);
    // Prepared once on the connection, whatever the number of runs; the unmarked SELECT is not kept.
    expect(await preparedOnServer()).toEqual([insert]);
    expect(await dataSource.query('SELECT label FROM prepared_probe ORDER BY id')).toEqual(
      [1, 2, 3].map((id) => ({ label: `probe ${id}` })),
    );
  });

  it('prepares a marked text sent without values too (the closure version read has none)', async () => {
    const read = prepared('SELECT count(*)::int AS n FROM prepared_probe');
    expect(await dataSource.query(read)).toEqual([{ n: 3 }]);
    expect(await preparedOnServer()).toContain(read);
  });

  it("keeps TypeORM's error for a failing prepared statement, and the transaction's rollback", async () => {
    const insert = prepared('INSERT INTO prepared_probe (id, label) VALUES ($1, $2)');
    const failed = dataSource.transaction(async (manager) => {
      await manager.query(insert, [10, 'written, then rolled back']);
      await manager.query(insert, [1, 'a duplicate key']);
    });
    await expect(failed).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await dataSource.query('SELECT id FROM prepared_probe WHERE id = 10')).toEqual([]);
  });

  it(`prepares at most ${MAX_PREPARED_STATEMENTS} texts; the rest run unnamed and still answer`, async () => {
    const texts = Array.from({ length: MAX_PREPARED_STATEMENTS + 5 }, (_, i) => prepared(`SELECT $1::int + ${i} AS n`));
    for (const [i, text] of texts.entries()) expect(await dataSource.query(text, [1])).toEqual([{ n: 1 + i }]);
    const kept = await preparedOnServer();
    expect(kept.length).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
    expect(kept).not.toContain(texts[texts.length - 1]);
  });
});
