/**
 * Business-day and calendar-day arithmetic for referral deadlines.
 *
 * The IRM states deadlines in two ways:
 * - "within N business days / workdays of receipt", e.g. the 3-workday review
 *   (IRM 10.5.3.3.7(3)) and the 3-business-day acknowledgment
 *   (IRM 10.5.3.3.7.1(4)): due at the END of the Nth business day after the day
 *   of receipt. The day of receipt is never counted, business day or not.
 * - "within N days": due at the end of the calendar day (day of receipt + N).
 *
 * A business day is Monday–Friday, not a U.S. federal holiday on its observed
 * date, and not closed by the optional closure predicate (executive-order days
 * off, site closures).
 *
 * Days are local to the receiving function's IANA time zone: the same instant
 * can be Monday night in Los Angeles and Tuesday in New York. Instants are JS
 * Dates; "end of day" is 23:59:59.999 local time, computed by luxon so that it
 * is correct across DST changes.
 *
 * Pure: no I/O, no clock, no environment. Every input is an argument.
 */
import { allForYear } from '@18f/us-federal-holidays';
import { DateTime } from 'luxon';
import { isTimeZone } from './time-zone';

/** 'YYYY-MM-DD' in some time zone */
export type LocalDate = string;

/** Extra non-working days (e.g. closures); returns true when the local date is closed in the given zone. */
export type ClosurePredicate = (date: LocalDate, timeZone: string) => boolean;

/** Why a day is not a business day. */
export enum NonBusinessDay {
  WEEKEND = 'WEEKEND',
  FEDERAL_HOLIDAY = 'FEDERAL_HOLIDAY',
  CLOSURE = 'CLOSURE',
}

/** One local day a due time was counted over: counted (the Nth day) or skipped, and why. */
export interface CountedDay {
  date: LocalDate;
  /** 1..N for a counted day; null for a skipped one */
  dayNumber: number | null;
  skippedAs: NonBusinessDay | null;
  /** The federal holiday's name when skippedAs is FEDERAL_HOLIDAY */
  holiday: string | null;
}

/**
 * How a due time was computed: the local day it started on (never counted), the last day counted (the due day) and,
 * for business days, every day in between, counted or skipped.
 */
export interface DueExplanation {
  startedOn: LocalDate;
  lastDay: LocalDate;
  days: CountedDay[];
  dueAt: Date;
}

const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Upper bound on consecutive non-business days while searching for the next or
 * previous business day. Weekends and holidays never come close; only a closure
 * predicate that closes (nearly) everything can hit it, and failing loudly beats
 * looping forever.
 */
const MAX_CONSECUTIVE_NON_BUSINESS_DAYS = 366;

/**
 * Results kept by their arguments (a calendar's due instants; the pure date conversions below): clocks started the
 * same local day share one, so a busy day's filings walk the days once. Each memo is emptied when full; a day's
 * entries are few.
 */
const MAX_KEPT = 10_000;

function kept<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute();
    if (memo.size >= MAX_KEPT) memo.clear();
    memo.set(key, value);
  }
  return value;
}

/** Luxon weekday numbers (ISO: Monday = 1 … Sunday = 7). */
const SATURDAY = 6;
const SUNDAY = 7;

export class BusinessCalendar {
  /**
   * Observed federal holidays keyed by the year they are OBSERVED in. This is
   * not simply allForYear(year): an observed holiday can fall in the previous
   * year (New Year's Day 2022, a Saturday, is observed Friday 2021-12-31 and is
   * only returned by allForYear(2022)).
   */
  private readonly holidaysByObservedYear = new Map<number, ReadonlyMap<LocalDate, string>>();
  /** Due instants (epoch ms) by local start date, count and zone. */
  private readonly dueInstants = new Map<string, number>();

  /** `isClosed` answers the same for the same day and zone for the calendar's lifetime (its answers are kept). */
  constructor(private readonly isClosed?: ClosurePredicate) {
    if (isClosed !== undefined && typeof isClosed !== 'function') {
      throw new TypeError('BusinessCalendar: isClosed must be a function when given');
    }
  }

