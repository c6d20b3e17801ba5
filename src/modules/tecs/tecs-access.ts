import { Brackets, SelectQueryBuilder } from 'typeorm';
import { Caller } from '../org/caller';
import { ForbiddenError } from '../../platform/common/errors';
import { Role } from '../org/role';
import { Lookout } from './lookout.entity';
import { LookoutParty } from './lookout-lifecycle';
import { LookoutState } from './tecs-state';

/** CI sees a lookout from the moment it is sent for entry (it enters and removes it in TECS). */
const CI_STATES: readonly LookoutState[] = [
  LookoutState.WITH_CI,
  LookoutState.ACTIVE,
  LookoutState.REMOVAL_REQUESTED,
  LookoutState.REMOVAL_WITH_CI,
  LookoutState.REMOVED,
];

/**
 * TECS information is for the roles on the case only (seed 000: "Do not disclose TECS information to
 * third parties"): the TECS coordinators, the RO and GM who requested it, every GM/RO an OI of it was
 * issued to, and CI once it is sent for entry. Everyone else is FORBIDDEN.
 */
export class TecsAccess {
  partiesOf(caller: Caller, lookout: Lookout, issuedToIds: readonly string[]): Set<LookoutParty> {
    const parties = new Set<LookoutParty>();
    if (issuedToIds.includes(caller.id)) parties.add(LookoutParty.INVESTIGATOR);
    if (lookout.revenueOfficerId === caller.id) parties.add(LookoutParty.REVENUE_OFFICER);
    if (lookout.groupManagerId === caller.id) parties.add(LookoutParty.GROUP_MANAGER);
    if (caller.hasRole(Role.TECS_COORDINATOR)) parties.add(LookoutParty.COORDINATOR);
    if (caller.hasRole(Role.CRIMINAL_INVESTIGATION) && CI_STATES.includes(lookout.state)) parties.add(LookoutParty.CRIMINAL_INVESTIGATION);
    return parties;
  }

  canSee(caller: Caller, lookout: Lookout, issuedToIds: readonly string[]): boolean {
    return this.partiesOf(caller, lookout, issuedToIds).size > 0;
  }

  assertCanSee(caller: Caller, lookout: Lookout, issuedToIds: readonly string[]): void {
    if (!this.canSee(caller, lookout, issuedToIds)) throw new ForbiddenError('TECS information is only for the roles on the case');
  }

  /** The SQL twin of canSee for lists (alias `l` = lookout). */
  restrict(query: SelectQueryBuilder<Lookout>, caller: Caller): SelectQueryBuilder<Lookout> {
    if (caller.hasRole(Role.TECS_COORDINATOR)) return query;
    return query.andWhere(
      new Brackets((q) => {
        q.where('l.revenue_officer_id = :me', { me: caller.id })
          .orWhere('l.group_manager_id = :me')
          .orWhere('EXISTS (SELECT 1 FROM other_investigation oi WHERE oi.lookout_id = l.id AND oi.issued_to_ids @> ARRAY[:me]::uuid[])');
        if (caller.hasRole(Role.CRIMINAL_INVESTIGATION)) q.orWhere('l.state IN (:...ciStates)', { ciStates: CI_STATES });
      }),
    );
  }
}
