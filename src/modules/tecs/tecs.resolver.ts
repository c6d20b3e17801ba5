import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { lookUp } from '../../platform/database/reference-lookup';
import { LookupArgs } from '../../platform/graphql/lookup-args';
import { LookoutAction } from './lookout-lifecycle';
import { CrossingAction } from './crossing-lifecycle';
import { InvestigationAction } from './investigation-lifecycle';
import { AuditKind } from '../../platform/audit/access-audit.entity';
import { auditedRequest } from '../../platform/audit/audited-request';
import { TecsContext } from './tecs-context';
import { checkPageSize } from '../../platform/common/page-size';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';
import { LIST_MAX } from '../../platform/validation/checked';
import { Employee } from '../org/employee.entity';
import { maskTin } from '../../platform/validation/identifiers';
import { CollectionCase } from './collection-case.entity';
import { Crossing } from './crossing.entity';
import { Lookout } from './lookout.entity';
import { MAX_LOOKOUT_PAGE } from './lookout.service';
import { LATEST_CROSSED_FIRST, MAX_TECS_PAGE, MOST_URGENT_FIRST } from './tecs-orders';
import { PageArgs } from '../../platform/graphql/connection';
import { FiledOrderInput, NEWEST_FILED_FIRST } from '../../platform/graphql/filed-order';
import { OtherInvestigation } from './other-investigation.entity';
import { TecsHistoryEntry } from './tecs-history.entity';
import {
  CloseInvestigationInput,
  ConfirmLookoutEntryInput,
  CoordinatorQueue,
  CrossingConnection,
  CrossingOrderInput,
  CrossingReportInput,
  DismissCrossingInput,
  InvestigationOrderInput,
  LookoutConnection,
  LookoutListFilter,
  LookoutRequestInput,
  LookoutTransitionInput,
  OpenInvestigationInput,
  OtherInvestigationConnection,
  ReissueInvestigationInput,
  ResubmitLookoutInput,
  TaxpayerDisclosure,
} from './tecs.types';
import { Loaded } from '../../platform/live/cache-first-loader';

@ObjectType({ description: 'A tax period the balance due is owed for, as on Form 6668 (e.g. 30/201312)' })
export class TaxPeriod {
  @Field(() => String, { description: 'Two-digit MFT (master file tax account code), e.g. 30 for Form 1040' })
  mft!: string;

  @Field(() => String, { description: 'The tax period as YYYYMM, its ending month (e.g. 201312)' })
  taxPeriod!: string;
}

/** The argument every lookout mutation takes. */
const TRANSITION = { description: 'The lookout, the version seen and the reason where one is required' };

/** Thin: GraphQL to the TECS services, which check who may see and do what. */
@Resolver(() => Lookout)
export class LookoutResolver {
  @Query(() => Lookout, { description: 'One lookout the caller is on the case of, by id or by reference number (NOT_FOUND otherwise)' })
  lookout(@Args(() => LookupArgs) key: LookupArgs, @Ctx() ctx: TecsContext): Promise<Lookout> {
    const { lookouts } = ctx.services;
    return lookUp(
      key,
      (byId) => lookouts.get(ctx.caller, byId),
      (number) => lookouts.getByReferenceNumber(ctx.caller, number),
    );
  }

