import { GraphQLInputType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { MiddlewareFn } from 'type-graphql';
import { FieldError, InvalidInputError } from '../common/errors';
import { HubContext } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** No text field of the hub is longer; the per-field validators set the real limits. */
const MAX_STRING = 20_000;

/** Walks a value along its GraphQL input type, reporting malformed ids and unstorable text. */
function check(type: GraphQLInputType, value: unknown, path: string, errors: FieldError[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(type.ofType, value, path, errors);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => check(type.ofType, item, `${path}[${i}]`, errors));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) if (fields[name]) check(fields[name].type, item, `${path}.${name}`, errors);
    return;
  }
  if (typeof value !== 'string') return;
  if (isScalarType(type) && type.name === 'ID' && !UUID.test(value)) errors.push({ field: path, message: 'is not an id' });
  else if (value.includes('\u0000')) errors.push({ field: path, message: 'cannot contain NUL characters' });
  else if (value.length > MAX_STRING) errors.push({ field: path, message: `must be at most ${MAX_STRING} characters` });
}

/**
 * Checks every argument of every root operation before it runs: ids must be UUIDs and text must be
 * storable, so malformed input is BAD_USER_INPUT naming the field instead of a database error.
 */
export const inputGuard: MiddlewareFn<HubContext> = ({ info, args }, next) => {
  if (info.parentType.name !== 'Query' && info.parentType.name !== 'Mutation') return next();
  const errors: FieldError[] = [];
  for (const arg of info.parentType.getFields()[info.fieldName].args) check(arg.type, args[arg.name], arg.name, errors);
  if (errors.length) throw new InvalidInputError(errors);
  return next();
};
