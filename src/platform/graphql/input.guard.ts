import { GraphQLInputType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { MiddlewareFn } from 'type-graphql';
import { FieldError, InvalidInputError } from '../common/errors';
import { containsTinShapedNumber } from '../security/tin-shapes';
import { isIdentifierField } from './identifier-field';
import { relativeToArguments } from './argument-paths';

/** A lone UTF-16 surrogate (with the u flag, a proper pair is one code point and does not match): not storable text. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** No text field of the hub is longer; the per-field validators set the real limits. */
const MAX_STRING = 20_000;

/**
 * Walks a value along its GraphQL input type, reporting unstorable text and TINs typed
 * into free text (they would be stored and shown in clear: TINs are sealed only in the TIN fields). Free text
 * is every String argument or input field not marked as an identifier (identifier-field.ts).
 */
function check(type: GraphQLInputType, value: unknown, path: string, errors: FieldError[], identifier = false): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(type.ofType, value, path, errors, identifier);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => check(type.ofType, item, `${path}[${i}]`, errors, identifier));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) check(field.type, item, `${path}.${name}`, errors, isIdentifierField(field));
    }
    return;
  }
  if (typeof value !== 'string') return;
  if (value.includes('\u0000')) errors.push({ field: path, message: 'cannot contain NUL characters' });
  else if (LONE_SURROGATE.test(value)) errors.push({ field: path, message: 'is not valid Unicode text (a lone UTF-16 surrogate)' });
  else if (value.length > MAX_STRING) errors.push({ field: path, message: `must be at most ${MAX_STRING} characters` });
  else if (!identifier && isScalarType(type) && type.name === 'String' && containsTinShapedNumber(value)) {
    errors.push({ field: path, message: 'looks like a TIN (SSN, ITIN or EIN): enter TINs only in the TIN fields' });
  }
}

/**
 * Checks every argument of every root operation before it runs (ids are UUID scalars, checked by the schema): text
 * must be storable and free text must carry no TIN, so such input is BAD_USER_INPUT naming the field instead of a
 * database error or a TIN stored in clear. The domain validators' field errors leave it with paths relative to the arguments.
 */
export const inputGuard: MiddlewareFn = async ({ info, args }, next) => {
  const field = info.parentType.getFields()[info.fieldName];
  const errors: FieldError[] = [];
  for (const arg of field.args) check(arg.type, args[arg.name], arg.name, errors);
  if (errors.length) throw new InvalidInputError(errors);
  try {
    return await next();
  } catch (error) {
    throw error instanceof InvalidInputError ? relativeToArguments(error, field) : error;
  }
};