  @Query(() => LookoutConnection, {
    description: `The TECS lookout list (what the caller may see), newest filed first by default; a page holds at most ${MAX_LOOKOUT_PAGE} (all of it: /exports/lookouts.csv)`,
    complexity: pageCost,
  })
  async lookouts(
    @Ctx() ctx: TecsContext,
    @Arg('filter', () => LookoutListFilter, { nullable: true, description: 'Which lookouts (all the caller may see when absent)' })
    filter: LookoutListFilter | undefined,
    @Arg('orderBy', () => FiledOrderInput, { nullable: true, description: 'The order (default: newest filed first)' })
    orderBy: FiledOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<LookoutConnection> {
    return LookoutConnection.of(await ctx.services.lookouts.list(ctx.caller, filter ?? {}, orderBy ?? NEWEST_FILED_FIRST, page));
  }

  @Query(() => [TecsHistoryEntry], {
    description: `Those on the TECS case: every step of the lookout, its OIs and their collection cases, oldest first (append-only); first: at most ${MAX_TECS_PAGE}`,
    complexity: pageCost,
  })
  lookoutHistory(
    @Arg('lookoutId', () => UUIDResolver, { description: 'The lookout' }) lookoutId: string,
    @Ctx() ctx: TecsContext,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many entries, at most ${MAX_TECS_PAGE}` }) first = 100,
  ): Promise<TecsHistoryEntry[]> {
    return ctx.services.lookouts.history(ctx.caller, lookoutId, checkPageSize(first, MAX_TECS_PAGE));
  }

  @Mutation(() => Lookout, { description: 'Revenue officer: Form 6668, TECS Entry Request, to your group manager' })
  requestLookout(
    @Arg('input', () => LookoutRequestInput, { description: 'The Form 6668 request' }) input: LookoutRequestInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.request(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'Group manager: send the request to the TECS coordinator' })
  approveLookoutRequest(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.approve(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'Group manager: return the request to the RO (note = the reason)' })
  returnLookoutRequest(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.returnToRo(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'Revenue officer: send a returned request again' })
  resubmitLookoutRequest(
    @Arg('input', () => ResubmitLookoutInput, { description: 'The returned lookout and, if corrected, the new request' })
    input: ResubmitLookoutInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.resubmit(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'TECS coordinator: meets the criteria: forward to CI for input into TECS' })
  acceptLookout(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.accept(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'TECS coordinator: does not meet the criteria (note = the reason); back to the originator' })
  declineLookout(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.decline(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'CI: the taxpayer is entered in TECS' })
  confirmLookoutEntry(
    @Arg('input', () => ConfirmLookoutEntryInput, { description: 'The lookout and the TECS record reference' })
    input: ConfirmLookoutEntryInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.confirmEntry(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'GM or RO: ask the coordinator to remove the taxpayer (note = why, e.g. full pay secured)' })
  requestLookoutRemoval(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.requestRemoval(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'TECS coordinator: forward the removal to CI' })
  forwardLookoutRemoval(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.forwardRemoval(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'CI: the taxpayer is removed from TECS' })
  confirmLookoutRemoval(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.confirmRemoval(ctx.caller, input);
  }

  @Mutation(() => Lookout, { description: 'GM or RO: the taxpayer remains on the lookout' })
  confirmLookoutRemains(
    @Arg('input', () => LookoutTransitionInput, TRANSITION) input: LookoutTransitionInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Lookout> {
    return ctx.services.lookouts.confirmRemains(ctx.caller, input);
  }

  @FieldResolver(() => [LookoutAction], { description: 'What the caller may do with the lookout now (the lookout lifecycle table)' })
  availableActions(@Root() lookout: Lookout, @Ctx() ctx: TecsContext): Promise<LookoutAction[]> {
    return ctx.services.lookouts.availableActions(ctx.caller, lookout, ctx.loaders.tecsReads);
  }

  @FieldResolver(() => String, { description: 'Last four digits only' })
  tinMasked(@Root() lookout: Lookout): string {
    return maskTin(lookout.tin, lookout.tinType);
  }

  @FieldResolver(() => String, { description: 'The full TIN: for those on the case only, and every use is audited' })
  async unmaskedTin(@Root() lookout: Lookout, @Ctx() ctx: TecsContext): Promise<string> {
    await ctx.services.lookouts.get(ctx.caller, lookout.id);
    await ctx.services.audit.record(auditedRequest(ctx), AuditKind.UNMASK, 'Lookout.unmaskedTin', [lookout.id], ['tin']);
    return lookout.tin;
  }

  @FieldResolver(() => LocalDateResolver, { description: "The taxpayer's date of birth (calendar date); sealed at rest" })
  dateOfBirth(@Root() lookout: Lookout): string {
    return lookout.dateOfBirth;
  }

  @FieldResolver(() => String, { description: 'The balance due in U.S. dollars with cents, e.g. "141000.00"' })
  balanceDue(@Root() lookout: Lookout): string {
    return (lookout.balanceDueCents / 100).toFixed(2);
  }

  @FieldResolver(() => [TaxPeriod], {
    complexity: boundedListCost(LIST_MAX),
    description: `The tax periods the balance is owed for (at most ${LIST_MAX})`,
  })
  taxPeriods(@Root() lookout: Lookout): TaxPeriod[] {
    return lookout.taxPeriods;
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The revenue officer who requested the lookout' })
  revenueOfficer(@Root() lookout: Lookout, @Ctx() ctx: TecsContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(lookout.revenueOfficerId);
  }

  @FieldResolver(() => Employee, { nullable: true, description: "The lookout's group manager (the requesting RO's GM)" })
  groupManager(@Root() lookout: Lookout, @Ctx() ctx: TecsContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(lookout.groupManagerId);
  }

  @FieldResolver(() => CollectionCase, { description: 'The collection case the lookout belongs to' })
  collectionCase(@Root() lookout: Lookout, @Ctx() ctx: TecsContext): Promise<CollectionCase> {
    return ctx.services.lookouts.caseOf(lookout.caseId, ctx.loaders.tecsReads);
  }
}

@Resolver(() => Crossing)
export class CrossingResolver {
  @Mutation(() => Crossing, { description: 'DHS interface: a taxpayer on the lookout list is crossing; idempotent on dhsReportId' })
  reportCrossing(
    @Arg('input', () => CrossingReportInput, { description: 'The report as DHS sent it' }) input: CrossingReportInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Crossing> {
    return ctx.services.crossings.report(ctx.caller, input);
  }

  @Mutation(() => Crossing, { description: 'TECS coordinator: no investigation needed (reason recorded)' })
  dismissCrossing(
    @Arg('input', () => DismissCrossingInput, { description: 'The crossing and why' }) input: DismissCrossingInput,
    @Ctx() ctx: TecsContext,
  ): Promise<Crossing> {
    return ctx.services.crossings.dismiss(ctx.caller, input.crossingId, input.reason);
  }

  @Query(() => CrossingConnection, {
    description: `Crossings the caller is on the case of (TECS coordinators: all), latest crossed first by default; a page holds at most ${MAX_TECS_PAGE}`,
    complexity: pageCost,
  })
  async crossings(
    @Ctx() ctx: TecsContext,
    @Arg('orderBy', () => CrossingOrderInput, { nullable: true, description: 'The order (default: latest crossed first)' })
    orderBy: CrossingOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<CrossingConnection> {
    return CrossingConnection.of(await ctx.services.crossings.list(ctx.caller, orderBy ?? LATEST_CROSSED_FIRST, page));
  }

  @Query(() => CoordinatorQueue, {
    description: `TECS coordinator: new crossings first (time-critical first), then requests; first (of each): at most ${MAX_TECS_PAGE}`,
    complexity: pageCost,
  })
  tecsCoordinatorQueue(
    @Ctx() ctx: TecsContext,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many crossings and how many requests, at most ${MAX_TECS_PAGE} each` })
    first = 50,
  ): Promise<CoordinatorQueue> {
    return ctx.services.crossings.coordinatorQueue(checkPageSize(first, MAX_TECS_PAGE));
  }

  @Query(() => Crossing, { description: 'One crossing the caller is on the case of, by id or by reference number (NOT_FOUND otherwise)' })
  crossing(@Args(() => LookupArgs) key: LookupArgs, @Ctx() ctx: TecsContext): Promise<Crossing> {
    const { crossings } = ctx.services;
    return lookUp(
      key,
      (byId) => crossings.get(ctx.caller, byId),
      (number) => crossings.getByReferenceNumber(ctx.caller, number),
    );
  }

  @Query(() => TaxpayerDisclosure, { description: 'Only what may be disclosed to the taxpayer or their representative' })
  taxpayerDisclosure(
    @Arg('crossingId', () => UUIDResolver, { description: 'The crossing' }) crossingId: string,
    @Ctx() ctx: TecsContext,
  ): Promise<TaxpayerDisclosure> {
    return ctx.services.crossings.taxpayerDisclosure(ctx.caller, crossingId);
  }

  @FieldResolver(() => LocalDateResolver, {
    description:
      "The traveller's date of birth as DHS reported it (calendar date; sealed at rest; disclosable to the taxpayer or representative)",
  })
  dateOfBirth(@Root() crossing: Crossing): string {
    return crossing.dateOfBirth;
  }

  @FieldResolver(() => String, { description: 'The travel document number (disclosable to the taxpayer or representative)' })
  documentNumber(@Root() crossing: Crossing): string {
    return crossing.documentNumber;
  }

  @FieldResolver(() => [CrossingAction], { description: 'What the caller may do with the crossing now (the crossing lifecycle table)' })
  availableActions(@Root() crossing: Crossing, @Ctx() ctx: TecsContext): CrossingAction[] {
    return ctx.services.crossings.availableActions(ctx.caller, crossing);
  }

  @FieldResolver(() => Lookout, { nullable: true, description: 'The lookout the report matched; null while flagged (unmatched)' })
  async lookout(@Root() crossing: Crossing, @Ctx() ctx: TecsContext): Promise<Lookout | null> {
    return crossing.lookoutId ? ctx.services.lookouts.get(ctx.caller, crossing.lookoutId, ctx.loaders.tecsReads) : null;
  }
}

