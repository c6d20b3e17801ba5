import { MiddlewareFn } from 'type-graphql';
import { ForbiddenError } from '../common/errors';
import { Role } from '../org/role';
import { HubContext } from './context';

/** What the DHS interface (a machine client) may call: nothing but crossing reports. */
const MACHINE_CLIENT_OPERATIONS: ReadonlySet<string> = new Set(['reportCrossing']);

/** Runs on every field; only root fields are checked, so a permitted operation's result still resolves. */
export const machineClientGuard: MiddlewareFn<HubContext> = ({ context, info }, next) => {
  const isRoot = info.parentType.name === 'Query' || info.parentType.name === 'Mutation';
  if (isRoot && context.caller.hasRole(Role.DHS_INTERFACE) && !MACHINE_CLIENT_OPERATIONS.has(info.fieldName)) {
    throw new ForbiddenError('The DHS interface may only report crossings');
  }
  return next();
};
