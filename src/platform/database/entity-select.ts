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
