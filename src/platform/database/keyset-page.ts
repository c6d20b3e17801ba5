import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { FieldError, InvalidInputError } from '../common/errors';

/** What a client asks of a cursor connection (the Relay cursor connection spec's arguments). */
export interface PageRequest {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** One page of a connection, as the Relay cursor connection spec describes it; `count` is every matching row. */
export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  count(): Promise<number>;
}

/** A sort order: a never-null SQL expression and its SQL type (a cursor carries its value as the database prints it). */
export interface SortKey {
  name: string;
  expression: string;
  sqlType: 'timestamptz' | 'text';
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

const DEFAULT_PAGE_SIZE = 20;

function pageSize(request: PageRequest, max: number): { size: number; backward: boolean } {
  const errors: FieldError[] = [];
  if (request.first != null && request.last != null) {
    const message = 'give first or last, not both';
    errors.push({ field: 'first', message }, { field: 'last', message });
  }
  for (const field of ['first', 'last'] as const) {
    const value = request[field];
    if (value != null && (!Number.isInteger(value) || value < 1 || value > max))
      errors.push({ field, message: `must be between 1 and ${max}` });
  }
  if (errors.length) throw new InvalidInputError(errors);
  return request.last != null ? { size: request.last, backward: true } : { size: request.first ?? DEFAULT_PAGE_SIZE, backward: false };
}

function encodeCursor(sort: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string, field: 'after' | 'before'): { value: string; id: string } {
  try {
    const [given, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (given === sort && typeof value === 'string' && typeof id === 'string') return { value, id };
  } catch {
    // answered below
  }
  throw InvalidInputError.single(field, 'is not a cursor from this list in this order');
}

/**
 * A page of `query` by keyset (seek) paging on (sort key, id): `first`/`after` forward, `last`/`before` backward,
 * both cursors together bound a window. A page reads `size + 1` rows in the sort key's order, however deep it is
 * (no OFFSET). A cursor names its sort order, so it is refused in another. Paging forward, `hasPreviousPage` is
 * whether `after` was given (rows are never deleted, so the row it points at is still before the page), and paging
 * backward `hasNextPage` is whether `before` was: the spec allows both.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  key: SortKey,
  direction: SortDirection,
  request: PageRequest,
  maxSize: number,
): Promise<Page<T>> {
  const { size, backward } = pageSize(request, maxSize);
  const counted = query.clone();
  const alias = query.alias;
  const bound = (cursor: string, field: 'after' | 'before') => {
    const { value, id } = decodeCursor(cursor, key.name, field);
    const later = (field === 'after') === (direction === SortDirection.ASC);
    query.andWhere(
      `(${key.expression}, ${alias}.id) ${later ? '>' : '<'} (CAST(:${field}Value AS ${key.sqlType}), CAST(:${field}Id AS uuid))`,
      {
        [`${field}Value`]: value,
        [`${field}Id`]: id,
      },
    );
  };
  if (request.after) bound(request.after, 'after');
  if (request.before) bound(request.before, 'before');
  const order = backward === (direction === SortDirection.ASC) ? 'DESC' : 'ASC';
  // The key as text, at the database's full precision (microseconds), so a cursor compares exactly.
  const { entities, raw } = await query
    .addSelect(key.expression, 'page_sort_key')
    .addSelect(`(${key.expression})::text`, 'page_cursor_key')
    .orderBy('page_sort_key', order)
    .addOrderBy(`${alias}.id`, order)
    .limit(size + 1)
    .getRawAndEntities<{ page_cursor_key: string }>();
  const more = entities.length > size;
  const rows = entities.slice(0, size).map((node, i) => ({ cursor: encodeCursor(key.name, raw[i].page_cursor_key, node.id), node }));
  const items = backward ? rows.reverse() : rows;
  return {
    items,
    hasNextPage: backward ? Boolean(request.before) : more,
    hasPreviousPage: backward ? more : Boolean(request.after),
    startCursor: items[0]?.cursor ?? null,
    endCursor: items.at(-1)?.cursor ?? null,
    count: () => counted.getCount(),
  };
}
