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

/** One column of a sort order: a never-null SQL expression and its SQL type (a cursor carries its value as the database prints it). */
export interface SortColumn {
  expression: string;
  sqlType: 'timestamptz' | 'date' | 'text' | 'boolean';
}

/** A named sort order: its columns, compared together as a row, then the row's id (ties broken by id). */
export interface SortKey {
  name: string;
  columns: readonly SortColumn[];
  /** The SQL type of the table's id (default uuid). */
  idSqlType?: 'uuid' | 'bigint';
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** The order a client asks a list in: `field` one of the list's sort fields (an enum, each naming a SortKey). */
export interface Order<F> {
  field: F;
  direction: SortDirection;
}

/** A sort key read in one direction. */
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

type CursorField = 'after' | 'before';

/** A validated page request: its size, its direction of reading, and the decoded cursors that bound it. */
export interface PageWindow {
  size: number;
  backward: boolean;
  bounds: { field: CursorField; values: string[]; id: string }[];
}

const DEFAULT_PAGE_SIZE = 20;

function encodeCursor(sort: string, values: string[], id: string): string {
  return Buffer.from(JSON.stringify([sort, values, id])).toString('base64url');
}

function decodeCursor(cursor: string, key: SortKey, field: CursorField): { values: string[]; id: string } {
  try {
    const [given, values, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const valid =
      given === key.name &&
      Array.isArray(values) &&
      values.length === key.columns.length &&
      values.every((value) => typeof value === 'string') &&
      typeof id === 'string';
    if (valid) return { values: values as string[], id };
  } catch {
    // answered below
  }
  throw InvalidInputError.single(field, 'is not a cursor from this list in this order');
}

/** Checks `first`/`last` (1..max, not both) and decodes `after`/`before` for `key`: BAD_USER_INPUT naming the argument otherwise. */
export function pageWindow(request: PageRequest, key: SortKey, max: number): PageWindow {
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
  const bounds = (['after', 'before'] as const).flatMap((field) => {
    const cursor = request[field];
    return cursor ? [{ field, ...decodeCursor(cursor, key, field) }] : [];
  });
  const backward = request.last != null;
  return { size: backward ? request.last! : (request.first ?? DEFAULT_PAGE_SIZE), backward, bounds };
}

/** The direction the rows are read in SQL: the order's, reversed when paging backward (the page is turned round after). */
function readDirection(window: PageWindow, order: SortOrder): SortDirection {
  return window.backward === (order.direction === SortDirection.ASC) ? SortDirection.DESC : SortDirection.ASC;
}

/**
 * The SQL condition that keeps the rows strictly between the window's cursors, by row comparison on
 * (sort columns, id) so an index on those columns bounds the scan; `TRUE` without cursors. It may sit
 * in several parts of one statement (e.g. each branch of a union): its parameters are the same.
 */
function keysetCondition(window: PageWindow, order: SortOrder, idExpression: string): { sql: string; parameters: Record<string, string> } {
  const parameters: Record<string, string> = {};
  const conditions = window.bounds.map(({ field, values, id }) => {
    const later = (field === 'after') === (order.direction === SortDirection.ASC);
    const names = values.map((value, i) => {
      parameters[`page_${field}_${i}`] = value;
      return `CAST(:page_${field}_${i} AS ${order.key.columns[i].sqlType})`;
    });
    parameters[`page_${field}_id`] = id;
    const columns = order.key.columns.map((column) => column.expression);
    return `(${[...columns, idExpression].join(', ')}) ${later ? '>' : '<'} (${[...names, `CAST(:page_${field}_id AS ${order.key.idSqlType ?? 'uuid'})`].join(', ')})`;
  });
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', parameters };
}

/**
 * The page from rows read in `readDirection` order, up to `size + 1` of them, each with its sort values as
 * the database prints them (at full precision, so a cursor compares exactly). Paging forward,
 * `hasPreviousPage` is whether `after` was given (the row it points at is still before the page), and
 * paging backward `hasNextPage` is whether `before` was: the spec allows both.
 */
function pageOf<T extends { id: string }>(
  rows: { node: T; values: string[] }[],
  window: PageWindow,
  key: SortKey,
  count: () => Promise<number>,
): Page<T> {
  const more = rows.length > window.size;
  const read = rows.slice(0, window.size).map(({ node, values }) => ({ cursor: encodeCursor(key.name, values, node.id), node }));
  const items = window.backward ? read.reverse() : read;
  const given = (field: CursorField) => window.bounds.some((bound) => bound.field === field);
  return {
    items,
    hasNextPage: window.backward ? given('before') : more,
    hasPreviousPage: window.backward ? more : given('after'),
    startCursor: items[0]?.cursor ?? null,
    endCursor: items.at(-1)?.cursor ?? null,
    count,
  };
}

/**
 * A page of `query` by keyset (seek) paging on (sort columns, id): `first`/`after` forward, `last`/`before`
 * backward, both cursors together bound a window. A page reads `size + 1` rows in the order's direction,
 * however deep it is (no OFFSET). A cursor names its sort order, so it is refused in another. The count
 * (every row of `query`) runs only when asked for.
 */
export function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  order: SortOrder,
  request: PageRequest,
  maxSize: number,
): Promise<Page<T>> {
  const counted = query.clone();
  return readPage(query, order, pageWindow(request, order.key, maxSize), () => counted.getCount());
}

/**
 * What a page's statement adds when it is written as SQL text (`readPageRows`): the window's bound (`where`, with its
 * `parameters`), the sort values as text for the cursors (`cursorColumns`, for the select list), the reading
 * `direction` and its `orderBy`, and the `limit` (one row past the page).
 */
export interface PageReading {
  where: string;
  parameters: Record<string, string>;
  cursorColumns: string;
  /** The direction the rows are read in (`readDirection`). */
  direction: SortDirection;
  orderBy: string;
  limit: number;
}

/** The name a page's statement gives the `i`th sort value as text, which the cursors are made of. */
const cursorColumn = (i: number) => `page_cursor_${i}`;

/** The parts a page's SQL statement needs, its rows named `alias` (the statement around them is the caller's). */
export function pageReading(order: SortOrder, window: PageWindow, alias: string): PageReading {
  const bound = keysetCondition(window, order, `${alias}.id`);
  const direction = readDirection(window, order);
  return {
    where: bound.sql,
    parameters: bound.parameters,
    cursorColumns: order.key.columns.map((column, i) => `(${column.expression})::text AS ${cursorColumn(i)}`).join(', '),
    direction,
    orderBy: [...order.key.columns.map((column) => `(${column.expression}) ${direction}`), `${alias}.id ${direction}`].join(', '),
    limit: window.size + 1,
  };
}

/** The page from the rows of a statement built with `pageReading`: `node` makes each row's item, the cursors come from its sort values. */
export function readPageRows<T extends { id: string }>(
  rows: Record<string, unknown>[],
  node: (row: Record<string, unknown>, index: number) => T,
  order: SortOrder,
  window: PageWindow,
  count: () => Promise<number>,
): Page<T> {
  const read = rows.map((row, i) => ({ node: node(row, i), values: order.key.columns.map((_, c) => row[cursorColumn(c)] as string) }));
  return pageOf(read, window, order.key, count);
}

/** `keysetPage` for a query that already holds the window's bounds where they matter (e.g. inside each branch of a union). */
export async function readPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  order: SortOrder,
  window: PageWindow,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const reading = pageReading(order, window, query.alias);
  query.andWhere(reading.where, reading.parameters).orderBy();
  order.key.columns.forEach((column, i) => {
    query
      // In parentheses, so TypeORM never takes `alias.column` for the entity's own property (which it would then not fill).
      .addSelect(`(${column.expression})`, `page_sort_${i}`)
      .addSelect(`(${column.expression})::text`, cursorColumn(i))
      .addOrderBy(`page_sort_${i}`, reading.direction);
  });
  const { entities, raw } = await query
    .addOrderBy(`${query.alias}.id`, reading.direction)
    .limit(reading.limit)
    .getRawAndEntities<Record<string, string>>();
  return readPageRows(raw, (_, i) => entities[i], order, window, count);
}
