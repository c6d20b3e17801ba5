import { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * What each list field of the schema costs, so an operation is priced at what it can return (the schema
 * test fails for a list of objects without one of these). Other fields cost 1.
 */

/** The arguments a page's cost reads. */
export const PAGE_SIZE_ARGUMENTS = ['first', 'last'];

/** A paged list: its page size (`first`, or `last` paging backward, bounded by the field's resolver) times what each element selects. */
export function pageCost({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const given = PAGE_SIZE_ARGUMENTS.map((name) => args[name]).filter((size): size is number => typeof size === 'number' && size > 0);
  const size = given.length ? Math.max(...given) : 20;
  return 1 + size * Math.max(childComplexity, 1);
}

/** A list whose length input validation bounds (e.g. at most 100 affected returns): priced at that worst case. */
export function boundedListCost(maxItems: number): ComplexityEstimator {
  return ({ childComplexity }) => 1 + maxItems * Math.max(childComplexity, 1);
}

/** A list paged by its parent's `first` (connection edges, the coordinator's queue): the parent multiplies. */
export function pagedByParent({ childComplexity }: ComplexityEstimatorArgs): number {
  return Math.max(childComplexity, 1);
}
