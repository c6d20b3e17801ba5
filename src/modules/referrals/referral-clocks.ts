import { registerEnumType } from 'type-graphql';
import { ClosureCalendars } from '../../platform/calendar/calendar.service';
import { BusinessCalendar, DueExplanation } from '../../platform/calendar/business-calendar';
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
 * receipt (10.5.3.3.7.1(5)). 4442 and 3210 are not acknowledged (IRM 25.25.6: straight into RIVO's queue);
 * a 4442's completion clock is its category's time frame from the date of the form, a 3210 has none.
 */
export const DEFAULT_TIME_FRAMES: Readonly<Record<ReferralForm, TimeFrame>> = {
  [ReferralForm.F14566]: { ackBusinessDays: 3, ackCalendarDays: null, completionCalendarDays: 30 },
  [ReferralForm.F4442]: { ackBusinessDays: null, ackCalendarDays: null, completionCalendarDays: null },
  [ReferralForm.F3210]: { ackBusinessDays: null, ackCalendarDays: null, completionCalendarDays: null },
};

/**
 * The completion time frame of a 4442/3210 in words: the category's days counted from the date of the form
 * (IRM 25.25.6.6.4: "allow 60 days from the date of the Form 4442"), or that the IRM names none, so no clock runs.
 */
export function completionTimeFrameOf(
  form: ReferralForm,
  category: { name: string; completionDays: number | null; irmReference: string } | null,
): string {
  if (form === ReferralForm.F3210) return 'No completion clock: IRM 25.25.6.2.3 gives a Form 3210 no time frame';
  if (!category?.completionDays)
    return `No completion clock: IRM 25.25.6 gives the category ${category ? `"${category.name}" ` : ''}no time frame`;
  return `${category.completionDays} calendar days from the date of the Form 4442 (${category.irmReference})`;
}

export enum ReferralClock {
  REVIEW = 'REVIEW',
  ACKNOWLEDGMENT = 'ACKNOWLEDGMENT',
  COMPLETION = 'COMPLETION',
}
registerEnumType(ReferralClock, {
  name: 'ReferralClock',
  description: 'A due clock of a referral',
  valuesConfig: {
    REVIEW: { description: "14566: the originating liaison's completeness review, 3 workdays from receipt (IRM 10.5.3.3.7(3))" },
    ACKNOWLEDGMENT: {
      description:
        'The receiving function acknowledges receipt: 3 business days for a liaison (IRM 10.5.3.3.7.1(4)), 30 days for CAWR (10.5.3.3.11(3))',
    },
    COMPLETION: {
      description:
        'The receiving function completes the requested actions: 30 days of receipt for a 14566 (IRM 10.5.3.3.7.1(6)), per category for a 4442',
    },
  },
});

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
  [ReferralState.RECEIVED]: [ReferralClock.COMPLETION],
  [ReferralState.CHECKED_OUT]: [ReferralClock.COMPLETION],
  [ReferralState.WORKING]: [ReferralClock.COMPLETION],
  [ReferralState.MONITORING]: [ReferralClock.COMPLETION],
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

/** How a clock counts: business days (the day of receipt never counts) or calendar days after its start. */
export enum ClockUnit {
  BUSINESS_DAYS = 'BUSINESS_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
}
registerEnumType(ClockUnit, {
  name: 'ClockUnit',
  description: 'How a clock counts its days',
  valuesConfig: {
    BUSINESS_DAYS: { description: 'Business days after the day it started: weekends, federal holidays and closures are skipped' },
    CALENDAR_DAYS: { description: 'Calendar days after the day it started: every day counts' },
  },
});

/** The length of one clock. */
export interface ClockLength {
  unit: ClockUnit;
  days: number;
}

/** The acknowledgment clock of a time frame, if it has one. */
export function ackLength(timeFrame: TimeFrame): ClockLength | null {
  if (timeFrame.ackBusinessDays !== null) return { unit: ClockUnit.BUSINESS_DAYS, days: timeFrame.ackBusinessDays };
  if (timeFrame.ackCalendarDays !== null) return { unit: ClockUnit.CALENDAR_DAYS, days: timeFrame.ackCalendarDays };
  return null;
}

/** The completion clock: the 4442 category's days, else the time frame's. */
export function completionLength(timeFrame: TimeFrame, categoryCompletionDays: number | null): ClockLength | null {
  const days = categoryCompletionDays ?? timeFrame.completionCalendarDays;
  return days !== null ? { unit: ClockUnit.CALENDAR_DAYS, days } : null;
}

export const REVIEW_LENGTH: ClockLength = { unit: ClockUnit.BUSINESS_DAYS, days: REVIEW_WORKDAYS };

/** Due instants of the referral clocks, computed in the acting function's time zone. */
export class ReferralClocks {
  constructor(private readonly calendar: BusinessCalendar) {}

  reviewDueAt(submittedAt: Date, originatingTimeZone: string): Date {
    return this.dueAt(REVIEW_LENGTH, submittedAt, originatingTimeZone);
  }

  /** The due instant of a clock of `length` started at `startedAt`. */
  dueAt(length: ClockLength, startedAt: Date, timeZone: string): Date {
    return length.unit === ClockUnit.BUSINESS_DAYS
      ? this.calendar.dueAfterBusinessDays(startedAt, length.days, timeZone)
      : this.calendar.dueAfterCalendarDays(startedAt, length.days, timeZone);
  }

  /** dueAt with its workings: which days were counted and which skipped (same calendar, same walk). */
  explain(length: ClockLength, startedAt: Date, timeZone: string): DueExplanation {
    return length.unit === ClockUnit.BUSINESS_DAYS
      ? this.calendar.explainBusinessDays(startedAt, length.days, timeZone)
      : this.calendar.explainCalendarDays(startedAt, length.days, timeZone);
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
