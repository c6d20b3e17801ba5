import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { likeLiteral } from '../../platform/database/like-pattern';
import { getByReferenceNumber } from '../../platform/database/reference-lookup';
import { Caller } from '../org/caller';
import { Clock } from '../../platform/common/clock';
import { CsvColumn, CsvExport } from '../../platform/common/csv';
import { ConflictError, NotFoundError } from '../../platform/common/errors';
import { LifecycleApplier, LifecycleEffect } from '../../platform/lifecycle/lifecycle-applier';
import { nextReferenceNumber } from '../../platform/common/reference-number';
import { streamQuery } from '../../platform/database/query-stream';
import { keysetPage, Order, Page, PageRequest } from '../../platform/database/keyset-page';
import { FiledSortField, filedSortKeys } from '../../platform/graphql/filed-order';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { Employee } from '../org/employee.entity';
import { roleHolders } from '../org/notice-recipients';
import { Role } from '../org/role';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { maskTin, TinType } from '../../platform/validation/identifiers';
import { orThrow } from '../../platform/validation/checked';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { CollectionCase } from './collection-case.entity';
import { Crossing } from './crossing.entity';
import { LOOKOUT_LIFECYCLE, LookoutAction, LookoutParty, LookoutTransition } from './lookout-lifecycle';
import { validateLookoutRequest } from './lookout-request.validation';
import { Lookout } from './lookout.entity';
import { OtherInvestigation } from './other-investigation.entity';
import { TecsAccess } from './tecs-access';
import { TecsReads } from './tecs-reads';
import { TecsHistoryEntry, TecsSubject } from './tecs-history.entity';
import { recordTecsHistory, TecsHistoryDetailsOf } from './tecs-history';
import { CaseStatus, LookoutState } from './tecs-state';
import { LookoutListFilter, LookoutRequestInput } from './tecs.types';

export interface LookoutCommand {
  lookoutId: string;
  expectedVersion?: number | null;
  note?: string | null;
}

type LookoutDetails = TecsHistoryDetailsOf<TecsSubject.LOOKOUT>;
type LookoutEffect<A extends LookoutAction> = LifecycleEffect<Lookout, LookoutDetails[A]>;

/** Largest page of the lookout list over GraphQL (one page is processed in one go); the download has no limit. */
export const MAX_LOOKOUT_PAGE = 500;

/** A lookout row as the cursor reads it (TypeORM's `alias_column` names; the TIN still sealed). */
interface RawLookoutRow {
  l_reference_number: string;
  l_state: string;
  l_taxpayer_name: string;
  l_tin: string;
  l_tin_type: TinType;
  l_international: boolean;
  l_balance_due_cents: string;
  ro_name: string | null;
  gm_name: string | null;
  l_tecs_record_reference: string | null;
  l_entered_at: Date | null;
  l_removed_at: Date | null;
}

const LOOKOUT_CSV_COLUMNS: CsvColumn<RawLookoutRow>[] = [
  { header: 'reference', value: (l) => l.l_reference_number },
  { header: 'state', value: (l) => l.l_state },
  { header: 'taxpayer', value: (l) => l.l_taxpayer_name },
  { header: 'tin', value: (l) => maskTin(taxpayerDataCipher().open(l.l_tin), l.l_tin_type) },
  { header: 'international', value: (l) => (l.l_international ? 'yes' : 'no') },
  { header: 'balance_due', value: (l) => (Number(l.l_balance_due_cents) / 100).toFixed(2) },
  { header: 'revenue_officer', value: (l) => l.ro_name },
  { header: 'group_manager', value: (l) => l.gm_name },
  { header: 'tecs_record', value: (l) => l.l_tecs_record_reference },
  { header: 'entered_at', value: (l) => l.l_entered_at?.toISOString() },
  { header: 'removed_at', value: (l) => l.l_removed_at?.toISOString() },
];

