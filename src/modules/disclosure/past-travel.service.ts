import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { checkPageSize } from '../../platform/common/page-size';
import { keysetPage, Order, Page, PageRequest } from '../../platform/database/keyset-page';
import { FiledSortField, filedSortKeys } from '../../platform/graphql/filed-order';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { LifecycleApplier, LifecycleEffect } from '../../platform/lifecycle/lifecycle-applier';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { enqueueDisclosureNotices } from './disclosure-notice-outbox';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { LIST_MAX, Problems } from '../../platform/validation/checked';
import { checkTin } from '../../platform/validation/identifiers';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { Caller } from '../org/caller';
import { roleHolders } from '../org/notice-recipients';
import { Role } from '../org/role';
import { checkDateOfBirth } from '../tecs/lookout-request.validation';
import { DisclosureHistoryEntry, DisclosureSubject } from './disclosure-history.entity';
import { recordDisclosureHistory } from './disclosure-history';
import { pastDateProblems } from './past-date';
import { checkTaxYears } from './tax-years';
import { PAST_TRAVEL_LIFECYCLE, PastTravelAction, PastTravelOffer, PastTravelParty, PastTravelTransition } from './past-travel-lifecycle';
import { policyAdmits } from './policy-admits';
import { PastTravelRequest, PastTravelState } from './past-travel-request.entity';
import { AnswerPastTravelInput, PastTravelRequestInput, PastTravelStepInput } from './past-travel.types';

/** Largest page of past-travel requests. */
export const MAX_PAST_TRAVEL_PAGE = 500;

type PastTravelDetails = {
  [PastTravelAction.REQUEST]: null;
  [PastTravelAction.FORWARD]: null;
  [PastTravelAction.DECLINE]: null;
  [PastTravelAction.ANSWER]: { dhsReference: string; tripCount: number };
};

/**
 * Revenue officers' requests for a taxpayer's past travel (seed 000): RO → TECS coordinator → DHS, DHS's answer
 * recorded by the DHS client. The request and the answer are TECS information: only the requesting RO, their GM and
 * the coordinators see them (everyone else FORBIDDEN); the DHS client sees only what it must answer.
 */