  /** True when `date` is the observed date of a U.S. federal holiday. Zone-independent. */
  isFederalHoliday(date: LocalDate): boolean {
    assertLocalDate(date);
    return this.holidaysObservedIn(Number(date.slice(0, 4))).has(date);
  }

  /** Weekday, not a federal holiday (observed), and not closed in `timeZone`. */
  isBusinessDay(date: LocalDate, timeZone: string): boolean {
    assertLocalDate(date);
    assertTimeZone(timeZone);
    return this.isOpen(date, timeZone);
  }

  /** The local calendar date of `instant` in `timeZone`. */
  localDate(instant: Date, timeZone: string): LocalDate {
    assertInstant(instant, 'instant');
    assertTimeZone(timeZone);
    return toLocalDate(instant, timeZone);
  }

  /**
   * End (23:59:59.999 local) of the Nth business day after the local day of
   * receipt; the day of receipt itself never counts (IRM 10.5.3.3.7(3),
   * IRM 10.5.3.3.7.1(4)). Received Friday 16:00 or Saturday: Monday is day 1.
   */
  dueAfterBusinessDays(receivedAt: Date, n: number, timeZone: string): Date {
    assertInstant(receivedAt, 'receivedAt');
    assertTimeZone(timeZone);
    assertCount(n, 1, 'n');
    return this.endOfNthBusinessDayAfter(toLocalDate(receivedAt, timeZone), n, timeZone);
  }

  /**
   * dueAfterBusinessDays for a receipt on the local date `receivedOn`: only the local date of receipt
   * matters, so clocks that started on the same day in the same zone share one due instant (used to
   * re-time many clocks at once after a closure changes).
   */
  dueAfterBusinessDaysFrom(receivedOn: LocalDate, n: number, timeZone: string): Date {
    assertLocalDate(receivedOn);
    assertTimeZone(timeZone);
    assertCount(n, 1, 'n');
    return this.endOfNthBusinessDayAfter(receivedOn, n, timeZone);
  }

  /** End (23:59:59.999 local) of the calendar day (local receipt date + n); n = 0 is the day of receipt. */
  dueAfterCalendarDays(receivedAt: Date, n: number, timeZone: string): Date {
    assertInstant(receivedAt, 'receivedAt');
    assertTimeZone(timeZone);
    assertCount(n, 0, 'n');
    return endOfLocalDay(addDays(toLocalDate(receivedAt, timeZone), n), timeZone);
  }

  /**
   * dueAfterBusinessDays with its workings: the same walk over the days after receipt, recording each day
   * it counted and each it skipped (weekend, federal holiday, closure). Its dueAt is dueAfterBusinessDays'.
   */
  explainBusinessDays(receivedAt: Date, n: number, timeZone: string): DueExplanation {
    assertInstant(receivedAt, 'receivedAt');
    assertTimeZone(timeZone);
    assertCount(n, 1, 'n');
    const startedOn = toLocalDate(receivedAt, timeZone);
    const days: CountedDay[] = [];
    let counted = 0;
    const dueAt = this.endOfNthBusinessDayAfter(startedOn, n, timeZone, (date, skippedAs) =>
      days.push({
        date,
        dayNumber: skippedAs ? null : ++counted,
        skippedAs,
        holiday: skippedAs === NonBusinessDay.FEDERAL_HOLIDAY ? this.holidayOn(date) : null,
      }),
    );
    return { startedOn, lastDay: toLocalDate(dueAt, timeZone), days, dueAt };
  }

  /** dueAfterCalendarDays with its workings: every calendar day after receipt counts, open or not, so none is listed. */
  explainCalendarDays(receivedAt: Date, n: number, timeZone: string): DueExplanation {
    const dueAt = this.dueAfterCalendarDays(receivedAt, n, timeZone);
    return { startedOn: toLocalDate(receivedAt, timeZone), lastDay: toLocalDate(dueAt, timeZone), days: [], dueAt };
  }