/** TECS lookout requests (Form 6668) and the lookout list, following LOOKOUT_LIFECYCLE. */
export class LookoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly access: TecsAccess,
  ) {}

  /** LOOKOUT_LIFECYCLE applied: the versioned update, the history row and the notices. */
  private readonly lifecycle = new LifecycleApplier<LookoutState, LookoutAction, LookoutTransition, Lookout, LookoutDetails, null>(
    LOOKOUT_LIFECYCLE,
    {
      target: Lookout,
      stateOf: (lookout) => lookout.state,
      setState: (lookout, state) => {
        lookout.state = state;
      },
      changes: ({ id: _id, version: _v, createdAt: _c, updatedAt: _u, ...changes }) => changes,
      before: () => null,
      record: recordTecsHistory(TecsSubject.LOOKOUT),
      notify: (manager, rule, fact) => this.notify(manager, rule, fact.item, fact.actorId!, fact.at),
    },
  );

  /** A revenue officer asks, through their group manager, that a balance-due taxpayer be entered in TECS. */
  async request(caller: Caller, input: LookoutRequestInput): Promise<Lookout> {
    const now = this.clock.now();
    const valid = validateLookoutRequest(input, now, 'input');
    return this.dataSource.transaction(async (manager) => {
      const groupManager = caller.employee.managerId
        ? await manager.findOneBy(Employee, { id: caller.employee.managerId, active: true })
        : null;
      if (!groupManager?.hasRole(Role.GROUP_MANAGER)) {
        throw new ConflictError(
          'Your manager of record is not an active group manager: ask an admin to fix your management chain',
          'WRONG_STATE',
        );
      }
      const collectionCase = await manager.save(
        manager.create(CollectionCase, {
          caseNumber: await nextReferenceNumber(manager, 'collection_case_number_seq', 'CASE', now),
          status: valid.closureCode ? CaseStatus.ARCHIVED : CaseStatus.OPEN,
          closureCode: valid.closureCode,
          revenueOfficerId: caller.id,
          groupManagerId: groupManager.id,
          reopenedFromId: null,
        }),
      );
      const lookout = manager.create(Lookout, {
        ...valid,
        referenceNumber: await nextReferenceNumber(manager, 'lookout_number_seq', '6668', now),
        caseId: collectionCase.id,
        revenueOfficerId: caller.id,
        groupManagerId: groupManager.id,
        tecsRecordReference: null,
        returnReason: null,
        enteredAt: null,
        removedAt: null,
      });
      return (await this.lifecycle.create(manager, LookoutAction.REQUEST, lookout, { actorId: caller.id, now, note: null })).item;
    });
  }

  approve = (caller: Caller, command: LookoutCommand) => this.transition(caller, command, LookoutAction.APPROVE);
  returnToRo = (caller: Caller, command: LookoutCommand) =>
    this.transition(caller, command, LookoutAction.RETURN_TO_RO, async ({ item: lookout, note }) => {
      lookout.returnReason = note;
      return null;
    });
  accept = (caller: Caller, command: LookoutCommand) => this.transition(caller, command, LookoutAction.ACCEPT);
  decline = (caller: Caller, command: LookoutCommand) =>
    this.transition(caller, command, LookoutAction.DECLINE, async ({ item: lookout, note }) => {
      lookout.returnReason = note;
      return null;
    });
  forwardRemoval = (caller: Caller, command: LookoutCommand) => this.transition(caller, command, LookoutAction.FORWARD_REMOVAL);
  confirmRemains = (caller: Caller, command: LookoutCommand) => this.transition(caller, command, LookoutAction.CONFIRM_REMAINS);

  resubmit(caller: Caller, command: LookoutCommand & { request?: LookoutRequestInput | null }): Promise<Lookout> {
    return this.transition(caller, command, LookoutAction.RESUBMIT, async ({ item: lookout, now }) => {
      if (command.request) Object.assign(lookout, validateLookoutRequest(command.request, now, 'request'));
      lookout.returnReason = null;
      return null;
    });
  }

  confirmEntry(caller: Caller, command: LookoutCommand & { tecsRecordReference: string }): Promise<Lookout> {
    return this.transition(caller, command, LookoutAction.CONFIRM_ENTRY, async ({ item: lookout, now }) => {
      const value = orThrow(checkText(command.tecsRecordReference, 'tecsRecordReference', TEXT_MAX.short));
      lookout.tecsRecordReference = value;
      lookout.enteredAt = now;
      return { tecsRecordReference: value };
    });
  }

  requestRemoval = (caller: Caller, command: LookoutCommand) => this.transition(caller, command, LookoutAction.REQUEST_REMOVAL);

  confirmRemoval(caller: Caller, command: LookoutCommand): Promise<Lookout> {
    return this.transition(caller, command, LookoutAction.CONFIRM_REMOVAL, async ({ item: lookout, now }) => {
      lookout.removedAt = now;
      return null;
    });
  }

  /** Applies one lifecycle action inside an existing transaction (used by OI closure for REMAIN/REMOVE). */
  async applyInTransaction<A extends LookoutAction>(
    manager: EntityManager,
    caller: Caller,
    command: LookoutCommand,
    action: A,
    effect?: LookoutEffect<A>,
  ): Promise<Lookout> {
    const note = this.lifecycle.checkNote(action, { value: command.note, field: 'note' });
    const lookout = await manager.findOneBy(Lookout, { id: command.lookoutId });
    if (!lookout) throw new NotFoundError('Lookout', command.lookoutId);
    const issuedTo = await this.issuedToIds(manager, lookout.id);
    this.access.assertCanSee(caller, lookout, issuedTo);
    const parties = this.access.partiesOf(caller, lookout, issuedTo);
    const step = { actorId: caller.id, parties, expectedVersion: command.expectedVersion, now: this.clock.now(), note };
    return (await this.lifecycle.apply(manager, action, lookout, step, effect)).item;
  }

  /** What the caller may do with the lookout now (approve, accept, confirm entry…), by the lookout lifecycle table. */
  async availableActions(caller: Caller, lookout: Lookout, reads: TecsReads): Promise<LookoutAction[]> {
    return this.lifecycle.available(lookout, this.access.partiesOf(caller, lookout, await reads.issuedToIds(lookout.id)));
  }

  /** `reads`: batched per request by the field resolvers (tecsReads); straight from the database otherwise. */
  async get(caller: Caller, id: string, reads: TecsReads = this.readsThrough(this.dataSource.manager)): Promise<Lookout> {
    const lookout = await reads.lookout(id);
    if (!lookout) throw new NotFoundError('Lookout', id);
    this.access.assertCanSee(caller, lookout, await reads.issuedToIds(id));
    return lookout;
  }

  /** By the reference number people quote, within what the caller may see. */
  getByReferenceNumber(caller: Caller, referenceNumber: string): Promise<Lookout> {
    return getByReferenceNumber(this.dataSource.manager, Lookout, 'Lookout', referenceNumber, (id) => this.get(caller, id));
  }

  /** The reads of the TECS access checks, one statement each, in `manager`'s transaction. */
  readsThrough(manager: EntityManager): TecsReads {
    return {
      lookout: (id) => manager.findOneBy(Lookout, { id }),
      issuedToIds: (lookoutId) => this.issuedToIds(manager, lookoutId),
      crossing: (id) => manager.findOneBy(Crossing, { id }),
      collectionCase: (id) => manager.findOneBy(CollectionCase, { id }),
    };
  }

  /** The lookout list (replacing the coordinator's spreadsheet), restricted in SQL to what the caller may see. */
  list(caller: Caller, filter: LookoutListFilter, order: Order<FiledSortField>, page: PageRequest): Promise<Page<Lookout>> {
    return keysetPage(
      this.filtered(caller, filter),
      { key: filedSortKeys('l')[order.field], direction: order.direction },
      page,
      MAX_LOOKOUT_PAGE,
    );
  }

  /** The whole filtered list with the RO's and GM's names, read through a cursor for the CSV download (TINs masked). */
  async exportRows(caller: Caller, filter: LookoutListFilter): Promise<CsvExport<RawLookoutRow>> {
    const query = this.filtered(caller, filter)
      .leftJoin(Employee, 'ro', 'ro.id = l.revenue_officer_id')
      .leftJoin(Employee, 'gm', 'gm.id = l.group_manager_id')
      .addSelect(['ro.name', 'gm.name']);
    return { columns: LOOKOUT_CSV_COLUMNS, rows: await streamQuery(this.dataSource, query.getQueryAndParameters()) };
  }

  private filtered(caller: Caller, filter: LookoutListFilter): SelectQueryBuilder<Lookout> {
    const query = this.dataSource.manager.createQueryBuilder(Lookout, 'l');
    this.access.restrict(query, caller);
    if (filter.states?.length) query.andWhere('l.state IN (:...states)', { states: filter.states });
    if (filter.international != null) query.andWhere('l.international = :international', { international: filter.international });
    if (filter.tin?.trim()) query.andWhere('l.tin_hash = :tinHash', { tinHash: taxpayerDataCipher().hash(filter.tin) });
    if (filter.nameContains?.trim())
      query.andWhere('l.taxpayer_name ILIKE :name', { name: `%${likeLiteral(filter.nameContains.trim())}%` });
    return query.orderBy('l.created_at', 'DESC').addOrderBy('l.id', 'DESC');
  }

  async history(caller: Caller, lookoutId: string, first?: number): Promise<TecsHistoryEntry[]> {
    const lookout = await this.get(caller, lookoutId);
    const investigations = await this.dataSource.manager.findBy(OtherInvestigation, { lookoutId });
    const subjectIds = [lookout.id, lookout.caseId, ...investigations.map((oi) => oi.id), ...investigations.map((oi) => oi.caseId)];
    return this.dataSource.manager.find(TecsHistoryEntry, {
      where: { subjectId: In([...new Set(subjectIds)]) },
      order: { at: 'ASC', id: 'ASC' },
      take: first,
    });
  }

  /** Only reached through a lookout or OI the caller may see. */
  async caseOf(caseId: string, reads: TecsReads = this.readsThrough(this.dataSource.manager)): Promise<CollectionCase> {
    const collectionCase = await reads.collectionCase(caseId);
    if (!collectionCase) throw new NotFoundError('Collection case', caseId);
    return collectionCase;
  }

  issuedToIds(manager: EntityManager, lookoutId: string): Promise<string[]> {
    return manager
      .query(`SELECT DISTINCT unnest(issued_to_ids) AS id FROM other_investigation WHERE lookout_id = $1`, [lookoutId])
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  private transition<A extends LookoutAction>(
    caller: Caller,
    command: LookoutCommand,
    action: A,
    effect?: LookoutEffect<A>,
  ): Promise<Lookout> {
    return this.dataSource.transaction((manager) => this.applyInTransaction(manager, caller, command, action, effect));
  }

  private async notify(
    manager: EntityManager,
    { notify }: LookoutTransition,
    lookout: Lookout,
    actorId: string,
    now: Date,
  ): Promise<string[]> {
    const recipients = new Set<string>();
    for (const party of notify.to) {
      if (party === LookoutParty.REVENUE_OFFICER) recipients.add(lookout.revenueOfficerId);
      if (party === LookoutParty.GROUP_MANAGER) recipients.add(lookout.groupManagerId);
      if (party === LookoutParty.COORDINATOR) (await roleHolders(manager, Role.TECS_COORDINATOR)).forEach((id) => recipients.add(id));
      if (party === LookoutParty.CRIMINAL_INVESTIGATION)
        (await roleHolders(manager, Role.CRIMINAL_INVESTIGATION)).forEach((id) => recipients.add(id));
    }
    recipients.delete(actorId);
    const notices = await this.outbox.enqueue(
      manager,
      [...recipients].map((recipientId) => ({
        kind: notify.kind,
        recipientId,
        referralId: null,
        subject: { type: TecsSubject.LOOKOUT, id: lookout.id },
        urgent: false,
        facts: { actorId },
      })),
      now,
    );
    return notices.map((notice) => notice.id);
  }
}
