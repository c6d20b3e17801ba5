import { FieldError, InvalidInputError } from '../common/errors';
import { isUuid } from '../common/uuid';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const MAX_TEXT = 200;

/**
 * The filters of a download, from the query string (GET) or a JSON body (POST), named like the fields of
 * the GraphQL filter they replace. Every problem is collected and reported at once as BAD_USER_INPUT naming
 * the parameter; a parameter the download does not know is refused, so a typo never widens an export.
 */
export class DownloadParameters {
  private readonly errors: FieldError[] = [];
  private readonly read = new Set<string>();

  constructor(private readonly values: Record<string, unknown>) {}

  text(name: string): string | null {
    const value = this.single(name);
    if (value === null) return null;
    if (typeof value !== 'string' || value.length > MAX_TEXT || value.includes('\u0000'))
      return this.fail(name, `must be text of at most ${MAX_TEXT} characters`);
    return value;
  }

  id(name: string): string | null {
    const value = this.single(name);
    if (value === null) return null;
    return typeof value === 'string' && isUuid(value) ? value : this.fail(name, 'is not an id');
  }

  instant(name: string, required = false): Date | null {
    const value = this.single(name);
    if (value === null) return required ? this.fail(name, 'is required') : null;
    const date = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : this.fail(name, 'must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z');
  }

  boolean(name: string): boolean | null {
    const value = this.single(name);
    if (value === null) return null;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    return this.fail(name, 'must be true or false');
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    const value = this.single(name);
    if (value === null) return null;
    return allowed.includes(value as T) ? (value as T) : this.fail(name, `must be one of ${allowed.join(', ')}`);
  }

  /** A repeated parameter (`states=A&states=B`) or a JSON array. */
  manyOf<T extends string>(name: string, allowed: readonly T[]): T[] | null {
    this.read.add(name);
    const raw = this.values[name];
    if (raw === undefined || raw === null || raw === '') return null;
    const values = Array.isArray(raw) ? raw : [raw];
    const wrong = values.filter((value) => !allowed.includes(value as T));
    return wrong.length ? this.fail(name, `must be among ${allowed.join(', ')}`) : (values as T[]);
  }

  /** Throws every problem found, and any parameter that was not read. */
  checked<F>(filter: F): F {
    for (const name of Object.keys(this.values))
      if (!this.read.has(name)) this.errors.push({ field: name, message: 'is not a filter of this download' });
    if (this.errors.length) throw new InvalidInputError(this.errors);
    return filter;
  }

  private single(name: string): unknown {
    this.read.add(name);
    const value = this.values[name];
    if (value === undefined || value === '') return null;
    return Array.isArray(value) ? this.fail(name, 'may be given once') : value;
  }

  private fail(field: string, message: string): null {
    this.errors.push({ field, message });
    return null;
  }
}
