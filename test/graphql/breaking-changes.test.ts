import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, GraphQLSchema, Kind, parse, print, visit } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The breaking-change check (README, "Schema changes"): `schema/schema.graphql` against the schema of the last
 * release, `schema/release.graphql`. A breaking change must be listed, with its reason, in
 * `schema/accepted-breaking-changes.json`, so removing or changing what clients use is a conscious decision.
 */
interface AcceptedChange {
  type: string;
  path: string;
  reason: string;
}

const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');
const read = (file: string): string => readFileSync(join(SCHEMA_DIR, file), 'utf8');
const ACCEPTED: AcceptedChange[] = JSON.parse(read('accepted-breaking-changes.json'));

const key = (change: { type: string; path?: string }): string => `${change.type} ${change.path ?? ''}`;

/** What the check reports: breaking changes nobody accepted, and accepted ones that no longer happen (stale entries). */
async function schemaCheck(release: GraphQLSchema, current: GraphQLSchema, accepted: AcceptedChange[]) {
  const breaking: Change[] = (await diff(release, current)).filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const acceptedKeys = new Set(accepted.map(key));
  const breakingKeys = new Set(breaking.map(key));
  return {
    unaccepted: breaking.filter((change) => !acceptedKeys.has(key(change))).map((change) => `${key(change)}: ${change.message}`),
    stale: accepted.filter((change) => !breakingKeys.has(key(change))).map(key),
  };
}

it('schema/schema.graphql breaks nothing of the last release (schema/release.graphql) that is not accepted with a reason', async () => {
  const result = await schemaCheck(buildSchema(read('release.graphql')), buildSchema(read('schema.graphql')), ACCEPTED);
  expect(result).toEqual({ unaccepted: [], stale: [] });
  for (const change of ACCEPTED) expect(change.reason.trim().length).toBeGreaterThan(10);
});

it('fails for a removed field until it is accepted, with its reason', async () => {
  const withoutMe = visit(parse(read('schema.graphql')), {
    FieldDefinition: (node, _key, _parent, _path, ancestors) => {
      const owner = ancestors.at(-1);
      return node.name.value === 'me' &&
        owner &&
        'kind' in owner &&
        owner.kind === Kind.OBJECT_TYPE_DEFINITION &&
        owner.name.value === 'Query'
        ? null
        : undefined;
    },
  });
  const release = buildSchema(read('schema.graphql'));
  const current = buildSchema(print(withoutMe));
  expect(await schemaCheck(release, current, [])).toEqual({
    unaccepted: ["FIELD_REMOVED Query.me: Field 'me' was removed from object type 'Query'"],
    stale: [],
  });
  const accepted = [{ type: 'FIELD_REMOVED', path: 'Query.me', reason: 'Replaced by viewer (announced two releases ahead)' }];
  expect(await schemaCheck(release, current, accepted)).toEqual({ unaccepted: [], stale: [] });
  // An accepted change that no longer happens is stale: the list says only what this release really breaks.
  expect(await schemaCheck(release, release, accepted)).toEqual({ unaccepted: [], stale: ['FIELD_REMOVED Query.me'] });
});
