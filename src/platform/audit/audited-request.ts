import { RequestContext } from '../graphql/request-context';
import { AccessAuditService, AuditedRequest } from './access-audit.service';
import { PendingAudits } from './pending-audits';

/** What the audit middlewares need of a request's context: who, from where, and the audit to write to. */
export interface AuditedContext extends RequestContext {
  services: { audit: AccessAuditService };
  /** Read audit rows being written while the answer resolves; the answer waits for them. */
  pendingAudits: PendingAudits;
}

/** Who is asking, from where, in which request: the facts every audit row carries. */
export function auditedRequest(ctx: RequestContext): AuditedRequest {
  return { actorId: ctx.caller.id, requestId: ctx.request.id, clientAddress: ctx.request.clientAddress };
}