  /**
   * Number of business days that have ENDED after `dueAt` up to `now`: the
   * business days D with localDate(dueAt) < D and endOfDay(D) < now. Used to
   * escalate one level per overdue business day.
   */
  businessDaysOverdue(dueAt: Date, now: Date, timeZone: string): number {
    assertInstant(dueAt, 'dueAt');
    assertInstant(now, 'now');
    assertTimeZone(timeZone);
    // endOfDay(D) < now  <=>  D < localDate(now): a day's last millisecond is
    // before `now` exactly when `now` falls on a later local day (Dates have
    // millisecond precision). So count business days strictly between the two
    // local dates; ISO dates compare correctly as strings.
    const dueDay = toLocalDate(dueAt, timeZone);
    const today = toLocalDate(now, timeZone);
    let overdue = 0;
    for (let day = addDays(dueDay, 1); day < today; day = addDays(day, 1)) {
      if (this.isOpen(day, timeZone)) overdue++;
    }
    return overdue;
  }

  /**
   * Start (00:00 local) of the last business day strictly before the local day
   * of `dueAt`, for "remind one business day before the due date". A due date
   * on Monday reminds on the previous Friday (Thursday if that Friday is a holiday).
   */
  reminderAt(dueAt: Date, timeZone: string): Date {
    assertInstant(dueAt, 'dueAt');
    assertTimeZone(timeZone);
    const day = this.previousBusinessDay(toLocalDate(dueAt, timeZone), timeZone);
    return startOfLocalDay(day, timeZone);
  }

  /** The one business-day walk: `visit` (for explanations) sees every day passed, with why it was skipped. */
  private endOfNthBusinessDayAfter(receivedOn: LocalDate, n: number, timeZone: string, visit?: DayVisitor): Date {
    const walk = () => {
      let day = receivedOn;
      for (let counted = 0; counted < n; counted++) {
        day = this.stepToBusinessDay(day, 1, timeZone, visit);
      }
      return endOfLocalDay(day, timeZone).getTime();
    };
    // With a visitor the walk itself is wanted (an explanation), so it always runs.
    return new Date(visit ? walk() : kept(this.dueInstants, `${receivedOn}|${n}|${timeZone}`, walk));
  }

  /** isBusinessDay without argument checks, for the loops. */
  private isOpen(date: LocalDate, timeZone: string): boolean {
    return this.closedAs(date, timeZone) === null;
  }

  /** Why `date` is not a business day, or null when it is one. The closure predicate is only asked about otherwise-working days. */
  private closedAs(date: LocalDate, timeZone: string): NonBusinessDay | null {
    const weekday = parseLocalDate(date).weekday;
    if (weekday === SATURDAY || weekday === SUNDAY) return NonBusinessDay.WEEKEND;
    if (this.holidaysObservedIn(Number(date.slice(0, 4))).has(date)) return NonBusinessDay.FEDERAL_HOLIDAY;
    return this.isClosed?.(date, timeZone) ? NonBusinessDay.CLOSURE : null;
  }

  private holidayOn(date: LocalDate): string | null {
    return this.holidaysObservedIn(Number(date.slice(0, 4))).get(date) ?? null;
  }

  private previousBusinessDay(before: LocalDate, timeZone: string): LocalDate {
    return this.stepToBusinessDay(before, -1, timeZone);
  }

  /** First business day strictly after (step 1) or before (step -1) `from`. */
  private stepToBusinessDay(from: LocalDate, step: 1 | -1, timeZone: string, visit?: DayVisitor): LocalDate {
    let day = from;
    for (let i = 0; i < MAX_CONSECUTIVE_NON_BUSINESS_DAYS; i++) {
      day = addDays(day, step);
      const closedAs = this.closedAs(day, timeZone);
      visit?.(day, closedAs);
      if (closedAs === null) return day;
    }
    throw new Error(
      `BusinessCalendar: no business day within ${MAX_CONSECUTIVE_NON_BUSINESS_DAYS} days ` +
        `${step > 0 ? 'after' : 'before'} ${from} in ${timeZone}; check the closure predicate`,
    );
  }

