import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { TinType } from '../../platform/validation/identifiers';
import { ReferralsContext } from './referrals-context';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { ReferralContent, ReferralContentView, toContentView } from './forms/form-content';
import { ReferralCategory } from './referral-category.entity';
import { ReferralClock, runningClocks } from './referral-clocks';
import { ClockExplanation } from './referral-clock-explanation';
import { ReferralHistoryEntry } from './referral-history.entity';
import { availableActions, partiesOf } from './referral-parties';
import { tinsOf } from './forms/content-tins';
import { AuditKind } from '../../platform/audit/access-audit.entity';
import { auditedRequest } from '../../platform/audit/audited-request';
import { ForbiddenError } from '../../platform/common/errors';
import { ReferralAction } from './referral-state';
import {
  AssignReferralInput,
  CompleteReferralInput,
  ElevateReferralInput,
  FileReferralInput,
  ReferralConnection,
  ReferralFilterInput,
  ReferralTransitionInput,
  ResolveElevationInput,
  ResubmitReferralInput,
  ReturnReferralInput,
} from './referral.types';
import { Referral } from './referral.entity';
import { checkPageSize } from '../../platform/common/page-size';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';

@ObjectType({ description: 'A full TIN, shown on request and audited' })
export class UnmaskedTin {
  @Field(() => String, { description: 'Where in the content, e.g. business.ein' })
  path!: string;

  @Field(() => String)
  tin!: string;

  @Field(() => TinType)
  tinType!: TinType;
}

/** Largest page of a referral's history (and of its elevation holders). */
const MAX_HISTORY_PAGE = 500;
const MAX_CATEGORY_PAGE = 500;
/** A 14566 carries an EIN and an SSN; a 4442 or 3210 one TIN. */
const MAX_TINS_PER_REFERRAL = 2;

