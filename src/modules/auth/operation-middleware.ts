import { auditMiddleware } from '../../platform/audit/audit.middleware';
import { refusalAuditMiddleware } from '../../platform/audit/refusal-audit.middleware';
import { ACCESS_POLICY } from './access-policy';
import { policyGuard } from './policy.guard';
import { inputGuard } from '../../platform/graphql/input.guard';

/**
 * What runs around every query and mutation: the refusal audit (outermost, so it sees the guards' refusals too),
 * the access policy, the argument guard and the access audit.
 * Put on each resolver class that declares operations (`@UseMiddleware(...OPERATION_MIDDLEWARE)`) rather than
 * globally, so plain fields do not pay for it; the access-matrix test fails for any operation left without it.
 */
export const OPERATION_MIDDLEWARE = [
  refusalAuditMiddleware,
  policyGuard,
  inputGuard,
  auditMiddleware((operation) => ACCESS_POLICY[operation]?.auditReads === true),
];
