import { UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, InputType, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { AuditedContext } from '../../platform/audit/audited-request';
import { pageCost } from '../../platform/graphql/page-cost';
import { AccessAuditEntry, AuditKind, AuditOutcome } from '../../platform/audit/access-audit.entity';
import { AuditSortField, MAX_AUDIT_PAGE, NEWEST_AUDIT_FIRST } from '../../platform/audit/access-audit.service';
import { Connection, OrderInput, PageArgs } from '../../platform/graphql/connection';
import { Employee } from '../org/employee.entity';
import { OrgContext } from '../org/org-context';
import { Loaded } from '../../platform/live/cache-first-loader';

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

registerEnumType(AuditSortField, {
  name: 'AccessAuditSortField',
  description: 'What the access audit is ordered by (ties broken by id)',
  valuesConfig: { AT: { description: 'When the access happened (UTC instant)' } },
});

@InputType({ description: 'The order of the access audit (ties broken by id)' })
export class AccessAuditOrderInput extends OrderInput(AuditSortField) {}

@ObjectType({ description: 'A page of the access audit (the Relay cursor connection spec)' })
export class AccessAuditEntryConnection extends Connection(AccessAuditEntry, 'AccessAuditEntry') {}

@Resolver()
export class AccessAuditResolver {
  @Query(() => AccessAuditEntryConnection, {
    description: `Admins and auditors: the access audit, newest first by default; a page holds at most ${MAX_AUDIT_PAGE} (all of it: /exports/access-audit.csv)`,
    complexity: pageCost,
  })
  async accessAudit(
    @Ctx() ctx: AuditedContext,
    @Arg('filter', () => AccessAuditFilter, { nullable: true, description: 'Only entries matching all that is given' })
    filter: AccessAuditFilter | undefined,
    @Arg('orderBy', () => AccessAuditOrderInput, { nullable: true, description: 'The order (default: newest first)' })
    orderBy: AccessAuditOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<AccessAuditEntryConnection> {
    return AccessAuditEntryConnection.of(await ctx.services.audit.list(filter ?? {}, orderBy ?? NEWEST_AUDIT_FIRST, page));
  }
}

/** Who made an access, by name: the people of one page are read in one statement (the request's org DataLoader). */
@Resolver(() => AccessAuditEntry)
export class AccessAuditEntryResolver {
  @FieldResolver(() => Employee, {
    nullable: true,
    description: 'The employee who called (name, e-mail, function); null when no employee could be identified',
  })
  actor(@Root() entry: AccessAuditEntry, @Ctx() ctx: OrgContext): Loaded<Employee | null> {
    return entry.actorId ? ctx.loaders.employee.load(entry.actorId) : null;
  }
}
