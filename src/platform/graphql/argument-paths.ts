import { ASTNode, getNamedType, GraphQLField, GraphQLInputType, isInputObjectType, Kind, ValueNode, visit } from 'graphql';
import { FieldError, InvalidInputError } from '../common/errors';

/**
 * Calls `onValue` with every value written in the arguments under `root` (variables, literals, and the values inside
 * objects and lists), each with its path from the argument it fills: `input.form14566` for `input: { form14566: … }`.
 */
export function eachArgumentValue(root: ASTNode, onValue: (value: ValueNode, path: string) => void): void {
  const walk = (value: ValueNode, path: string): void => {
    onValue(value, path);
    if (value.kind === Kind.OBJECT) value.fields.forEach((field) => walk(field.value, `${path}.${field.name.value}`));
    else if (value.kind === Kind.LIST) value.values.forEach((item, index) => walk(item, `${path}[${index}]`));
  };
  visit(root, { Argument: (argument) => walk(argument.value, argument.name.value) });
}

/** The first segment of a dotted path (`input.taxPeriods[0].mft` → `input`). */
function headOf(path: string): string {
  return /^[^.[]*/.exec(path)![0];
}

/** The shallowest path of input fields under `type` that leads to a field named `name` (breadth first). */
function pathTo(name: string, type: GraphQLInputType, base: string): string | undefined {
  let level: { type: GraphQLInputType; path: string }[] = [{ type, path: base }];
  const seen = new Set<string>();
  while (level.length) {
    const next: typeof level = [];
    for (const { type: at, path } of level) {
      const named = getNamedType(at);
      if (!isInputObjectType(named) || seen.has(named.name)) continue;
      seen.add(named.name);
      const fields = named.getFields();
      if (name in fields) return path;
      next.push(...Object.values(fields).map((field) => ({ type: field.type, path: `${path}.${field.name}` })));
    }
    level = next;
  }
  return undefined;
}

/**
 * The one convention for `fieldErrors`: every path starts with the name of an argument of the operation's root field
 * (`input.content.form14566.originatorContact.fax`, `first`, `id`). Domain validators check a part of the input and
 * name fields inside it (`form14566.…` inside `content`, `receivingFunctionId`); such a path is put under the
 * argument and input fields that hold the field it starts with.
 */
export function relativeToArguments(error: InvalidInputError, field: GraphQLField<unknown, unknown>): InvalidInputError {
  const argumentNames = new Set(field.args.map((arg) => arg.name));
  const holderOf = (head: string): string | undefined => {
    for (const arg of field.args) {
      const path = pathTo(head, arg.type, arg.name);
      if (path) return path;
    }
    return undefined;
  };
  let changed = false;
  const fieldErrors = error.fieldErrors.map((fieldError): FieldError => {
    const head = headOf(fieldError.field);
    if (argumentNames.has(head)) return fieldError;
    const holder = holderOf(head);
    if (!holder) return fieldError;
    changed = true;
    return { ...fieldError, field: `${holder}.${fieldError.field}` };
  });
  return changed ? new InvalidInputError(fieldErrors) : error;
}
