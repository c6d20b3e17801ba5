import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** The select lists written so far, by entity and alias. */
const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * A statement written once for a hot path (every request runs it): the SELECT list of an entity's own columns, each
 * named by its property, so a row from `manager.query` becomes the entity (`entityReader`, or `manager.create` for an
 * entity without column transformers). Taken from TypeORM's metadata, so it follows the entity; built once per entity
 * and alias, and no query builder runs per call.
 */
export function entitySelectList(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = manager.connection.getMetadata(entity);
  let lists = selectLists.get(metadata);
  if (!lists) selectLists.set(metadata, (lists = new Map()));
  let list = lists.get(alias);
  if (list === undefined) {
    list = metadata.columns.map((column) => `${alias}."${column.databaseName}" AS "${column.propertyName}"`).join(', ');
    lists.set(alias, list);
  }
  return list;
}

/**
 * Turns rows selected with `entitySelectList` into the entity, each column's value prepared as TypeORM's own reads
 * prepare it (the driver's hydration: dates, and the column's transformer, e.g. sealed content).
 */
export function entityReader<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
): (row: Record<string, unknown>) => T {
  const metadata = manager.connection.getMetadata(entity);
  const { driver } = manager.connection;
  return (row) => {
    const target = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of metadata.columns) column.setEntityValue(target, driver.prepareHydratedValue(row[column.propertyName], column));
    return target;
  };
}
