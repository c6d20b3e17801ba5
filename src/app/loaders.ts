import { DataSource } from 'typeorm';
import { createOrgLoaders } from '../modules/org/org-context';
import { OrgService } from '../modules/org/org.service';
import { createReferralLoaders } from '../modules/referrals/referrals-context';
import { createTecsLoaders } from '../modules/tecs/tecs-reads';

function allLoaders(dataSource: DataSource, org: OrgService) {
  return {
    ...createOrgLoaders(dataSource.manager, org),
    ...createReferralLoaders(dataSource.manager),
    ...createTecsLoaders(dataSource.manager),
  };
}

export type Loaders = ReturnType<typeof allLoaders>;

/**
 * One request's DataLoaders: each module's own, made when a resolver first reaches for one (many requests use none).
 * A proxy, not getters, because Apollo copies the context object's properties when a request starts.
 */
export function createLoaders(dataSource: DataSource, org: OrgService): Loaders {
  let loaders: Loaders | undefined;
  return new Proxy({} as Loaders, { get: (_target, name) => (loaders ??= allLoaders(dataSource, org))[name as keyof Loaders] });
}
