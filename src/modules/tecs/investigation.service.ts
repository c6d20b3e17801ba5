import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../org/caller';
import { CalendarService } from '../../platform/calendar/calendar.service';
import { Clock } from '../../platform/common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { UrgentDelivery } from '../../platform/notifications/notification-delivery';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { Role } from '../org/role';
import { orThrow } from '../../platform/validation/checked';
import { checkOptionalText, TEXT_MAX } from '../../platform/validation/text';
import { CollectionCase } from './collection-case.entity';
import { Crossing } from './crossing.entity';
import { ON_LOOKOUT_LIST } from './crossing.service';
import { LookoutAction } from './lookout-lifecycle';
import { Lookout } from './lookout.entity';
import { LookoutService } from './lookout.service';
import { OtherInvestigation } from './other-investigation.entity';
import { TecsSubject } from './tecs-history.entity';
import { appendTecsHistory } from './tecs-history';
import { CaseStatus, CrossingStatus, InvestigationState, LookoutDisposition } from './tecs-state';
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
  ) {}

  async open(caller: Caller, input: OpenInvestigationInput): Promise<OtherInvestigation> {
    const note = orThrow(checkOptionalText(input.note, 'note', TEXT_MAX.narrative));
    const { investigation, noticeIds } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const crossing = await manager.findOneBy(Crossing, { id: input.crossingId });
      if (!crossing) throw new NotFoundError('Crossing', input.crossingId);
      if (crossing.status !== CrossingStatus.NEW) throw new ConflictError(`The crossing is already ${crossing.status}`);
      const lookoutId = crossing.lookoutId ?? input.lookoutId;
      if (!lookoutId) throw InvalidInputError.single('lookoutId', 'the crossing matched no lookout: name the lookout it concerns');
      const lookout = await manager.findOneBy(Lookout, { id: lookoutId });
      if (!lookout || !ON_LOOKOUT_LIST.includes(lookout.state)) throw InvalidInputError.single('lookoutId', 'no lookout on the TECS list with this id');
      if (input.dueAt && input.dueAt <= now) throw InvalidInputError.single('dueAt', 'must be in the future');

      const collectionCase = await this.openCase(manager, lookout, caller, now);
      // Only a due time counted in business days is re-timed when a closure changes (dueBusinessDays, dueFunctionId).
      const due = (input.dueAt ?? crossing.plannedDepartureAt) ? null : await this.defaultDue(manager, lookout.groupManagerId, now);
      const dueAt = input.dueAt ?? crossing.plannedDepartureAt ?? due!.dueAt;
      const investigation = await manager.save(
        manager.create(OtherInvestigation, {
          referenceNumber: await nextReferenceNumber(manager, 'investigation_number_seq', 'OI', now),
          kind: input.kind,
          state: InvestigationState.ISSUED,
          crossingId: crossing.id,
          lookoutId: lookout.id,
          caseId: collectionCase.id,
          groupManagerId: lookout.groupManagerId,
          revenueOfficerId: lookout.revenueOfficerId,
          issuedToIds: [lookout.groupManagerId, lookout.revenueOfficerId],
          dueAt,
          dueBusinessDays: due ? this.dueBusinessDays : null,
          dueFunctionId: due?.functionId ?? null,
          timeCritical: crossing.timeCritical,
          outcomes: null,
          lookoutDisposition: null,
          escalationLevel: 0,
          openedAt: now,
          closedAt: null,
        }),
      );
      await manager.update(Crossing, { id: crossing.id }, { status: CrossingStatus.OI_OPENED, lookoutId: lookout.id, flagged: false });
      await appendTecsHistory(
        manager,
        { subjectType: TecsSubject.CROSSING, subjectId: crossing.id, action: 'OI_OPENED', fromState: CrossingStatus.NEW, toState: CrossingStatus.OI_OPENED, actorId: caller.id, at: now, details: { investigationId: investigation.id } },
        {
          // The lookout information goes into the case history (seed 000, coordinator note).
          subjectType: TecsSubject.CASE,
          subjectId: collectionCase.id,
          action: 'LOOKOUT_INFORMATION',
          actorId: caller.id,
          at: now,
          note,
          details: {
            investigation: investigation.referenceNumber,
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
        },
        { subjectType: TecsSubject.INVESTIGATION, subjectId: investigation.id, action: 'ISSUED', toState: investigation.state, actorId: caller.id, at: now, details: { issuedTo: investigation.issuedToIds } },
      );
      const notices = await this.issueNotices(manager, investigation, investigation.issuedToIds, caller.id, now);
      return { investigation, noticeIds: notices };
    });
    if (investigation.timeCritical) this.deliverUrgentNow(noticeIds);
    return investigation;
  }

  /** The GM it sits with (or the coordinator) hands it to another GM and RO; each hop is recorded and notified. */
  async reissue(caller: Caller, input: ReissueInvestigationInput): Promise<OtherInvestigation> {
    const note = orThrow(checkOptionalText(input.note, 'note', TEXT_MAX.narrative));
    const { investigation, noticeIds } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const investigation = await this.load(manager, caller, input.investigationId);
      if (investigation.groupManagerId !== caller.id && !caller.hasRole(Role.TECS_COORDINATOR)) {
        throw new ForbiddenError('Only the group manager the OI is issued to (or the coordinator) re-issues it');
      }
      if (investigation.state !== InvestigationState.ISSUED) throw new ConflictError('The OI is closed');
      const [gm, ro] = await Promise.all([
        manager.findOneBy(Employee, { id: input.groupManagerId, active: true }),
        manager.findOneBy(Employee, { id: input.revenueOfficerId, active: true }),
      ]);
      const problems = [];
      if (!gm?.hasRole(Role.GROUP_MANAGER)) problems.push({ field: 'groupManagerId', message: 'must be an active group manager' });
      if (!ro?.hasRole(Role.REVENUE_OFFICER)) problems.push({ field: 'revenueOfficerId', message: 'must be an active revenue officer' });
      if (problems.length) throw new InvalidInputError(problems);
      const from = { groupManagerId: investigation.groupManagerId, revenueOfficerId: investigation.revenueOfficerId };
      const newcomers = [gm!.id, ro!.id].filter((id) => !investigation.issuedToIds.includes(id));
      const result = await manager.update(
        OtherInvestigation,
        { id: investigation.id, version: investigation.version },
        { groupManagerId: gm!.id, revenueOfficerId: ro!.id, issuedToIds: [...investigation.issuedToIds, ...newcomers], version: investigation.version + 1 },
      );
      if (!result.affected) throw new ConflictError('Someone else changed this OI at the same time; reload and retry');
      Object.assign(investigation, { groupManagerId: gm!.id, revenueOfficerId: ro!.id, issuedToIds: [...investigation.issuedToIds, ...newcomers], version: investigation.version + 1 });
      await appendTecsHistory(manager, {
        subjectType: TecsSubject.INVESTIGATION,
        subjectId: investigation.id,
        action: 'REISSUED',
        fromState: investigation.state,
        toState: investigation.state,
        actorId: caller.id,
        at: now,
        note,
        details: { from, to: { groupManagerId: gm!.id, revenueOfficerId: ro!.id } },
      });
      return { investigation, noticeIds: await this.issueNotices(manager, investigation, [gm!.id, ro!.id], caller.id, now) };
    });
    if (investigation.timeCritical) this.deliverUrgentNow(noticeIds);
    return investigation;
  }

  /** Closes the OI with its outcome; REMOVE starts the lookout removal flow, REMAIN confirms the lookout stays. */
  async close(caller: Caller, input: CloseInvestigationInput): Promise<OtherInvestigation> {
    const note = orThrow(checkOptionalText(input.note, 'note', TEXT_MAX.narrative));
    if (input.outcomes.length === 0) throw InvalidInputError.single('outcomes', 'name at least one outcome');
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const investigation = await this.load(manager, caller, input.investigationId);
      if (investigation.groupManagerId !== caller.id && investigation.revenueOfficerId !== caller.id) {
        throw new ForbiddenError('Only the group manager or revenue officer the OI is issued to closes it');
      }
      if (investigation.state !== InvestigationState.ISSUED) throw new ConflictError('The OI is already closed');
      const result = await manager.update(
        OtherInvestigation,
        { id: investigation.id, version: investigation.version },
        { state: InvestigationState.CLOSED, outcomes: [...new Set(input.outcomes)], lookoutDisposition: input.lookoutDisposition, closedAt: now, version: investigation.version + 1 },
      );
      if (!result.affected) throw new ConflictError('Someone else changed this OI at the same time; reload and retry');
      Object.assign(investigation, { state: InvestigationState.CLOSED, outcomes: [...new Set(input.outcomes)], lookoutDisposition: input.lookoutDisposition, closedAt: now, version: investigation.version + 1 });
      await appendTecsHistory(manager, {
        subjectType: TecsSubject.INVESTIGATION,
        subjectId: investigation.id,
        action: 'CLOSED',
        fromState: InvestigationState.ISSUED,
        toState: InvestigationState.CLOSED,
        actorId: caller.id,
        at: now,
        note,
        details: { outcomes: investigation.outcomes, lookoutDisposition: input.lookoutDisposition },
      });
      const action = input.lookoutDisposition === LookoutDisposition.REMOVE ? LookoutAction.REQUEST_REMOVAL : LookoutAction.CONFIRM_REMAINS;
      await this.lookouts.applyInTransaction(manager, caller, { lookoutId: investigation.lookoutId, note: note ?? `OI ${investigation.referenceNumber} closed` }, action);
      const coordinators = await this.lookouts.holdersOf(manager, Role.TECS_COORDINATOR);
      await this.outbox.enqueue(
        manager,
        coordinators.map((recipientId) => ({ kind: 'OI_CLOSED' as const, recipientId, referralId: null, subject: { type: TecsSubject.INVESTIGATION, id: investigation.id }, urgent: false, facts: { actorId: caller.id } })),
        now,
      );
      return investigation;
    });
  }

  async get(caller: Caller, id: string): Promise<OtherInvestigation> {
    return this.load(this.dataSource.manager, caller, id);
  }

  /** OIs issued to the caller (or all, for a coordinator), soonest due first. */
  async mine(caller: Caller, includeClosed: boolean, first: number): Promise<OtherInvestigation[]> {
    const query = this.dataSource.manager.createQueryBuilder(OtherInvestigation, 'oi');
    if (!caller.hasRole(Role.TECS_COORDINATOR)) query.where('oi.issued_to_ids @> ARRAY[:me]::uuid[]', { me: caller.id });
    if (!includeClosed) query.andWhere('oi.state = :issued', { issued: InvestigationState.ISSUED });
    return query.orderBy('oi.time_critical', 'DESC').addOrderBy('oi.due_at', 'ASC').addOrderBy('oi.id', 'ASC').limit(first).getMany();
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

  private async issueNotices(manager: EntityManager, investigation: OtherInvestigation, to: string[], actorId: string, now: Date): Promise<string[]> {
    const rows = await this.outbox.enqueue(
      manager,
      to
        .filter((id) => id !== actorId)
        .map((recipientId) => ({
          kind: 'OI_ISSUED' as const,
          recipientId,
          referralId: null,
          subject: { type: TecsSubject.INVESTIGATION, id: investigation.id },
          urgent: investigation.timeCritical,
          facts: { actorId, clock: 'INVESTIGATION', dueAt: investigation.dueAt.toISOString() },
        })),
      now,
    );
    return rows.map((r) => r.id);
  }

}
