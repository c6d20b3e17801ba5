/**
 * Domain errors. Services throw these; the GraphQL layer maps them to a stable
 * `extensions.code` in exactly one place (src/platform/graphql/error-mapper.ts).
 */

/** One problem with one input field; `field` is a dotted path such as `form14566.business.ein`. */
export interface FieldError {
  field: string;
  message: string;
}

export type DomainErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'TOO_MANY_REQUESTS';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Invalid input: ${fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }

  static single(field: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, message }]);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  /**
   * @param itemExists the item exists but the caller may not see it (the answer is the same, so existence does
   * not leak; the refusal is audited)
   * @param refusedItemId the id of that item when the caller named it otherwise (by reference number): the audit
   * records it, the answer does not carry it
   */
  constructor(
    entity: string,
    id: string,
    readonly itemExists = false,
    readonly refusedItemId: string | null = null,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/**
 * Why an action conflicts: the item changed since the caller read it (reload and retry), the item is not in a state
 * the action applies to, or what is being created exists already.
 */
export const CONFLICT_REASONS = ['STALE_VERSION', 'WRONG_STATE', 'ALREADY_EXISTS'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly reason: ConflictReason,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** A bounded resource (e.g. concurrent downloads) is in use: try again shortly. */
export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
}
