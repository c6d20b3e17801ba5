import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, InvalidInputError } from '../common/errors';

/** GraphQL's "Did you mean …?" (fields, arguments, types, enum values): it names parts of the schema. */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * The one place where errors become GraphQL errors: domain errors keep their stable code (and, for
 * bad input, the list of field errors); anything unexpected is logged and, in production, hidden, as are
 * suggestions (with introspection off they would still spell out the schema).
 */
export function createErrorFormatter(options: { exposeInternals: boolean; hideSuggestions: boolean; log: (error: unknown) => void }) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = options.hideSuggestions ? { ...given, message: given.message.replace(SUGGESTION, '') } : given;
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const extensions: Record<string, unknown> = { code: original.code };
      if (original instanceof InvalidInputError) extensions.fieldErrors = original.fieldErrors;
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    options.log(original);
    if (options.exposeInternals) return formatted;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
