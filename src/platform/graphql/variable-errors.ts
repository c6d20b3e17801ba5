import { ApolloServerPlugin } from '@apollo/server';
import {
  coerceInputValue,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import { FieldError, InvalidInputError } from '../common/errors';
import { eachArgumentValue } from './argument-paths';

/** GraphQL's "Did you mean …?" names parts of the schema: kept only where suggestions are (development). */
const SUGGESTION = / ?Did you mean .+\?$/;

/** Where a variable is first used, as a path from the argument it fills (`input.form14566` for `input: { form14566: $f }`). */
function variableArgumentPaths(operation: OperationDefinitionNode): Map<string, string> {
  const paths = new Map<string, string>();
  eachArgumentValue(operation, (value, path) => {
    if (value.kind === Kind.VARIABLE && !paths.has(value.name.value)) paths.set(value.name.value, path);
  });
  return paths;
}

function pathOf(base: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`), base);
}

/** GraphQL reports a missing or unknown input field at the object holding it, naming the field in its message. */
const FIELD_OF_OBJECT = /^Field "([^"]+)" (of required type ".+" was not provided|is not defined by type ".+")\./;

/** One coercion problem, at the path of the field concerned and said the way the domain validators say it. */
function fieldErrorOf(base: string, path: readonly (string | number)[], error: GraphQLError, hideSuggestions: boolean): FieldError {
  const inObject = FIELD_OF_OBJECT.exec(error.message);
  const field = pathOf(base, inObject ? [...path, inObject[1]] : path);
  if (inObject?.[2].startsWith('of required') || /^Expected non-nullable type ".+" not to be null\.$/.test(error.message)) {
    return { field, message: 'is required' };
  }
  if (inObject) return { field, message: 'is not a field of this input' };
  return { field, message: hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message };
}

/** A variable as the check needs it: its input type and the path it is reported at. */
interface CheckedVariable {
  name: string;
  type: GraphQLInputType;
  base: string;
  required: boolean;
}

/** Per parsed operation (Apollo keeps one per query text): what to check, worked out once. */
const checkedVariables = new WeakMap<OperationDefinitionNode, CheckedVariable[]>();

function checkedVariablesOf(schema: GraphQLSchema, operation: OperationDefinitionNode): CheckedVariable[] {
  let checked = checkedVariables.get(operation);
  if (!checked) {
    const argumentPaths = variableArgumentPaths(operation);
    checked = (operation.variableDefinitions ?? []).flatMap((definition) => {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type);
      // An unknown type or an unused variable is a validation error the document never gets past.
      if (!type || !isInputType(type)) return [];
      return [{ name, type, base: argumentPaths.get(name) ?? `$${name}`, required: isNonNullType(type) && !definition.defaultValue }];
    });
    checkedVariables.set(operation, checked);
  }
  return checked;
}

/**
 * Every problem with the operation's variables (omitted or null required values, wrong types, unknown fields), each
 * named by its path relative to the operation's arguments, like the domain validators' field errors.
 */
function variableFieldErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  hideSuggestions: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const { name, type, base, required } of checkedVariablesOf(schema, operation)) {
    if (!(name in variables)) {
      if (required) errors.push({ field: base, message: 'is required' });
      continue;
    }
    coerceInputValue(variables[name], type, (path, _invalid, error) => errors.push(fieldErrorOf(base, path, error, hideSuggestions)));
  }
  return errors;
}

/**
 * Checks the variables before GraphQL coerces them, so a bad variable is BAD_USER_INPUT with `fieldErrors` (and no
 * stack trace) like any other bad input, instead of one long message.
 */
export function variableErrorsPlugin(options: { hideSuggestions: boolean }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, request }) {
          if (!operation) return;
          const errors = variableFieldErrors(schema, operation, request.variables ?? {}, options.hideSuggestions);
          if (!errors.length) return;
          const invalid = new InvalidInputError(errors);
          throw new GraphQLError(invalid.message, { originalError: invalid, extensions: { code: invalid.code, http: { status: 400 } } });
        },
      };
    },
  };
}
