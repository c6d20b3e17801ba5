import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A statement written once for a hot path (every request runs it): the SELECT list of an entity's own columns, each
 * named by its property, so a row from `manager.query` becomes the entity with `manager.create`. Taken from TypeORM's
 * metadata, so it follows the entity; no query builder runs per call.
 */
export function entitySelectList(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return manager.connection
    .getMetadata(entity)
    .columns.map((column) => `${alias}."${column.databaseName}" AS "${column.propertyName}"`)
    .join(', ');
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
