import 'reflect-metadata';
import {
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { insertEntity } from '../../src/platform/database/entity-insert';
import { createPostgresDataSource } from '../../src/platform/database/data-source';
import { createEmptyDatabase } from '../support/database';

@Entity('insert_probe')
class InsertProbe {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text', name: 'serial_label' })
  serialLabel!: string | (() => string);

  @Column({ type: 'jsonb', nullable: true, transformer: { to: (v: unknown) => (v == null ? v : { wrapped: v }), from: (v: unknown) => v } })
  payload!: { a?: number; b?: number } | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'int', default: 7 })
  weight!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

const heard: { event: 'before' | 'after'; serialLabel: unknown; version: unknown }[] = [];

@EventSubscriber()
class ProbeSubscriber implements EntitySubscriberInterface<InsertProbe> {
  listenTo() {
    return InsertProbe;
  }
  beforeInsert(event: InsertEvent<InsertProbe>) {
    heard.push({ event: 'before', serialLabel: typeof event.entity.serialLabel, version: event.entity.version });
  }
  afterInsert(event: InsertEvent<InsertProbe>) {
    heard.push({ event: 'after', serialLabel: event.entity.serialLabel, version: event.entity.version });
  }
}

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createEmptyDatabase();
  dataSource = createPostgresDataSource({ entities: [InsertProbe], subscribers: [ProbeSubscriber], migrations: [] }, database.url);
  await dataSource.initialize();
  await dataSource.query(`CREATE SEQUENCE probe_seq;
    CREATE TABLE insert_probe (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), label text NOT NULL, serial_label text NOT NULL,
      payload jsonb, tags text[] NOT NULL DEFAULT '{}', weight int NOT NULL DEFAULT 7, version int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

beforeEach(() => {
  heard.length = 0;
});

function probe(label: string, payload: InsertProbe['payload']): InsertProbe {
  return Object.assign(new InsertProbe(), { label, payload, serialLabel: () => `'P-' || nextval('probe_seq')` });
}

const rowOf = async (id: string) =>
  (await dataSource.query('SELECT label, serial_label, payload, tags, weight, version FROM insert_probe WHERE id = $1', [id]))[0];

describe("insertEntity: TypeORM's insert with its SQL text built once per shape", () => {
  it("writes the row TypeORM's InsertQueryBuilder writes and reads back the same columns onto the entity", async () => {
    const ours = probe('ours', { a: 1 });
    const theirs = probe('theirs', { a: 1 });
    await dataSource.transaction(async (manager) => {
      await insertEntity(manager, InsertProbe, ours);
      await manager.createQueryBuilder().insert().into(InsertProbe).values(theirs).returning(['serialLabel']).execute();
    });
    const [ourRow, theirRow] = [await rowOf(ours.id), await rowOf(theirs.id)];
    // The transformer applied, the defaults and the version as TypeORM writes them; the serial label drawn in SQL.
    expect(ourRow).toEqual({ ...theirRow, label: 'ours', serial_label: 'P-1' });
    expect(theirRow).toMatchObject({ payload: { wrapped: { a: 1 } }, tags: [], weight: 7, version: 1, serial_label: 'P-2' });
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect({ ...ours, id: 'x', label: 'x', serialLabel: 'x', createdAt: 'x' }).toEqual({
      ...theirs,
      id: 'x',
      label: 'x',
      serialLabel: 'x',
      createdAt: 'x',
    });
    expect(ours).toMatchObject({ serialLabel: 'P-1', tags: [], weight: 7, version: 1 });
    expect(ours.createdAt).toBeInstanceOf(Date);
  });

  it('calls the entity subscribers before (SQL value unresolved) and after the insert (values read back)', async () => {
    await insertEntity(dataSource.manager, InsertProbe, probe('outside a transaction', null));
    expect(heard).toEqual([
      { event: 'before', serialLabel: 'function', version: undefined },
      { event: 'after', serialLabel: expect.stringMatching(/^P-\d+$/), version: 1 },
    ]);
  });

  it('writes given values over defaults and null as NULL, whatever shape came first', async () => {
    const first = probe('defaults', null);
    const second = Object.assign(probe('given', { b: 2 }), { tags: ['x'], weight: 3 });
    await insertEntity(dataSource.manager, InsertProbe, first);
    await insertEntity(dataSource.manager, InsertProbe, second);
    expect(await rowOf(first.id)).toMatchObject({ payload: null, tags: [], weight: 7 });
    expect(await rowOf(second.id)).toMatchObject({ payload: { wrapped: { b: 2 } }, tags: ['x'], weight: 3 });
  });
});
