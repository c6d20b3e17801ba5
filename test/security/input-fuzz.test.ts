import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildHubSchema } from '../../src/app/schema';
import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { everyOperation, OperationDocument } from '../support/operation-documents';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { FILE_REFERRAL } from '../support/referral-operations';
import { admittedCaller, createOneEmployeePerRole } from '../support/role-callers';

let schema: GraphQLSchema;
let hub: TestHub;
let org: TestOrganisation;
let people: Map<Role, Employee>;

const TABLES = [
  'business_function',
  'employee',
  'liaison_assignment',
  'referral',
  'referral_history',
  'notification',
  'referral_sla_event',
  'lookout',
  'crossing',
  'other_investigation',
  'collection_case',
  'tecs_history',
];

beforeAll(async () => {
  schema = await buildHubSchema();
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  people = await createOneEmployeePerRole(hub.services, org.functions.am.id, 'fuzz');
});

afterAll(() => hub.stop());

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await hub.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return counts;
}

/** Replaces every string in a value. */
function mapStrings(value: unknown, replace: (s: string) => unknown): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, replace));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, replace)]));
  return value;
}

function deepNest(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

const MALFORMED: [string, (op: OperationDocument) => Record<string, unknown>][] = [
  ['wrong types', (op) => Object.fromEntries(Object.keys(op.variables).map((k) => [k, 12345]))],
  ['huge strings', (op) => mapStrings(op.variables, () => 'x'.repeat(50_000)) as Record<string, unknown>],
  ['control characters', (op) => mapStrings(op.variables, (s) => `${s}\u0000\u0007\u001b[31m`) as Record<string, unknown>],
  ['lone UTF-16 surrogates', (op) => mapStrings(op.variables, (s) => `${s}\ud800x`) as Record<string, unknown>],
  ['SQL fragments', (op) => mapStrings(op.variables, () => "'); DROP TABLE referral; --") as Record<string, unknown>],
  ['deep nesting', (op) => Object.fromEntries(Object.keys(op.variables).map((k) => [k, deepNest(200)]))],
  ['nulls for required values', (op) => Object.fromEntries(Object.keys(op.variables).map((k) => [k, null]))],
];

it('refuses malformed input to every mutation with a clear error, writes nothing and stays up', async () => {
  const before = await rowCounts();
  const failures: string[] = [];
  const mutations = everyOperation(schema).filter((op) => op.kind === 'mutation' && op.args.length > 0);
  for (const op of mutations) {
    const caller = admittedCaller(people, op.name);
    for (const [name, malform] of MALFORMED) {
      const response = await hub.request(caller, op.query, malform(op));
      const code = response.errors?.[0]?.extensions?.code;
      if (!response.errors?.length) failures.push(`${op.name} / ${name}: accepted`);
      else if (!['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND'].includes(code))
        failures.push(`${op.name} / ${name}: ${code} ${response.errors[0].message}`);
    }
  }
  expect(failures).toEqual([]);
  expect(await rowCounts()).toEqual(before);
  expect(dataOf(await hub.request(org.people.originator.id, '{ me { email } }')).me.email).toBe('am.originator@example.gov');
}, 120_000);

it('refuses a lone UTF-16 surrogate in any text with BAD_USER_INPUT naming the field, in queries too', async () => {
  const failures: string[] = [];
  for (const op of everyOperation(schema).filter((o) => o.kind === 'query' && o.args.length > 0)) {
    const caller = admittedCaller(people, op.name);
    const response = await hub.request(caller, op.query, mapStrings(op.variables, (s) => `${s}\udc00`) as Record<string, unknown>);
    const code = response.errors?.[0]?.extensions?.code;
    if (!['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'].includes(code)) failures.push(`${op.name}: ${code ?? 'accepted'}`);
  }
  expect(failures).toEqual([]);
  const filed = await hub.request(org.people.originator.id, FILE_REFERRAL, {
    input: {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: { ...VALID_14566, requestedActions: 'Check \ud800x', completedResearch: ['ok', 'low \udfff'] } },
    },
  });
  expect(filed.errors?.[0]?.extensions).toEqual({
    code: 'BAD_USER_INPUT',
    fieldErrors: [
      { field: 'input.content.form14566.completedResearch[1]', message: expect.stringMatching(/surrogate/) },
      { field: 'input.content.form14566.requestedActions', message: expect.stringMatching(/surrogate/) },
    ],
  });
  // A proper surrogate pair is ordinary text.
  const paired = await hub.request(org.people.originator.id, FILE_REFERRAL, {
    input: {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: { ...VALID_14566, requestedActions: 'Check \ud83d\ude00 ok' } },
    },
  });
  expect(dataOf(paired).fileReferral.id).toEqual(expect.any(String));
});
