import { MiddlewareFn } from 'type-graphql';
import { AuditedContext } from '../../platform/audit/audited-request';
import { Caller } from '../org/caller';
import { auditMiddleware } from '../../platform/audit/audit.middleware';
import { refusalAuditMiddleware } from '../../platform/audit/refusal-audit.middleware';
import { ACCESS_POLICY } from './access-policy';
import { policyGuard } from './policy.guard';
import { inputGuard } from '../../platform/graphql/input.guard';

/**
 * What runs around every query and mutation (app/schema.ts puts it around each root field, so none is left without
 * it): the refusal audit (outermost, so it sees the guards' refusals too), the access policy, the argument guard and
 * the access audit.
 */
export const OPERATION_MIDDLEWARE: MiddlewareFn<AuditedContext & { caller: Caller }>[] = [
  refusalAuditMiddleware,
  policyGuard,
  inputGuard,
  auditMiddleware((operation) => ACCESS_POLICY[operation]?.auditReads === true),
];
