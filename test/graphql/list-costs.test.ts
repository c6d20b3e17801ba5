import 'reflect-metadata';
import { getNamedType, getNullableType, GraphQLSchema, isCompositeType, isListType, isObjectType, parse } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { buildHubSchema } from '../../src/app/schema';
import { pageCost } from '../../src/platform/graphql/page-cost';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildHubSchema();
});

/** Every field of the schema's object types that returns a list of objects. */
function listFields() {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ name: `${type.name}.${field.name}`, field })))
    .filter(({ field }) => isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)));
}

const cost = (query: string): number =>
  getComplexity({ schema, query: parse(query), estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });

describe('every field costs what it can return', () => {
  it('gives every list of objects a cost rule (lists of scalars are values of their row, bounded by the input validators)', () => {
    const lists = listFields();
    expect(lists.length).toBeGreaterThan(20);
    expect(lists.filter(({ field }) => typeof field.extensions.complexity !== 'function').map(({ name }) => name)).toEqual([]);
  });

  it('pages every list priced by its page: a `first` argument with a default', () => {
    const paged = listFields().filter(({ field }) => field.extensions.complexity === pageCost);
    expect(paged.length).toBeGreaterThan(15);
    const unpaged = paged.filter(({ field }) => field.args.find((arg) => arg.name === 'first')?.defaultValue === undefined);
    expect(unpaged.map(({ name }) => name)).toEqual([]);
  });

  it('prices a list by its page, a nested list by both pages, and a bounded list by its bound', () => {
    expect(cost('{ employees(functionId: "00000000-0000-4000-8000-000000000000", first: 10) { nodes { id name } } }')).toBe(1 + 10 * 2);
    expect(cost('{ myInvestigations { nodes { id } } }')).toBe(1 + 20);
    expect(cost('{ myWorkQueue(last: 30) { edges { cursor node { id } } } }')).toBe(1 + 30 * (1 + 2));
    expect(cost('{ referrals(first: 10) { edges { node { id history(first: 5) { action } } } } }')).toBe(1 + 10 * (1 + 1 + (1 + 5)));
    expect(cost('{ tecsCoordinatorQueue(first: 10) { crossings { id } lookouts { id taxPeriods { mft } } } }')).toBe(
      1 + 10 * (1 + 1 + (1 + 100)),
    );
    // What used to cost 1 whatever it returned now costs its worst case.
    expect(cost('{ lookouts { nodes { id } } }')).toBe(1 + 20);
    expect(cost('{ closures(from: "2026-01-01", to: "2026-12-31") { nodes { id functions { id } } } }')).toBe(1 + 20 * (1 + 1 + 25));
  });
});
