import * as federalHolidays from '@18f/us-federal-holidays';
import { DateTime } from 'luxon';
import { BusinessCalendar, ClosurePredicate, federalBusinessCalendar } from '../../src/platform/calendar/business-calendar';

// Pass-through spy: real holidays everywhere, but we can see how often the
// library is asked (per-year caching, observed-in-previous-year lookups).
jest.mock('@18f/us-federal-holidays', () => {
  const actual = jest.requireActual<typeof import('@18f/us-federal-holidays')>('@18f/us-federal-holidays');
  return { ...actual, allForYear: jest.fn(actual.allForYear) };
});

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const LA = 'America/Los_Angeles';

const cal = federalBusinessCalendar;
const at = (iso: string): Date => new Date(iso);
const iso = (d: Date): string => d.toISOString();
/** Local wall-clock rendering, to assert "23:59:59.999 local" and the offset directly. */
const local = (d: Date, zone: string): string => DateTime.fromJSDate(d, { zone }).toISO() ?? 'invalid';

describe('BusinessCalendar', () => {
  describe('isFederalHoliday / isBusinessDay', () => {
    it('recognises observed federal holidays and nothing else', () => {
      expect(cal.isFederalHoliday('2026-11-26')).toBe(true); // Thanksgiving
      expect(cal.isFederalHoliday('2026-07-03')).toBe(true); // July 4 (Sat) observed Fri
      expect(cal.isFederalHoliday('2026-07-04')).toBe(false);
      expect(cal.isFederalHoliday('2026-11-25')).toBe(false);
      expect(cal.isFederalHoliday('2026-11-03')).toBe(false); // Election Day is not a federal holiday
    });

    it("finds next year's New Year's Day observed on Dec 31 (returned by allForYear of the next year)", () => {
      expect(cal.isFederalHoliday('2021-12-31')).toBe(true);
      expect(cal.isFederalHoliday('2022-01-01')).toBe(false); // actual Saturday, not observed
      expect(cal.isFederalHoliday('2027-12-31')).toBe(true); // New Year's 2028 is a Saturday
      expect(cal.isFederalHoliday('2026-12-31')).toBe(false);
    });

    it('excludes weekends and holidays from business days', () => {
      expect(cal.isBusinessDay('2026-11-25', NY)).toBe(true); // Wed
      expect(cal.isBusinessDay('2026-11-26', NY)).toBe(false); // Thanksgiving
      expect(cal.isBusinessDay('2026-11-28', NY)).toBe(false); // Sat
      expect(cal.isBusinessDay('2026-11-29', NY)).toBe(false); // Sun
      expect(cal.isBusinessDay('2026-11-30', NY)).toBe(true); // Mon
    });

    it('caches holidays per year', () => {
      const allForYear = jest.mocked(federalHolidays.allForYear);
      const fresh = new BusinessCalendar();
      allForYear.mockClear();
      for (const d of ['2030-01-01', '2030-05-27', '2030-07-04', '2030-11-28', '2030-12-25', '2030-12-31']) {
        fresh.isFederalHoliday(d);
      }
      fresh.dueAfterBusinessDays(at('2030-03-01T15:00:00Z'), 20, NY);
      const years = allForYear.mock.calls.map(([year]) => year).sort();
      expect(years).toEqual([2030, 2031]); // 2031 only for a Dec 31 observance
      expect(allForYear).toHaveBeenCalledWith(2030, { shiftSaturdayHolidays: true, shiftSundayHolidays: true });
    });
  });

  describe('localDate', () => {
    it('uses the local date in the given zone, not UTC', () => {
      expect(cal.localDate(at('2026-11-27T03:00:00Z'), NY)).toBe('2026-11-26');
      expect(cal.localDate(at('2026-11-27T03:00:00Z'), 'UTC')).toBe('2026-11-27');
    });

    it('gives different local days for the same instant in Los Angeles and New York', () => {
      const instant = at('2026-04-21T05:30:00Z');
      expect(cal.localDate(instant, NY)).toBe('2026-04-21'); // Tue 01:30 EDT
      expect(cal.localDate(instant, CHI)).toBe('2026-04-21'); // Tue 00:30 CDT
      expect(cal.localDate(instant, LA)).toBe('2026-04-20'); // Mon 22:30 PDT
    });
  });

  describe('dueAfterBusinessDays', () => {
    it('received on a weekday morning: the day of receipt does not count', () => {
      const received = at('2026-04-13T14:00:00Z'); // Mon 10:00 EDT
      expect(iso(cal.dueAfterBusinessDays(received, 1, NY))).toBe('2026-04-15T03:59:59.999Z'); // end Tue
      // IRM 10.5.3.3.7(3): 3 workdays -> end of Thursday
      const due = cal.dueAfterBusinessDays(received, 3, NY);
      expect(iso(due)).toBe('2026-04-17T03:59:59.999Z');
      expect(local(due, NY)).toBe('2026-04-16T23:59:59.999-04:00');
    });

    it('received Friday 16:00: Monday is business day 1', () => {
      const received = at('2026-04-17T20:00:00Z'); // Fri 16:00 EDT
      expect(iso(cal.dueAfterBusinessDays(received, 1, NY))).toBe('2026-04-21T03:59:59.999Z'); // end Mon
      expect(iso(cal.dueAfterBusinessDays(received, 3, NY))).toBe('2026-04-23T03:59:59.999Z'); // end Wed
    });

    it('received Saturday: Monday is business day 1', () => {
      const received = at('2026-04-18T15:00:00Z'); // Sat 11:00 EDT
      expect(iso(cal.dueAfterBusinessDays(received, 1, NY))).toBe('2026-04-21T03:59:59.999Z');
      expect(iso(cal.dueAfterBusinessDays(received, 3, NY))).toBe('2026-04-23T03:59:59.999Z');
    });

    it('received Sunday (even late at night, already Monday in UTC): Monday is business day 1', () => {
      const sundayNoon = at('2026-04-19T16:00:00Z');
      const sundayLate = at('2026-04-20T03:30:00Z'); // Sun 23:30 EDT, Mon in UTC
      expect(iso(cal.dueAfterBusinessDays(sundayNoon, 1, NY))).toBe('2026-04-21T03:59:59.999Z');
      expect(iso(cal.dueAfterBusinessDays(sundayLate, 1, NY))).toBe('2026-04-21T03:59:59.999Z');
      expect(iso(cal.dueAfterBusinessDays(sundayLate, 3, NY))).toBe('2026-04-23T03:59:59.999Z');
    });

    it('Thanksgiving week 2026: received Tue 11-24, 3 business days = end of Mon 11-30', () => {
      // IRM 10.5.3.3.7.1(4): acknowledge within 3 business days.
      // Wed 25 = day 1, Thu 26 Thanksgiving skipped, Fri 27 = day 2, Mon 30 = day 3.
      const due = cal.dueAfterBusinessDays(at('2026-11-24T15:00:00Z'), 3, NY);
      expect(iso(due)).toBe('2026-12-01T04:59:59.999Z');
      expect(local(due, NY)).toBe('2026-11-30T23:59:59.999-05:00');
    });

    it('received on a holiday (evening, already the next day in UTC): the next business day is day 1', () => {
      const received = at('2026-11-27T03:00:00Z'); // Thanksgiving 22:00 EST
      expect(iso(cal.dueAfterBusinessDays(received, 1, NY))).toBe('2026-11-28T04:59:59.999Z'); // end Fri 27
    });

    it('skips a holiday observed on a Friday (New Year 2022 observed Fri 2021-12-31)', () => {
      // Thu 12-30 = day 1, Fri 12-31 skipped, Mon 2022-01-03 = day 2, Tue 01-04 = day 3.
      const received = at('2021-12-29T15:00:00Z'); // Wed 10:00 EST
      expect(iso(cal.dueAfterBusinessDays(received, 1, NY))).toBe('2021-12-31T04:59:59.999Z');
      expect(iso(cal.dueAfterBusinessDays(received, 2, NY))).toBe('2022-01-04T04:59:59.999Z');
      expect(iso(cal.dueAfterBusinessDays(received, 3, NY))).toBe('2022-01-05T04:59:59.999Z');
    });

    it('crosses a year boundary (New Year 2027 is a Friday)', () => {
      // Thu 12-31 = day 1, Fri 2027-01-01 holiday, Mon 01-04 = day 2, Tue 01-05 = day 3.
      const received = at('2026-12-30T15:00:00Z');
      expect(iso(cal.dueAfterBusinessDays(received, 3, NY))).toBe('2027-01-06T04:59:59.999Z');
    });

    it('crosses the spring DST change (2026-03-08): end of day is -04:00 after it', () => {
      const received = at('2026-03-05T15:00:00Z'); // Thu 10:00 EST
      const day1 = cal.dueAfterBusinessDays(received, 1, NY); // Fri 03-06, still EST
      const day3 = cal.dueAfterBusinessDays(received, 3, NY); // Tue 03-10, EDT
      expect(iso(day1)).toBe('2026-03-07T04:59:59.999Z');
      expect(local(day1, NY)).toBe('2026-03-06T23:59:59.999-05:00');
      expect(iso(day3)).toBe('2026-03-11T03:59:59.999Z');
      expect(local(day3, NY)).toBe('2026-03-10T23:59:59.999-04:00');
    });

    it('crosses the autumn DST change (2026-11-01): end of day is -05:00 after it', () => {
      const received = at('2026-10-29T14:00:00Z'); // Thu 10:00 EDT
      const day1 = cal.dueAfterBusinessDays(received, 1, NY); // Fri 10-30, EDT
      const day3 = cal.dueAfterBusinessDays(received, 3, NY); // Tue 11-03, EST
      expect(iso(day1)).toBe('2026-10-31T03:59:59.999Z');
      expect(local(day1, NY)).toBe('2026-10-30T23:59:59.999-04:00');
      expect(iso(day3)).toBe('2026-11-04T04:59:59.999Z');
      expect(local(day3, NY)).toBe('2026-11-03T23:59:59.999-05:00');
    });

    it('counts from the local day of receipt in each zone', () => {
      const received = at('2026-04-21T05:30:00Z'); // Tue in New York and Chicago, Mon in Los Angeles
      expect(iso(cal.dueAfterBusinessDays(received, 1, NY))).toBe('2026-04-23T03:59:59.999Z'); // end Wed EDT
      expect(iso(cal.dueAfterBusinessDays(received, 1, CHI))).toBe('2026-04-23T04:59:59.999Z'); // end Wed CDT
      expect(iso(cal.dueAfterBusinessDays(received, 1, LA))).toBe('2026-04-22T06:59:59.999Z'); // end Tue PDT
    });
  });

  describe('dueAfterCalendarDays', () => {
    it('30 days crossing month end and the spring DST change', () => {
      // Fri 2026-02-20 + 30 = Sun 2026-03-22 (EDT); weekends are not skipped.
      const due = cal.dueAfterCalendarDays(at('2026-02-20T15:00:00Z'), 30, NY);
      expect(iso(due)).toBe('2026-03-23T03:59:59.999Z');
      expect(local(due, NY)).toBe('2026-03-22T23:59:59.999-04:00');
    });

    it('30 days crossing the autumn DST change', () => {
      // 2026-10-15 + 30 = 2026-11-14 (EST)
      expect(iso(cal.dueAfterCalendarDays(at('2026-10-15T18:00:00Z'), 30, NY))).toBe('2026-11-15T04:59:59.999Z');
    });

    it('n = 0 is the end of the local day of receipt, and holidays are not skipped', () => {
      expect(iso(cal.dueAfterCalendarDays(at('2026-11-27T03:00:00Z'), 0, NY))).toBe('2026-11-27T04:59:59.999Z'); // 11-26 local
      expect(iso(cal.dueAfterCalendarDays(at('2026-11-24T15:00:00Z'), 2, NY))).toBe('2026-11-27T04:59:59.999Z'); // Thanksgiving
    });

    it('uses the local receipt date of the given zone', () => {
      const received = at('2026-04-21T05:30:00Z');
      expect(iso(cal.dueAfterCalendarDays(received, 10, NY))).toBe('2026-05-02T03:59:59.999Z'); // 05-01 EDT
      expect(iso(cal.dueAfterCalendarDays(received, 10, LA))).toBe('2026-05-01T06:59:59.999Z'); // 04-30 PDT
    });
  });

  describe('closures', () => {
    // Executive order closes New York offices on 2026-12-24; Chicago stays open.
    const closedInNewYork: ClosurePredicate = (date, timeZone) => date === '2026-12-24' && timeZone === NY;
    const withClosure = new BusinessCalendar(closedInNewYork);
    const received = at('2026-12-22T15:00:00Z'); // Tue

    it('treats a closed day like a holiday, only in its zone', () => {
      expect(withClosure.isBusinessDay('2026-12-24', NY)).toBe(false);
      expect(withClosure.isBusinessDay('2026-12-24', CHI)).toBe(true);
      expect(withClosure.isBusinessDay('2026-12-23', NY)).toBe(true);
      expect(withClosure.isFederalHoliday('2026-12-24')).toBe(false);
      expect(cal.isBusinessDay('2026-12-24', NY)).toBe(true);
    });

    it('pushes a due date by one business day in that zone only', () => {
      // Without closure: Wed 23 = day 1, Thu 24 = day 2.
      expect(iso(cal.dueAfterBusinessDays(received, 2, NY))).toBe('2026-12-25T04:59:59.999Z');
      // With closure: Wed 23 = day 1, Thu 24 closed, Fri 25 Christmas, Mon 28 = day 2.
      expect(iso(withClosure.dueAfterBusinessDays(received, 2, NY))).toBe('2026-12-29T04:59:59.999Z');
      // Chicago unaffected: end of Thu 24 CST.
      expect(iso(withClosure.dueAfterBusinessDays(received, 2, CHI))).toBe('2026-12-25T05:59:59.999Z');
    });

    it('passes the local date and the zone to the predicate', () => {
      const isClosed = jest.fn<boolean, [string, string]>(() => false);
      new BusinessCalendar(isClosed).dueAfterBusinessDays(received, 1, CHI);
      expect(isClosed).toHaveBeenCalledWith('2026-12-23', CHI);
    });

    it('walks the days of a local start date once per zone and count, handing out copies of the due instant', () => {
      const isClosed = jest.fn<boolean, [string, string]>((date) => date === '2026-12-24');
      const calendar = new BusinessCalendar(isClosed);
      const first = calendar.dueAfterBusinessDays(received, 2, NY);
      const asked = isClosed.mock.calls.length;
      first.setTime(0);
      // Another clock started the same local day (later that day): same answer, no walk.
      expect(iso(calendar.dueAfterBusinessDays(at('2026-12-22T20:00:00Z'), 2, NY))).toBe('2026-12-29T04:59:59.999Z');
      expect(isClosed.mock.calls.length).toBe(asked);
      expect(iso(calendar.dueAfterBusinessDays(received, 2, CHI))).toBe('2026-12-29T05:59:59.999Z');
      expect(isClosed.mock.calls.length).toBeGreaterThan(asked);
    });

    it('fails loudly instead of looping when everything is closed', () => {
      const allClosed = new BusinessCalendar(() => true);
      expect(() => allClosed.dueAfterBusinessDays(received, 1, NY)).toThrow(/no business day/);
      expect(() => allClosed.reminderAt(received, NY)).toThrow(/no business day/);
    });
  });

  describe('businessDaysOverdue', () => {
    const dueFriday = at('2026-04-18T03:59:59.999Z'); // end Fri 2026-04-17 EDT

    it('is 0 across the weekend and until Monday has ended', () => {
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-17T20:00:00Z'), NY)).toBe(0); // before due
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-18T16:00:00Z'), NY)).toBe(0); // Sat
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-19T16:00:00Z'), NY)).toBe(0); // Sun
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-20T16:00:00Z'), NY)).toBe(0); // Mon noon
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-21T03:59:59.999Z'), NY)).toBe(0); // Mon end exactly
    });

    it('counts each business day once it has ended', () => {
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-21T04:00:00.000Z'), NY)).toBe(1); // Tue 00:00
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-22T16:00:00Z'), NY)).toBe(2); // Wed noon
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-27T16:00:00Z'), NY)).toBe(5); // next Mon noon
    });

    it('does not count a holiday', () => {
      const dueWednesday = at('2026-11-26T04:59:59.999Z'); // end Wed 2026-11-25 EST
      expect(cal.businessDaysOverdue(dueWednesday, at('2026-11-27T16:00:00Z'), NY)).toBe(0); // Fri: Thanksgiving skipped
      expect(cal.businessDaysOverdue(dueWednesday, at('2026-11-30T15:00:00Z'), NY)).toBe(1); // Mon: Fri ended
      expect(cal.businessDaysOverdue(dueWednesday, at('2026-12-01T15:00:00Z'), NY)).toBe(2); // Tue: Fri, Mon
    });

    it('is 0 when now is before dueAt', () => {
      expect(cal.businessDaysOverdue(dueFriday, at('2026-04-01T12:00:00Z'), NY)).toBe(0);
    });

    it('uses local days of the given zone', () => {
      // Same instants; in Los Angeles Monday ends 3 hours later than in New York.
      const now = at('2026-04-21T05:00:00Z'); // Tue 01:00 EDT, Mon 22:00 PDT
      expect(cal.businessDaysOverdue(dueFriday, now, NY)).toBe(1);
      expect(cal.businessDaysOverdue(dueFriday, now, LA)).toBe(0);
    });
  });

  describe('reminderAt', () => {
    it('on a Monday due date gives the start of the previous Friday', () => {
      const reminder = cal.reminderAt(at('2026-04-21T03:59:59.999Z'), NY); // due end Mon 04-20
      expect(iso(reminder)).toBe('2026-04-17T04:00:00.000Z');
      expect(local(reminder, NY)).toBe('2026-04-17T00:00:00.000-04:00');
    });

    it('gives Thursday when that Friday is a holiday (Juneteenth 2026)', () => {
      expect(iso(cal.reminderAt(at('2026-06-23T03:59:59.999Z'), NY))).toBe('2026-06-18T04:00:00.000Z');
    });

    it('skips a Monday holiday back to Friday (MLK Day 2026)', () => {
      // Due end Tue 2026-01-20; Mon 01-19 is a holiday -> Fri 01-16 00:00 EST.
      expect(iso(cal.reminderAt(at('2026-01-21T04:59:59.999Z'), NY))).toBe('2026-01-16T05:00:00.000Z');
    });

    it('uses the offset of the reminder day across DST', () => {
      // Due end Mon 2026-03-09 (EDT) -> Fri 03-06 00:00 EST.
      const reminder = cal.reminderAt(at('2026-03-10T03:59:59.999Z'), NY);
      expect(iso(reminder)).toBe('2026-03-06T05:00:00.000Z');
      expect(local(reminder, NY)).toBe('2026-03-06T00:00:00.000-05:00');
    });

    it('respects closures', () => {
      const closedFriday = new BusinessCalendar((date) => date === '2026-04-17');
      expect(iso(closedFriday.reminderAt(at('2026-04-21T03:59:59.999Z'), NY))).toBe('2026-04-16T04:00:00.000Z');
    });
  });

  describe('invalid arguments', () => {
    const received = at('2026-04-13T14:00:00Z');

    it('rejects non-positive or non-integer business-day counts', () => {
      for (const n of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => cal.dueAfterBusinessDays(received, n, NY)).toThrow(RangeError);
      }
    });

    it('rejects negative or non-integer calendar-day counts but accepts 0', () => {
      for (const n of [-1, 0.5, Number.NaN]) {
        expect(() => cal.dueAfterCalendarDays(received, n, NY)).toThrow(RangeError);
      }
      expect(() => cal.dueAfterCalendarDays(received, 0, NY)).not.toThrow();
    });

    it('rejects invalid time zones with a clear message', () => {
      expect(() => cal.dueAfterBusinessDays(received, 3, 'America/Nowhere')).toThrow(
        new RangeError(`BusinessCalendar: invalid time zone "America/Nowhere"; expected an IANA zone such as 'America/New_York'`),
      );
      expect(() => cal.localDate(received, '')).toThrow(RangeError);
      expect(() => cal.isBusinessDay('2026-04-13', 'Mars/Olympus_Mons')).toThrow(/invalid time zone/);
      expect(() => cal.dueAfterCalendarDays(received, 1, 'Nope/Nope')).toThrow(RangeError);
      expect(() => cal.businessDaysOverdue(received, received, 'Nope/Nope')).toThrow(RangeError);
      expect(() => cal.reminderAt(received, 'Nope/Nope')).toThrow(RangeError);
    });

    it('rejects invalid dates and local dates', () => {
      const invalid = new Date(Number.NaN);
      expect(() => cal.dueAfterBusinessDays(invalid, 1, NY)).toThrow(/receivedAt must be a valid Date/);
      expect(() => cal.localDate(invalid, NY)).toThrow(RangeError);
      expect(() => cal.businessDaysOverdue(received, invalid, NY)).toThrow(/now must be a valid Date/);
      for (const d of ['2026-02-30', '2026-13-01', '2026-2-3', '20260203', '']) {
        expect(() => cal.isFederalHoliday(d)).toThrow(RangeError);
        expect(() => cal.isBusinessDay(d, NY)).toThrow(RangeError);
      }
    });
  });
});

