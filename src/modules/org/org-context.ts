import { EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { CacheFirstLoader } from '../../platform/live/cache-first-loader';
import { RequestContext } from '../../platform/graphql/request-context';
import { BusinessFunction } from './business-function.entity';
import { Caller } from './caller';
import { Employee } from './employee.entity';
import { OrgService } from './org.service';

/** The people and functions every page of work names: from the shared caches, the rest batched per request. */
export function createOrgLoaders(manager: EntityManager, org: OrgService) {
  return {
    employee: new CacheFirstLoader<Employee | null>(org.employeeById, (ids) => org.employeesById(ids, manager)),
    businessFunction: new CacheFirstLoader<BusinessFunction | null>(org.functionById, (ids) => org.functionsOf(ids, manager)),
  };
}

export type OrgLoaders = ReturnType<typeof createOrgLoaders>;

/** What the org resolvers read of a request's context; the other modules' contexts extend it. */
export interface OrgContext extends RequestContext {
  caller: Caller;
  clock: Clock;
  services: { org: OrgService };
  loaders: OrgLoaders;
}
