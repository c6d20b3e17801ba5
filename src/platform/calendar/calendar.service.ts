import { DateTime } from 'luxon';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { prepared } from '../database/prepared-statements';
import { BusinessCalendar, LocalDate } from './business-calendar';
import { Closure } from './closure.entity';

/** The scope and days of one closure in force. */
export interface ClosureRule {
  id: string;
  startDate: LocalDate;
  endDate: LocalDate;
  nationwide: boolean;
  functionIds: readonly string[];
}

/** Every local date from `start` to `end` inclusive. */
export function datesOf(start: LocalDate, end: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  const last = DateTime.fromISO(end, { zone: 'utc' });
  for (let day = DateTime.fromISO(start, { zone: 'utc' }); day <= last; day = day.plus({ days: 1 })) dates.push(day.toISODate()!);
  return dates;
}

/**
 * The closures in force at one closure version, handed out as one BusinessCalendar per function:
 * a function's calendar closes the nationwide closure days and that function's own. Immutable; built
 * once per version and shared by every computation until the next closure change.
 */
export class ClosureCalendars {
  private readonly nationwide = new Set<LocalDate>();
  private readonly byFunction = new Map<string, Set<LocalDate>>();
  private readonly calendars = new Map<string, BusinessCalendar>();

  constructor(
    /** closure_version.version this was loaded at */
    readonly version: string,
    readonly closures: readonly ClosureRule[],
  ) {
    for (const closure of closures) {
      const dates = datesOf(closure.startDate, closure.endDate);
      if (closure.nationwide) {
        dates.forEach((date) => this.nationwide.add(date));
        continue;
      }
      for (const functionId of closure.functionIds) {
        const own = this.byFunction.get(functionId) ?? new Set<LocalDate>();
        dates.forEach((date) => own.add(date));
        this.byFunction.set(functionId, own);
      }
    }
  }

  /** Business days of one function: weekdays that are neither federal holidays nor closed for it. */
  calendarFor(functionId: string): BusinessCalendar {
    let calendar = this.calendars.get(functionId);
    if (!calendar) {
      const own = this.byFunction.get(functionId);
      calendar = new BusinessCalendar((date) => this.nationwide.has(date) || (own?.has(date) ?? false));
      this.calendars.set(functionId, calendar);
    }
    return calendar;
  }
}

/**
 * The one place clocks get their calendar from. All closures are held in memory (they are few) and
 * reloaded only when `closure_version` moved: each closure change bumps it in its own transaction.
 *
 * Several instances: there is no TTL. A transaction that starts a clock calls `forClocks`, which reads
 * the single closure_version row FOR SHARE (one primary-key lookup). That read waits while a closure
 * change is in progress (the change updates the row first) and then returns the new number, so a due
 * time is never computed from closures that are being changed, and any instance sees another's change
 * at its next clock. Sweeps call `current`, which reads the number without a lock.
 */
export class CalendarService {
  private cached: ClosureCalendars | null = null;
  /** How often a computation found the cache stale and read the closures (tests check the cache with it). */
  reloads = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** For a transaction that starts or moves a clock: waits out a closure change in progress. */
  forClocks(manager: EntityManager): Promise<ClosureCalendars> {
    return this.resolve(manager, true);
  }

  /** The closures of the latest committed change, without locking (sweeps, reads). */
  current(manager: EntityManager = this.dataSource.manager): Promise<ClosureCalendars> {
    return this.resolve(manager, false);
  }

  /** Reads the closures in force as `manager` sees them (inside a closure change: including it). */
  async load(manager: EntityManager, version: string): Promise<ClosureCalendars> {
    const rows = await manager.find(Closure, {
      select: { id: true, startDate: true, endDate: true, nationwide: true, functionIds: true },
      where: { removedAt: IsNull() },
    });
    return new ClosureCalendars(version, rows);
  }

  /** After a closure change committed: this instance uses its closures from now on. */
  publish(calendars: ClosureCalendars): void {
    if (!this.cached || BigInt(calendars.version) > BigInt(this.cached.version)) this.cached = calendars;
  }

  private async resolve(manager: EntityManager, lock: boolean): Promise<ClosureCalendars> {
    const rows: { version: string }[] = await manager.query(
      prepared(`SELECT version FROM closure_version WHERE id = 1${lock ? ' FOR SHARE' : ''}`),
    );
    const version = String(rows[0]?.version ?? '0');
    if (this.cached?.version === version) return this.cached;
    this.reloads++;
    const loaded = await this.load(manager, version);
    this.publish(loaded);
    return loaded;
  }
}
