import { GraphQLError, Kind, parse } from 'graphql';
import { FieldError } from '../common/errors';
import { eachArgumentValue } from './argument-paths';

/** Values written in the document itself (not variables, objects or lists): what a scalar or enum refuses. */
const LEAF_LITERALS = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL]);

/**
 * The field error for a value written inline that its type refuses (`referral(id: "12")`, `closures(from: "2026-02-30")`),
 * named by its path from the argument it fills, or undefined for any other validation error. GraphQL rejects such a
 * literal while validating the document, before any resolver runs, so it says neither the argument nor the field;
 * the path is found again in the document's source at the literal's position.
 */
export function badLiteralOf(error: unknown): FieldError | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'GRAPHQL_VALIDATION_FAILED') return undefined;
  const literal = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (!literal?.loc || !error.source || !LEAF_LITERALS.has(literal.kind)) return undefined;
  let field: string | undefined;
  eachArgumentValue(parse(error.source), (value, path) => {
    if (value.loc?.start === literal.loc!.start && value.kind === literal.kind) field = path;
  });
  if (!field) return undefined;
  return { field, message: literal.kind === Kind.NULL ? 'is required' : error.message };
}
