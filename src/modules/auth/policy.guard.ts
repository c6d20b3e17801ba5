import { MiddlewareFn } from 'type-graphql';
import { ForbiddenError } from '../../platform/common/errors';
import { Caller } from '../org/caller';
import { ACCESS_POLICY, rolesAllow } from './access-policy';

/**
 * Applies ACCESS_POLICY to every root query and mutation before it runs. An operation with no policy is
 * refused (fail closed). The relation to the item is checked by the service, which has the item.
 */
export const policyGuard: MiddlewareFn<{ caller: Caller }> = async ({ context, info }, next) => {
  const policy = ACCESS_POLICY[info.fieldName];
  if (!policy) throw new ForbiddenError(`No access policy covers ${info.fieldName}`);
  if (!rolesAllow(policy, context.caller.employee.roles)) throw new ForbiddenError(`You may not call ${info.fieldName}`);
  return next();
};
