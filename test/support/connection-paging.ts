import { dataOf, TestHub } from './hub';

/** One connection field as one caller reads it. */
export interface ConnectionRead {
  /** The caller's employee id. */
  as: string;
  /** The query field, e.g. `lookouts`. */
  field: string;
  /** Further arguments as GraphQL text, e.g. `functionId: "…"`. */
  args?: string;
  /** The `orderBy` argument and its input type. */
  orderBy?: { type: string; value: Record<string, unknown> };
  /** The node fields to return (default `id`). */
  select?: string;
}

interface PageOf {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
  nodes: Record<string, any>[];
}

function pageQuery(read: ConnectionRead): string {
  const orderVariable = read.orderBy ? `, $orderBy: ${read.orderBy.type}` : '';
  const args = [
    'first: $first',
    'after: $after',
    'last: $last',
    'before: $before',
    read.orderBy ? 'orderBy: $orderBy' : '',
    read.args ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  return `query($first: Int, $after: String, $last: Int, $before: String${orderVariable}) { list: ${read.field}(${args}) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } nodes { id ${read.select ?? ''} } } }`;
}

/** One page; fails on any GraphQL error. */
export async function readPage(hub: TestHub, read: ConnectionRead, window: Record<string, unknown>): Promise<PageOf> {
  return dataOf(await hub.request(read.as, pageQuery(read), { ...window, orderBy: read.orderBy?.value })).list as PageOf;
}

/** What every page must be, whichever way it was read (the Relay cursor connection spec). */
function expectWellFormed(page: PageOf, size: number, total: number): void {
  expect(page.totalCount).toBe(total);
  expect(page.edges.length).toBeLessThanOrEqual(size);
  expect(page.nodes.map((node) => node.id)).toEqual(page.edges.map((edge) => edge.node.id));
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
}

/**
 * Reads every page of `read` one way: forward from the start (`first`/`after`) or backward from the end
 * (`last`/`before`), checking each page; returns the items in list order.
 */
async function walk(hub: TestHub, read: ConnectionRead, size: number, total: number, backward: boolean): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await readPage(hub, read, backward ? { last: size, before: cursor } : { first: size, after: cursor });
    expectWellFormed(page, size, total);
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = page.pageInfo;
    // Behind the page: whether a cursor was given; ahead of it: whether more follow (then the page is full).
    expect(backward ? hasNextPage : hasPreviousPage).toBe(cursor !== null);
    const more = backward ? hasPreviousPage : hasNextPage;
    if (more) expect(page.edges).toHaveLength(size);
    if (backward) items.unshift(...page.nodes);
    else items.push(...page.nodes);
    if (!more) return items;
    cursor = backward ? startCursor : endCursor;
  }
}

/**
 * Pages `read` forward to the end (`first`/`after`) and back to the start (`last`/`before`) in pages of
 * `size`, checking the spec's invariants on every page: nodes and edges agree, start/endCursor are the
 * first and last edge's, hasPreviousPage (forward) and hasNextPage (backward) say whether a cursor was
 * given, every page but the last is full, no item twice and none missing, the same items in the same order
 * both ways, and totalCount is the number of items seen. Returns the nodes in order.
 */
export async function pageBothWays(hub: TestHub, read: ConnectionRead, size = 2): Promise<Record<string, any>[]> {
  const total = (await readPage(hub, read, { first: 1 })).totalCount;
  const forward = await walk(hub, read, size, total, false);
  const backward = await walk(hub, read, size, total, true);
  const ids = forward.map((node) => node.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(total);
  expect(backward.map((node) => node.id)).toEqual(ids);
  return forward;
}
