import { DataSource, EntityManager, In } from 'typeorm';
import { getByReferenceNumber } from '../../platform/database/reference-lookup';
import { keysetPage, Order, Page, PageRequest } from '../../platform/database/keyset-page';
import { CROSSING_SORT_KEYS, CrossingSortField, MAX_TECS_PAGE } from './tecs-orders';
import { Caller } from '../org/caller';
import { Clock } from '../../platform/common/clock';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { LifecycleApplier, LifecycleEffect } from '../../platform/lifecycle/lifecycle-applier';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { UrgentDelivery } from '../../platform/notifications/notification-delivery';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { roleHolders } from '../org/notice-recipients';
import { Role } from '../org/role';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { checkOptionalText, checkText, TEXT_MAX } from '../../platform/validation/text';
import { Problems } from '../../platform/validation/checked';
import { Crossing } from './crossing.entity';
import { CROSSING_LIFECYCLE, CrossingAction, CrossingParty, CrossingTransition } from './crossing-lifecycle';
import { checkDateOfBirth, nameKey } from './lookout-request.validation';
import { Lookout } from './lookout.entity';
import { LookoutService } from './lookout.service';
import { TecsAccess } from './tecs-access';
import { TecsReads } from './tecs-reads';
import { TecsSubject } from './tecs-history.entity';
import { recordTecsHistory, TecsHistoryDetailsOf } from './tecs-history';
import { CrossingStatus, LookoutState } from './tecs-state';
import { CoordinatorQueue, CrossingReportInput, TaxpayerDisclosure } from './tecs.types';

/** States in which the taxpayer is on the TECS lookout list (removal not yet confirmed by CI). */
export const ON_LOOKOUT_LIST: readonly LookoutState[] = [LookoutState.ACTIVE, LookoutState.REMOVAL_REQUESTED, LookoutState.REMOVAL_WITH_CI];

const DAY_MS = 24 * 3600_000;

/**
 * DHS crossing reports. The coordinator must be told at once: the notice is written in the same
 * transaction and, after commit, delivered immediately instead of waiting for the next worker poll.
 */
