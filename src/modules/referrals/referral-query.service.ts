import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Caller } from '../org/caller';
import { checkPageSize } from '../../platform/common/page-size';
import { keysetPage, Page, PageRequest, SortDirection, SortKey } from '../../platform/database/keyset-page';
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

const REFERRAL_SORT_KEYS: Record<ReferralSortField, SortKey> = {
  /** When it was filed. */
  FILED_AT: { name: 'FILED_AT', expression: 'r.created_at', sqlType: 'timestamptz' },
  /** When its next running clock is due; referrals without one (closed, withdrawn, …) after all others. */
  DUE_AT: {
    name: 'DUE_AT',
    expression: "COALESCE(r.next_due_at, 'infinity'::timestamptz)",
    sqlType: 'timestamptz',
  },
  REFERENCE_NUMBER: { name: 'REFERENCE_NUMBER', expression: 'r.reference_number', sqlType: 'text' },
};

/** Read side: filtered lists and work queues, with visibility applied in SQL (never after fetching). */
export class ReferralQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    caller: Caller,
    filter: ReferralFilter,
    order: { field: ReferralSortField; direction: SortDirection },
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
    return keysetPage(query, REFERRAL_SORT_KEYS[order.field], order.direction, page, MAX_PAGE_SIZE);
  }

  /** Referrals visible to the caller whose running clock has passed, longest overdue first. */
  async overdue(caller: Caller, first: number, now: Date): Promise<Referral[]> {
    checkPageSize(first, MAX_PAGE_SIZE);
    return this.visibleTo(caller)
      .andWhere(`r.next_due_at < :now AND ${this.open()}`, { now })
      .orderBy('r.next_due_at', 'ASC')
      .limit(first)
      .getMany();
  }

  /**
   * What the caller must act on now, soonest due first. Each reason to act is its own branch, read in
   * due order and cut at `first` (an index range scan on (function, state, next_due_at, submitted_at)
   * for the liaison branches); the page is the first `first` of their union. A single OR over all
   * reasons would read every candidate of a busy function and sort them.
   */
  async workQueue(caller: Caller, first: number): Promise<Referral[]> {
    checkPageSize(first, MAX_PAGE_SIZE);
    const order = 'ORDER BY next_due_at ASC NULLS LAST, submitted_at ASC LIMIT :first';
    const branches = [
      `SELECT id FROM referral WHERE assignee_id = :me AND state IN (:...assigned) ${order}`,
      `SELECT id FROM referral WHERE receiving_function_id = :myFunction AND state IN (:...queue) ${order}`,
      `SELECT id FROM referral WHERE originator_id = :me AND state IN (:...originatorStates) ${order}`,
      `SELECT id FROM referral r WHERE elevation_holder_ids @> ARRAY[:me]::uuid[] AND ${this.open()} ${order}`,
      `SELECT id FROM referral WHERE stand_in_reviewer_id = :me AND state = :submitted ${order}`,
    ];
    const parameters: Record<string, unknown> = {
      me: caller.id,
      first,
      myFunction: caller.employee.functionId,
      // The states in which the assignee must act: a 14566 assigned to them, a 4442/3210 they checked out.
      assigned: [ReferralState.ASSIGNED, ReferralState.CHECKED_OUT, ReferralState.WORKING, ReferralState.MONITORING],
      queue: QUEUE_STATES,
      originatorStates: [ReferralState.RETURNED, ReferralState.COMPLETED],
      submitted: ReferralState.SUBMITTED,
      forwarded: ReferralState.FORWARDED,
      acknowledged: ReferralState.ACKNOWLEDGED,
    };
    [...new Set(caller.liaisonFunctionIds)].forEach((functionId, i) => {
      parameters[`fn${i}`] = functionId;
      branches.push(
        `SELECT id FROM referral WHERE originating_function_id = :fn${i} AND state = :submitted ${order}`,
        `SELECT id FROM referral WHERE receiving_function_id = :fn${i} AND state = :forwarded ${order}`,
        `SELECT id FROM referral WHERE receiving_function_id = :fn${i} AND state = :acknowledged ${order}`,
      );
    });
    return this.dataSource.manager
      .createQueryBuilder(Referral, 'r')
      .where(`r.id IN (${branches.map((branch) => `(${branch})`).join(' UNION ALL ')})`, parameters)
      .orderBy('r.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('r.submitted_at', 'ASC')
      .limit(first)
      .getMany();
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
