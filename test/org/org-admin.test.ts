import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation } from '../support/org-fixture';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const ASSIGN = `mutation($f: UUID!, $e: UUID!) { assignLiaison(functionId: $f, employeeId: $e) { id } }`;
const LIAISONS = `query($f: UUID!) { liaisons(functionId: $f) { email } }`;

it('lets only an admin edit liaison assignments (IRM 10.5.3.3.7(4): the liaison list is data)', async () => {
  const vars = { f: org.functions.ef.id, e: org.people.efWorker.id };
  expect(errorCodeOf(await hub.request(org.people.efLiaison.id, ASSIGN, vars))).toBe('FORBIDDEN');
  dataOf(await hub.request(org.people.admin.id, ASSIGN, vars));
  expect(errorCodeOf(await hub.request(org.people.admin.id, ASSIGN, vars))).toBe('CONFLICT');
  const liaisons = dataOf(await hub.request(org.people.admin.id, LIAISONS, { f: org.functions.ef.id })).liaisons;
  expect(liaisons.map((l: { email: string }) => l.email)).toEqual(['ef.liaison@example.gov', 'ef.worker@example.gov']);
  const me = dataOf(await hub.request(org.people.efWorker.id, `{ me { liaisonForFunctionIds } }`)).me;
  expect(me.liaisonForFunctionIds).toEqual([org.functions.ef.id]);
  dataOf(await hub.request(org.people.admin.id, `mutation($f: UUID!, $e: UUID!) { removeLiaison(functionId: $f, employeeId: $e) }`, vars));
  expect(dataOf(await hub.request(org.people.admin.id, LIAISONS, { f: org.functions.ef.id })).liaisons).toHaveLength(1);
});

it('creates functions and employees with validation', async () => {
  const fn = await hub.request(
    org.people.admin.id,
    `mutation { createBusinessFunction(input: { code: "TAC", name: "Taxpayer Assistance Center", timeZone: "America/Los_Angeles" }) { id code } }`,
  );
  const tac = dataOf(fn).createBusinessFunction;
  const bad = await hub.request(
    org.people.admin.id,
    `mutation { createBusinessFunction(input: { code: "bad code", name: " ", timeZone: "Mars/Olympus" }) { id } }`,
  );
  expect(bad.errors![0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fieldErrors: [{ field: 'input.code' }, { field: 'input.name' }, { field: 'input.timeZone' }].map((e) => expect.objectContaining(e)),
  });
  const created = await hub.request(
    org.people.admin.id,
    `mutation($fn: UUID!) { createEmployee(input: { email: "New.Person@Example.gov", name: "New Person", functionId: $fn, roles: [FUNCTIONAL_EMPLOYEE] }) { email } }`,
    { fn: tac.id },
  );
  expect(dataOf(created).createEmployee.email).toBe('new.person@example.gov');
  const nonAdmin = await hub.request(
    org.people.amLiaison.id,
    `mutation { createBusinessFunction(input: { code: "X", name: "X", timeZone: "UTC" }) { id } }`,
  );
  expect(errorCodeOf(nonAdmin)).toBe('FORBIDDEN');
});

it('refuses a circular management chain', async () => {
  const response = await hub.request(
    org.people.admin.id,
    `mutation($id: UUID!, $m: UUID!) { updateEmployee(id: $id, input: { managerId: $m }) { id } }`,
    { id: org.people.amDirector.id, m: org.people.originator.id },
  );
  expect(response.errors![0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fieldErrors: [expect.objectContaining({ field: 'input.managerId' })],
  });
});

it('keeps referral history append-only in the database itself', async () => {
  const db = hub.database.dataSource;
  const [{ id: referralActor }] = await db.query(`SELECT id FROM employee LIMIT 1`);
  expect(referralActor).toBeDefined();
  await expect(db.query(`UPDATE referral_history SET note = 'rewritten'`)).resolves.toBeDefined(); // no rows yet: nothing fires
  await db.query(`INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id, content, submitted_at)
    SELECT 'T-1', 'F3210', 'SUBMITTED', 1, e.id, e.function_id, e.function_id, '{}'::jsonb, now() FROM employee e LIMIT 1`);
  await db.query(`INSERT INTO referral_history (referral_id, action, to_state, actor_id, at)
    SELECT r.id, 'FILE', 'SUBMITTED', r.originator_id, now() FROM referral r WHERE reference_number = 'T-1'`);
  await expect(db.query(`UPDATE referral_history SET note = 'rewritten'`)).rejects.toThrow(/append-only/);
  await expect(db.query(`DELETE FROM referral_history`)).rejects.toThrow(/append-only/);
  await expect(db.query(`TRUNCATE referral_history`)).rejects.toThrow(/append-only/);
});