export class PastTravelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
  ) {}

  private readonly lifecycle = new LifecycleApplier<
    PastTravelState,
    PastTravelAction,
    PastTravelTransition,
    PastTravelRequest,
    PastTravelDetails,
    null
  >(PAST_TRAVEL_LIFECYCLE, {
    target: PastTravelRequest,
    stateOf: (request) => request.state,
    setState: (request, state) => {
      request.state = state;
    },
    changes: (request) => ({ state: request.state, dhsReference: request.dhsReference, trips: request.trips }),
    before: () => null,
    record: recordDisclosureHistory(DisclosureSubject.PAST_TRAVEL_REQUEST),
    notify: (manager, rule, fact) => this.notify(manager, rule, fact.item, fact.actorId!, fact.at),
  });

  async request(caller: Caller, input: PastTravelRequestInput): Promise<PastTravelRequest> {
    const now = this.clock.now();
    const problems = new Problems();
    const taxpayerName = problems.take(checkText(input.taxpayerName, 'taxpayerName', TEXT_MAX.short));
    problems.errors.push(...checkDateOfBirth(input.dateOfBirth, 'dateOfBirth', now));
    const tin = problems.take(checkTin(input.tin, input.tinType, 'tin'));
    problems.errors.push(...pastDateProblems(input.travelFrom, 'travelFrom', now), ...pastDateProblems(input.travelTo, 'travelTo', now));
    if (input.travelTo < input.travelFrom) problems.add('travelTo', 'is before travelFrom');
    const reason = problems.take(checkText(input.reason, 'reason', TEXT_MAX.narrative));
    const taxYears = checkTaxYears(input.taxYears ?? [], 'taxYears', problems, false);
    if (!caller.employee.managerId) problems.add('caller', 'you have no group manager on record: an admin must set your manager');
    if (problems.errors.length) throw new InvalidInputError(problems.errors);
    return this.dataSource.transaction(async (manager) => {
      const request = manager.create(PastTravelRequest, {
        referenceNumber: await nextReferenceNumber(manager, 'past_travel_request_number_seq', 'PT', now),
        taxpayerName,
        dateOfBirth: input.dateOfBirth,
        tin,
        tinType: input.tinType,
        tinHash: taxpayerDataCipher().hash(tin),
        travelFrom: input.travelFrom,
        travelTo: input.travelTo,
        reason,
        taxYears,
        revenueOfficerId: caller.id,
        groupManagerId: caller.employee.managerId!,
        dhsReference: null,
        trips: null,
      });
      return (await this.lifecycle.create(manager, PastTravelAction.REQUEST, request, { actorId: caller.id, now, note: null })).item;
    });
  }

  forward(caller: Caller, input: PastTravelStepInput): Promise<PastTravelRequest> {
    return this.step(caller, PastTravelAction.FORWARD, input, null);
  }

  decline(caller: Caller, input: PastTravelStepInput): Promise<PastTravelRequest> {
    return this.step(caller, PastTravelAction.DECLINE, input, input.reason);
  }

  answer(caller: Caller, input: AnswerPastTravelInput): Promise<PastTravelRequest> {
    const problems = new Problems();
    const dhsReference = problems.take(checkText(input.dhsReference, 'dhsReference', TEXT_MAX.short));
    if (input.trips.length > LIST_MAX) problems.add('trips', `at most ${LIST_MAX}`);
    const trips = input.trips.map((trip, index) => ({
      crossedAt: trip.crossedAt,
      placeOfCrossing: problems.take(checkText(trip.placeOfCrossing, `trips[${index}].placeOfCrossing`, TEXT_MAX.short)),
      direction: trip.direction,
      documentNumber: problems.take(checkText(trip.documentNumber, `trips[${index}].documentNumber`, TEXT_MAX.short)),
    }));
    if (problems.errors.length) throw new InvalidInputError(problems.errors);
    return this.step(caller, PastTravelAction.ANSWER, { requestId: input.requestId }, null, async ({ item }) => {
      item.dhsReference = dhsReference;
      item.trips = trips;
      return { dhsReference, tripCount: trips.length };
    });
  }

  /** For the requesting RO, their GM and the coordinators only. */
  async get(caller: Caller, id: string): Promise<PastTravelRequest> {
    const request = await this.dataSource.manager.findOneBy(PastTravelRequest, { id });
    if (!request) throw new NotFoundError('Past-travel request', id);
    if (this.partiesOf(caller, request).size === 0) throw new ForbiddenError('TECS information is only for the roles on the case');
    return request;
  }

  /** DHS's answer, for disclosing it (refused as `disclosureRefusal` says). */
  async answerToDisclose(caller: Caller, id: string): Promise<PastTravelRequest> {
    const request = await this.get(caller, id);
    const refusal = this.disclosureRefusal(caller, request);
    if (refusal) throw refusal;
    return request;
  }

  /**
   * Why the caller may not disclose the request's answer (null: they may): only those on the case (the requesting RO,
   * their GM, the coordinators; not the DHS client), and only once DHS answered (seed 000).
   */
  private disclosureRefusal(caller: Caller, request: PastTravelRequest): Error | null {
    const parties = this.partiesOf(caller, request);
    if (!parties.has(PastTravelParty.CASE_OFFICERS) && !parties.has(PastTravelParty.COORDINATOR))
      return new ForbiddenError('Only those on the case may disclose its TECS information (seed 000)');
    if (request.state !== PastTravelState.ANSWERED || !request.trips)
      return new ConflictError(`Past-travel request ${request.referenceNumber} has no answer from DHS to disclose`, 'WRONG_STATE');
    return null;
  }

  /**
   * What the caller may do with the request now: the lifecycle table's actions by its state, the access policy and the
   * caller's part in the request, then disclosing the answer, by the very checks each of them runs.
   */
  availableActions(caller: Caller, request: PastTravelRequest): PastTravelOffer[] {
    const steps: PastTravelOffer[] = this.lifecycle
      .available(request, this.partiesOf(caller, request))
      .filter((action) => policyAdmits(this.lifecycle.rule(action).mutation, caller));
    const disclosure: [PastTravelOffer, string][] = [
      [PastTravelOffer.DISCLOSE_ANSWER, 'discloseTecsInformation'],
      [PastTravelOffer.RECORD_DHS_AUTHORIZATION, 'recordDhsDisclosureAuthorization'],
    ];
    const disclosable = this.disclosureRefusal(caller, request) === null;
    return [...steps, ...disclosure.filter(([, operation]) => disclosable && policyAdmits(operation, caller)).map(([offer]) => offer)];
  }

  /** What the caller may see, newest first: their own (RO), their ROs' (GM), all (coordinator). */
  list(caller: Caller, order: Order<FiledSortField>, page: PageRequest): Promise<Page<PastTravelRequest>> {
    const query = this.dataSource.manager.createQueryBuilder(PastTravelRequest, 'p');
    if (!caller.hasRole(Role.TECS_COORDINATOR)) query.where('(p.revenue_officer_id = :me OR p.group_manager_id = :me)', { me: caller.id });
    return this.page(query, order, page);
  }

  /** What the DHS client must answer: the requests sent to DHS (name, date of birth and period only; no TIN). */
  withDhs(order: Order<FiledSortField>, page: PageRequest): Promise<Page<PastTravelRequest>> {
    const query = this.dataSource.manager
      .createQueryBuilder(PastTravelRequest, 'p')
      .where('p.state = :withDhs', { withDhs: PastTravelState.WITH_DHS });
    return this.page(query, order, page);
  }

  private page(
    query: SelectQueryBuilder<PastTravelRequest>,
    order: Order<FiledSortField>,
    page: PageRequest,
  ): Promise<Page<PastTravelRequest>> {
    return keysetPage(query, { key: filedSortKeys('p')[order.field], direction: order.direction }, page, MAX_PAST_TRAVEL_PAGE);
  }

  async history(caller: Caller, id: string, first: number): Promise<DisclosureHistoryEntry[]> {
    await this.get(caller, id);
    return this.dataSource.manager.find(DisclosureHistoryEntry, {
      where: { subjectType: DisclosureSubject.PAST_TRAVEL_REQUEST, subjectId: id },
      order: { at: 'ASC', id: 'ASC' },
      take: checkPageSize(first, MAX_PAST_TRAVEL_PAGE),
    });
  }

  private step<A extends PastTravelAction>(
    caller: Caller,
    action: A,
    input: PastTravelStepInput,
    reason: string | null | undefined,
    effect?: LifecycleEffect<PastTravelRequest, PastTravelDetails[A]>,
  ): Promise<PastTravelRequest> {
    const note = this.lifecycle.checkNote(action, { value: reason, field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(PastTravelRequest, { where: { id: input.requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundError('Past-travel request', input.requestId);
      const command = {
        actorId: caller.id,
        parties: this.partiesOf(caller, request),
        expectedVersion: input.expectedVersion,
        now: this.clock.now(),
        note,
      };
      return (await this.lifecycle.apply(manager, action, request, command, effect)).item;
    });
  }

  private partiesOf(caller: Caller, request: PastTravelRequest): Set<PastTravelParty> {
    const parties = new Set<PastTravelParty>();
    if (caller.id === request.revenueOfficerId) parties.add(PastTravelParty.REVENUE_OFFICER);
    if (caller.id === request.revenueOfficerId || caller.id === request.groupManagerId) parties.add(PastTravelParty.CASE_OFFICERS);
    if (caller.hasRole(Role.TECS_COORDINATOR)) parties.add(PastTravelParty.COORDINATOR);
    if (caller.hasRole(Role.DHS_INTERFACE)) parties.add(PastTravelParty.DHS_INTERFACE);
    return parties;
  }

  /** The coordinators and/or the requesting RO and GM, not the actor; notices name the reference and state only. */
  private async notify(manager: EntityManager, { notify }: PastTravelTransition, request: PastTravelRequest, actorId: string, now: Date) {
    const recipients = [
      ...(notify!.to.includes(PastTravelParty.COORDINATOR) ? await roleHolders(manager, Role.TECS_COORDINATOR) : []),
      ...(notify!.to.includes(PastTravelParty.CASE_OFFICERS) ? [request.revenueOfficerId, request.groupManagerId] : []),
    ];
    const subject = { type: DisclosureSubject.PAST_TRAVEL_REQUEST, id: request.id };
    return enqueueDisclosureNotices(this.outbox, manager, { kind: notify!.kind, subject, actorId, now }, recipients);
  }
}