export class CrossingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly lookouts: LookoutService,
    private readonly access: TecsAccess,
    private readonly timeCriticalDays: number,
    private readonly deliverUrgentNow: UrgentDelivery,
  ) {}

  /** CROSSING_LIFECYCLE applied: the update guarded by the status read (crossings carry no version), the history row and the notices. */
  private readonly lifecycle = new LifecycleApplier<
    CrossingStatus,
    CrossingAction,
    CrossingTransition,
    Crossing,
    TecsHistoryDetailsOf<TecsSubject.CROSSING>,
    null
  >(CROSSING_LIFECYCLE, {
    target: Crossing,
    stateOf: (crossing) => crossing.status,
    setState: (crossing, status) => {
      crossing.status = status;
    },
    changes: (crossing) => ({ status: crossing.status, lookoutId: crossing.lookoutId, flagged: crossing.flagged }),
    guardOf: (status) => ({ status }),
    before: () => null,
    record: recordTecsHistory(TecsSubject.CROSSING),
    notify: (manager, rule, fact) => this.notify(manager, rule, fact.item, fact.at),
  });

  async report(caller: Caller, input: CrossingReportInput): Promise<Crossing> {
    const now = this.clock.now();
    const valid = this.validate(input, now);
    const { crossing, urgentNoticeIds } = await this.dataSource.transaction(async (manager) => {
      // Idempotent on DHS's report id: a repeated report returns the crossing it created.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`crossing:${valid.dhsReportId}`]);
      const existing = await manager.findOneBy(Crossing, { dhsReportId: valid.dhsReportId });
      if (existing) return { crossing: existing, urgentNoticeIds: [] };
      const lookout = await this.match(manager, input.lookoutId ?? null, valid.taxpayerName, valid.dateOfBirth);
      const created = manager.create(Crossing, {
        ...valid,
        referenceNumber: await nextReferenceNumber(manager, 'crossing_number_seq', 'CR', now),
        lookoutId: lookout?.id ?? null,
        flagged: !lookout,
        timeCritical:
          valid.plannedDepartureAt !== null && valid.plannedDepartureAt.getTime() - now.getTime() <= this.timeCriticalDays * DAY_MS,
        receivedAt: now,
      });
      const applied = await this.lifecycle.create(
        manager,
        CrossingAction.REPORT,
        created,
        { actorId: caller.id, now, note: null },
        async ({ item }) => ({
          lookoutId: item.lookoutId,
          flagged: item.flagged,
          timeCritical: item.timeCritical,
        }),
      );
      return { crossing: applied.item, urgentNoticeIds: applied.noticeIds };
    });
    if (urgentNoticeIds.length) this.deliverUrgentNow(urgentNoticeIds);
    return crossing;
  }

  /** Crossings first (time-critical first, soonest departure first), then requests waiting for review or removal. */
  /** At most `first` crossings and `first` lookouts. */
  async coordinatorQueue(first: number): Promise<CoordinatorQueue> {
    const crossings = await this.dataSource.manager
      .createQueryBuilder(Crossing, 'c')
      .where('c.status = :status', { status: CrossingStatus.NEW })
      .orderBy('c.time_critical', 'DESC')
      .addOrderBy('c.planned_departure_at', 'ASC', 'NULLS LAST')
      .addOrderBy('c.received_at', 'ASC')
      .limit(first)
      .getMany();
    const lookouts = await this.dataSource.manager.find(Lookout, {
      where: { state: In([LookoutState.WITH_COORDINATOR, LookoutState.REMOVAL_REQUESTED]) },
      order: { updatedAt: 'ASC' },
      take: first,
    });
    return { crossings, lookouts };
  }

  /** `reads`: batched per request by the field resolvers (tecsReads); straight from the database otherwise. */
  async get(caller: Caller, id: string, reads: TecsReads = this.lookouts.readsThrough(this.dataSource.manager)): Promise<Crossing> {
    const crossing = await reads.crossing(id);
    if (!crossing) throw new NotFoundError('Crossing', id);
    await this.assertCanSee(reads, caller, crossing);
    return crossing;
  }

  /** By the reference number people quote, within what the caller may see. */
  getByReferenceNumber(caller: Caller, referenceNumber: string): Promise<Crossing> {
    return getByReferenceNumber(this.dataSource.manager, Crossing, 'Crossing', referenceNumber, (id) => this.get(caller, id));
  }

  /** Only what may be disclosed to the taxpayer or their representative (seed 000); the rest needs DHS authorization. */
  async taxpayerDisclosure(caller: Caller, crossingId: string): Promise<TaxpayerDisclosure> {
    const c = await this.get(caller, crossingId);
    return {
      taxpayerName: c.taxpayerName,
      dateOfBirth: c.dateOfBirth,
      placeOfCrossing: c.placeOfCrossing,
      crossedAt: c.crossedAt,
      documentNumber: c.documentNumber,
    };
  }

  async dismiss(caller: Caller, crossingId: string, reason: string): Promise<Crossing> {
    const note = this.lifecycle.checkNote(CrossingAction.DISMISS, { value: reason, field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const crossing = await manager.findOneBy(Crossing, { id: crossingId });
      if (!crossing) throw new NotFoundError('Crossing', crossingId);
      await this.lifecycle.apply(manager, CrossingAction.DISMISS, crossing, { ...this.command(caller), now: this.clock.now(), note });
      return crossing;
    });
  }

  /** Throws unless the caller may take the action on the crossing now (before anything else of the action is done). */
  checkAction(action: CrossingAction, caller: Caller, crossing: Crossing): void {
    this.lifecycle.check(action, crossing, this.command(caller));
  }

  /** A crossing action taken as part of another (an OI opened from it), in that action's transaction. */
  async apply<A extends CrossingAction>(
    manager: EntityManager,
    action: A,
    caller: Caller,
    crossing: Crossing,
    now: Date,
    effect: LifecycleEffect<Crossing, TecsHistoryDetailsOf<TecsSubject.CROSSING>[A]>,
  ): Promise<void> {
    await this.lifecycle.apply(manager, action, crossing, { ...this.command(caller), now, note: null }, effect);
  }

  /** What the caller may do with the crossing now (open an OI, dismiss it), by the crossing lifecycle table. */
  availableActions(caller: Caller, crossing: Crossing): CrossingAction[] {
    return this.lifecycle.available(crossing, this.command(caller).parties);
  }

  private command(caller: Caller) {
    const parties = new Set<CrossingParty>();
    if (caller.hasRole(Role.TECS_COORDINATOR)) parties.add(CrossingParty.COORDINATOR);
    if (caller.hasRole(Role.DHS_INTERFACE)) parties.add(CrossingParty.DHS_INTERFACE);
    return { actorId: caller.id, parties };
  }

  /** The coordinators, and the lookout's GM and RO when the crossing matched one. */
  private async notify(manager: EntityManager, { notify }: CrossingTransition, crossing: Crossing, now: Date): Promise<string[]> {
    const recipients = new Set<string>();
    for (const party of notify!.to) {
      if (party === CrossingParty.COORDINATOR) (await roleHolders(manager, Role.TECS_COORDINATOR)).forEach((id) => recipients.add(id));
      const lookout =
        party === CrossingParty.LOOKOUT_OFFICERS && crossing.lookoutId
          ? await manager.findOneByOrFail(Lookout, { id: crossing.lookoutId })
          : null;
      if (lookout) [lookout.groupManagerId, lookout.revenueOfficerId].forEach((id) => recipients.add(id));
    }
    const notices = await this.outbox.enqueue(
      manager,
      [...recipients].map((recipientId) => ({
        kind: notify!.kind,
        recipientId,
        referralId: null,
        subject: { type: TecsSubject.CROSSING, id: crossing.id },
        urgent: notify!.urgent ?? false,
      })),
      now,
    );
    return notices.map((n) => n.id);
  }

  /** Crossings the caller may see, in `order`: the SQL twin of assertCanSee (the lookout's rule through TecsAccess.restrict). */
  list(caller: Caller, order: Order<CrossingSortField>, page: PageRequest): Promise<Page<Crossing>> {
    const query = this.dataSource.manager.createQueryBuilder(Crossing, 'c');
    if (!caller.hasRole(Role.TECS_COORDINATOR)) {
      const lookouts = this.access.restrict(this.dataSource.manager.createQueryBuilder(Lookout, 'l').select('l.id'), caller);
      query.where(`c.lookout_id IN (${lookouts.getQuery()})`, lookouts.getParameters());
    }
    return keysetPage(query, { key: CROSSING_SORT_KEYS[order.field], direction: order.direction }, page, MAX_TECS_PAGE);
  }

  async assertCanSee(reads: TecsReads, caller: Caller, crossing: Crossing): Promise<void> {
    if (caller.hasRole(Role.TECS_COORDINATOR)) return;
    const lookout = crossing.lookoutId ? await reads.lookout(crossing.lookoutId) : null;
    if (!lookout) throw new ForbiddenError('TECS information is only for the roles on the case');
    this.access.assertCanSee(caller, lookout, await reads.issuedToIds(lookout.id));
  }

  /** The quoted lookout if it is on the list; otherwise the one on-list lookout with the same name and date of birth. */
  private async match(manager: EntityManager, lookoutId: string | null, name: string, dateOfBirth: string): Promise<Lookout | null> {
    if (lookoutId) {
      const quoted = await manager.findOneBy(Lookout, { id: lookoutId });
      return quoted && ON_LOOKOUT_LIST.includes(quoted.state) ? quoted : null;
    }
    const candidates = await manager.findBy(Lookout, {
      taxpayerNameKey: nameKey(name),
      dateOfBirthHash: taxpayerDataCipher().hash(dateOfBirth),
      state: In([...ON_LOOKOUT_LIST]),
    });
    return candidates.length === 1 ? candidates[0] : null;
  }

  private validate(input: CrossingReportInput, now: Date) {
    const problems = new Problems();
    const text = (value: string, field: string) => problems.take(checkText(value, field, TEXT_MAX.short));
    const optional = (value: string | null | undefined, field: string) =>
      problems.take(checkOptionalText(value, field, TEXT_MAX.short * 2));
    const valid = {
      dhsReportId: text(input.dhsReportId, 'dhsReportId'),
      taxpayerName: text(input.taxpayerName, 'taxpayerName'),
      dateOfBirth: input.dateOfBirth,
      placeOfCrossing: text(input.placeOfCrossing, 'placeOfCrossing'),
      crossedAt: input.crossedAt,
      direction: input.direction,
      documentNumber: text(input.documentNumber, 'documentNumber'),
      usEmployer: optional(input.usEmployer, 'usEmployer'),
      usAddress: optional(input.usAddress, 'usAddress'),
      phone: optional(input.phone, 'phone'),
      stayingAt: optional(input.stayingAt, 'stayingAt'),
      plannedDepartureAt: input.plannedDepartureAt ?? null,
      nextDestination: optional(input.nextDestination, 'nextDestination'),
    };
    problems.errors.push(...checkDateOfBirth(input.dateOfBirth, 'dateOfBirth', now));
    if (input.crossedAt.getTime() > now.getTime() + 7 * DAY_MS) problems.add('crossedAt', 'is more than a week in the future');
    if (valid.plannedDepartureAt && valid.plannedDepartureAt < input.crossedAt)
      problems.add('plannedDepartureAt', 'is before the crossing');
    if (problems.errors.length) throw new InvalidInputError(problems.errors);
    return valid;
  }
}
