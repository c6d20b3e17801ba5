import { EntityManager, In } from 'typeorm';
import { ClosureRetimer } from '../../platform/calendar/closure-retimer';
import { ClosureRules } from '../../platform/calendar/closure.service';
import { BusinessFunction } from '../org/business-function.entity';
import { Caller } from '../org/caller';
import { Role } from '../org/role';

/** Closures in the hub's organisation: admins enter them, for business functions (sites); `retimers` come from the domains. */
export function closureRules(retimers: readonly ClosureRetimer[]): ClosureRules<Caller> {
  return {
    mayChangeClosures: (caller) => caller.hasRole(Role.ADMIN),
    async siteCodes(manager: EntityManager, ids: readonly string[]) {
      const functions = await manager.findBy(BusinessFunction, { id: In([...ids]) });
      return new Map(functions.map((f) => [f.id, f.code]));
    },
    retimers,
  };
}
