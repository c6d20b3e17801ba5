import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { LocalDate } from './business-calendar';
import { ClosureCalendars } from './calendar.service';
import { ClosureChangeKind } from './closure.entity';

export interface RetimeRequest {
  /** The closures the stored due times were computed with (before the change) … */
  before: ClosureCalendars;
  /** … and those in force after it. */
  after: ClosureCalendars;
  /** Local dates whose closed status the change may flip (old and new dates of the closure). */
  dates: LocalDate[];
  /** Functions the change may concern; null: every function (a nationwide closure was involved). */
  functionIds: string[] | null;
  closureId: string;
  change: ClosureChangeKind;
  actorId: string;
  now: Date;
  /** The closure in words (dates, scope, reason), for the history entry of a withdrawn breach. */
  description: string;
  /**
   * A clock can only move if a flipped date lies in (local start date, local due date]. Instants are
   * compared with a day of margin on each side (no zone is more than 14 hours from UTC): only clocks
   * due from `dueFrom` and started before `startedBefore` can move.
   */
  dueFrom: Date;
  startedBefore: Date;
}

/** What a closure change did to open clocks, as kept in its history entry. */
export interface RetimeResult {
  referralClocksMoved: number;
  investigationsMoved: number;
  breachesWithdrawn: number;
}

/**
 * The seam between closures and the clocks that count business days: each domain registers one, and every
 * closure change calls them all inside its transaction. A retimer moves the due times of its own open
 * clocks that the change affects (with its own SQL, on its own tables) and says what it did.
 */
export interface ClosureRetimer {
  retime(manager: EntityManager, request: RetimeRequest): Promise<Partial<RetimeResult>>;
}

export type RetimeScope = Omit<RetimeRequest, 'dueFrom' | 'startedBefore'>;

/** Runs every retimer on one closure change and adds up what they did. */
export async function retimeOpenClocks(
  manager: EntityManager,
  retimers: readonly ClosureRetimer[],
  scope: RetimeScope,
): Promise<RetimeResult> {
  const result: RetimeResult = { referralClocksMoved: 0, investigationsMoved: 0, breachesWithdrawn: 0 };
  if (scope.dates.length === 0) return result;
  const sorted = [...scope.dates].sort();
  const request: RetimeRequest = {
    ...scope,
    dueFrom: DateTime.fromISO(sorted[0], { zone: 'utc' }).minus({ days: 1 }).toJSDate(),
    startedBefore: DateTime.fromISO(sorted[sorted.length - 1], { zone: 'utc' })
      .plus({ days: 2 })
      .toJSDate(),
  };
  for (const retimer of retimers) {
    const moved = await retimer.retime(manager, request);
    result.referralClocksMoved += moved.referralClocksMoved ?? 0;
    result.investigationsMoved += moved.investigationsMoved ?? 0;
    result.breachesWithdrawn += moved.breachesWithdrawn ?? 0;
  }
  return result;
}

/** Open clocks of one acting function that count business days from the same local start date: they move together. */
export interface ClockGroup {
  function_id: string;
  time_zone: string;
  start_date: LocalDate;
}

/** A group whose due instant the change moves, from `oldDue` (the stored one) to `newDue`. */
export interface MovedClockGroup<G extends ClockGroup> {
  group: G;
  oldDue: Date;
  newDue: Date;
}

/**
 * The re-timing algorithm every retimer shares. A domain groups its open clocks by (acting function, local start
 * date, whatever else fixes their length) in SQL — few groups, as many clocks start on the same days. The old and
 * new due instant of each group come from the calendars before and after the change; the groups whose due instant
 * moves are handed to `apply`, the domain's one statement per clock kind (null when nothing moves).
 */
export async function retimeClockGroups<G extends ClockGroup, R>(
  request: RetimeRequest,
  clocks: {
    groups: () => Promise<G[]>;
    /** null: counted in calendar days, so a closure day (still a calendar day) never moves it. */
    businessDays: (group: G) => number | null;
    apply: (moved: MovedClockGroup<G>[]) => Promise<R>;
  },
): Promise<R | null> {
  const moved: MovedClockGroup<G>[] = [];
  for (const group of await clocks.groups()) {
    const n = clocks.businessDays(group);
    if (n === null) continue;
    const oldDue = request.before.calendarFor(group.function_id).dueAfterBusinessDaysFrom(group.start_date, n, group.time_zone);
    const newDue = request.after.calendarFor(group.function_id).dueAfterBusinessDaysFrom(group.start_date, n, group.time_zone);
    if (oldDue.getTime() !== newDue.getTime()) moved.push({ group, oldDue, newDue });
  }
  return moved.length ? clocks.apply(moved) : null;
}

/** The old and new due instants of moved groups as the ISO arrays a retimer's statement unnests. */
export function dueArrays(moved: MovedClockGroup<ClockGroup>[]): {
  functionIds: string[];
  startDates: string[];
  oldDue: string[];
  newDue: string[];
} {
  return {
    functionIds: moved.map((m) => m.group.function_id),
    startDates: moved.map((m) => m.group.start_date),
    oldDue: moved.map((m) => m.oldDue.toISOString()),
    newDue: moved.map((m) => m.newDue.toISOString()),
  };
}

/** An instant column as the ISO text that history details hold. */
export const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const CHANGE_WORDS: Record<ClosureChangeKind, string> = {
  [ClosureChangeKind.ADDED]: 'added',
  [ClosureChangeKind.UPDATED]: 'corrected',
  [ClosureChangeKind.REMOVED]: 'removed',
};

/** The history note of a breach a closure change withdrew. */
export function withdrawalNote(request: RetimeRequest, clock: string): string {
  return (
    `Breach withdrawn: closure ${CHANGE_WORDS[request.change]} (${request.description}). A day the ${clock.toLowerCase()} clock ` +
    `counted is no longer a business day, so it is now due after this moment; the details give the old and new due times.`
  );
}
