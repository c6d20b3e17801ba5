import { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** A list field costs its page size (`first`, default 20) times what each element selects. */
export function pageCost({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 20;
  return 1 + first * Math.max(childComplexity, 1);
}
