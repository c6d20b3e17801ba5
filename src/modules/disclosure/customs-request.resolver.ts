import { UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';
import { PageArgs } from '../../platform/graphql/connection';
import { FiledOrderInput, NEWEST_FILED_FIRST } from '../../platform/graphql/filed-order';
import { LIST_MAX } from '../../platform/validation/checked';
import { maskTin } from '../../platform/validation/identifiers';
import { DOCUMENTS_PATH } from '../../platform/storage/document.service';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { CustomsRequest, CustomsScreenAnswer } from './customs-request.entity';
import { DisclosureHistoryEntry } from './disclosure-history.entity';
import { MAX_CUSTOMS_DOCUMENT_PAGE, MAX_CUSTOMS_PAGE } from './customs-request.service';
import { currentScreenAnswers } from './customs-request-review';
import { CUSTOMS_REQUEST_DOCUMENT_OWNER } from './customs-request-document-kind';
import { CustomsRequestOffer } from './customs-request-lifecycle';
import { CustomsRequestState, ITEM_SCREENS, REQUEST_SCREENS } from './customs-request-state';
import {
  AnswerCustomsScreenInput,
  CustomsRequestConnection,
  CustomsRequestReasonInput,
  CustomsRequestStepInput,
  DecideCustomsItemInput,
  RecordCustomsRequestInput,
} from './customs-request.types';
import { MAX_ACCOUNTING_PAGE } from './disclosure-accounting';
import { DisclosureAccountingEntry } from './disclosure-accounting.entity';
import { DisclosureAccountingTaxpayerInput } from './disclosure-accounting.types';
import { DisclosureContext } from './disclosure-context';

const SOURCE = '26 CFR 301.6103(l)(14)-1';

/** Thin: GraphQL to the Customs request service; the access policy admits disclosure officers only. */
@Resolver(() => CustomsRequest)
export class CustomsRequestResolver {
  @Query(() => CustomsRequest, { description: `Disclosure officers: one written Customs request (${SOURCE})` })
  customsRequest(
    @Arg('id', () => UUIDResolver, { description: 'The Customs request' }) id: string,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.get(id);
  }

  @Query(() => CustomsRequestConnection, {
    description: `Disclosure officers: the Customs requests, newest filed first by default; a page holds at most ${MAX_CUSTOMS_PAGE}`,
    complexity: pageCost,
  })
  async customsRequests(
    @Ctx() ctx: DisclosureContext,
    @Arg('states', () => [CustomsRequestState], { nullable: true, description: 'Only requests in these states (all when absent)' })
    states: CustomsRequestState[] | null | undefined,
    @Arg('orderBy', () => FiledOrderInput, { nullable: true, description: 'The order (default: newest filed first)' })
    orderBy: FiledOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<CustomsRequestConnection> {
    return CustomsRequestConnection.of(await ctx.services.customsRequests.list(states ?? null, orderBy ?? NEWEST_FILED_FIRST, page));
  }

  @Query(() => [DisclosureHistoryEntry], {
    description: `Disclosure officers: every step of a Customs request, in order (append-only); first: at most ${MAX_CUSTOMS_PAGE}`,
    complexity: pageCost,
  })
  customsRequestHistory(
    @Arg('requestId', () => UUIDResolver, { description: 'The Customs request' }) requestId: string,
    @Ctx() ctx: DisclosureContext,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many, at most ${MAX_CUSTOMS_PAGE}` }) first = 100,
  ): Promise<DisclosureHistoryEntry[]> {
    return ctx.services.customsRequests.history(requestId, first);
  }

  @Query(() => String, {
    description:
      'Disclosure officers: the release letter to Customs (plain text) generated from the release record: the approved items, the recipients by title, the date, the authority and the (f)–(j) use restrictions; no TIN, no taxpayer name, nothing denied',
  })
  customsReleaseLetter(
    @Arg('requestId', () => UUIDResolver, { description: 'A released Customs request' }) requestId: string,
    @Ctx() ctx: DisclosureContext,
  ): Promise<string> {
    return ctx.services.customsRequests.releaseLetter(requestId);
  }

  @Query(() => [DisclosureAccountingEntry], {
    description: `Disclosure officers, auditors, admins: what return or TECS information about the taxpayer with this TIN was disclosed outside the IRS, to whom, when and under which authority, oldest first; first: at most ${MAX_ACCOUNTING_PAGE} (all of it as CSV: POST /exports/disclosure-accounting.csv)`,
    complexity: pageCost,
  })
  disclosureAccounting(
    @Arg('taxpayer', () => DisclosureAccountingTaxpayerInput, { description: 'The taxpayer, by TIN' })
    taxpayer: DisclosureAccountingTaxpayerInput,
    @Ctx() ctx: DisclosureContext,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many, at most ${MAX_ACCOUNTING_PAGE}` }) first = 100,
  ): Promise<DisclosureAccountingEntry[]> {
    return ctx.services.disclosureAccounting.forTin(taxpayer.tin, first);
  }

  @Mutation(() => CustomsRequest, {
    description: `Disclosure officer: record a written request from the Commissioner of Customs (CBP); refused (BAD_USER_INPUT) naming every missing element of ${SOURCE}(b), with nothing written`,
  })
  recordCustomsRequest(
    @Arg('input', () => RecordCustomsRequestInput, { description: 'The request as written' }) input: RecordCustomsRequestInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.record(ctx.caller, input);
  }

  @Mutation(() => CustomsRequest, {
    description: `Disclosure officer: an element of ${SOURCE}(b) is present but inadequate; Customs must send a new written request (reason required)`,
  })
  returnCustomsRequestIncomplete(
    @Arg('input', () => CustomsRequestReasonInput, { description: 'The request and why' }) input: CustomsRequestReasonInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.returnIncomplete(ctx.caller, input);
  }

  @Mutation(() => CustomsRequest, {
    description: `Disclosure officer: answer a screen of ${SOURCE} ((a), (e) for the request; (c), (d) per item) with why; the latest answer counts`,
  })
  answerCustomsScreen(
    @Arg('input', () => AnswerCustomsScreenInput, { description: 'The screen, the item, the answer and why' })
    input: AnswerCustomsScreenInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.answerScreen(ctx.caller, input);
  }

  @Mutation(() => CustomsRequest, {
    description: 'Disclosure officer: approve an item (only when (a), (e) and its (c), (d) passed) or deny it with a reason (internal)',
  })
  decideCustomsItem(
    @Arg('input', () => DecideCustomsItemInput, { description: 'The item and the decision' }) input: DecideCustomsItemInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.decideItem(ctx.caller, input);
  }

  @Mutation(() => CustomsRequest, {
    description: 'Disclosure officer: every item decided: APPROVED, PARTLY_APPROVED (a second officer must then release) or DENIED',
  })
  concludeCustomsReview(
    @Arg('input', () => CustomsRequestStepInput, { description: 'The request' }) input: CustomsRequestStepInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.conclude(ctx.caller, input);
  }

  @Mutation(() => CustomsRequest, {
    description: 'Second disclosure officer (took no part in the review): send an approved request back to review, with why',
  })
  returnCustomsReview(
    @Arg('input', () => CustomsRequestReasonInput, { description: 'The request and why' }) input: CustomsRequestReasonInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.returnToReview(ctx.caller, input);
  }

  @Mutation(() => CustomsRequest, {
    description:
      'Second disclosure officer (took no part in the review): release the approved items under IRC 6103(l)(14); records the release and the accounting of disclosures',
  })
  releaseCustomsDisclosure(
    @Arg('input', () => CustomsRequestStepInput, { description: 'The request' }) input: CustomsRequestStepInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<CustomsRequest> {
    return ctx.services.customsRequests.release(ctx.caller, input);
  }

  @FieldResolver(() => [CustomsScreenAnswer], {
    description: 'The screen answers that count: the latest for each screen (and item); every answer is in customsRequestHistory',
    complexity: boundedListCost(REQUEST_SCREENS.length + ITEM_SCREENS.length * LIST_MAX),
  })
  screenAnswers(@Root() request: CustomsRequest): CustomsScreenAnswer[] {
    return currentScreenAnswers(request);
  }

  @FieldResolver(() => [CustomsRequestOffer], {
    description:
      'What the caller may do with the request now, by its state (the Customs request lifecycle table), the access policy and the two-person rule (release and return to review only for an officer with no part in the review): exactly the steps the API would accept from them',
  })
  availableActions(@Root() request: CustomsRequest, @Ctx() ctx: DisclosureContext): CustomsRequestOffer[] {
    return ctx.services.customsRequests.availableActions(ctx.caller, request);
  }

  @FieldResolver(() => String, { description: 'The TIN masked (last four digits only)' })
  tinMasked(@Root() request: CustomsRequest): string {
    return maskTin(request.tin, request.tinType);
  }

  @FieldResolver(() => [StoredDocument], {
    description:
      `The written request of the Commissioner of Customs (${SOURCE}(b)) and later correspondence, oldest first; ` +
      `disclosure officers attach with POST ${DOCUMENTS_PATH}/${CUSTOMS_REQUEST_DOCUMENT_OWNER}/{requestId} and download from each downloadPath; ` +
      `never in notices or the release letter; first: at most ${MAX_CUSTOMS_DOCUMENT_PAGE}`,
    complexity: pageCost,
  })
  documents(
    @Root() request: CustomsRequest,
    @Ctx() ctx: DisclosureContext,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many documents, at most ${MAX_CUSTOMS_DOCUMENT_PAGE}` }) first = 20,
  ): Promise<StoredDocument[]> {
    // The parent request was reached through an operation the access policy admits to disclosure officers only.
    return ctx.services.customsRequests.documents(request.id, first);
  }
}
