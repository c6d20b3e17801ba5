import 'reflect-metadata';
import { GraphQLNamedType, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { buildHubSchema } from '../../src/app/schema';
import { ACCESS_POLICY, whoMayCall } from '../../src/modules/auth/access-policy';

/** Every part of a named type that documents itself: the type, its fields and their arguments, input fields, enum values. */
function undescribedParts(type: GraphQLNamedType): string[] {
  const missing = (description: string | null | undefined, path: string): string[] => (description?.trim() ? [] : [path]);
  const parts = missing(type.description, type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      parts.push(...missing(field.description, `${type.name}.${field.name}`));
      for (const arg of field.args) parts.push(...missing(arg.description, `${type.name}.${field.name}(${arg.name})`));
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) parts.push(...missing(field.description, `${type.name}.${field.name}`));
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) parts.push(...missing(value.description, `${type.name}.${value.name}`));
  }
  return parts;
}

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildHubSchema();
});

it('describes every type, field, argument, input field and enum value of the schema (issue 15)', async () => {
  const undescribed = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .flatMap(undescribedParts);
  expect(undescribed).toEqual([]);
});

it('says in the description of every query and mutation who may call it, from ACCESS_POLICY', () => {
  const roots = [schema.getQueryType()!, schema.getMutationType()!];
  const saysWho = (name: string, description: string | null | undefined): boolean =>
    Boolean(ACCESS_POLICY[name] && description?.includes(`\nWho may call it: ${whoMayCall(ACCESS_POLICY[name])}.`));
  const silent = roots.flatMap((root) =>
    Object.values(root.getFields())
      .filter((field) => !saysWho(field.name, field.description))
      .map((field) => `${root.name}.${field.name}`),
  );
  expect(silent).toEqual([]);
  expect(schema.getMutationType()!.getFields().addClosure.description).toMatch(/Who may call it: `ADMIN`\.$/);
});
