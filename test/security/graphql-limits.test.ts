import 'reflect-metadata';
import { getIntrospectionQuery } from 'graphql';
import { createTestDatabase, TestDatabase } from '../support/database';
import { dataOf, errorCodeOf, PRODUCTION_ENV, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation } from '../support/org-fixture';

let database: TestDatabase;
let hub: TestHub;
let production: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  database = await createTestDatabase();
  hub = await startTestHub({ database, env: { GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COMPLEXITY: '1500', GRAPHQL_MAX_BODY_BYTES: '20000' } });
  production = await startTestHub({ database, env: PRODUCTION_ENV });
  org = await createTestOrganisation(hub.services, database.dataSource);
});

afterAll(async () => {
  await hub.stop();
  await production.stop();
  await database.drop();
});

const post = (target: TestHub, body: string, headers: Record<string, string> = {}) =>
  fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

it('refuses operations nested deeper than the limit', async () => {
  const deep = '{ me { manager { manager { manager { manager { manager { manager { manager { manager { name } } } } } } } } } }';
  const response = await hub.request(org.people.originator.id, deep);
  expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
  expect(response.errors![0].message).toMatch(/levels deep/);
  expect((await hub.request(org.people.originator.id, '{ me { manager { name } } }')).errors).toBeUndefined();
});

it('refuses operations costlier than the limit: list fields cost their page size times their children', async () => {
  const costly =
    '{ referrals(first: 100) { edges { node { id referenceNumber state history { action note at } originator { name email } } } } }';
  const response = await hub.request(org.people.admin.id, costly);
  expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
  expect(response.errors![0].message).toMatch(/costs \d+/);
  const cheap = await hub.request(org.people.admin.id, '{ referrals(first: 5) { edges { node { id } } } }');
  expect(cheap.errors).toBeUndefined();
});

it('costs an operation once per value of the variables its cost reads (page sizes, directives) and refuses it every time', async () => {
  const costly = '{ referrals(first: 100) { edges { node { id history { action note at } originator { name email } } } } }';
  for (let i = 0; i < 2; i++) expect(errorCodeOf(await hub.request(org.people.admin.id, costly))).toBe('BAD_USER_INPUT');
  const paged = 'query($n: Int!) { referrals(first: $n) { edges { node { id history { action note at } originator { name email } } } } }';
  expect((await hub.request(org.people.admin.id, paged, { n: 5 })).errors).toBeUndefined();
  expect(errorCodeOf(await hub.request(org.people.admin.id, paged, { n: 100 }))).toBe('BAD_USER_INPUT');
  expect((await hub.request(org.people.admin.id, paged, { n: 5 })).errors).toBeUndefined();
  const included =
    'query($deep: Boolean!) { referrals(first: 100) { edges { node { id history @include(if: $deep) { action note at } } } } }';
  for (const deep of [false, true, false, true]) {
    const response = await hub.request(org.people.admin.id, included, { deep });
    if (deep) expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    else expect(response.errors).toBeUndefined();
  }
});

it('pages the lists that used to return everything: a page holds at most `first`, and `first` is bounded', async () => {
  const employees = `query($fn: UUID!, $first: Int!) { employees(functionId: $fn, first: $first) { nodes { id } } }`;
  const all = dataOf(await hub.request(org.people.originator.id, employees, { fn: org.functions.am.id, first: 500 })).employees.nodes;
  expect(all.length).toBeGreaterThan(2);
  expect(dataOf(await hub.request(org.people.originator.id, employees, { fn: org.functions.am.id, first: 2 })).employees.nodes).toEqual(
    all.slice(0, 2),
  );
  for (const query of [
    `{ employees(functionId: "${org.functions.am.id}", first: 501) { nodes { id } } }`,
    '{ myInvestigations(first: 0) { nodes { id } } }',
    '{ businessFunctions(first: 1000) { id } }',
    '{ referralHistory(referralId: "00000000-0000-4000-8000-000000000000", first: 501) { id } }',
  ]) {
    const refused = await hub.request(org.people.admin.id, query);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first' }] });
  }
});

