import { formatInstant, formatLocalDate, humanize } from '../format';
import type { PageReferral } from './referral';

type Explanation = PageReferral['clockExplanation'][number];

const SKIPPED: Record<string, string> = {
  WEEKEND: 'weekend',
  FEDERAL_HOLIDAY: 'federal holiday',
  CLOSURE: 'closure',
};

const START: Record<string, string> = { REVIEW: 'Submitted', ACKNOWLEDGMENT: 'Received', COMPLETION: 'Received' };

function dayText(day: Explanation['days'][number], unit: string): string {
  if (day.dayNumber !== null) return `${unit === 'BUSINESS_DAYS' ? 'business day' : 'day'} ${day.dayNumber}`;
  return `skipped: ${SKIPPED[day.skippedAs ?? ''] ?? 'not a business day'}${day.holiday ? ` (${day.holiday})` : ''}`;
}

/** How one running clock got its due time, as the API computed it (Referral.clockExplanation): the console adds nothing. */
function OneClock({ explanation: e }: { explanation: Explanation }) {
  const business = e.unit === 'BUSINESS_DAYS';
  const headingId = `explanation-${e.clock}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>How the {humanize(e.clock).toLowerCase()} due time was computed</h3>
      <p>
        {START[e.clock]} {formatLocalDate(e.startedOn)} (that day is not counted). {e.length} {business ? 'business' : 'calendar'} days in{' '}
        {e.timeZone}
        {business ? ': weekends, federal holidays and closures are skipped.' : ': every day counts, weekends and holidays too.'}
      </p>
      {business ? (
        <ul className="usa-list">
          {e.days.map((day) => (
            <li key={day.date}>
              {formatLocalDate(day.date)} — {dayText(day, e.unit)}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Day {e.length} is {formatLocalDate(e.lastDay)}.
        </p>
      )}
      <p>
        Due at the end of that day: <strong>{formatInstant(e.dueAt, e.timeZone)}</strong>.
      </p>
    </section>
  );
}

export function ClockExplanations({ referral }: { referral: PageReferral }) {
  return (
    <>
      {referral.clockExplanation.map((e) => (
        <OneClock key={e.clock} explanation={e} />
      ))}
    </>
  );
}
