import { registerEnumType } from 'type-graphql';
import { ClosureCalendars } from '../../platform/calendar/calendar.service';
import { BusinessCalendar } from '../../platform/calendar/business-calendar';
import { ReferralForm } from './forms/referral-form';
import { ReferralState } from './referral-state';

export interface TimeFrame {
  ackBusinessDays: number | null;
  ackCalendarDays: number | null;
  completionCalendarDays: number | null;
}

/** IRM 10.5.3.3.7(3): the originating liaison returns an incomplete referral within 3 workdays of receipt. */
export const REVIEW_WORKDAYS = 3;

/**
 * Used when the receiving function has no time frame of its own for the form.
 * 14566: acknowledge within 3 business days (IRM 10.5.3.3.7.1(4)), complete within 30 days of
 * receipt (10.5.3.3.7.1(5)). 4442: the category's time frame where IRM 25.25.6 names one.
 */
export const DEFAULT_TIME_FRAMES: Readonly<Record<ReferralForm, TimeFrame>> = {
  [ReferralForm.F14566]: { ackBusinessDays: 3, ackCalendarDays: null, completionCalendarDays: 30 },
  [ReferralForm.F4442]: { ackBusinessDays: 3, ackCalendarDays: null, completionCalendarDays: null },
  [ReferralForm.F3210]: { ackBusinessDays: 3, ackCalendarDays: null, completionCalendarDays: null },
};

export enum ReferralClock {
  REVIEW = 'REVIEW',
  ACKNOWLEDGMENT = 'ACKNOWLEDGMENT',
  COMPLETION = 'COMPLETION',
}
registerEnumType(ReferralClock, { name: 'ReferralClock', description: 'A due clock of a referral' });

export interface DueTimes {
  reviewDueAt: Date | null;
  ackDueAt: Date | null;
  completionDueAt: Date | null;
}

/** Which clocks run in which state (a clock stops when the referral leaves the state that runs it). */
const RUNNING_CLOCKS: Partial<Record<ReferralState, readonly ReferralClock[]>> = {
  [ReferralState.SUBMITTED]: [ReferralClock.REVIEW],
  [ReferralState.FORWARDED]: [ReferralClock.ACKNOWLEDGMENT, ReferralClock.COMPLETION],
  [ReferralState.ACKNOWLEDGED]: [ReferralClock.COMPLETION],
  [ReferralState.ASSIGNED]: [ReferralClock.COMPLETION],
};

/** The clocks that run in `state`. */
export function clocksRunningIn(state: ReferralState): readonly ReferralClock[] {
  return RUNNING_CLOCKS[state] ?? [];
}

/** The states in which `kind` runs (for counting running clocks in SQL). */
export function statesRunning(kind: ReferralClock): ReferralState[] {
  return (Object.entries(RUNNING_CLOCKS) as [ReferralState, readonly ReferralClock[]][])
    .filter(([, kinds]) => kinds.includes(kind))
    .map(([state]) => state);
}

function dueOf(kind: ReferralClock, due: DueTimes): Date | null {
  if (kind === ReferralClock.REVIEW) return due.reviewDueAt;
  if (kind === ReferralClock.ACKNOWLEDGMENT) return due.ackDueAt;
  return due.completionDueAt;
}

/** The clocks running in `state`, each with its due instant, soonest first. */
export function runningClocks(state: ReferralState, due: DueTimes): { kind: ReferralClock; dueAt: Date }[] {
  return clocksRunningIn(state)
    .map((kind) => ({ kind, dueAt: dueOf(kind, due) }))
    .filter((clock): clock is { kind: ReferralClock; dueAt: Date } => clock.dueAt !== null)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export function nextDueAt(state: ReferralState, due: DueTimes): Date | null {
  return runningClocks(state, due)[0]?.dueAt ?? null;
}

/** Due instants of the referral clocks, computed in the acting function's time zone. */
export class ReferralClocks {
  constructor(private readonly calendar: BusinessCalendar) {}

  reviewDueAt(submittedAt: Date, originatingTimeZone: string): Date {
    return this.calendar.dueAfterBusinessDays(submittedAt, REVIEW_WORKDAYS, originatingTimeZone);
  }

  /** Clocks that start when the receiving function receives the referral. */
  receiptDueTimes(
    receivedAt: Date,
    receivingTimeZone: string,
    timeFrame: TimeFrame,
    categoryCompletionDays: number | null,
  ): { ackDueAt: Date | null; completionDueAt: Date | null } {
    const ackDueAt =
      timeFrame.ackBusinessDays !== null
        ? this.calendar.dueAfterBusinessDays(receivedAt, timeFrame.ackBusinessDays, receivingTimeZone)
        : timeFrame.ackCalendarDays !== null
          ? this.calendar.dueAfterCalendarDays(receivedAt, timeFrame.ackCalendarDays, receivingTimeZone)
          : null;
    const completionDays = categoryCompletionDays ?? timeFrame.completionCalendarDays;
    const completionDueAt =
      completionDays !== null ? this.calendar.dueAfterCalendarDays(receivedAt, completionDays, receivingTimeZone) : null;
    return { ackDueAt, completionDueAt };
  }
}

/** Per closure version, the referral clocks of each function (the calendars are immutable, so are these). */
const clocksByCalendars = new WeakMap<ClosureCalendars, Map<string, ReferralClocks>>();

/** The referral clocks of a function that must act, counted on its calendar under these closures. */
export function referralClocksFor(calendars: ClosureCalendars, functionId: string): ReferralClocks {
  let byFunction = clocksByCalendars.get(calendars);
  if (!byFunction) {
    byFunction = new Map();
    clocksByCalendars.set(calendars, byFunction);
  }
  let clocks = byFunction.get(functionId);
  if (!clocks) {
    clocks = new ReferralClocks(calendars.calendarFor(functionId));
    byFunction.set(functionId, clocks);
  }
  return clocks;
}
