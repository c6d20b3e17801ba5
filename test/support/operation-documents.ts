import { randomUUID } from 'node:crypto';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** A syntactically valid value for a GraphQL input type: required fields only, harmless placeholders. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
      case 'UUID':
        return randomUUID();
      case 'LocalDate':
        return '2026-01-05';
      case 'TimeZone':
        return 'America/New_York';
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2026-01-05T15:00:00.000Z';
      default:
        return 'sample';
    }
  }
  throw new Error(`No sample for ${String(type)}`);
}

export interface OperationDocument {
  name: string;
  kind: 'query' | 'mutation';
  query: string;
  variables: Record<string, unknown>;
  args: readonly GraphQLArgument[];
}

/**
 * `query/mutation($a: T!) { field(a: $a) { __typename } }` for one root field, with sample variables for the
 * required arguments; `allArguments` declares the optional ones too (unset unless the caller sets them).
 */
export function operationDocument(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  options: { allArguments?: boolean } = {},
): OperationDocument {
  const required = (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined;
  const args = options.allArguments ? field.args : field.args.filter(required);
  // An argument with a default is declared nullable, so leaving its variable out gives the default.
  const declared = (arg: GraphQLArgument) => (arg.defaultValue !== undefined && isNonNullType(arg.type) ? arg.type.ofType : arg.type);
  const declarations = args.map((arg) => `$${arg.name}: ${String(declared(arg))}`).join(', ');
  const call = args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    name: field.name,
    kind,
    query: `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${call}${selection} }`,
    variables: Object.fromEntries(args.filter(required).map((arg) => [arg.name, sampleValue(arg.type)])),
    args,
  };
}

/** Every root query and mutation of the schema as a runnable document. */
export function everyOperation(schema: GraphQLSchema, options: { allArguments?: boolean } = {}): OperationDocument[] {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((f) => operationDocument('query', f, options)),
    ...Object.values(schema.getMutationType()!.getFields()).map((f) => operationDocument('mutation', f, options)),
  ];
}
