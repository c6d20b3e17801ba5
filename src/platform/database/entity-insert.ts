import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { BroadcasterResult } from 'typeorm/subscriber/BroadcasterResult';
import { prepared } from './prepared-statements';

/** How one column enters the VALUES list of an insert: a value given as a function is SQL (e.g. `nextval(…)`). */
type ValueOf = { kind: 'parameter'; value: unknown } | { kind: 'sql'; sql: string } | { kind: 'default' };

/** One shape of insert (which columns are parameters, SQL or DEFAULT): its text and the columns it reads back. */
interface InsertStatement {
  text: string;
  readBack: ColumnMetadata[];
}

interface InsertPlan {
  columns: ColumnMetadata[];
  /** The generated, defaulted, created/updated and version columns: read back onto the entity, as TypeORM's save does. */
  returning: ColumnMetadata[];
  /** A few shapes per entity. */
  statements: Map<string, InsertStatement>;
}

const plans = new WeakMap<EntityMetadata, InsertPlan>();

function planOf(metadata: EntityMetadata): InsertPlan {
  let plan = plans.get(metadata);
  if (!plan) {
    plan = {
      // As the builder: every insertable column but an auto-increment one (its DEFAULT is implied).
      columns: metadata.columns.filter((column) => column.isInsert && !(column.isGenerated && column.generationStrategy === 'increment')),
      returning: metadata.getInsertionReturningColumns(),
      statements: new Map(),
    };
    plans.set(metadata, plan);
  }
  return plan;
}

/** As TypeORM's InsertQueryBuilder writes a PostgreSQL value: a function is SQL, undefined is DEFAULT, but the version starts at 1. */
function valueOf(manager: EntityManager, column: ColumnMetadata, entity: ObjectLiteral): ValueOf {
  const raw: unknown = column.getEntityValue(entity);
  if (typeof raw === 'function') return { kind: 'sql', sql: String(raw()) };
  const value: unknown = manager.connection.driver.preparePersistentValue(raw, column);
  if (value === undefined) return column.isVersion ? { kind: 'parameter', value: 1 } : { kind: 'default' };
  return { kind: 'parameter', value };
}

function statementOf(manager: EntityManager, metadata: EntityMetadata, plan: InsertPlan, values: ValueOf[]): InsertStatement {
  const shape = values.map((value) => (value.kind === 'sql' ? `s${value.sql.length}:${value.sql}` : value.kind[0])).join('|');
  let statement = plan.statements.get(shape);
  if (!statement) {
    const { driver } = manager.connection;
    let placeholder = 0;
    const expressions = values.map((value) =>
      value.kind === 'parameter' ? `$${++placeholder}` : value.kind === 'sql' ? value.sql : 'DEFAULT',
    );
    const computed = plan.columns.filter((_, i) => values[i].kind === 'sql');
    const readBack = [...new Set([...computed, ...plan.returning])];
    const names = (columns: ColumnMetadata[]) => columns.map((column) => driver.escape(column.databaseName)).join(', ');
    const table = metadata.tablePath
      .split('.')
      .map((part) => driver.escape(part))
      .join('.');
    statement = {
      text: prepared(
        `INSERT INTO ${table}(${names(plan.columns)}) VALUES (${expressions.join(', ')})${readBack.length ? ` RETURNING ${names(readBack)}` : ''}`,
      ),
      readBack,
    };
    plan.statements.set(shape, statement);
  }
  return statement;
}

async function broadcast(fire: (result: BroadcasterResult) => void): Promise<void> {
  const result = new BroadcasterResult();
  fire(result);
  await result.wait();
}

/**
 * Inserts one new entity with the row, the read-back and the subscriber calls of TypeORM's InsertQueryBuilder, but
 * with the SQL text built once per entity and shape: the builder rebuilds and re-escapes it on every call, about a
 * tenth of a filing's CPU (issue 17's profile in bench/RESULTS.md).
 */
export async function insertEntity<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, entity: E): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const plan = planOf(metadata);
  const ownRunner = manager.queryRunner ? null : manager.connection.createQueryRunner();
  const runner = manager.queryRunner ?? ownRunner!;
  try {
    await broadcast((result) => runner.broadcaster.broadcastBeforeInsertEvent(result, metadata, entity));
    const values = plan.columns.map((column) => valueOf(manager, column, entity));
    const parameters = values.flatMap((value) => (value.kind === 'parameter' ? [value.value] : []));
    const statement = statementOf(manager, metadata, plan, values);
    const rows: ObjectLiteral[] = await runner.query(statement.text, parameters);
    const { driver } = manager.connection;
    for (const column of statement.readBack)
      column.setEntityValue(entity, driver.prepareHydratedValue(rows[0][column.databaseName], column));
    await broadcast((result) => runner.broadcaster.broadcastAfterInsertEvent(result, metadata, entity, metadata.getEntityIdMap(entity)));
  } finally {
    await ownRunner?.release();
  }
}
