import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { rowsById } from '../../platform/database/rows-by-id';
import { RequestContext } from '../../platform/graphql/request-context';
import { BusinessFunction } from './business-function.entity';
import { Caller } from './caller';
import { Employee } from './employee.entity';
import { OrgService } from './org.service';

/** Per-request batching of the people and functions every page of work names. */
export function createOrgLoaders(manager: EntityManager, org: OrgService) {
  return {
    employee: new DataLoader<string, Employee | null>(async (ids) => rowsById(await manager.findBy(Employee, { id: In([...ids]) }), ids)),
    /** From the cache of functions (a handful of rows every page names). */
    businessFunction: new DataLoader<string, BusinessFunction | null>((ids) => org.functionsOf(ids, manager)),
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
