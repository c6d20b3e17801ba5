import { randomUUID } from 'node:crypto';
import { getByReferenceNumber } from '../../platform/database/reference-lookup';
import { keysetPage, Order, Page, PageRequest } from '../../platform/database/keyset-page';
import { INVESTIGATION_SORT_KEYS, InvestigationSortField, MAX_TECS_PAGE } from './tecs-orders';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../org/caller';
import { CalendarService } from '../../platform/calendar/calendar.service';
import { Clock } from '../../platform/common/clock';
import { InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { LifecycleApplier, LifecycleStep } from '../../platform/lifecycle/lifecycle-applier';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { UrgentDelivery } from '../../platform/notifications/notification-delivery';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { roleHolders } from '../org/notice-recipients';
import { Role } from '../org/role';
import { CollectionCase } from './collection-case.entity';
import { Crossing } from './crossing.entity';
import { CrossingService, ON_LOOKOUT_LIST } from './crossing.service';
import { CrossingAction } from './crossing-lifecycle';
import { INVESTIGATION_LIFECYCLE, InvestigationAction, InvestigationParty, InvestigationTransition } from './investigation-lifecycle';
import { LookoutAction } from './lookout-lifecycle';
import { Lookout } from './lookout.entity';
import { LookoutService } from './lookout.service';
import { OtherInvestigation } from './other-investigation.entity';
import { TecsSubject } from './tecs-history.entity';
import { appendTecsHistory, recordTecsHistory, TecsHistoryDetailsOf } from './tecs-history';
import { CaseStatus, InvestigationState, LookoutDisposition } from './tecs-state';
import { CloseInvestigationInput, OpenInvestigationInput, ReissueInvestigationInput } from './tecs.types';

/**
 * OIs (other / courtesy investigations) opened by the TECS coordinator from a crossing and issued to the
 * originating GM and RO, who may re-issue them (e.g. to a domestic RO near the port of entry) and close
 * them with the outcome and the lookout disposition (seed 000).
 */
export class InvestigationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly outbox: NotificationOutbox,
    private readonly lookouts: LookoutService,
    private readonly dueBusinessDays: number,
    private readonly deliverUrgentNow: UrgentDelivery,
    private readonly crossings: CrossingService,
  ) {}

  /** INVESTIGATION_LIFECYCLE applied: the due clock, the versioned update, the history row and the notices. */
  private readonly lifecycle = new LifecycleApplier<
    InvestigationState,
    InvestigationAction,
    InvestigationTransition,
    OtherInvestigation,
    TecsHistoryDetailsOf<TecsSubject.INVESTIGATION>,
    null
  >(INVESTIGATION_LIFECYCLE, {
    target: OtherInvestigation,
    stateOf: (investigation) => investigation.state,
    setState: (investigation, state) => {
      investigation.state = state;
    },
    // Not the escalation level: the sweep raises it without a version.
    changes: (oi) => ({
      state: oi.state,
      groupManagerId: oi.groupManagerId,
      revenueOfficerId: oi.revenueOfficerId,
      issuedToIds: oi.issuedToIds,
      outcomes: oi.outcomes,
      lookoutDisposition: oi.lookoutDisposition,
      closedAt: oi.closedAt,
    }),
    clocks: {
      start: (_clock, step) => this.startDueClock(step),
      stop: (_clock, { item, now }) => {
        item.closedAt = now;
      },
    },
    before: () => null,
    record: recordTecsHistory(TecsSubject.INVESTIGATION),
    notify: (manager, rule, fact) => this.notify(manager, rule, fact.item, fact.actorId!, fact.at),
  });

  async open(caller: Caller, input: OpenInvestigationInput): Promise<OtherInvestigation> {
    const note = this.lifecycle.checkNote(InvestigationAction.ISSUE, { value: input.note, field: 'note' });
    const { item: investigation, noticeIds } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const crossing = await manager.findOneBy(Crossing, { id: input.crossingId });
      if (!crossing) throw new NotFoundError('Crossing', input.crossingId);
      await this.crossings.checkAction(CrossingAction.OPEN_INVESTIGATION, caller, crossing);
      const lookoutId = crossing.lookoutId ?? input.lookoutId;
      if (!lookoutId) throw InvalidInputError.single('lookoutId', 'the crossing matched no lookout: name the lookout it concerns');
      const lookout = await manager.findOneBy(Lookout, { id: lookoutId });
      if (!lookout || !ON_LOOKOUT_LIST.includes(lookout.state))
        throw InvalidInputError.single('lookoutId', 'no lookout on the TECS list with this id');
      if (input.dueAt && input.dueAt <= now) throw InvalidInputError.single('dueAt', 'must be in the future');

      const collectionCase = await this.openCase(manager, lookout, caller, now);
      // Its id and number are fixed first: the crossing's and the case's history name the OI before it is written.
      const created = manager.create(OtherInvestigation, {
        id: randomUUID(),
        referenceNumber: await nextReferenceNumber(manager, 'investigation_number_seq', 'OI', now),
        kind: input.kind,
        crossingId: crossing.id,
        lookoutId: lookout.id,
        caseId: collectionCase.id,
        groupManagerId: lookout.groupManagerId,
        revenueOfficerId: lookout.revenueOfficerId,
        issuedToIds: [lookout.groupManagerId, lookout.revenueOfficerId],
        // The due clock (startDueClock) counts business days only when neither is given.
        dueAt: input.dueAt ?? crossing.plannedDepartureAt ?? undefined,
        timeCritical: crossing.timeCritical,
        outcomes: null,
        lookoutDisposition: null,
        escalationLevel: 0,
        openedAt: now,
        closedAt: null,
      });
      await this.crossings.apply(manager, CrossingAction.OPEN_INVESTIGATION, caller, crossing, now, async ({ item }) => {
        item.lookoutId = lookout.id;
        item.flagged = false;
        return { investigationId: created.id };
      });
      // The lookout information goes into the case history (seed 000, coordinator note).
      await appendTecsHistory(manager, {
        subjectType: TecsSubject.CASE,
        subjectId: collectionCase.id,
        action: 'LOOKOUT_INFORMATION',
        actorId: caller.id,
        at: now,
        note,
        details: {
          investigation: created.referenceNumber,
          crossing: crossing.referenceNumber,
          placeOfCrossing: crossing.placeOfCrossing,
          crossedAt: crossing.crossedAt.toISOString(),
          usEmployer: crossing.usEmployer,
          usAddress: crossing.usAddress,
          phone: crossing.phone,
          stayingAt: crossing.stayingAt,
          plannedDepartureAt: crossing.plannedDepartureAt?.toISOString() ?? null,
          nextDestination: crossing.nextDestination,
        },
      });
      return this.lifecycle.create(manager, InvestigationAction.ISSUE, created, { actorId: caller.id, now, note: null }, async () => ({
        issuedTo: created.issuedToIds,
      }));
    });
    if (investigation.timeCritical) this.deliverUrgentNow(noticeIds);
    return investigation;
  }

  /** The GM it sits with (or the coordinator) hands it to another GM and RO; each hop is recorded and notified. */
  async reissue(caller: Caller, input: ReissueInvestigationInput): Promise<OtherInvestigation> {
    const note = this.lifecycle.checkNote(InvestigationAction.REISSUE, { value: input.note, field: 'note' });
    const { item: investigation, noticeIds } = await this.dataSource.transaction(async (manager) => {
      const investigation = await this.load(manager, caller, input.investigationId);
      return this.lifecycle.apply(
        manager,
        InvestigationAction.REISSUE,
        investigation,
        this.command(caller, investigation, note),
        async () => {
          const [gm, ro] = await Promise.all([
            manager.findOneBy(Employee, { id: input.groupManagerId, active: true }),
            manager.findOneBy(Employee, { id: input.revenueOfficerId, active: true }),
          ]);
          const problems = [];
          if (!gm?.hasRole(Role.GROUP_MANAGER)) problems.push({ field: 'groupManagerId', message: 'must be an active group manager' });
          if (!ro?.hasRole(Role.REVENUE_OFFICER))
            problems.push({ field: 'revenueOfficerId', message: 'must be an active revenue officer' });
          if (problems.length) throw new InvalidInputError(problems);
          const from = { groupManagerId: investigation.groupManagerId, revenueOfficerId: investigation.revenueOfficerId };
          const newcomers = [gm!.id, ro!.id].filter((id) => !investigation.issuedToIds.includes(id));
          Object.assign(investigation, {
            groupManagerId: gm!.id,
            revenueOfficerId: ro!.id,
            issuedToIds: [...investigation.issuedToIds, ...newcomers],
          });
          return { from, to: { groupManagerId: gm!.id, revenueOfficerId: ro!.id } };
        },
      );
    });
    if (investigation.timeCritical) this.deliverUrgentNow(noticeIds);
    return investigation;
  }

  /** Closes the OI with its outcome; REMOVE starts the lookout removal flow, REMAIN confirms the lookout stays. */
  async close(caller: Caller, input: CloseInvestigationInput): Promise<OtherInvestigation> {
    const note = this.lifecycle.checkNote(InvestigationAction.CLOSE, { value: input.note, field: 'note' });
    if (input.outcomes.length === 0) throw InvalidInputError.single('outcomes', 'name at least one outcome');
    return this.dataSource.transaction(async (manager) => {
      const investigation = await this.load(manager, caller, input.investigationId);
      await this.lifecycle.apply(manager, InvestigationAction.CLOSE, investigation, this.command(caller, investigation, note), async () => {
        const outcomes = [...new Set(input.outcomes)];
        Object.assign(investigation, { outcomes, lookoutDisposition: input.lookoutDisposition });
        return { outcomes, lookoutDisposition: input.lookoutDisposition };
      });
      const action = input.lookoutDisposition === LookoutDisposition.REMOVE ? LookoutAction.REQUEST_REMOVAL : LookoutAction.CONFIRM_REMAINS;
      await this.lookouts.applyInTransaction(
        manager,
        caller,
        { lookoutId: investigation.lookoutId, note: note ?? `OI ${investigation.referenceNumber} closed` },
        action,
      );
      return investigation;
    });
  }

  async get(caller: Caller, id: string): Promise<OtherInvestigation> {
    return this.load(this.dataSource.manager, caller, id);
  }

  /** By the reference number people quote, within what the caller may see. */
  getByReferenceNumber(caller: Caller, referenceNumber: string): Promise<OtherInvestigation> {
    return getByReferenceNumber(this.dataSource.manager, OtherInvestigation, 'OI', referenceNumber, (id) => this.get(caller, id));
  }

  /** OIs issued to the caller (or all, for a coordinator), in `order`. */
  mine(caller: Caller, includeClosed: boolean, order: Order<InvestigationSortField>, page: PageRequest): Promise<Page<OtherInvestigation>> {
    const query = this.dataSource.manager.createQueryBuilder(OtherInvestigation, 'oi');
    if (!caller.hasRole(Role.TECS_COORDINATOR)) query.where('oi.issued_to_ids @> ARRAY[:me]::uuid[]', { me: caller.id });
    if (!includeClosed) query.andWhere('oi.state = :issued', { issued: InvestigationState.ISSUED });
    return keysetPage(query, { key: INVESTIGATION_SORT_KEYS[order.field], direction: order.direction }, page, MAX_TECS_PAGE);
  }

  private async load(manager: EntityManager, caller: Caller, id: string): Promise<OtherInvestigation> {
    const investigation = await manager.findOneBy(OtherInvestigation, { id });
    if (!investigation) throw new NotFoundError('OI', id);
    if (!caller.hasRole(Role.TECS_COORDINATOR) && !investigation.issuedToIds.includes(caller.id)) {
      await this.lookouts.get(caller, investigation.lookoutId); // throws FORBIDDEN for anyone not on the case
    }
    return investigation;
  }

  /** The lookout's case, or — when it was archived — a new case record re-created from it. */
  private async openCase(manager: EntityManager, lookout: Lookout, caller: Caller, now: Date): Promise<CollectionCase> {
    const current = await manager.findOneByOrFail(CollectionCase, { id: lookout.caseId });
    if (current.status === CaseStatus.OPEN) return current;
    const created = await manager.save(
      manager.create(CollectionCase, {
        caseNumber: await nextReferenceNumber(manager, 'collection_case_number_seq', 'CASE', now),
        status: CaseStatus.OPEN,
        closureCode: null,
        revenueOfficerId: lookout.revenueOfficerId,
        groupManagerId: lookout.groupManagerId,
        reopenedFromId: current.id,
      }),
    );
    await manager.update(Lookout, { id: lookout.id }, { caseId: created.id });
    await appendTecsHistory(manager, {
      subjectType: TecsSubject.CASE,
      subjectId: created.id,
      action: 'CASE_CREATED_FROM_ARCHIVE',
      toState: CaseStatus.OPEN,
      actorId: caller.id,
      at: now,
      details: { archivedCase: current.caseNumber },
    });
    return created;
  }

  /** `dueBusinessDays` business days in the GM's function's calendar (its zone and closures). */
  private async defaultDue(manager: EntityManager, groupManagerId: string, now: Date): Promise<{ dueAt: Date; functionId: string }> {
    const gm = await manager.findOneByOrFail(Employee, { id: groupManagerId });
    const fn = await manager.findOneByOrFail(BusinessFunction, { id: gm.functionId });
    const calendar = (await this.calendars.forClocks(manager)).calendarFor(fn.id);
    return { dueAt: calendar.dueAfterBusinessDays(now, this.dueBusinessDays, fn.timeZone), functionId: fn.id };
  }

  /** What the caller may do with the OI now (re-issue, close), by the OI lifecycle table. */
  availableActions(caller: Caller, investigation: OtherInvestigation): InvestigationAction[] {
    return this.lifecycle.available(investigation, this.command(caller, investigation, null).parties);
  }

  /** How the caller relates to the OI. */
  private command(caller: Caller, investigation: OtherInvestigation, note: string | null) {
    const parties = new Set<InvestigationParty>();
    if (caller.hasRole(Role.TECS_COORDINATOR)) parties.add(InvestigationParty.COORDINATOR);
    if (investigation.groupManagerId === caller.id) parties.add(InvestigationParty.GROUP_MANAGER);
    if (investigation.revenueOfficerId === caller.id) parties.add(InvestigationParty.REVENUE_OFFICER);
    return { actorId: caller.id, parties, now: this.clock.now(), note };
  }

  /** Unless a due time was given: `dueBusinessDays` business days in the GM's calendar, re-timed when a closure changes. */
  private async startDueClock({ manager, item, now }: LifecycleStep<OtherInvestigation>): Promise<void> {
    const due = item.dueAt ? null : await this.defaultDue(manager, item.groupManagerId, now);
    if (due) item.dueAt = due.dueAt;
    item.dueBusinessDays = due ? this.dueBusinessDays : null;
    item.dueFunctionId = due?.functionId ?? null;
  }

  private async notify(
    manager: EntityManager,
    { notify }: InvestigationTransition,
    investigation: OtherInvestigation,
    actorId: string,
    now: Date,
  ): Promise<string[]> {
    const recipients: string[] = [];
    for (const party of notify.to) {
      if (party === InvestigationParty.GROUP_MANAGER) recipients.push(investigation.groupManagerId);
      if (party === InvestigationParty.REVENUE_OFFICER) recipients.push(investigation.revenueOfficerId);
      if (party === InvestigationParty.COORDINATOR) recipients.push(...(await roleHolders(manager, Role.TECS_COORDINATOR)));
    }
    const rows = await this.outbox.enqueue(
      manager,
      recipients
        .filter((id) => id !== actorId)
        .map((recipientId) => ({
          kind: notify.kind,
          recipientId,
          referralId: null,
          subject: { type: TecsSubject.INVESTIGATION, id: investigation.id },
          urgent: notify.kind === 'OI_ISSUED' && investigation.timeCritical,
          facts: notify.kind === 'OI_ISSUED' ? { actorId, clock: 'INVESTIGATION', dueAt: investigation.dueAt.toISOString() } : { actorId },
        })),
      now,
    );
    return rows.map((r) => r.id);
  }
}