describe('dueAfterBusinessDaysFrom (re-timing many clocks that started on the same local day)', () => {
  it('gives the due instant of any receipt on that local date, closures included', () => {
    const closedTuesday = new BusinessCalendar((date) => date === '2024-12-24');
    // Friday 2024-12-20 in Chicago, early and late: Mon 23, (Tue 24 closed), (Christmas), Thu 26, Fri 27.
    for (const received of ['2024-12-20T06:00:00Z', '2024-12-21T05:59:59Z']) {
      expect(iso(closedTuesday.dueAfterBusinessDays(at(received), 3, CHI))).toBe('2024-12-28T05:59:59.999Z');
    }
    expect(iso(closedTuesday.dueAfterBusinessDaysFrom('2024-12-20', 3, CHI))).toBe('2024-12-28T05:59:59.999Z');
    expect(iso(cal.dueAfterBusinessDaysFrom('2024-12-20', 3, CHI))).toBe('2024-12-27T05:59:59.999Z');
  });

  it('checks its arguments like the other entry points', () => {
    expect(() => cal.dueAfterBusinessDaysFrom('2024-02-30', 3, CHI)).toThrow(RangeError);
    expect(() => cal.dueAfterBusinessDaysFrom('2024-12-20', 0, CHI)).toThrow(RangeError);
    expect(() => cal.dueAfterBusinessDaysFrom('2024-12-20', 3, 'Nope/Nope')).toThrow(RangeError);
  });
});

