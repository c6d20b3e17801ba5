import { UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { TinType } from '../../platform/validation/identifiers';
import { ReferralsContext } from './referrals-context';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { ReferralContent, ReferralContentView, toContentView } from './forms/form-content';
import { ReferralCategory } from './referral-category.entity';
import { completionTimeFrameOf } from './referral-clocks';
import { ReferralForm } from './forms/referral-form';
import { ReferralClock, runningClocks } from './referral-clocks';
import { ClockExplanation } from './referral-clock-explanation';
import { ReferralHistoryEntry } from './referral-history.entity';
import { availableActions, partiesOf } from './referral-parties';
import { tinsOf } from './forms/content-tins';
import { AuditKind } from '../../platform/audit/access-audit.entity';
import { auditedRequest } from '../../platform/audit/audited-request';
import { ForbiddenError } from '../../platform/common/errors';
import { ReferralAction } from './referral-state';
import { MAX_RESOLUTION_CODES, MISROUTE_CODES, purposeOf, resolutionRuleOf } from './resolution-codes';
import { ResolutionCode, withMeanings } from './resolution-code-meanings';
import {
  AssignReferralInput,
  CloseAsMisrouteInput,
  CompleteReferralInput,
  ElevateReferralInput,
  FileImfImplicationsInput,
  FileReferralInput,
  MonitorReferralInput,
  ReferralConnection,
  ReferralFilterInput,
  ReferralOrderInput,
  WorkQueueOrderInput,
  ReferralTransitionInput,
  ResolveElevationInput,
  ResubmitReferralInput,
  ReturnReferralInput,
} from './referral.types';
import { Referral } from './referral.entity';
import { MAX_PAGE_SIZE, ReferralSortField, SOONEST_DUE_FIRST } from './referral-query.service';
import { SortDirection } from '../../platform/database/keyset-page';
import { lookUp } from '../../platform/database/reference-lookup';
import { LookupArgs } from '../../platform/graphql/lookup-args';
import { PageArgs } from '../../platform/graphql/connection';
import { checkPageSize } from '../../platform/common/page-size';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';
import { Loaded } from '../../platform/live/cache-first-loader';

@ObjectType({ description: 'A full TIN, shown on request and audited' })
export class UnmaskedTin {
  @Field(() => String, { description: 'Where in the content, e.g. business.ein' })
  path!: string;

  @Field(() => String, { description: 'The full TIN as filed (reading it is audited)' })
  tin!: string;

  @Field(() => TinType, { description: 'Which kind of TIN it is: SSN, ITIN or EIN' })
  tinType!: TinType;
}

/** Largest page of a referral's history (and of its elevation holders). */
const MAX_HISTORY_PAGE = 500;
const MAX_CATEGORY_PAGE = 500;
/** A 14566 carries an EIN and an SSN; a 4442 or 3210 one TIN. */
const MAX_TINS_PER_REFERRAL = 2;

/** Thin: translates GraphQL to ReferralService / ReferralQueryService calls. */
@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral, {
    description: 'One referral the caller may see, by id or by reference number (NOT_FOUND otherwise; an existing one is audited)',
  })
  referral(@Args(() => LookupArgs) key: LookupArgs, @Ctx() ctx: ReferralsContext): Promise<Referral> {
    const { referrals } = ctx.services;
    return lookUp(
      key,
      (byId) => referrals.get(ctx.caller, byId),
      (number) => referrals.getByReferenceNumber(ctx.caller, number),
    );
  }

  @Query(() => ReferralConnection, {
    description: `Referrals visible to the caller (admins: all), filtered and searched in SQL, in the order asked (newest filed first by default); a page holds at most ${MAX_PAGE_SIZE}`,
    complexity: pageCost,
  })
  async referrals(
    @Ctx() ctx: ReferralsContext,
    @Arg('filter', () => ReferralFilterInput, { nullable: true, description: 'Only referrals matching all that is given' })
    filter: ReferralFilterInput | undefined,
    @Arg('orderBy', () => ReferralOrderInput, {
      nullable: true,
      description: 'The order (default: newest filed first); a cursor is valid only in the order it came from',
    })
    orderBy: ReferralOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ReferralConnection> {
    const order = orderBy ?? { field: ReferralSortField.FILED_AT, direction: SortDirection.DESC };
    return ReferralConnection.of(await ctx.services.referralQueries.list(ctx.caller, filter ?? {}, order, page, ctx.clock.now()));
  }

  @Query(() => ReferralConnection, {
    description: `What the caller must act on now (assigned to them, in their function's queue, back with them as originator, elevated to them, theirs to review as stand-in, and as liaison: what their functions must forward or acknowledge); a page holds at most ${MAX_PAGE_SIZE}`,
    complexity: pageCost,
  })
  async myWorkQueue(
    @Ctx() ctx: ReferralsContext,
    @Arg('orderBy', () => WorkQueueOrderInput, { nullable: true, description: 'The order (default: soonest due first)' })
    orderBy: WorkQueueOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ReferralConnection> {
    return ReferralConnection.of(await ctx.services.referralQueries.workQueue(ctx.caller, orderBy ?? SOONEST_DUE_FIRST, page));
  }

  @Query(() => [ReferralHistoryEntry], {
    description: `The referral's history, oldest first; first: at most ${MAX_HISTORY_PAGE}`,
    complexity: pageCost,
  })
  referralHistory(
    @Arg('referralId', () => UUIDResolver, { description: 'The id (UUID) of a referral the caller may see' }) referralId: string,
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 100, description: 'How many entries to answer, oldest first (default 100)' }) first = 100,
  ): Promise<ReferralHistoryEntry[]> {
    return ctx.services.referrals.history(ctx.caller, referralId, checkPageSize(first, MAX_HISTORY_PAGE));
  }

  @Query(() => [ReferralCategory], {
    description: `Form 4442 categories (queues) of IRM 25.25.6; first: at most ${MAX_CATEGORY_PAGE}`,
    complexity: pageCost,
  })
  referralCategories(
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 100, description: 'How many categories to answer (default 100)' }) first = 100,
  ): Promise<ReferralCategory[]> {
    return ctx.services.categories.list(checkPageSize(first, MAX_CATEGORY_PAGE));
  }

  @Mutation(() => Referral, {
    description: "File a referral: a 14566 goes to your own function's BMF ID theft liaison; a 4442 or 3210 straight into RIVO's queue",
  })
  fileReferral(
    @Arg('input', () => FileReferralInput, { description: 'The form, the receiving function and the content' }) input: FileReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.file(ctx.caller, input);
  }

  @Mutation(() => [Referral], {
    description:
      'File one 14566 finding with IMF implications to both the EF team and CI, linked, in one step (IRM 10.5.3.3.8(4)); receivers come from the routes. Returns the EF referral, then the CI one',
    complexity: boundedListCost(2),
  })
  fileImfImplicationReferrals(
    @Arg('input', () => FileImfImplicationsInput, { description: 'The 14566 content and what CI is asked' })
    input: FileImfImplicationsInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral[]> {
    return ctx.services.referrals.fileImfImplications(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originating liaison: back to the originator as incomplete' })
  returnReferralIncomplete(
    @Arg('input', () => ReturnReferralInput, { description: 'The referral and what is missing' }) input: ReturnReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.returnIncomplete(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originator: send a returned referral again' })
  resubmitReferral(
    @Arg('input', () => ResubmitReferralInput, { description: 'The referral and, if it changed, its corrected content' })
    input: ResubmitReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.resubmit(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originating liaison: send a complete referral to the receiving function' })
  forwardReferral(
    @Arg('input', () => ReferralTransitionInput, {
      description: 'The complete referral sent on to the receiving function, and an optional note',
    })
    input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.forward(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Receiving liaison: back to the originating liaison as incomplete' })
  returnReferralToOriginatingLiaison(
    @Arg('input', () => ReturnReferralInput, { description: 'The referral and what is missing' }) input: ReturnReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.returnToOriginatingLiaison(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Receiving liaison: acknowledge receipt' })
  acknowledgeReferral(
    @Arg('input', () => ReferralTransitionInput, { description: 'The referral whose receipt is acknowledged, and an optional note' })
    input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.acknowledge(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Receiving liaison: assign (or reassign) to an employee of the function' })
  assignReferral(
    @Arg('input', () => AssignReferralInput, { description: 'The referral and the employee who takes it' }) input: AssignReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.assign(ctx.caller, input);
  }

  @Mutation(() => Referral, {
    description:
      'Assigned employee: document the actions taken and return it (14566). 4442/3210: the RIVO employee closes the control with a closing activity code (required, Exhibit 25.25.6-9)',
  })
  completeReferral(
    @Arg('input', () => CompleteReferralInput, { description: 'The referral, the actions taken and how it ended' })
    input: CompleteReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.complete(ctx.caller, input);
  }

  @Mutation(() => Referral, {
    description: "RIVO employee: take a 4442/3210 from the function's queue; you replace the generic assignee (IRM 25.25.6.2(10))",
  })
  checkOutReferral(
    @Arg('input', () => ReferralTransitionInput, { description: 'The 4442/3210 referral taken from the queue' })
    input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.checkOut(ctx.caller, input);
  }

  @Mutation(() => Referral, {
    description: 'RIVO employee who checked it out: the TPP process caused it; open a RIVO control base and work it (IRM 25.25.6.2.3(3))',
  })
  openReferralControl(
    @Arg('input', () => ReferralTransitionInput, { description: 'The checked-out 4442/3210 referral' }) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.openControl(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'RIVO employee who checked it out: the control waits in monitoring status; say for what' })
  monitorReferral(
    @Arg('input', () => MonitorReferralInput, { description: 'The referral and what RIVO waits for' }) input: MonitorReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.monitor(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'RIVO employee who checked it out: monitoring is over, the control is worked again' })
  resumeReferralWork(
    @Arg('input', () => ReferralTransitionInput, { description: 'The referral in monitoring status' }) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.resumeWork(ctx.caller, input);
  }

  @Mutation(() => Referral, {
    description: 'RIVO employee who checked it out: close a misrouted 4442/3210 with CL2AM, CL2EXAM, CL2WOW or CL2AQC (Exhibit 25.25.6-9)',
  })
  closeReferralAsMisroute(
    @Arg('input', () => CloseAsMisrouteInput, { description: 'The referral and where it was routed' }) input: CloseAsMisrouteInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.closeAsMisroute(ctx.caller, input);
  }

  @Mutation(() => Referral, {
    description: 'RIVO employee who checked it out: return a 4442/3210 and its attachments to the sender, "no TPP involvement"',
  })
  returnReferralNoTppInvolvement(
    @Arg('input', () => ReferralTransitionInput, { description: 'The checked-out 4442/3210 referral returned to its sender' })
    input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.returnNoTppInvolvement(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originator: close a completed referral' })
  closeReferral(
    @Arg('input', () => ReferralTransitionInput, { description: 'The completed referral closed' }) input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.close(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Originator: withdraw before acknowledgment' })
  withdrawReferral(
    @Arg('input', () => ReferralTransitionInput, { description: 'The referral withdrawn, and an optional note saying why' })
    input: ReferralTransitionInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.withdraw(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Elevate a disagreement one level: liaisons, then each management chain' })
  elevateReferral(
    @Arg('input', () => ElevateReferralInput, { description: 'The referral and what the functions disagree about' })
    input: ElevateReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.services.referrals.elevate(ctx.caller, input);
  }

  @Mutation(() => Referral, { description: 'Whoever the disagreement sits with: record the resolution' })
  resolveReferralElevation(
    @Arg('input', () => ResolveElevationInput, {
      description: 'The referral, the resolution and, for a time-frame dispute, the new due instant',
    })
    input: ResolveElevationInput,
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

  @FieldResolver(() => Employee, { description: 'The employee who filed the referral' })
  originator(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(referral.originatorId);
  }

  @FieldResolver(() => Employee, {
    nullable: true,
    description:
      'The employee working it: assigned by the receiving liaison (14566) or who checked it out of the RIVO queue (4442/3210); null before',
  })
  assignee(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Loaded<Employee | null> {
    return referral.assigneeId ? ctx.loaders.employee.load(referral.assigneeId) : null;
  }

  @FieldResolver(() => BusinessFunction, {
    description: "The originator's business function, which keeps control of the case (IRM 10.5.3.3.7.1(1))",
  })
  originatingFunction(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Loaded<BusinessFunction | null> {
    return ctx.loaders.businessFunction.load(referral.originatingFunctionId);
  }

  @FieldResolver(() => BusinessFunction, { description: 'The business function asked to act' })
  receivingFunction(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Loaded<BusinessFunction | null> {
    return ctx.loaders.businessFunction.load(referral.receivingFunctionId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Form 4442/3210: what the completion clock counts (calendar days from the date of the form, IRM 25.25.6.6.4), or that the IRM gives this referral no time frame and so it has no completion clock. Null for a 14566 (its clocks count from receipt: completionDueAt).',
  })
  async completionTimeFrame(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<string | null> {
    if (referral.form === ReferralForm.F14566) return null;
    const category = referral.categoryCode ? await ctx.loaders.category.load(referral.categoryCode) : null;
    return completionTimeFrameOf(referral.form, category);
  }

  @FieldResolver(() => [String], {
    description:
      'The codes completeReferral takes as resolutionCode for this referral: for a 4442/3210 the closing activity codes (Exhibit 25.25.6-9), for a 14566 the answers its purpose names (README "Outcomes belong to the receiver")',
  })
  resolutionCodes(@Root() referral: Referral): readonly string[] {
    return resolutionRuleOf(referral.form, purposeOf(referral.content)).codes;
  }

  @FieldResolver(() => [ResolutionCode], {
    complexity: boundedListCost(MAX_RESOLUTION_CODES),
    description:
      "resolutionCodes, each with what it means (Exhibit 25.25.6-9 for RIVO's closing activity codes; IRM 10.5.3.3.9-10.5.3.3.12 for a 14566's answers), in the same order, for a picker",
  })
  resolutionCodeOptions(@Root() referral: Referral): ResolutionCode[] {
    return withMeanings(this.resolutionCodes(referral));
  }

  @FieldResolver(() => Boolean, {
    description: 'completeReferral needs one of resolutionCodes (where the IRM names the answers; else BAD_USER_INPUT on resolutionCode)',
  })
  resolutionCodeRequired(@Root() referral: Referral): boolean {
    return resolutionRuleOf(referral.form, purposeOf(referral.content)).required;
  }

  @FieldResolver(() => [String], {
    description:
      'The codes closeReferralAsMisroute takes for a misrouted 4442/3210 (CL2AM, CL2EXAM, CL2WOW, CL2AQC; Exhibit 25.25.6-9); empty for a 14566',
  })
  misrouteCodes(@Root() referral: Referral): readonly string[] {
    return referral.form === ReferralForm.F14566 ? [] : MISROUTE_CODES;
  }

  @FieldResolver(() => [ResolutionCode], {
    complexity: boundedListCost(MAX_RESOLUTION_CODES),
    description:
      'misrouteCodes, each with the function it routes the correspondence to (Exhibit 25.25.6-9), for a picker; empty for a 14566',
  })
  misrouteCodeOptions(@Root() referral: Referral): ResolutionCode[] {
    return withMeanings(this.misrouteCodes(referral));
  }

  @FieldResolver(() => Referral, {
    nullable: true,
    description:
      'The referral filed together with this one (IMF implications: the CI and EF copies, IRM 10.5.3.3.8(4)); null if none or not visible to you',
  })
  async linkedReferral(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<Referral | null> {
    if (!referral.linkedReferralId) return null;
    const linked = await ctx.loaders.referral.load(referral.linkedReferralId);
    return linked && ctx.services.referrals.canSee(ctx.caller, linked) ? linked : null;
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
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many holders to answer (default in the schema)' }) first = 20,
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
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many entries to answer, oldest first' }) first = 20,
  ): Promise<ReferralHistoryEntry[]> {
    // The parent referral was already checked for visibility; batch the histories of a page.
    return (await ctx.loaders.history.load(referral.id)).slice(0, checkPageSize(first, MAX_HISTORY_PAGE));
  }

  @FieldResolver(() => Int, { description: 'How many history entries the referral has' })
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

  @FieldResolver(() => Boolean, {
    description: 'The liaison review clock (3 workdays, IRM 10.5.3.3.7(3)) is running and has passed its due time',
  })
  reviewOverdue(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): boolean {
    return this.overdueClocks(referral, ctx).includes(ReferralClock.REVIEW);
  }

  @FieldResolver(() => Boolean, {
    description: 'The acknowledgment clock is running and has passed its due time (3 business days for a liaison, IRM 10.5.3.3.7.1(4))',
  })
  ackOverdue(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): boolean {
    return this.overdueClocks(referral, ctx).includes(ReferralClock.ACKNOWLEDGMENT);
  }

  @FieldResolver(() => Boolean, {
    description: 'The completion clock is running and has passed its due time (30 days of receipt for a 14566, IRM 10.5.3.3.7.1(6))',
  })
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
  actor(@Root() entry: ReferralHistoryEntry, @Ctx() ctx: ReferralsContext): Loaded<Employee | null> {
    return entry.actorId ? ctx.loaders.employee.load(entry.actorId) : null;
  }
}
