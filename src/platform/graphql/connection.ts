import { ArgsType, ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Order, Page, PageRequest, SortDirection } from '../database/keyset-page';
import { pagedByParent } from './page-cost';

/**
 * The one shape of every list that can grow (the Relay cursor connection spec): `XConnection` with
 * edges, nodes, pageInfo and totalCount, `XEdge` with cursor and node, and the `first/after/last/before`
 * arguments. A list field adds its own `orderBy` made by `OrderInput`.
 */

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending (earliest, lowest first) or descending',
  valuesConfig: { ASC: { description: 'Earliest or lowest first' }, DESC: { description: 'Latest or highest first' } },
});

@ObjectType({ description: 'Where a page of a connection sits in the whole list (the Relay cursor connection spec)' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last edge (paging backward: whether `before` was given)' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items come before the first edge (paging forward: whether `after` was given)' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The first edge's cursor (null for an empty page): pass as `before` for the page before",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor (null for an empty page): pass as `after` for the page after",
  })
  endCursor!: string | null;
}

/** The paging arguments of every connection field; the field's resolver bounds the page size (its description says how far). */
@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, {
    nullable: true,
    description: "The first n items after `after` (default 20, at most the list's page limit); not with `last`",
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Start after the edge with this cursor (a cursor is valid only in the order it came from)',
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "The last n items before `before` (at most the list's page limit); not with `first`" })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'End before the edge with this cursor (a cursor is valid only in the order it came from)',
  })
  before?: string | null;
}

/**
 * `{ field: <fields>!, direction: SortDirection! }`: how a client asks for a list's order; a module declares
 * `@InputType({ description }) class XOrderInput extends OrderInput(XSortField) {}`.
 */
export function OrderInput<F extends string>(fields: Record<string, F>) {
  @InputType()
  abstract class OrderInputClass implements Order<F> {
    @Field(() => fields, { description: 'What to order by' })
    field!: F;

    @Field(() => SortDirection, { description: 'Ascending or descending' })
    direction!: SortDirection;
  }
  return OrderInputClass;
}

/**
 * `<name>Connection` and `<name>Edge` for items of `Node` (a type-graphql generic type): a module declares
 * `@ObjectType() class XConnection extends Connection(X, 'X') {}` and answers `XConnection.of(page)`.
 * `totalCount` runs the page's count query only when it is selected.
 */
export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a connection page, with its cursor` })
  class Edge {
    @Field(() => String, { description: 'Opaque; tied to the order the page was read in' })
    cursor!: string;

    @Field(() => Node, { description: `The ${name}` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [Edge], { complexity: pagedByParent, description: 'The page, in the order asked, each with its cursor' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where the page sits in the whole list' })
    pageInfo!: PageInfo;

    /** Counts every item of the list the caller may see; run only if `totalCount` is selected. */
    count!: () => Promise<number>;

    @Field(() => [Node], { complexity: pagedByParent, description: 'The same items as `edges`, without cursors' })
    nodes(): T[] {
      return this.edges.map((edge) => edge.node);
    }

    @Field(() => Int, { description: 'How many items the whole list holds (every page together; only what the caller may see)' })
    totalCount(): Promise<number> {
      return this.count();
    }

    /** The connection answering one page. */
    static of<C extends ConnectionClass>(this: new () => C, page: Page<T>): C {
      const { items, count, ...pageInfo } = page;
      return Object.assign(new this(), { edges: items, pageInfo, count });
    }
  }
  return ConnectionClass;
}
