import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, InputType, Int, Query, Resolver, UseMiddleware } from 'type-graphql';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { AuditedContext } from '../../platform/audit/audited-request';
import { pageCost } from '../../platform/graphql/page-cost';
import { AccessAuditEntry, AuditKind, AuditOutcome } from '../../platform/audit/access-audit.entity';
import { MAX_AUDIT_PAGE } from '../../platform/audit/access-audit.service';

@InputType({ description: 'Conditions on the access audit; every condition given must hold' })
export class AccessAuditFilter {
  @Field(() => UUIDResolver, { nullable: true, description: 'Only accesses by this employee (UUID)' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Any item id: referral, lookout, crossing, OI' })
  itemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this GraphQL operation (root field), e.g. unmaskedTins' })
  operation?: string | null;

  @Field(() => AuditKind, { nullable: true, description: 'Only reads, changes or full TINs shown' })
  kind?: AuditKind | null;

  @Field(() => AuditOutcome, { nullable: true, description: 'ALLOWED, or the refusals: FORBIDDEN, NOT_FOUND' })
  outcome?: AuditOutcome | null;

  @Field(() => Date, { nullable: true, description: 'Only accesses at or after this instant (UTC)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only accesses before this instant (UTC)' })
  to?: Date | null;
}

@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver()
export class AccessAuditResolver {
  @Query(() => [AccessAuditEntry], {
    description: `Admins and auditors: the access audit, newest first; first: at most ${MAX_AUDIT_PAGE} (all of it: /exports/access-audit.csv)`,
    complexity: pageCost,
  })
  accessAudit(
    @Ctx() ctx: AuditedContext,
    @Arg('filter', () => AccessAuditFilter, { nullable: true }) filter?: AccessAuditFilter,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<AccessAuditEntry[]> {
    return ctx.services.audit.list(filter ?? {}, first);
  }
}
