import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Caller } from '../org/caller';
import {
  keysetPage,
  Order,
  Page,
  PageRequest,
  pageReading,
  pageWindow,
  readPageRows,
  SortDirection,
  SortKey,
} from '../../platform/database/keyset-page';
import { entityReader, entitySelectList } from '../../platform/database/entity-select';
import { Role } from '../org/role';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { LiaisonAssignment } from '../org/liaison-assignment.entity';
import { ReferralForm } from './forms/referral-form';
import { ReferralState, TERMINAL_STATES } from './referral-state';
import { Referral } from './referral.entity';
import { Employee } from '../org/employee.entity';
import { likeLiteral } from '../../platform/database/like-pattern';
import { QUEUE_STATES } from './referral-lifecycle';

export interface ReferralFilter {
  forms?: ReferralForm[] | null;
  states?: ReferralState[] | null;
  /** Originating or receiving function. */
  functionId?: string | null;
  /** Referrals of the functions this employee is a liaison for. */
  liaisonId?: string | null;
  originatorId?: string | null;
  overdue?: boolean | null;
  dueBefore?: Date | null;
  tin?: string | null;
  /** Prefix of the reference number. */
  referenceNumber?: string | null;
  /** Part of the originator's or assignee's name or e-mail. */
  person?: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** The orders a referral list can be read in (a cursor belongs to one of them). */
export enum ReferralSortField {
  FILED_AT = 'FILED_AT',
  DUE_AT = 'DUE_AT',
  REFERENCE_NUMBER = 'REFERENCE_NUMBER',
}

/** The orders the work queue and the overdue list can be read in. */
export enum WorkQueueSortField {
  DUE_AT = 'DUE_AT',
}

/** When its next running clock is due; referrals without one (closed, withdrawn, …) after all others. */
const DUE_AT: SortKey = {
  name: 'DUE_AT',
  columns: [{ expression: "COALESCE(r.next_due_at, 'infinity'::timestamptz)", sqlType: 'timestamptz' }],
};

const REFERRAL_SORT_KEYS: Record<ReferralSortField, SortKey> = {
  /** When it was filed. */
  FILED_AT: { name: 'FILED_AT', columns: [{ expression: 'r.created_at', sqlType: 'timestamptz' }] },
  DUE_AT,
  REFERENCE_NUMBER: { name: 'REFERENCE_NUMBER', columns: [{ expression: 'r.reference_number', sqlType: 'text' }] },
};

const WORK_QUEUE_SORT_KEYS: Record<WorkQueueSortField, SortKey> = { DUE_AT };

/** The default order of the work queue and the overdue list (the overdue: longest overdue first). */
export const SOONEST_DUE_FIRST: Order<WorkQueueSortField> = { field: WorkQueueSortField.DUE_AT, direction: SortDirection.ASC };

/** Read side: filtered lists and work queues, with visibility applied in SQL (never after fetching). */
export class ReferralQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    caller: Caller,
    filter: ReferralFilter,
    order: Order<ReferralSortField>,
    page: PageRequest,
    now: Date,
  ): Promise<Page<Referral>> {
    const query = this.visibleTo(caller);
    if (filter.forms?.length) query.andWhere('r.form IN (:...forms)', { forms: filter.forms });
    if (filter.states?.length) query.andWhere('r.state IN (:...states)', { states: filter.states });
    if (filter.functionId) {
      query.andWhere('(r.originating_function_id = :fn OR r.receiving_function_id = :fn)', { fn: filter.functionId });
    }
    if (filter.liaisonId) {
      const sub = this.dataSource
        .createQueryBuilder()
        .select('la.function_id')
        .from(LiaisonAssignment, 'la')
        .where('la.employee_id = :liaisonId');
      query.andWhere(`(r.originating_function_id IN (${sub.getQuery()}) OR r.receiving_function_id IN (${sub.getQuery()}))`, {
        liaisonId: filter.liaisonId,
      });
    }
    if (filter.originatorId) query.andWhere('r.originator_id = :originatorId', { originatorId: filter.originatorId });
    if (filter.overdue === true) query.andWhere(`r.next_due_at < :now AND ${this.open()}`, { now });
    if (filter.overdue === false) query.andWhere('(r.next_due_at IS NULL OR r.next_due_at >= :now)', { now });
    if (filter.dueBefore) query.andWhere(`r.next_due_at < :dueBefore AND ${this.open()}`, { dueBefore: filter.dueBefore });
    if (filter.tin?.trim()) query.andWhere('r.tin_hashes @> ARRAY[:tinHash]', { tinHash: taxpayerDataCipher().hash(filter.tin) });
    if (filter.referenceNumber?.trim()) {
      query.andWhere('r.reference_number ILIKE :referencePrefix', {
        referencePrefix: `${likeLiteral(filter.referenceNumber.trim())}%`,
      });
    }
    if (filter.person?.trim()) {
      const people = this.dataSource
        .createQueryBuilder()
        .select('e.id')
        .from(Employee, 'e')
        .where('(e.name ILIKE :person OR e.email ILIKE :person)');
      query.andWhere(`(r.originator_id IN (${people.getQuery()}) OR r.assignee_id IN (${people.getQuery()}))`, {
        person: `%${likeLiteral(filter.person.trim())}%`,
      });
    }
    return keysetPage(query, { key: REFERRAL_SORT_KEYS[order.field], direction: order.direction }, page, MAX_PAGE_SIZE);
  }

  /** Referrals visible to the caller whose running clock has passed (by default longest overdue first). */
  overdue(caller: Caller, order: Order<WorkQueueSortField>, page: PageRequest, now: Date): Promise<Page<Referral>> {
    const query = this.visibleTo(caller).andWhere(`r.next_due_at < :now AND ${this.open()}`, { now });
    return keysetPage(query, { key: WORK_QUEUE_SORT_KEYS[order.field], direction: order.direction }, page, MAX_PAGE_SIZE);
  }

  /**
   * What the caller must act on now (by default soonest due first). Each reason to act is its own branch,
   * bounded by the page's cursors inside the branch and read in due order up to one row past the page (an
   * index range scan on (function, state, next_due_at, …) for the liaison branches, ties on the due time put
   * in id order as they come); the page is the first of their union. A single OR over all reasons would read
   * every candidate of a busy function and sort them.
   */
  async workQueue(caller: Caller, order: Order<WorkQueueSortField>, page: PageRequest): Promise<Page<Referral>> {
    const sort = { key: WORK_QUEUE_SORT_KEYS[order.field], direction: order.direction };
    const window = pageWindow(page, sort.key, MAX_PAGE_SIZE);
    const reading = pageReading(sort, window, 'r');
    // The raw column in the index's order: NULLS LAST ascending is the order of the key's COALESCE to infinity.
    const { direction } = reading;
    const nulls = direction === SortDirection.ASC ? 'LAST' : 'FIRST';
    const cut = `AND ${reading.where} ORDER BY r.next_due_at ${direction} NULLS ${nulls}, r.id ${direction} LIMIT :limit`;
    const parameters = { ...this.reasonParameters(caller), ...reading.parameters, limit: reading.limit };
    // Written as SQL, not with the query builder: the busiest read of the console, and TypeORM rebuilt the statement's
    // text (rewriting every property name in all its branches) on each request, a sixth of the request's time.
    const manager = this.dataSource.manager;
    const rows: Record<string, unknown>[] = await manager.query(
      ...this.dataSource.driver.escapeQueryWithParameters(
        `SELECT ${entitySelectList(manager, Referral, 'r')}, ${reading.cursorColumns} FROM referral r
          WHERE r.id IN (${this.reasonsToAct(caller, cut)}) AND ${reading.where}
          ORDER BY ${reading.orderBy} LIMIT ${reading.limit}`,
        parameters,
      ),
    );
    const counted = () =>
      manager
        .createQueryBuilder(Referral, 'r')
        .where(`r.id IN (${this.reasonsToAct(caller, '')})`, parameters)
        .getCount();
    return readPageRows(rows, entityReader(manager, Referral), sort, window, counted);
  }

  /** The work queue's branches, one per reason to act, each ending in `tail`, as one UNION ALL of referral ids. */
  private reasonsToAct(caller: Caller, tail: string): string {
    const branches = [
      `SELECT r.id FROM referral r WHERE r.assignee_id = :me AND r.state IN (:...assigned) ${tail}`,
      `SELECT r.id FROM referral r WHERE r.receiving_function_id = :myFunction AND r.state IN (:...queue) ${tail}`,
      `SELECT r.id FROM referral r WHERE r.originator_id = :me AND r.state IN (:...originatorStates) ${tail}`,
      `SELECT r.id FROM referral r WHERE r.elevation_holder_ids @> ARRAY[:me]::uuid[] AND ${this.open()} ${tail}`,
      `SELECT r.id FROM referral r WHERE r.stand_in_reviewer_id = :me AND r.state = :submitted ${tail}`,
    ];
    [...new Set(caller.liaisonFunctionIds)].forEach((_, i) =>
      branches.push(
        `SELECT r.id FROM referral r WHERE r.originating_function_id = :fn${i} AND r.state = :submitted ${tail}`,
        `SELECT r.id FROM referral r WHERE r.receiving_function_id = :fn${i} AND r.state = :forwarded ${tail}`,
        `SELECT r.id FROM referral r WHERE r.receiving_function_id = :fn${i} AND r.state = :acknowledged ${tail}`,
      ),
    );
    return branches.map((branch) => `(${branch})`).join(' UNION ALL ');
  }

  /** The parameters of reasonsToAct. */
  private reasonParameters(caller: Caller): Record<string, unknown> {
    const parameters: Record<string, unknown> = {
      me: caller.id,
      myFunction: caller.employee.functionId,
      // The states in which the assignee must act: a 14566 assigned to them, a 4442/3210 they checked out.
      assigned: [ReferralState.ASSIGNED, ReferralState.CHECKED_OUT, ReferralState.WORKING, ReferralState.MONITORING],
      queue: QUEUE_STATES,
      originatorStates: [ReferralState.RETURNED, ReferralState.COMPLETED],
      submitted: ReferralState.SUBMITTED,
      forwarded: ReferralState.FORWARDED,
      acknowledged: ReferralState.ACKNOWLEDGED,
    };
    [...new Set(caller.liaisonFunctionIds)].forEach((functionId, i) => (parameters[`fn${i}`] = functionId));
    return parameters;
  }

  private open(): string {
    return `r.state NOT IN (${TERMINAL_STATES.map((s) => `'${s}'`).join(', ')})`;
  }

  /** The SQL twin of ReferralService.canSee. */
  private visibleTo(caller: Caller): SelectQueryBuilder<Referral> {
    const query = this.dataSource.manager.createQueryBuilder(Referral, 'r');
    if (caller.hasRole(Role.ADMIN)) return query;
    const fns = [...caller.liaisonFunctionIds];
    return query.where(
      new Brackets((q) => {
        q.where('r.originator_id = :me', { me: caller.id })
          .orWhere('r.assignee_id = :me')
          .orWhere('r.elevation_holder_ids @> ARRAY[:me]::uuid[]')
          .orWhere('r.stand_in_reviewer_id = :me')
          .orWhere('(r.receiving_function_id = :myFunction AND r.state IN (:...queue))', {
            myFunction: caller.employee.functionId,
            queue: QUEUE_STATES,
          });
        if (fns.length) {
          q.orWhere('r.originating_function_id IN (:...visibleFns)', { visibleFns: fns }).orWhere(
            'r.receiving_function_id IN (:...visibleFns)',
          );
        }
      }),
    );
  }
}
