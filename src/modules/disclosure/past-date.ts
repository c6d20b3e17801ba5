import { DateTime } from 'luxon';
import { FieldError } from '../../platform/common/errors';

/** A date a letter or authorization was received or given: YYYY-MM-DD, a real date, not after today (UTC). */
export function pastDateProblems(raw: string, field: string, now: Date): FieldError[] {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? DateTime.fromISO(raw, { zone: 'UTC' }) : null;
  if (!date?.isValid) return [{ field, message: 'must be a date YYYY-MM-DD' }];
  if (date > DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('day')) return [{ field, message: 'cannot be in the future' }];
  return [];
}