  /** Cached per year: holidays observed in `year`, including next year's New Year's Day when observed on Dec 31. */
  private holidaysObservedIn(year: number): ReadonlyMap<LocalDate, string> {
    let holidays = this.holidaysByObservedYear.get(year);
    if (holidays === undefined) {
      const prefix = `${String(year).padStart(4, '0')}-`;
      holidays = new Map(
        [...federalHolidays(year), ...federalHolidays(year + 1)]
          .filter((holiday) => holiday.dateString.startsWith(prefix))
          .map((holiday) => [holiday.dateString, holiday.name]),
      );
      this.holidaysByObservedYear.set(year, holidays);
    }
    return holidays;
  }
}

/** Sees each day a business-day walk passes: null when it counted, else why it was skipped. */
type DayVisitor = (date: LocalDate, skippedAs: NonBusinessDay | null) => void;

/** Federal holidays only; no closures. */
export const federalBusinessCalendar = new BusinessCalendar();

/** Federal rule: Saturday holidays are observed on Friday, Sunday holidays on Monday (5 U.S.C. 6103(b)). */
function federalHolidays(year: number): { dateString: string; name: string }[] {
  return allForYear(year, { shiftSaturdayHolidays: true, shiftSundayHolidays: true });
}

// ---------------------------------------------------------------------------
// Local-date helpers. Pure date arithmetic is done in UTC, where every day has
// 24 hours; the zone only matters when converting to and from instants.
// ---------------------------------------------------------------------------

function parseLocalDate(date: LocalDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

// The conversions below are pure and asked for again and again with the same arguments (every filing converts its
// instant of receipt, every sweep each open clock's due day): kept.
const addedDays = new Map<string, LocalDate>();

function addDays(date: LocalDate, days: number): LocalDate {
  return kept(addedDays, `${date}|${days}`, () => isoDate(parseLocalDate(date).plus({ days }), date));
}

/**
 * Since 1980 every zone's offsets and their changes fall on whole minutes (the tz database's last odd-second offset
 * ended in 1972), so all instants of one UTC minute share a local date: kept per zone and minute.
 */
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1980, 0, 1);
const localDates = new Map<string, LocalDate>();

function toLocalDate(instant: Date, timeZone: string): LocalDate {
  const convert = () => isoDate(DateTime.fromJSDate(instant, { zone: timeZone }), instant.toISOString());
  const ms = instant.getTime();
  return ms < WHOLE_MINUTE_OFFSETS_FROM ? convert() : kept(localDates, `${timeZone}|${Math.floor(ms / 60_000)}`, convert);
}

const localDayEnds = new Map<string, number>();

/** 23:59:59.999 local; luxon resolves the UTC offset in effect at that moment (DST-correct). */
function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return new Date(kept(localDayEnds, `${date}|${timeZone}`, () => DateTime.fromISO(date, { zone: timeZone }).endOf('day').toMillis()));
}

/** 00:00 local (or the first existing instant of the day where midnight is skipped by DST). */
function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}

function isoDate(dateTime: DateTime, source: string): LocalDate {
  const iso = dateTime.toISODate();
  // Outside years 0000–9999 luxon emits '+010000-01-01', which is not a LocalDate.
  if (iso === null || !LOCAL_DATE_PATTERN.test(iso)) {
    throw new RangeError(`BusinessCalendar: ${source} is outside the supported range (years 0000–9999)`);
  }
  return iso;
}

// ---------------------------------------------------------------------------
// Argument checks: deadlines computed from bad input would be silently wrong,
// so every public entry point rejects it with a RangeError.
// ---------------------------------------------------------------------------

function assertLocalDate(date: LocalDate): void {
  if (typeof date !== 'string' || !LOCAL_DATE_PATTERN.test(date) || !parseLocalDate(date).isValid) {
    throw new RangeError(`BusinessCalendar: invalid local date ${JSON.stringify(date)}; expected an existing date as 'YYYY-MM-DD'`);
  }
}

function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    throw new RangeError(
      `BusinessCalendar: invalid time zone ${JSON.stringify(timeZone)}; expected an IANA zone such as 'America/New_York'`,
    );
  }
}

function assertInstant(instant: Date, name: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`BusinessCalendar: ${name} must be a valid Date`);
  }
}

function assertCount(n: number, min: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < min) {
    throw new RangeError(`BusinessCalendar: ${name} must be an integer >= ${min}, got ${String(n)}`);
  }
}
