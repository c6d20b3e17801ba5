import { InvalidInputError } from './errors';

/** A page size (`first`) between 1 and `max`, or BAD_USER_INPUT naming `first`. */
export function checkPageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw InvalidInputError.single('first', `must be between 1 and ${max}`);
  return first;
}
