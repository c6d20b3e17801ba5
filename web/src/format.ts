/** One formatter per time zone: building an Intl.DateTimeFormat costs about 0.2 ms, and a table shows a hundred instants. */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** Instants shown in the person's own time zone (their function's), with the zone named. */
export function formatInstant(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    instantFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** "due in 2 days 3 hours" / "overdue by 5 hours" from seconds remaining. */
export function formatRemaining(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const abs = Math.abs(seconds);
  const days = Math.floor(abs / 86400);
  const hours = Math.floor((abs % 86400) / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const parts = days ? [`${days} d`, `${hours} h`] : hours ? [`${hours} h`, `${minutes} min`] : [`${minutes} min`];
  return seconds < 0 ? `overdue by ${parts.join(' ')}` : `due in ${parts.join(' ')}`;
}

export const FORM_NAMES: Record<string, string> = { F14566: 'Form 14566', F4442: 'Form 4442', F3210: 'Form 3210' };

/** The IRS's and DHS's own abbreviations, which stay in capitals ("With CI", not "With ci"). */
const ABBREVIATIONS = new Set('apa bmf cawr ci cnc dhs dln ef ein gm itin mft oi ro sp ssn tecs tin tpp'.split(' '));

/** An enum constant as words: 'RETURNED_TO_RO' → "Returned to RO", 'FORM_433A_SECURED' → "Form 433A secured", 'SP_ENTITY_TC020' → "SP entity TC020". */
export function humanize(constant: string): string {
  const words = constant
    .toLowerCase()
    .split('_')
    .map((word) => (ABBREVIATIONS.has(word) || /^[a-z]*\d+[a-z]*$/.test(word) ? word.toUpperCase() : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A dollar amount as the API gives it (a decimal string, e.g. '141000.00'), with thousands separators: "$141,000.00". */
export function formatDollars(amount: string): string {
  const [whole, cents] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${cents === undefined ? '' : `.${cents}`}`;
}

const LOCAL_DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

/** A local date 'YYYY-MM-DD' as "Tue, Nov 24, 2026" (a calendar day: no time zone to convert). */
export function formatLocalDate(date: string): string {
  return LOCAL_DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

/** A document's size as people read it: bytes, KB or MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
