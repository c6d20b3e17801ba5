import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { checkPageSize } from '../../platform/common/page-size';
import { keysetPage, Order, Page, PageRequest } from '../../platform/database/keyset-page';
import { FiledSortField, filedSortKeys } from '../../platform/graphql/filed-order';
import { LifecycleApplier, LifecycleEffect } from '../../platform/lifecycle/lifecycle-applier';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { enqueueDisclosureNotices } from './disclosure-notice-outbox';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { orThrow } from '../../platform/validation/checked';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Caller } from '../org/caller';
import { roleHolders } from '../org/notice-recipients';
import { Role } from '../org/role';
import { mayKeepCustomsDocuments } from './customs-request-document-kind';
import { checkCustomsAdmissible, conclusionOf, customsPartiesOf, itemOf, unmetScreens } from './customs-request-review';
import { policyAdmits } from './policy-admits';
import { CustomsRequest, CustomsScreenAnswer } from './customs-request.entity';
import { DisclosureHistoryEntry, DisclosureSubject } from './disclosure-history.entity';
import { CustomsRequestHistoryDetails, recordDisclosureHistory } from './disclosure-history';
import {
  CUSTOMS_REQUEST_LIFECYCLE,
  CustomsRequestAction,
  CustomsRequestOffer,
  CustomsRequestTransition,
} from './customs-request-lifecycle';
import {
  CUSTOMS_AUTHORITY,
  CUSTOMS_USE_RESTRICTIONS,
  CustomsItemDecision,
  CustomsRequestState,
  ITEM_SCREENS,
  screenParagraph,
} from './customs-request-state';
import {
  AnswerCustomsScreenInput,
  CustomsRequestReasonInput,
  CustomsRequestStepInput,
  DecideCustomsItemInput,
  RecordCustomsRequestInput,
} from './customs-request.types';
import { validateCustomsRequest } from './customs-request.validation';
import { customsReleaseLetter } from './customs-release-letter';
import { CUSTOMS_REQUEST_DOCUMENT_OWNER } from './customs-request-document-kind';
import { DisclosureAccounting } from './disclosure-accounting';
import { DisclosureKind } from './disclosure-accounting.entity';

/** Largest page of Customs requests and of a request's history. */
export const MAX_CUSTOMS_PAGE = 500;
/** Largest page of a Customs request's documents. */
export const MAX_CUSTOMS_DOCUMENT_PAGE = 100;

/**
 * Written Customs requests for return information under IRC 6103(l)(14) and 26 CFR 301.6103(l)(14)-1: recorded only
 * when complete under (b), screened under (a), (c), (d), (e), decided item by item, released by a second disclosure
 * officer, and accounted for. Every step is one transaction through CUSTOMS_REQUEST_LIFECYCLE.
 */