/** Thin: translates GraphQL to ReferralService / ReferralQueryService calls. */
@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral)
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: ReferralsContext): Promise<Referral> {
    return ctx.services.referrals.get(ctx.caller, id);
  }

  @Query(() => ReferralConnection, { description: 'Referrals visible to the caller, newest first', complexity: pageCost })
  async referrals(
    @Ctx() ctx: ReferralsContext,
    @Arg('filter', () => ReferralFilterInput, { nullable: true }) filter?: ReferralFilterInput,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ReferralConnection> {
    const page = await ctx.services.referralQueries.list(ctx.caller, filter ?? {}, first, after ?? null, ctx.clock.now());
    return { edges: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Query(() => [Referral], { description: 'What the caller must act on now, soonest due first', complexity: pageCost })
  myWorkQueue(@Ctx() ctx: ReferralsContext, @Arg('first', () => Int, { defaultValue: 50 }) first = 50): Promise<Referral[]> {
    return ctx.services.referralQueries.workQueue(ctx.caller, first);
  }

  @Query(() => [ReferralHistoryEntry], {
    description: `The referral's history, oldest first; first: at most ${MAX_HISTORY_PAGE}`,
    complexity: pageCost,
  })
  referralHistory(
    @Arg('referralId', () => ID) referralId: string,
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<ReferralHistoryEntry[]> {
    return ctx.services.referrals.history(ctx.caller, referralId, checkPageSize(first, MAX_HISTORY_PAGE));
  }

  @Query(() => [ReferralCategory], {
    description: `Form 4442 categories (queues) of IRM 25.25.6; first: at most ${MAX_CATEGORY_PAGE}`,
    complexity: pageCost,
  })
  referralCategories(
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<ReferralCategory[]> {
    return ctx.services.categories.list(checkPageSize(first, MAX_CATEGORY_PAGE));
  }

  @Mutation(() => Referral, { description: "File a referral with your own function's BMF ID theft liaison" })
  fileReferral(@Arg('input', () => FileReferralInput) input: FileReferralInput, @Ctx() ctx: ReferralsContext): Promise<Referral> {
    return ctx.services.referrals.file(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originating liaison: back to the originator as incomplete' })
  returnReferralIncomplete(
    @Arg('input', () => ReturnReferralInput) input: ReturnReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.returnIncomplete(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originator: send a returned referral again' })
  resubmitReferral(
    @Arg('input', () => ResubmitReferralInput) input: ResubmitReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.resubmit(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originating liaison: send a complete referral to the receiving function' })
  forwardReferral(
    @Arg('input', () => ReferralTransitionInput) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.forward(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Receiving liaison: back to the originating liaison as incomplete' })
  returnReferralToOriginatingLiaison(
    @Arg('input', () => ReturnReferralInput) input: ReturnReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.returnToOriginatingLiaison(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Receiving liaison: acknowledge receipt' })
  acknowledgeReferral(
    @Arg('input', () => ReferralTransitionInput) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.acknowledge(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Receiving liaison: assign (or reassign) to an employee of the function' })
  assignReferral(@Arg('input', () => AssignReferralInput) input: AssignReferralInput, @Ctx() ctx: ReferralsContext): Promise<Referral> {
    return ctx.services.referrals.assign(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Assigned employee: document the actions taken and return it' })
  completeReferral(
    @Arg('input', () => CompleteReferralInput) input: CompleteReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.complete(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'RIVO: return a 4442/3210 to the sender, "no TPP involvement"' })
  returnReferralNoTppInvolvement(
    @Arg('input', () => ReferralTransitionInput) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.returnNoTppInvolvement(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originator: close a completed referral' })
  closeReferral(
    @Arg('input', () => ReferralTransitionInput) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.close(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originator: withdraw before acknowledgment' })
  withdrawReferral(
    @Arg('input', () => ReferralTransitionInput) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.withdraw(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Elevate a disagreement one level: liaisons, then each management chain' })
  elevateReferral(@Arg('input', () => ElevateReferralInput) input: ElevateReferralInput, @Ctx() ctx: ReferralsContext): Promise<Referral> {
    return ctx.services.referrals.elevate(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Whoever the disagreement sits with: record the resolution' })
  resolveReferralElevation(
    @Arg('input', () => ResolveElevationInput) input: ResolveElevationInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.resolveElevation(ctx.caller, input);
  }

  @FieldResolver(() => ReferralContent, { description: 'Form-specific content; TINs masked to the last four digits' })
  content(@Root() referral: Referral): ReferralContentView {
    return toContentView(referral.content);
  }

  @FieldResolver(() => [UnmaskedTin], {
    description: 'The full TINs: for parties to the referral only, and every use is audited',
    complexity: boundedListCost(MAX_TINS_PER_REFERRAL),
  })
  async unmaskedTins(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<UnmaskedTin[]> {
    if (partiesOf(ctx.caller, referral).size === 0) throw new ForbiddenError('Only parties to the referral may see its full TINs');
    const tins = tinsOf(referral.content);
    await ctx.services.audit.record(
      auditedRequest(ctx),
      AuditKind.UNMASK,
      'Referral.unmaskedTins',
      [referral.id],
      tins.map((t) => t.path),
    );
    return tins;
  }

  @FieldResolver(() => Employee)
  async originator(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<Employee | null> {
    return ctx.loaders.employee.load(referral.originatorId);
  }

  @FieldResolver(() => Employee, { nullable: true })
  async assignee(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<Employee | null> {
    return referral.assigneeId ? ctx.loaders.employee.load(referral.assigneeId) : null;
  }

  @FieldResolver(() => BusinessFunction)
  originatingFunction(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<BusinessFunction | null> {
    return ctx.loaders.businessFunction.load(referral.originatingFunctionId);
  }

  @FieldResolver(() => BusinessFunction)
  receivingFunction(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<BusinessFunction | null> {
    return ctx.loaders.businessFunction.load(referral.receivingFunctionId);
  }

  @FieldResolver(() => ReferralCategory, { nullable: true, description: 'Form 4442 category' })
  async category(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<ReferralCategory | null> {
    return referral.categoryCode ? ctx.loaders.category.load(referral.categoryCode) : null;
  }

  @FieldResolver(() => [Employee], {
    description: `Who an elevated disagreement sits with now; first: at most ${MAX_HISTORY_PAGE}`,
    complexity: pageCost,
  })
  async elevationHolders(
    @Root() referral: Referral,
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): Promise<Employee[]> {
    const holders = await ctx.loaders.employee.loadMany(referral.elevationHolderIds.slice(0, checkPageSize(first, MAX_HISTORY_PAGE)));
    return holders.filter((holder): holder is Employee => holder instanceof Employee);
  }

  @FieldResolver(() => [ReferralHistoryEntry], {
    description: `Oldest first; first: at most ${MAX_HISTORY_PAGE} (historyCount says how many there are)`,
    complexity: pageCost,
  })
  async history(
    @Root() referral: Referral,
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): Promise<ReferralHistoryEntry[]> {
    // The parent referral was already checked for visibility; batch the histories of a page.
    return (await ctx.loaders.history.load(referral.id)).slice(0, checkPageSize(first, MAX_HISTORY_PAGE));
  }

  @FieldResolver(() => Int)
  historyCount(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<number> {
    return ctx.loaders.historyCount.load(referral.id);
  }

  @FieldResolver(() => [ReferralAction], { description: 'What the caller may do with it now' })
  availableActions(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): ReferralAction[] {
    return availableActions(ctx.caller, referral);
  }

  @FieldResolver(() => [ClockExplanation], {
    description:
      'For each running clock, soonest due first: how its due time was computed, which days were counted and which were ' +
      'skipped as weekend, federal holiday or closure, in the time zone of the function that must act',
    complexity: boundedListCost(Object.keys(ReferralClock).length),
  })
  clockExplanation(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<ClockExplanation[]> {
    return ctx.services.referrals.explainClocks(referral);
  }

  @FieldResolver(() => ReferralClock, { nullable: true, description: 'The running clock due soonest' })
  currentClock(@Root() referral: Referral): ReferralClock | null {
    return runningClocks(referral.state, referral)[0]?.kind ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seconds until the current clock is due; negative when overdue' })
  secondsRemaining(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): number | null {
    const next = runningClocks(referral.state, referral)[0];
    return next ? Math.floor((next.dueAt.getTime() - ctx.clock.now().getTime()) / 1000) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Some running clock has passed its due time' })
  overdue(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): boolean {
    return this.overdueClocks(referral, ctx).length > 0;
  }

  @FieldResolver(() => Boolean)
  reviewOverdue(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): boolean {
    return this.overdueClocks(referral, ctx).includes(ReferralClock.REVIEW);
  }

  @FieldResolver(() => Boolean)
  ackOverdue(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): boolean {
    return this.overdueClocks(referral, ctx).includes(ReferralClock.ACKNOWLEDGMENT);
  }

  @FieldResolver(() => Boolean)
  completionOverdue(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): boolean {
    return this.overdueClocks(referral, ctx).includes(ReferralClock.COMPLETION);
  }

  private overdueClocks(referral: Referral, ctx: ReferralsContext): ReferralClock[] {
    const now = ctx.clock.now().getTime();
    return runningClocks(referral.state, referral)
      .filter((clock) => clock.dueAt.getTime() < now)
      .map((clock) => clock.kind);
  }
}

@Resolver(() => ReferralHistoryEntry)
export class ReferralHistoryResolver {
  @FieldResolver(() => Employee, { nullable: true, description: 'null when the hub itself acted (SLA breach, escalation)' })
  async actor(@Root() entry: ReferralHistoryEntry, @Ctx() ctx: ReferralsContext): Promise<Employee | null> {
    return entry.actorId ? ctx.loaders.employee.load(entry.actorId) : null;
  }
}
