import 'reflect-metadata';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { insertAtCommit, notifyAtCommit, TailInsert } from '../../src/platform/database/transaction-tail';
import { createTestDatabase, TestDatabase } from '../support/database';
import { StatementCounter } from '../support/statement-counter';

const counter = new StatementCounter();
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  await database.dataSource.query('CREATE TABLE tail_probe (id bigint GENERATED ALWAYS AS IDENTITY, label text NOT NULL)');
});

afterAll(() => database.drop());

beforeEach(() => database.dataSource.query('TRUNCATE tail_probe'));

const PROBE: TailInsert<string> = {
  sql: (parameter, labels) => `INSERT INTO tail_probe (label) SELECT unnest(${parameter(labels)}::text[])`,
};
const OTHER: TailInsert<string> = {
  sql: (parameter, labels) => `INSERT INTO tail_probe (label) SELECT 'other ' || unnest(${parameter(labels)}::text[])`,
};
const probe = (manager: EntityManager, ...labels: string[]) => insertAtCommit(manager, PROBE, labels);
const labels = async () =>
  (await database.dataSource.query('SELECT label FROM tail_probe ORDER BY id')).map((r: { label: string }) => r.label);

it("sends a transaction's tail writes and notices as one statement just before COMMIT, each kind's rows in the order written", async () => {
  const listener = new Client({ connectionString: database.url });
  await listener.connect();
  const heard: string[] = [];
  listener.on('notification', (message) => heard.push(message.payload!));
  await listener.query('LISTEN tail_probe');
  try {
    const statements = await counter.record(() =>
      database.dataSource.transaction(async (manager) => {
        await probe(manager, 'a', 'b');
        await insertAtCommit(manager, OTHER, ['x']);
        await notifyAtCommit(manager, 'tail_probe', 'announced');
        await probe(manager, 'c');
        // Not sent yet: a read in the transaction does not see them (they are writes the transaction never reads back).
        expect(await manager.query('SELECT count(*)::int AS n FROM tail_probe')).toEqual([{ n: 0 }]);
      }),
    );
    const commit = statements.indexOf('COMMIT');
    expect(statements[commit - 1]).toMatch(
      /^WITH w0 AS \(INSERT INTO tail_probe .*\), w1 AS \(INSERT INTO tail_probe .*\) SELECT pg_notify/s,
    );
    expect((await labels()).filter((label: string) => !label.startsWith('other'))).toEqual(['a', 'b', 'c']);
    expect(await labels()).toContain('other x');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(['announced']);
  } finally {
    await listener.end();
  }
});

it('writes nothing of a rolled-back transaction', async () => {
  await expect(
    database.dataSource.transaction(async (manager) => {
      await probe(manager, 'lost');
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await labels()).toEqual([]);
});

it('rolls the whole transaction back when a tail write fails at commit', async () => {
  await expect(
    database.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO tail_probe (label) VALUES ('change')`);
      await insertAtCommit(manager, { sql: () => 'INSERT INTO tail_probe (label) VALUES (NULL)' }, [null]);
    }),
  ).rejects.toThrow(/null value/);
  expect(await labels()).toEqual([]);
});

it('keeps each write in the savepoint it was made in', async () => {
  await database.dataSource.transaction(async (outer) => {
    await probe(outer, 'outer');
    const runner = outer.queryRunner!;
    await runner.startTransaction();
    await probe(outer, 'inner, rolled back');
    await runner.rollbackTransaction();
    await runner.startTransaction();
    await probe(outer, 'inner, released');
    await runner.commitTransaction();
  });
  expect(await labels()).toEqual(['outer', 'inner, released']);
});

it('sends a write made outside a transaction at once', async () => {
  await probe(database.dataSource.manager, 'at once');
  expect(await labels()).toEqual(['at once']);
});
