import { FieldNode, GraphQLResolveInfo, Kind } from 'graphql';
import { MiddlewareFn } from 'type-graphql';
import { AuditKind } from './access-audit.entity';
import { mutationAuditContext, MutationAuditContext } from './audit-context';
import { AuditedContext, auditedRequest } from './audited-request';
import { isUuid } from '../common/uuid';

/** Every UUID among the arguments (referralId, lookoutId, crossingId, id, …), at any depth. */
export function idsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string' && isUuid(value)) into.add(value.toLowerCase());
  else if (Array.isArray(value)) value.forEach((v) => idsIn(v, into));
  else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((v) => idsIn(v, into));
  return into;
}

/** The ids of what a read returned: objects with an id, in lists and connection edges. */
function idsOf(result: unknown, into: Set<string>, depth = 0): Set<string> {
  if (depth > 3 || result === null || typeof result !== 'object') return into;
  if (Array.isArray(result)) result.forEach((r) => idsOf(r, into, depth + 1));
  else {
    const record = result as Record<string, unknown>;
    if (typeof record.id === 'string') into.add(record.id);
    for (const key of ['edges', 'node', 'crossings', 'lookouts']) if (key in record) idsOf(record[key], into, depth + 1);
  }
  return into;
}

/** Input field names given (mutations) or fields selected (reads), without values. */
export function fieldNames(info: GraphQLResolveInfo, args: Record<string, unknown>, kind: AuditKind): string[] {
  if (kind === AuditKind.MUTATION) {
    return Object.entries(args).flatMap(([name, value]) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).map((key) => `${name}.${key}`) : [name],
    );
  }
  const selection = info.fieldNodes[0]?.selectionSet?.selections ?? [];
  return selection.filter((s): s is FieldNode => s.kind === Kind.FIELD).map((s) => s.name.value);
}

/**
 * The access audit for every mutation (written in its own transaction by AuditSubscriber, or here if it
 * ran none) and every read that `auditsReads` (the access policy) marks as carrying taxpayer or TECS data.
 */
export const auditMiddleware =
  (auditsReads: (operation: string) => boolean): MiddlewareFn<AuditedContext> =>
  async ({ context, info, args }, next) => {
    const request = auditedRequest(context);
    if (info.parentType.name === 'Mutation') {
      const audit: MutationAuditContext = {
        ...request,
        operation: info.fieldName,
        fields: fieldNames(info, args, AuditKind.MUTATION),
        itemIds: idsIn(args, new Set()),
        written: false,
      };
      const result = await mutationAuditContext.run(audit, () => next());
      if (!audit.written) {
        idsOf(result, audit.itemIds);
        await context.services.audit.record(request, AuditKind.MUTATION, info.fieldName, [...audit.itemIds], audit.fields);
      }
      return result;
    }
    const result = await next();
    if (auditsReads(info.fieldName)) {
      const itemIds = idsOf(result, idsIn(args, new Set()));
      // Written while the answer's fields resolve; the answer leaves once it is written (auditedAnswersPlugin).
      context.pendingAudits.add(
        context.services.audit.record(request, AuditKind.READ, info.fieldName, [...itemIds], fieldNames(info, args, AuditKind.READ)),
      );
    }
    return result;
  };