it('refuses more aliased fields than GRAPHQL_MAX_ALIASES (15): one field may not be asked for without limit', async () => {
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} t1: __typename t2: __typename }`;
  const refused = await hub.request(org.people.originator.id, aliased(16));
  expect(errorCodeOf(refused)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(refused.errors![0].message).toMatch(/Aliases limit of 15 exceeded, found 16/);
  expect(refused.status).toBe(400);
  expect(dataOf(await hub.request(org.people.originator.id, aliased(15))).a14.id).toBe(org.people.originator.id);
});

it('stops parsing a document longer than GRAPHQL_MAX_TOKENS (2000), before validating it', async () => {
  const listOf = (tokens: number) => `{ lookouts(filter: { states: [${'ACTIVE '.repeat(tokens - 22)}] }, first: 1) { nodes { id } } }`;
  const refused = await hub.request(org.people.originator.id, listOf(2001));
  expect(errorCodeOf(refused)).toBe('GRAPHQL_PARSE_FAILED');
  expect(refused.errors![0].message).toMatch(/more tha[nt] 2000 tokens/);
  expect(dataOf(await hub.request(org.people.originator.id, listOf(2000))).lookouts.nodes).toEqual([]);
});

it('in production: suggestions do not spell out the schema', async () => {
  for (const [query, variables] of [
    ['{ lookoutz { id } }', undefined],
    ['{ lookouts(firts: 5) { nodes { id } } }', undefined],
    ['mutation($mode: NotificationMode!) { setMyNotificationMode(mode: $mode) { id } }', { mode: 'IMMEDIATLY' }],
  ] as const) {
    const inProduction = await production.request(org.people.originator.id, query, variables);
    expect(inProduction.errors![0].message).not.toMatch(/Did you mean|lookout"|first|IMMEDIATE/);
    expect(inProduction.errors![0].message.length).toBeGreaterThan(10);
    // Development keeps them: they help whoever writes the query.
    expect((await hub.request(org.people.originator.id, query, variables)).errors![0].message).toMatch(/Did you mean/);
  }
});

it('in development: answers the standard introspection query, without letting data fields nest deeper', async () => {
  const standard = await hub.request(org.people.originator.id, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
  expect(standard.errors).toBeUndefined();
  expect(standard.data!.__schema.queryType.name).toBe('Query');
  const deepData =
    '{ __schema { types { name } } me { manager { manager { manager { manager { manager { manager { manager { manager { name } } } } } } } } } }';
  expect((await hub.request(org.people.originator.id, deepData)).errors![0].message).toMatch(/10 levels deep; at most 8/);
  const ofTypes = (n: number): string => (n === 0 ? 'name' : `name ofType { ${ofTypes(n - 1)} }`);
  const deepIntrospection = await hub.request(
    org.people.originator.id,
    `{ __type(name: "Referral") { fields { type { ${ofTypes(30)} } } } }`,
  );
  expect(deepIntrospection.errors![0].message).toMatch(/introspection is \d+ levels deep/);
});

it('refuses bodies over the size limit and malformed JSON without an HTML error page', async () => {
  const token = await hub.tokenFor(org.people.originator.id);
  const big = await post(hub, JSON.stringify({ query: `{ me { name } } # ${'x'.repeat(30_000)}` }), { authorization: `Bearer ${token}` });
  expect(big.status).toBe(413);
  expect(((await big.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  const broken = await post(hub, '{"query": ', { authorization: `Bearer ${token}` });
  expect(broken.status).toBe(400);
  expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

it('does not run batched operations', async () => {
  const token = await hub.tokenFor(org.people.originator.id);
  const response = await post(hub, JSON.stringify([{ query: '{ me { name } }' }, { query: '{ me { email } }' }]), {
    authorization: `Bearer ${token}`,
  });
  expect(response.status).toBe(400);
});

it('in production: no introspection, no stack traces, no explorer page (GraphiQL: test/graphql/explorer.test.ts)', async () => {
  const introspection = await production.request(org.people.originator.id, '{ __schema { types { name } } }');
  expect(errorCodeOf(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(errorCodeOf(await production.request(org.people.originator.id, getIntrospectionQuery()))).toBe('GRAPHQL_VALIDATION_FAILED');
  const missing = await production.request(org.people.originator.id, '{ referral(id: "00000000-0000-4000-8000-000000000000") { id } }');
  expect(missing.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });
  const page = await fetch(production.url, { headers: { accept: 'text/html' } });
  expect(await page.text()).not.toMatch(/graphiql/i);
});

it('returns a request id and honours a well-formed one', async () => {
  const token = await hub.tokenFor(org.people.originator.id);
  const response = await post(hub, JSON.stringify({ query: '{ me { name } }' }), {
    authorization: `Bearer ${token}`,
    'x-request-id': 'trace-123',
  });
  expect(response.headers.get('x-request-id')).toBe('trace-123');
  const generated = await post(hub, JSON.stringify({ query: '{ me { name } }' }), {
    authorization: `Bearer ${token}`,
    'x-request-id': 'bad id with spaces',
  });
  expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

it('tells browsers and proxies to store no GraphQL answer (they may carry taxpayer data): answered, refused or unauthenticated', async () => {
  const token = await production.tokenFor(org.people.originator.id);
  const answered = await post(production, JSON.stringify({ query: '{ me { id } }' }), { authorization: `Bearer ${token}` });
  const refused = await post(production, JSON.stringify({ query: '{ me { nothing } }' }), { authorization: `Bearer ${token}` });
  const unauthenticated = await post(production, JSON.stringify({ query: '{ me { id } }' }));
  expect([answered.status, refused.status, unauthenticated.status]).toEqual([200, 400, 401]);
  for (const response of [answered, refused, unauthenticated]) expect(response.headers.get('cache-control')).toBe('no-store');
});
