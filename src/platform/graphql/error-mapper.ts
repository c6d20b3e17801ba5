import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ConflictError, DomainError, DomainErrorCode, InvalidInputError } from '../common/errors';
import { badLiteralOf } from './literal-errors';

/** GraphQL's "Did you mean …?" (fields, arguments, types, enum values): it names parts of the schema. */
const SUGGESTION = / ?Did you mean .+\?$/;

/** The stable code of a domain error and, for bad input, the list of field errors; for a conflict, its reason. */
function domainExtensions(error: DomainError): Record<string, unknown> {
  if (error instanceof InvalidInputError) return { code: error.code, fieldErrors: error.fieldErrors };
  if (error instanceof ConflictError) return { code: error.code, reason: error.reason };
  return { code: error.code };
}

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/**
 * The same mapping for the plain HTTP endpoints (downloads): a status and a body shaped like a GraphQL error
 * response, so a client handles both alike. Anything unexpected is logged and answered 500 without detail.
 */
export function httpErrorOf(error: unknown, log: (error: unknown) => void): { status: number; body: { errors: GraphQLFormattedError[] } } {
  if (error instanceof DomainError) {
    return { status: HTTP_STATUS[error.code], body: { errors: [{ message: error.message, extensions: domainExtensions(error) }] } };
  }
  log(error);
  return { status: 500, body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
}

/**
 * The one place where errors become GraphQL errors: domain errors keep their stable code (and, for
 * bad input, the list of field errors); a value written inline that its type refuses is bad input too; anything unexpected is logged and, in production, hidden, as are
 * suggestions (with introspection off they would still spell out the schema).
 */
export function createErrorFormatter(options: { exposeInternals: boolean; hideSuggestions: boolean; log: (error: unknown) => void }) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = options.hideSuggestions ? { ...given, message: given.message.replace(SUGGESTION, '') } : given;
    // A resolver's error, or one a plugin raised before execution (bad variables): the domain error inside it.
    const original =
      error instanceof GraphQLError && error.originalError instanceof DomainError ? error.originalError : unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: domainExtensions(original) };
    }
    const literal = badLiteralOf(error);
    if (literal) {
      const message = options.hideSuggestions ? literal.message.replace(SUGGESTION, '') : literal.message;
      const invalid = InvalidInputError.single(literal.field, message);
      return { message: invalid.message, locations: formatted.locations, extensions: domainExtensions(invalid) };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    options.log(original);
    if (options.exposeInternals) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
