import { EntityManager, EntityTarget } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors';

/** How an item is named in a lookup: its id, or the reference number people quote on the phone and in e-mail. */
export interface LookupKey {
  id?: string | null;
  referenceNumber?: string | null;
}

/** The item named by exactly one of `id` and `referenceNumber` (BAD_USER_INPUT naming both arguments otherwise). */
export function lookUp<T>(
  key: LookupKey,
  byId: (id: string) => Promise<T>,
  byReferenceNumber: (referenceNumber: string) => Promise<T>,
): Promise<T> {
  const referenceNumber = key.referenceNumber?.trim().toUpperCase() || null;
  if (key.id && !referenceNumber) return byId(key.id);
  if (referenceNumber && !key.id) return byReferenceNumber(referenceNumber);
  const message = 'give either id or referenceNumber';
  throw new InvalidInputError([
    { field: 'id', message },
    { field: 'referenceNumber', message },
  ]);
}

/**
 * An item by its reference number through `get`, the same read (and visibility rule) as by id. Not there and not
 * visible (NOT_FOUND or FORBIDDEN by id) answer alike, NOT_FOUND naming the reference number only, so a guessed
 * number tells nothing; the refusal audit still records the item's id.
 */
export async function getByReferenceNumber<T>(
  manager: EntityManager,
  entity: EntityTarget<{ id: string; referenceNumber: string }>,
  name: string,
  referenceNumber: string,
  get: (id: string) => Promise<T>,
): Promise<T> {
  const row = await manager.findOne(entity, { select: { id: true }, where: { referenceNumber } });
  if (!row) throw new NotFoundError(name, referenceNumber);
  try {
    return await get(row.id);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) throw new NotFoundError(name, referenceNumber, true, row.id);
    throw error;
  }
}