export class CustomsRequestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly accounting: DisclosureAccounting,
  ) {}

  private readonly lifecycle = new LifecycleApplier<
    CustomsRequestState,
    CustomsRequestAction,
    CustomsRequestTransition,
    CustomsRequest,
    CustomsRequestHistoryDetails,
    null
  >(CUSTOMS_REQUEST_LIFECYCLE, {
    target: CustomsRequest,
    stateOf: (request) => request.state,
    setState: (request, state) => {
      request.state = state;
    },
    changes: (request) => ({
      state: request.state,
      items: request.items,
      screenAnswers: request.screenAnswers,
      concludedById: request.concludedById,
      release: request.release,
    }),
    admissible: (action, _rule, request) => checkCustomsAdmissible(action, request),
    before: () => null,
    record: recordDisclosureHistory(DisclosureSubject.CUSTOMS_REQUEST),
    notify: (manager, rule, fact) => this.notify(manager, rule, fact.item, fact.actorId!, fact.at),
  });

  /** Records a written request; refused with every missing element of paragraph (b) named, and nothing written. */
  async record(caller: Caller, input: RecordCustomsRequestInput): Promise<CustomsRequest> {
    const now = this.clock.now();
    const valid = validateCustomsRequest(input, now);
    return this.dataSource.transaction(async (manager) => {
      const request = manager.create(CustomsRequest, {
        ...valid,
        tinHash: taxpayerDataCipher().hash(valid.tin),
        referenceNumber: await nextReferenceNumber(manager, 'customs_request_number_seq', 'CBP', now),
        items: valid.items.map((item) => ({ ...item, decision: null, decisionReason: null, decidedById: null, decidedAt: null })),
        screenAnswers: [],
        recordedById: caller.id,
        concludedById: null,
        release: null,
      });
      const applied = await this.lifecycle.create(
        manager,
        CustomsRequestAction.RECORD,
        request,
        { actorId: caller.id, now, note: null },
        async () => ({
          letterReference: valid.letterReference,
          itemCount: valid.items.length,
        }),
      );
      return applied.item;
    });
  }

  async get(id: string): Promise<CustomsRequest> {
    const request = await this.dataSource.manager.findOneBy(CustomsRequest, { id });
    if (!request) throw new NotFoundError('Customs request', id);
    return request;
  }

  /** The request's documents (the letter, later correspondence), oldest first. */
  async documents(id: string, first: number): Promise<StoredDocument[]> {
    return this.dataSource.manager.find(StoredDocument, {
      where: { ownerKind: CUSTOMS_REQUEST_DOCUMENT_OWNER, ownerId: id },
      order: { uploadedAt: 'ASC', id: 'ASC' },
      take: checkPageSize(first, MAX_CUSTOMS_DOCUMENT_PAGE),
    });
  }

  /** Newest first, optionally in the given states. */
  list(states: readonly CustomsRequestState[] | null, order: Order<FiledSortField>, page: PageRequest): Promise<Page<CustomsRequest>> {
    const query = this.dataSource.manager.createQueryBuilder(CustomsRequest, 'r');
    if (states?.length) query.where('r.state IN (:...states)', { states });
    return keysetPage(query, { key: filedSortKeys('r')[order.field], direction: order.direction }, page, MAX_CUSTOMS_PAGE);
  }

  async history(id: string, first: number): Promise<DisclosureHistoryEntry[]> {
    await this.get(id);
    return this.dataSource.manager.find(DisclosureHistoryEntry, {
      where: { subjectType: DisclosureSubject.CUSTOMS_REQUEST, subjectId: id },
      order: { at: 'ASC', id: 'ASC' },
      take: checkPageSize(first, MAX_CUSTOMS_PAGE),
    });
  }

  /** The letter to Customs, generated from the release record (only once released). */
  async releaseLetter(id: string): Promise<string> {
    const request = await this.get(id);
    if (!request.release) throw new InvalidInputError([{ field: 'requestId', message: 'the request has not been released' }]);
    return customsReleaseLetter(request);
  }

  /**
   * What the caller may do with the request now: the lifecycle table's actions by its state, the access policy and
   * the caller's part in the review (the very checks each step runs), and attaching a document.
   */
  availableActions(caller: Caller, request: CustomsRequest): CustomsRequestOffer[] {
    const steps: CustomsRequestOffer[] = this.lifecycle
      .available(request, customsPartiesOf(caller, request))
      .filter((action) => policyAdmits(this.lifecycle.rule(action).mutation, caller));
    return mayKeepCustomsDocuments(caller) ? [...steps, CustomsRequestOffer.ATTACH_DOCUMENT] : steps;
  }

  /** An element of (b) is present but inadequate: Customs must send a new written request. */
  returnIncomplete(caller: Caller, input: CustomsRequestReasonInput): Promise<CustomsRequest> {
    return this.step(caller, CustomsRequestAction.RETURN_INCOMPLETE, input, input.reason);
  }

  /** One screen answered, with who and why; the latest answer for a screen (and item) counts. */
  answerScreen(caller: Caller, input: AnswerCustomsScreenInput): Promise<CustomsRequest> {
    return this.step(caller, CustomsRequestAction.ANSWER_SCREEN, input, input.reason, async ({ item: request, now, note }) => {
      const perItem = ITEM_SCREENS.includes(input.screen);
      if (perItem && input.itemNumber == null)
        throw InvalidInputError.single('itemNumber', `${screenParagraph(input.screen)} is answered per item: name the item`);
      if (!perItem && input.itemNumber != null)
        throw InvalidInputError.single('itemNumber', `${screenParagraph(input.screen)} is answered for the whole request, not per item`);
      if (perItem) itemOf(request, input.itemNumber!);
      const answer: CustomsScreenAnswer = {
        screen: input.screen,
        itemNumber: input.itemNumber ?? null,
        passed: input.passed,
        reason: note!,
        answeredById: caller.id,
        answeredAt: now,
      };
      request.screenAnswers = [...request.screenAnswers, answer];
      return { screen: answer.screen, itemNumber: answer.itemNumber, passed: answer.passed };
    });
  }

  /** Approve an item only when (a), (e) and the item's (c) and (d) passed; deny with a reason. */
  decideItem(caller: Caller, input: DecideCustomsItemInput): Promise<CustomsRequest> {
    const reason =
      input.decision === CustomsItemDecision.DENIED ? orThrow(checkText(input.reason ?? '', 'reason', TEXT_MAX.narrative)) : null;
    return this.step(caller, CustomsRequestAction.DECIDE_ITEM, input, reason, async ({ item: request, now }) => {
      const item = itemOf(request, input.itemNumber);
      if (input.decision === CustomsItemDecision.APPROVED) {
        const unmet = unmetScreens(request, item.number);
        if (unmet.length) throw new InvalidInputError(unmet.map((message) => ({ field: 'decision', message })));
      }
      request.items = request.items.map((other) =>
        other.number === item.number
          ? { ...other, decision: input.decision, decisionReason: reason, decidedById: caller.id, decidedAt: now }
          : other,
      );
      return { itemNumber: item.number, decision: input.decision };
    });
  }

  /** Every item decided: APPROVED, PARTLY_APPROVED or DENIED by the decisions; approved items must still pass every screen. */
  async conclude(caller: Caller, input: CustomsRequestStepInput): Promise<CustomsRequest> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.load(manager, input.requestId);
      const { action, approved, denied } = conclusionOf(request);
      const applied = await this.lifecycle.apply(manager, action, request, this.command(caller, request, input, null), async () => {
        request.concludedById = caller.id;
        return { approvedItems: approved, deniedItems: denied };
      });
      return applied.item;
    });
  }

  /** The second officer does not agree: back to review (two-person rule). */
  returnToReview(caller: Caller, input: CustomsRequestReasonInput): Promise<CustomsRequest> {
    return this.step(caller, CustomsRequestAction.RETURN_TO_REVIEW, input, input.reason, async ({ item: request }) => {
      request.concludedById = null;
      return null;
    });
  }

  /**
   * The second officer releases exactly the approved items to the recipients the request designated by title, under
   * IRC 6103(l)(14) and the use restrictions of (f)–(j); the accounting of disclosures gets its entry in the same transaction.
   */
  release(caller: Caller, input: CustomsRequestStepInput): Promise<CustomsRequest> {
    return this.step(caller, CustomsRequestAction.RELEASE, input, null, async ({ manager, item: request, now }) => {
      const approved = request.items.filter((item) => item.decision === CustomsItemDecision.APPROVED);
      request.release = {
        itemNumbers: approved.map((item) => item.number),
        recipientTitles: request.recipientTitles,
        releasedAt: now,
        authority: CUSTOMS_AUTHORITY,
        useRestrictions: [...CUSTOMS_USE_RESTRICTIONS],
        releasedById: caller.id,
      };
      await this.accounting.append(manager, {
        tinHash: request.tinHash,
        kind: DisclosureKind.CUSTOMS_RELEASE,
        sourceId: request.id,
        sourceReference: request.referenceNumber,
        recipient: `U.S. Customs and Border Protection: ${request.recipientTitles.join('; ')}`,
        information: approved.map((item) => `${item.description} (${item.taxPeriod})`),
        authority: CUSTOMS_AUTHORITY,
        disclosedById: caller.id,
        disclosedAt: now,
      });
      return { itemNumbers: request.release.itemNumbers, recipientTitles: request.recipientTitles };
    });
  }

  /** One step on an existing request in one transaction: read, the table's checks, the effect, the versioned write. */
  private step<A extends CustomsRequestAction>(
    caller: Caller,
    action: A,
    input: CustomsRequestStepInput,
    reason: string | null | undefined,
    effect?: LifecycleEffect<CustomsRequest, CustomsRequestHistoryDetails[A]>,
  ): Promise<CustomsRequest> {
    const note = this.lifecycle.checkNote(action, { value: reason, field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const request = await this.load(manager, input.requestId);
      const applied = await this.lifecycle.apply(manager, action, request, this.command(caller, request, input, note), effect);
      return applied.item;
    });
  }

  private async load(manager: EntityManager, id: string): Promise<CustomsRequest> {
    const request = await manager.findOne(CustomsRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw new NotFoundError('Customs request', id);
    return request;
  }

  private command(caller: Caller, request: CustomsRequest, input: CustomsRequestStepInput, note: string | null) {
    return {
      actorId: caller.id,
      parties: customsPartiesOf(caller, request),
      expectedVersion: input.expectedVersion,
      now: this.clock.now(),
      note,
    };
  }

  /** The disclosure officers other than the actor; notices name the request's reference and state only. */
  private async notify(manager: EntityManager, { notify }: CustomsRequestTransition, request: CustomsRequest, actorId: string, now: Date) {
    const subject = { type: DisclosureSubject.CUSTOMS_REQUEST, id: request.id };
    return enqueueDisclosureNotices(
      this.outbox,
      manager,
      { kind: notify!.kind, subject, actorId, now },
      await roleHolders(manager, Role.DISCLOSURE_OFFICER),
    );
  }
}
