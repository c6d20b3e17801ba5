import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConflictError } from '../common/errors';

/**
 * The optimistic update every lifecycle step makes: it applies only to the version read (or, for items without a
 * version, to the row as `guard` found it) and bumps the version, so of two concurrent actions one wins and the
 * other is told to reload.
 */
export async function updateVersioned<E extends ObjectLiteral & { id: string; version?: number }>(
  manager: EntityManager,
  target: EntityTarget<E>,
  item: E,
  changes: QueryDeepPartialEntity<E>,
  options: { subject: string; guard?: FindOptionsWhere<E> },
): Promise<void> {
  const version = item.version;
  const where = { id: item.id, ...(version === undefined ? {} : { version }), ...options.guard } as FindOptionsWhere<E>;
  const result = await manager.update(target, where, version === undefined ? changes : { ...changes, version: version + 1 });
  if (!result.affected)
    throw new ConflictError(`Someone else changed this ${options.subject} at the same time; reload and retry`, 'STALE_VERSION');
  if (version !== undefined) Object.assign(item, { version: version + 1 });
}
