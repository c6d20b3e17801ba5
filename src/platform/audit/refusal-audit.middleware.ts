import { MiddlewareFn, ResolverData } from 'type-graphql';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { AuditedContext } from './audited-request';
import { AuditKind, AuditOutcome } from './access-audit.entity';
import { fieldNames, idsIn } from './audit.middleware';
import { auditedRequest } from './audited-request';

export function refusalOf(error: unknown): AuditOutcome | null {
  if (error instanceof ForbiddenError) return AuditOutcome.FORBIDDEN;
  if (error instanceof NotFoundError && error.itemExists) return AuditOutcome.NOT_FOUND;
  return null;
}

/**
 * Audits a refusal, so an auditor can see who went looking: FORBIDDEN (by the policy guard or a service) and NOT_FOUND
 * for an item that exists, on operations and on guarded fields (`Referral.unmaskedTins`); then rethrows the error.
 */
export async function auditRefusal(error: unknown, { context, info, args, root }: ResolverData<AuditedContext>): Promise<never> {
  const outcome = refusalOf(error);
  if (outcome) {
    const parent = info.parentType.name;
    const operation = parent === 'Query' || parent === 'Mutation' ? info.fieldName : `${parent}.${info.fieldName}`;
    const kind = parent === 'Mutation' ? AuditKind.MUTATION : AuditKind.READ;
    const itemIds = idsIn(args, new Set());
    const refusedItemId = (root as { id?: unknown } | undefined)?.id;
    if (typeof refusedItemId === 'string') itemIds.add(refusedItemId);
    if (error instanceof NotFoundError && error.refusedItemId) itemIds.add(error.refusedItemId);
    await context.services.audit.record(auditedRequest(context), kind, operation, [...itemIds], fieldNames(info, args, kind), outcome);
  }
  throw error;
}

/** The refusal audit around an operation: outermost, so the row is written after a refused mutation's transaction rolled back and survives it. */
export const refusalAuditMiddleware: MiddlewareFn<AuditedContext> = (data, next) =>
  next().catch((error: unknown) => auditRefusal(error, data));
