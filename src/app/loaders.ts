import { DataSource } from 'typeorm';
import { createOrgLoaders } from '../modules/org/org-context';
import { createReferralLoaders } from '../modules/referrals/referrals-context';

/** One request's DataLoaders: each module's own. */
export function createLoaders(dataSource: DataSource) {
  return { ...createOrgLoaders(dataSource.manager), ...createReferralLoaders(dataSource.manager) };
}

export type Loaders = ReturnType<typeof createLoaders>;