describe('explaining a due time (the referral page shows how each clock was computed)', () => {
  const endOfDay = (date: string, zone: string) => DateTime.fromISO(date, { zone }).endOf('day').toJSDate();

  it.each([
    // [why, calendar, received, business days, zone]
    ['Thanksgiving skipped (IRM 10.5.3.3.7.1(4): 3 business days)', cal, '2026-11-23T15:00:00Z', 3, CHI],
    ['a weekend, received on Friday', cal, '2026-11-20T21:00:00Z', 3, LA],
    ['Christmas Eve closed and Christmas', new BusinessCalendar((date) => date === '2024-12-24'), '2024-12-20T16:00:00Z', 3, CHI],
    [
      'a week-long closure in one zone only',
      new BusinessCalendar((d, zone) => zone === NY && d >= '2026-03-09' && d <= '2026-03-13'),
      '2026-03-06T15:00:00Z',
      5,
      NY,
    ],
    ['received on a holiday (the day of receipt never counts)', cal, '2026-01-19T15:00:00Z', 3, NY],
  ] as const)('its last counted day ends at the due time: %s', (_why, calendar, received, n, zone) => {
    const explained = calendar.explainBusinessDays(at(received), n, zone);
    const due = calendar.dueAfterBusinessDays(at(received), n, zone);
    const counted = explained.days.filter((d) => d.dayNumber !== null);
    expect(explained.dueAt).toEqual(due);
    expect(counted.map((d) => d.dayNumber)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(endOfDay(counted.at(-1)!.date, zone)).toEqual(due);
    expect(explained.days.at(-1)).toBe(counted.at(-1));
    expect(explained.lastDay).toBe(counted.at(-1)!.date);
    expect(explained.startedOn).toBe(calendar.localDate(at(received), zone));
    for (const day of explained.days) expect(day.dayNumber !== null).toBe(calendar.isBusinessDay(day.date, zone));
  });

  it('names why each skipped day was skipped: weekend, federal holiday (with its name), closure', () => {
    const closedTuesday = new BusinessCalendar((date) => date === '2024-12-24');
    const explained = closedTuesday.explainBusinessDays(at('2024-12-20T16:00:00Z'), 3, CHI);
    expect(explained.days).toEqual([
      { date: '2024-12-21', dayNumber: null, skippedAs: 'WEEKEND', holiday: null },
      { date: '2024-12-22', dayNumber: null, skippedAs: 'WEEKEND', holiday: null },
      { date: '2024-12-23', dayNumber: 1, skippedAs: null, holiday: null },
      { date: '2024-12-24', dayNumber: null, skippedAs: 'CLOSURE', holiday: null },
      { date: '2024-12-25', dayNumber: null, skippedAs: 'FEDERAL_HOLIDAY', holiday: 'Christmas Day' },
      { date: '2024-12-26', dayNumber: 2, skippedAs: null, holiday: null },
      { date: '2024-12-27', dayNumber: 3, skippedAs: null, holiday: null },
    ]);
  });

  it('counts every calendar day for a calendar-day clock: none skipped, none listed, ending where dueAfterCalendarDays does', () => {
    const explained = cal.explainCalendarDays(at('2026-11-23T15:00:00Z'), 30, CHI);
    expect(explained).toEqual({
      startedOn: '2026-11-23',
      lastDay: '2026-12-23',
      days: [],
      dueAt: cal.dueAfterCalendarDays(at('2026-11-23T15:00:00Z'), 30, CHI),
    });
    expect(endOfDay(explained.lastDay, CHI)).toEqual(explained.dueAt);
  });
});

describe('local dates kept per zone and UTC minute', () => {
  it('gives every instant of a minute the local date luxon gives it: around midnights in whole-, half- and quarter-hour zones and across DST changes', () => {
    const calendar = new BusinessCalendar();
    const zones = ['America/New_York', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    // Around local midnight on a DST change day and an ordinary day, minute by minute, first and last millisecond of each.
    const days = ['2026-03-08', '2026-11-01', '2026-04-05', '2026-10-04', '2026-12-03'];
    for (const zone of zones) {
      for (const day of days) {
        const midnight = DateTime.fromISO(day, { zone }).startOf('day').toMillis();
        for (let minute = -90; minute <= 90; minute++) {
          for (const ms of [0, 59_999, 30_000]) {
            const instant = new Date(midnight + minute * 60_000 + ms);
            expect(calendar.localDate(instant, zone)).toBe(DateTime.fromJSDate(instant, { zone }).toISODate());
          }
        }
      }
    }
  });
});
