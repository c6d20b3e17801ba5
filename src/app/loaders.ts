import { DataSource } from 'typeorm';
import { createOrgLoaders } from '../modules/org/org-context';
import { createReferralLoaders } from '../modules/referrals/referrals-context';
import { createTecsLoaders } from '../modules/tecs/tecs-reads';

/** One request's DataLoaders: each module's own. */
export function createLoaders(dataSource: DataSource) {
  return {
    ...createOrgLoaders(dataSource.manager),
    ...createReferralLoaders(dataSource.manager),
    ...createTecsLoaders(dataSource.manager),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
