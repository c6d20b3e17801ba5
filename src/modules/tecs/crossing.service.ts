import { DataSource, EntityManager, In } from 'typeorm';
import { Caller } from '../org/caller';
import { Clock } from '../../platform/common/clock';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { UrgentDelivery } from '../../platform/notifications/notification-delivery';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { Role } from '../org/role';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { checkOptionalText, checkText, TEXT_MAX } from '../../platform/validation/text';
import { orThrow, Problems } from '../../platform/validation/checked';
import { Crossing } from './crossing.entity';
import { checkDateOfBirth, nameKey } from './lookout-request.validation';
import { Lookout } from './lookout.entity';
import { LookoutService } from './lookout.service';
import { TecsAccess } from './tecs-access';
import { TecsReads } from './tecs-reads';
import { TecsSubject } from './tecs-history.entity';
import { appendTecsHistory } from './tecs-history';
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

  async report(caller: Caller, input: CrossingReportInput): Promise<Crossing> {
    const now = this.clock.now();
    const valid = this.validate(input, now);
    const { crossing, urgentNoticeIds } = await this.dataSource.transaction(async (manager) => {
      // Idempotent on DHS's report id: a repeated report returns the crossing it created.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`crossing:${valid.dhsReportId}`]);
      const existing = await manager.findOneBy(Crossing, { dhsReportId: valid.dhsReportId });
      if (existing) return { crossing: existing, urgentNoticeIds: [] };
      const lookout = await this.match(manager, input.lookoutId ?? null, valid.taxpayerName, valid.dateOfBirth);
      const created = await manager.save(
        manager.create(Crossing, {
          ...valid,
          referenceNumber: await nextReferenceNumber(manager, 'crossing_number_seq', 'CR', now),
          status: CrossingStatus.NEW,
          lookoutId: lookout?.id ?? null,
          flagged: !lookout,
          timeCritical: valid.plannedDepartureAt !== null && valid.plannedDepartureAt.getTime() - now.getTime() <= this.timeCriticalDays * DAY_MS,
          receivedAt: now,
        }),
      );
      await appendTecsHistory(manager, {
        subjectType: TecsSubject.CROSSING,
        subjectId: created.id,
        action: 'REPORTED',
        toState: created.status,
        actorId: caller.id,
        at: now,
        details: { lookoutId: created.lookoutId, flagged: created.flagged, timeCritical: created.timeCritical },
      });
      const coordinators = await this.lookouts.holdersOf(manager, Role.TECS_COORDINATOR);
      const informed = lookout ? [lookout.groupManagerId, lookout.revenueOfficerId] : [];
      const notices = await this.outbox.enqueue(
        manager,
        [...new Set([...coordinators, ...informed])].map((recipientId) => ({
          kind: 'CROSSING_REPORTED' as const,
          recipientId,
          referralId: null,
          subject: { type: TecsSubject.CROSSING, id: created.id },
          urgent: true,
        })),
        now,
      );
      return { crossing: created, urgentNoticeIds: notices.map((n) => n.id) };
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

  /** Only what may be disclosed to the taxpayer or their representative (seed 000); the rest needs DHS authorization. */
  async taxpayerDisclosure(caller: Caller, crossingId: string): Promise<TaxpayerDisclosure> {
    const c = await this.get(caller, crossingId);
    return { taxpayerName: c.taxpayerName, dateOfBirth: c.dateOfBirth, placeOfCrossing: c.placeOfCrossing, crossedAt: c.crossedAt, documentNumber: c.documentNumber };
  }

  async dismiss(caller: Caller, crossingId: string, reason: string): Promise<Crossing> {
    const value = orThrow(checkText(reason, 'reason', TEXT_MAX.narrative));
    return this.dataSource.transaction(async (manager) => {
      const crossing = await manager.findOneBy(Crossing, { id: crossingId });
      if (!crossing) throw new NotFoundError('Crossing', crossingId);
      const now = this.clock.now();
      const result = await manager.update(Crossing, { id: crossingId, status: CrossingStatus.NEW }, { status: CrossingStatus.DISMISSED });
      if (!result.affected) throw new InvalidInputError([{ field: 'crossingId', message: `the crossing is already ${crossing.status}` }]);
      await appendTecsHistory(manager, {
        subjectType: TecsSubject.CROSSING,
        subjectId: crossingId,
        action: 'DISMISSED',
        fromState: CrossingStatus.NEW,
        toState: CrossingStatus.DISMISSED,
        actorId: caller.id,
        at: now,
        note: value,
      });
      return { ...crossing, status: CrossingStatus.DISMISSED };
    });
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
    const optional = (value: string | null | undefined, field: string) => problems.take(checkOptionalText(value, field, TEXT_MAX.short * 2));
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
    if (valid.plannedDepartureAt && valid.plannedDepartureAt < input.crossedAt) problems.add('plannedDepartureAt', 'is before the crossing');
    if (problems.errors.length) throw new InvalidInputError(problems.errors);
    return valid;
  }
}