@Resolver(() => OtherInvestigation)
export class InvestigationResolver {
  @Mutation(() => OtherInvestigation, { description: 'TECS coordinator: open an OI from a crossing and issue it to the GM and RO' })
  openInvestigation(
    @Arg('input', () => OpenInvestigationInput, { description: 'The crossing, the kind and the due time' }) input: OpenInvestigationInput,
    @Ctx() ctx: TecsContext,
  ): Promise<OtherInvestigation> {
    return ctx.services.investigations.open(ctx.caller, input);
  }

  @Mutation(() => OtherInvestigation, { description: 'Its GM (or the coordinator): issue it to another GM and RO' })
  reissueInvestigation(
    @Arg('input', () => ReissueInvestigationInput, { description: 'The OI and the new GM and RO' }) input: ReissueInvestigationInput,
    @Ctx() ctx: TecsContext,
  ): Promise<OtherInvestigation> {
    return ctx.services.investigations.reissue(ctx.caller, input);
  }

  @Mutation(() => OtherInvestigation, { description: 'Its GM or RO: outcome and lookout disposition (REMOVE starts the removal)' })
  closeInvestigation(
    @Arg('input', () => CloseInvestigationInput, { description: 'The OI, its outcomes and the lookout disposition' })
    input: CloseInvestigationInput,
    @Ctx() ctx: TecsContext,
  ): Promise<OtherInvestigation> {
    return ctx.services.investigations.close(ctx.caller, input);
  }

