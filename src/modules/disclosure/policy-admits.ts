import { ACCESS_POLICY, rolesAllow } from '../auth/access-policy';
import { Caller } from '../org/caller';

/** Whether the access policy lets the caller call the operation at all: the policy guard's check, so a listed action is never refused by it. */
export const policyAdmits = (operation: string, caller: Caller): boolean => rolesAllow(ACCESS_POLICY[operation], caller.employee.roles);
