import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageCost } from '../../platform/graphql/page-cost';
import { PageArgs } from '../../platform/graphql/connection';
import { FiledOrderInput, NEWEST_FILED_FIRST, OLDEST_FILED_FIRST } from '../../platform/graphql/filed-order';
import { maskTin } from '../../platform/validation/identifiers';
import { DisclosureContext } from './disclosure-context';
import { DisclosureHistoryEntry } from './disclosure-history.entity';
import { PastTravelOffer } from './past-travel-lifecycle';
import { PastTravelRequest } from './past-travel-request.entity';
import { MAX_PAST_TRAVEL_PAGE } from './past-travel.service';
import { AnswerPastTravelInput, PastTravelRequestConnection, PastTravelRequestInput, PastTravelStepInput } from './past-travel.types';

const PAGE = `first: at most ${MAX_PAST_TRAVEL_PAGE}`;

/** Thin: GraphQL to the past-travel service, which checks who is on the request. */
@Resolver(() => PastTravelRequest)
export class PastTravelResolver {
  @Mutation(() => PastTravelRequest, {
    description: "Revenue officer: ask for a taxpayer's past travel to and from the U.S. (seed 000), to the TECS coordinator",
  })
  requestPastTravel(
    @Arg('input', () => PastTravelRequestInput, { description: 'The taxpayer, the period and why' }) input: PastTravelRequestInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<PastTravelRequest> {
    return ctx.services.pastTravel.request(ctx.caller, input);
  }

  @Mutation(() => PastTravelRequest, { description: 'TECS coordinator: send the request to DHS' })
  forwardPastTravelRequest(
    @Arg('input', () => PastTravelStepInput, { description: 'The request' }) input: PastTravelStepInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<PastTravelRequest> {
    return ctx.services.pastTravel.forward(ctx.caller, input);
  }

  @Mutation(() => PastTravelRequest, { description: 'TECS coordinator: do not send it to DHS (reason required); the RO and GM are told' })
  declinePastTravelRequest(
    @Arg('input', () => PastTravelStepInput, { description: 'The request and why' }) input: PastTravelStepInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<PastTravelRequest> {
    return ctx.services.pastTravel.decline(ctx.caller, input);
  }

  @Mutation(() => PastTravelRequest, {
    description: "DHS interface client: record DHS's answer (the crossings in the period); the RO, GM and coordinators are told",
  })
  answerPastTravelRequest(
    @Arg('input', () => AnswerPastTravelInput, { description: "DHS's answer" }) input: AnswerPastTravelInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<PastTravelRequest> {
    return ctx.services.pastTravel.answer(ctx.caller, input);
  }

  @Query(() => PastTravelRequest, {
    description: 'The requesting RO, their GM and the TECS coordinators: one past-travel request and, once answered, the trips',
  })
  pastTravelRequest(
    @Arg('id', () => UUIDResolver, { description: 'The request' }) id: string,
    @Ctx() ctx: DisclosureContext,
  ): Promise<PastTravelRequest> {
    return ctx.services.pastTravel.get(ctx.caller, id);
  }

  @Query(() => PastTravelRequestConnection, {
    description: `Past-travel requests the caller may see (their own, their ROs', all for the coordinator), newest filed first by default; a page holds at most ${MAX_PAST_TRAVEL_PAGE}`,
    complexity: pageCost,
  })
  async pastTravelRequests(
    @Ctx() ctx: DisclosureContext,
    @Arg('orderBy', () => FiledOrderInput, { nullable: true, description: 'The order (default: newest filed first)' })
    orderBy: FiledOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<PastTravelRequestConnection> {
    return PastTravelRequestConnection.of(await ctx.services.pastTravel.list(ctx.caller, orderBy ?? NEWEST_FILED_FIRST, page));
  }

  @Query(() => PastTravelRequestConnection, {
    description: `DHS interface client: the requests sent to DHS and not yet answered, oldest filed first by default (read name, date of birth and period; no TIN); a page holds at most ${MAX_PAST_TRAVEL_PAGE}`,
    complexity: pageCost,
  })
  async pastTravelRequestsWithDhs(
    @Ctx() ctx: DisclosureContext,
    @Arg('orderBy', () => FiledOrderInput, { nullable: true, description: 'The order (default: oldest filed first)' })
    orderBy: FiledOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<PastTravelRequestConnection> {
    return PastTravelRequestConnection.of(await ctx.services.pastTravel.withDhs(orderBy ?? OLDEST_FILED_FIRST, page));
  }

  @Query(() => [DisclosureHistoryEntry], {
    description: `The steps of a past-travel request, in order (append-only); ${PAGE}`,
    complexity: pageCost,
  })
  pastTravelRequestHistory(
    @Arg('requestId', () => UUIDResolver, { description: 'The request' }) requestId: string,
    @Ctx() ctx: DisclosureContext,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many, at most ${MAX_PAST_TRAVEL_PAGE}` }) first = 100,
  ): Promise<DisclosureHistoryEntry[]> {
    return ctx.services.pastTravel.history(ctx.caller, requestId, first);
  }

  @FieldResolver(() => LocalDateResolver, { description: "The taxpayer's date of birth (calendar date); sealed at rest" })
  dateOfBirth(@Root() request: PastTravelRequest): string {
    return request.dateOfBirth;
  }

  @FieldResolver(() => [PastTravelOffer], {
    description:
      'What the caller may do with the request now, by its state (the past-travel lifecycle table), the access policy and who the caller is on it (coordinator: send to DHS or decline; DHS client: answer; the requesting RO, their GM or a coordinator: disclose the answer): exactly the steps the API would accept from them',
  })
  availableActions(@Root() request: PastTravelRequest, @Ctx() ctx: DisclosureContext): PastTravelOffer[] {
    return ctx.services.pastTravel.availableActions(ctx.caller, request);
  }

  @FieldResolver(() => String, { description: 'The TIN masked (last four digits only)' })
  tinMasked(@Root() request: PastTravelRequest): string {
    return maskTin(request.tin, request.tinType);
  }
}
