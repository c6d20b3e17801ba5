import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Caller } from '../org/caller';
import { checkPageSize } from '../../platform/common/page-size';
import { InvalidInputError } from '../../platform/common/errors';
import { Role } from '../org/role';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { LiaisonAssignment } from '../org/liaison-assignment.entity';
import { ReferralForm } from './forms/referral-form';
import { ReferralState, TERMINAL_STATES } from './referral-state';
import { Referral } from './referral.entity';
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
}

export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;

function encodeCursor(referral: Referral): string {
  return Buffer.from(`${referral.createdAt.toISOString()}|${referral.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime())) throw InvalidInputError.single('after', 'is not a cursor from this list');
  return { createdAt, id };
}

/** Read side: filtered lists and work queues, with visibility applied in SQL (never after fetching). */
export class ReferralQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(caller: Caller, filter: ReferralFilter, first: number, after: string | null, now: Date): Promise<Page<Referral>> {
    checkPageSize(first, MAX_PAGE_SIZE);
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
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(r.created_at, r.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.createdAt, cursorId: cursor.id });
    }
    const rows = await query
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const items = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(node), node }));
    return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? null };
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
