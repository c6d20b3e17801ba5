import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { keysetPage, Order, Page, PageRequest, SortDirection, SortKey } from '../database/keyset-page';
import { ConflictError, FieldError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors';
import { checkText, TEXT_MAX } from '../validation/text';
import { LocalDate } from './business-calendar';
import { CalendarService, ClosureCalendars, datesOf } from './calendar.service';
import { ClosureRetimer, retimeOpenClocks, RetimeResult } from './closure-retimer';
import { Closure, ClosureChangeKind, ClosureHistoryEntry } from './closure.entity';
import { appendClosureHistory, closureHistoryKind } from './closure-history';

/** Whoever changes closures: only their id is kept. */
export interface ClosureActor {
  id: string;
}

/** What closures need from the domains above (wired by the app). */
export interface ClosureRules<A extends ClosureActor> {
  /** May this actor add, correct and remove closures (admins)? */
  mayChangeClosures(actor: A): boolean;
  /** The codes of the functions (sites) among `ids` that exist, by id. */
  siteCodes(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>>;
  /** Each domain's re-timing of its open business-day clocks. */
  retimers: readonly ClosureRetimer[];
}

export interface ClosureCommand {
  startDate: string;
  /** Defaults to startDate (a single day). */
  endDate?: string | null;
  nationwide: boolean;
  functionIds?: string[] | null;
  reason: string;
}

/** A closure longer than this is almost certainly a typo in a year. */
export const MAX_CLOSURE_DAYS = 366;
/** Functions (sites) one closure may name. */
export const MAX_CLOSURE_FUNCTIONS = 25;
/** Largest page of closures, of a closure's history and of a referral's closure effects. */
export const MAX_CLOSURE_PAGE = 500;

/** The orders a closure list can be read in. */
export enum ClosureSortField {
  START_DATE = 'START_DATE',
}

const CLOSURE_SORT_KEYS: Record<ClosureSortField, SortKey> = {
  START_DATE: { name: 'START_DATE', columns: [{ expression: 'c.start_date', sqlType: 'date' }] },
};

export const EARLIEST_CLOSURE_FIRST: Order<ClosureSortField> = { field: ClosureSortField.START_DATE, direction: SortDirection.ASC };
/** `closures(from, to)` covers at most this many days. */
const MAX_QUERY_DAYS = 3660;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Closures (executive-order days off, site closures) as data: admins add, correct and remove them.
 * Each change is one transaction that bumps closure_version (waiting for transactions computing clocks
 * to finish, and making new ones wait), writes the closure and its history entry, and re-times every open
 * clock it affects (each domain's ClosureRetimer). Once committed, this instance's CalendarService uses the new
 * closures; other instances notice the new version at their next clock.
 */
export class ClosureService<A extends ClosureActor> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly rules: ClosureRules<A>,
  ) {}

  /** Closures in force that overlap [from, to] (local dates, inclusive), in `order`. */
  list(from: string, to: string, order: Order<ClosureSortField>, page: PageRequest): Promise<Page<Closure>> {
    const problems = [...this.dateProblems(from, 'from'), ...this.dateProblems(to, 'to')];
    if (!problems.length && to < from) problems.push({ field: 'to', message: 'must not be before from' });
    if (!problems.length && daysBetween(from, to) >= MAX_QUERY_DAYS)
      problems.push({ field: 'to', message: `at most ${MAX_QUERY_DAYS} days after from` });
    if (problems.length) throw new InvalidInputError(problems);
    const query = this.dataSource.manager
      .createQueryBuilder(Closure, 'c')
      .where('c.removed_at IS NULL AND c.start_date <= :to AND c.end_date >= :from', { from, to });
    return keysetPage(query, { key: CLOSURE_SORT_KEYS[order.field], direction: order.direction }, page, MAX_CLOSURE_PAGE);
  }

  async history(closureId: string, first?: number): Promise<ClosureHistoryEntry[]> {
    return this.dataSource.manager.find(ClosureHistoryEntry, { where: { closureId }, order: { at: 'ASC', id: 'ASC' }, take: first });
  }

  async add(caller: A, command: ClosureCommand): Promise<Closure> {
    this.requireAdmin(caller);
    return this.change(caller, ClosureChangeKind.ADDED, async (manager, now) => {
      const input = await this.validate(manager, command);
      const closure = manager.create(Closure, { ...input, createdById: caller.id, createdAt: now, updatedAt: now, removedAt: null });
      return { before: null, closure: await manager.save(closure) };
    });
  }

  async update(caller: A, id: string, command: ClosureCommand): Promise<Closure> {
    this.requireAdmin(caller);
    return this.change(caller, ClosureChangeKind.UPDATED, async (manager, now) => {
      const closure = await this.loadActive(manager, id);
      const before = { ...closure, functionIds: [...closure.functionIds] };
      const input = await this.validate(manager, command);
      Object.assign(closure, input, { updatedAt: now });
      await manager.update(Closure, { id }, { ...input, updatedAt: now });
      return { before, closure };
    });
  }

  async remove(caller: A, id: string): Promise<Closure> {
    this.requireAdmin(caller);
    return this.change(caller, ClosureChangeKind.REMOVED, async (manager, now) => {
      const closure = await this.loadActive(manager, id);
      const before = { ...closure, functionIds: [...closure.functionIds] };
      Object.assign(closure, { removedAt: now, updatedAt: now });
      await manager.update(Closure, { id }, { removedAt: now, updatedAt: now });
      return { before, closure };
    });
  }

  private async change(
    caller: A,
    kind: ClosureChangeKind,
    write: (manager: EntityManager, now: Date) => Promise<{ before: Closure | null; closure: Closure }>,
  ): Promise<Closure> {
    let published: ClosureCalendars | null = null;
    const closure = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // First: from here until commit no clock is computed anywhere (they read this row FOR SHARE).
      const versions: [{ version: string }[], number] = await manager.query(
        `UPDATE closure_version SET version = version + 1 WHERE id = 1 RETURNING version`,
      );
      const [rows] = versions;
      if (!rows?.length) throw new Error('closure_version has no row: run the migrations');
      const version = String(rows[0].version);
      const before = await this.calendars.load(manager, String(BigInt(version) - 1n));
      const written = await write(manager, now);
      const after = await this.calendars.load(manager, version);

      const scopes = [written.before, kind === ClosureChangeKind.REMOVED ? null : written.closure].filter((c): c is Closure => c !== null);
      const retimed: RetimeResult = await retimeOpenClocks(manager, this.rules.retimers, {
        before,
        after,
        dates: [...new Set(scopes.flatMap((c) => datesOf(c.startDate, c.endDate)))],
        functionIds: scopes.some((c) => c.nationwide) ? null : [...new Set(scopes.flatMap((c) => c.functionIds))],
        closureId: written.closure.id,
        change: kind,
        actorId: caller.id,
        now,
        description: await this.describe(manager, written.closure),
      });
      await appendClosureHistory(manager, {
        ...closureHistoryKind(kind, written.before, written.closure),
        closureId: written.closure.id,
        actorId: caller.id,
        at: now,
        ...retimed,
      });
      published = after;
      return written.closure;
    });
    if (published) this.calendars.publish(published);
    return closure;
  }

  private async loadActive(manager: EntityManager, id: string): Promise<Closure> {
    const closure = await manager.findOneBy(Closure, { id });
    if (!closure) throw new NotFoundError('Closure', id);
    if (closure.removedAt) throw new ConflictError('The closure was removed; add a new one instead', 'WRONG_STATE');
    return closure;
  }

  private requireAdmin(caller: A): void {
    if (!this.rules.mayChangeClosures(caller)) throw new ForbiddenError('Only an admin enters closures');
  }

  private async validate(
    manager: EntityManager,
    command: ClosureCommand,
  ): Promise<Pick<Closure, 'startDate' | 'endDate' | 'nationwide' | 'functionIds' | 'reason'>> {
    const startDate = command.startDate?.trim();
    const endDate = command.endDate?.trim() || startDate;
    const problems: FieldError[] = [...this.dateProblems(startDate, 'startDate'), ...this.dateProblems(endDate, 'endDate')];
    if (!problems.length && endDate < startDate) problems.push({ field: 'endDate', message: 'must not be before startDate' });
    if (!problems.length && daysBetween(startDate, endDate) >= MAX_CLOSURE_DAYS) {
      problems.push({ field: 'endDate', message: `a closure spans at most ${MAX_CLOSURE_DAYS} days` });
    }
    const functionIds = [...new Set(command.functionIds ?? [])];
    if (command.nationwide && functionIds.length)
      problems.push({ field: 'functionIds', message: 'a nationwide closure names no functions' });
    if (functionIds.length > MAX_CLOSURE_FUNCTIONS)
      problems.push({ field: 'functionIds', message: `at most ${MAX_CLOSURE_FUNCTIONS} functions` });
    else if (!command.nationwide) {
      if (!functionIds.length) problems.push({ field: 'functionIds', message: 'name the closed functions (sites), or make it nationwide' });
      else {
        const known = functionIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
        const found = known.length ? await this.rules.siteCodes(manager, known) : new Map<string, string>();
        const missing = functionIds.filter((id) => !found.has(id));
        if (missing.length) problems.push({ field: 'functionIds', message: `no such function: ${missing.join(', ')}` });
      }
    }
    const reason = checkText(command.reason ?? '', 'reason', TEXT_MAX.short);
    problems.push(...reason.errors);
    if (problems.length) throw new InvalidInputError(problems);
    return {
      startDate,
      endDate,
      nationwide: command.nationwide,
      functionIds: command.nationwide ? [] : functionIds.sort(),
      reason: reason.value,
    };
  }

  /** e.g. "2024-12-24, nationwide: Executive order" or "2026-01-26 to 2026-01-27, RICS-EF: snow". */
  private async describe(manager: EntityManager, closure: Closure): Promise<string> {
    const days = closure.startDate === closure.endDate ? closure.startDate : `${closure.startDate} to ${closure.endDate}`;
    const scope = closure.nationwide
      ? 'nationwide'
      : [...(await this.rules.siteCodes(manager, closure.functionIds)).values()].sort().join(', ');
    return `${days}, ${scope}: ${closure.reason}`;
  }

  private dateProblems(date: string | undefined, field: string): FieldError[] {
    if (!date || !LOCAL_DATE.test(date) || !DateTime.fromISO(date, { zone: 'utc' }).isValid) {
      return [{ field, message: 'must be a date as YYYY-MM-DD' }];
    }
    return [];
  }
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;
}