  @Query(() => OtherInvestigation, {
    description: 'One OI issued to the caller or on a case the caller is on (coordinator: any), by id or by reference number',
  })
  investigation(@Args(() => LookupArgs) key: LookupArgs, @Ctx() ctx: TecsContext): Promise<OtherInvestigation> {
    const { investigations } = ctx.services;
    return lookUp(
      key,
      (byId) => investigations.get(ctx.caller, byId),
      (number) => investigations.getByReferenceNumber(ctx.caller, number),
    );
  }

  @Query(() => OtherInvestigationConnection, {
    description: `OIs issued to you (all, for a coordinator), time-critical and soonest due first by default; a page holds at most ${MAX_TECS_PAGE}`,
    complexity: pageCost,
  })
  async myInvestigations(
    @Ctx() ctx: TecsContext,
    @Arg('includeClosed', () => Boolean, { defaultValue: false, description: 'Closed OIs too (by default only the issued ones)' })
    includeClosed: boolean,
    @Arg('orderBy', () => InvestigationOrderInput, {
      nullable: true,
      description: 'The order (default: time-critical first, then soonest due)',
    })
    orderBy: InvestigationOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<OtherInvestigationConnection> {
    return OtherInvestigationConnection.of(
      await ctx.services.investigations.mine(ctx.caller, includeClosed, orderBy ?? MOST_URGENT_FIRST, page),
    );
  }

  @FieldResolver(() => [InvestigationAction], { description: 'What the caller may do with the OI now (the OI lifecycle table)' })
  availableActions(@Root() oi: OtherInvestigation, @Ctx() ctx: TecsContext): InvestigationAction[] {
    return ctx.services.investigations.availableActions(ctx.caller, oi);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The group manager the OI is issued to now' })
  groupManager(@Root() oi: OtherInvestigation, @Ctx() ctx: TecsContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(oi.groupManagerId);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The revenue officer the OI is issued to now' })
  revenueOfficer(@Root() oi: OtherInvestigation, @Ctx() ctx: TecsContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(oi.revenueOfficerId);
  }

  @FieldResolver(() => Lookout, { description: 'The lookout the OI acts on' })
  lookout(@Root() oi: OtherInvestigation, @Ctx() ctx: TecsContext): Promise<Lookout> {
    return ctx.services.lookouts.get(ctx.caller, oi.lookoutId, ctx.loaders.tecsReads);
  }

  @FieldResolver(() => Crossing, { nullable: true, description: 'The crossing the OI was opened from' })
  async crossing(@Root() oi: OtherInvestigation, @Ctx() ctx: TecsContext): Promise<Crossing | null> {
    return oi.crossingId ? ctx.services.crossings.get(ctx.caller, oi.crossingId, ctx.loaders.tecsReads) : null;
  }

  @FieldResolver(() => CollectionCase, {
    description: 'The collection case the OI is on (a new case created from the archived one when the lookout case was archived)',
  })
  collectionCase(@Root() oi: OtherInvestigation, @Ctx() ctx: TecsContext): Promise<CollectionCase> {
    return ctx.services.lookouts.caseOf(oi.caseId, ctx.loaders.tecsReads);
  }
}
