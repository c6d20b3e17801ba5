import { HubContext } from '../../app/context';
import { AuditedRequest } from './access-audit.service';

/** Who is asking, from where, in which request: the facts every audit row carries. */
export function auditedRequest(ctx: HubContext): AuditedRequest {
  return { actorId: ctx.caller.id, requestId: ctx.request.id, clientAddress: ctx.request.clientAddress };
}
