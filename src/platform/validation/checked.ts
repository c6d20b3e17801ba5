import { FieldError, InvalidInputError } from '../common/errors';

/**
 * The outcome of checking one input item: its normalized value (best effort when invalid, so a form
 * can still be assembled) and every problem found, each naming the item's dotted field path.
 */
export interface Checked<T> {
  value: T;
  errors: FieldError[];
}

export function checked<T>(value: T, errors: FieldError[] = []): Checked<T> {
  return { value, errors };
}

/** The checked value, or an InvalidInputError naming every problem (for single items outside a form). */
export function orThrow<T>(result: Checked<T>): T {
  if (result.errors.length) throw new InvalidInputError(result.errors);
  return result.value;
}

/** Collects the problems of many checks so one error can report all of them. */
export class Problems {
  readonly errors: FieldError[] = [];

  take<T>(result: Checked<T>): T {
    this.errors.push(...result.errors);
    return result.value;
  }

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

/** Checks an optional item with `check`; absent or blank input becomes null. */
export function checkOptional<T>(raw: string | null | undefined, check: (text: string) => Checked<T>): Checked<T | null> {
  return raw == null || raw.trim() === '' ? checked(null) : check(raw);
}

/** Maximum number of items in any list on a referral (research items, affected returns, attachments). */
export const LIST_MAX = 100;

/** Checks a required list (1 to {@link LIST_MAX} items), each item under its indexed path `field[i]`. */
export function checkList<I, T>(items: readonly I[], field: string, checkItem: (item: I, path: string) => Checked<T>): Checked<T[]> {
  if (items.length === 0) return checked([], [{ field, message: 'at least one is required' }]);
  if (items.length > LIST_MAX) return checked([], [{ field, message: `at most ${LIST_MAX} are allowed` }]);
  const problems = new Problems();
  const values = items.map((item, index) => problems.take(checkItem(item, `${field}[${index}]`)));
  return checked(values, problems.errors);
}
