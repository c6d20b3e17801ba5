import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation } from '../support/org-fixture';
import { StatementCounter } from '../support/statement-counter';

const counter = new StatementCounter();
let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ logger: counter });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const ME = '{ me { id } }';
const AUDIT = '{ accessAudit(first: 1) { nodes { id } } }';
const sql = (text: string, values: unknown[]) => hub.database.dataSource.query(text, values);

/** Asks until the answer is what `done` wants (a change made in SQL reaches the hub as a notice, within milliseconds). */
async function eventually<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const callerStatements = (statements: string[]) => statements.filter((s) => /FROM employee e WHERE e\.id = \$1/.test(s));

it('reads a caller once: their next requests send no statement for them', async () => {
  const first = await counter.record(() => hub.request(org.people.amColleague.id, ME));
  const again = await counter.record(() => hub.request(org.people.amColleague.id, ME));
  expect(callerStatements(first)).toHaveLength(1);
  expect(callerStatements(again)).toHaveLength(0);
  expect(again).toEqual([]);
});

it('refuses a cached employee deactivated in SQL, by hand, as soon as the change commits (its trigger announces it)', async () => {
  const id = org.people.efWorker.id;
  expect(dataOf(await hub.request(id, ME)).me.id).toBe(id);
  await sql(`UPDATE employee SET active = false WHERE id = $1`, [id]);
  try {
    const refused = await eventually(
      () => hub.request(id, ME),
      (answer) => answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
    );
    expect(errorCodeOf(refused)).toBe('UNAUTHENTICATED');
  } finally {
    await sql(`UPDATE employee SET active = true WHERE id = $1`, [id]);
  }
  expect(
    dataOf(
      await eventually(
        () => hub.request(id, ME),
        (answer) => !answer.errors,
      ),
    ).me.id,
  ).toBe(id);
});

it('applies a role given in SQL to the cached employee', async () => {
  const id = org.people.rivoWorker.id;
  expect(errorCodeOf(await hub.request(id, AUDIT))).toBe('FORBIDDEN');
  await sql(`UPDATE employee SET roles = array_append(roles, 'ADMIN') WHERE id = $1`, [id]);
  try {
    const allowed = await eventually(
      () => hub.request(id, AUDIT),
      (answer) => !answer.errors,
    );
    expect(allowed.errors).toBeUndefined();
  } finally {
    await sql(`UPDATE employee SET roles = array_remove(roles, 'ADMIN') WHERE id = $1`, [id]);
  }
});

it('applies a liaison assignment added and removed in SQL to the cached employee (the liaison_assignment trigger)', async () => {
  const id = org.people.efWorker.id;
  const liaisonFor = async () => (await hub.services.org.loadCaller(id)).liaisonFunctionIds;
  expect(await liaisonFor()).toEqual([]);
  await sql(`INSERT INTO liaison_assignment (function_id, employee_id) VALUES ($1, $2)`, [org.functions.ef.id, id]);
  try {
    expect(await eventually(liaisonFor, (ids) => ids.length === 1)).toEqual([org.functions.ef.id]);
  } finally {
    await sql(`DELETE FROM liaison_assignment WHERE employee_id = $1`, [id]);
  }
  expect(await eventually(liaisonFor, (ids) => ids.length === 0)).toEqual([]);
});

it('applies a change made through the hub to its next request at once', async () => {
  const id = org.people.amColleague.id;
  expect(dataOf(await hub.request(id, ME)).me.id).toBe(id);
  await hub.services.org.updateEmployee(id, { active: false });
  try {
    expect(errorCodeOf(await hub.request(id, ME))).toBe('UNAUTHENTICATED');
  } finally {
    await hub.services.org.updateEmployee(id, { active: true });
  }
  expect(dataOf(await hub.request(id, ME)).me.id).toBe(id);
});

it('caches nothing while it cannot hear the changes: the listening connection lost, every request reads its caller', async () => {
  const id = org.people.efLiaison.id;
  await hub.request(id, ME);
  await sql(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hub-live-updates' AND datname = current_database()`,
    [],
  );
  // Until it listens again (about a second), the caller is read by every request.
  const reads = await eventually(
    () => counter.record(() => hub.request(id, ME)),
    (statements) => callerStatements(statements).length === 1,
  );
  expect(callerStatements(reads)).toHaveLength(1);
  await sql(`UPDATE employee SET active = false WHERE id = $1`, [id]);
  try {
    expect(errorCodeOf(await hub.request(id, ME))).toBe('UNAUTHENTICATED');
  } finally {
    await sql(`UPDATE employee SET active = true WHERE id = $1`, [id]);
  }
  // Listening again, it caches again.
  const cachedAgain = await eventually(
    async () => {
      await hub.request(id, ME);
      return counter.record(() => hub.request(id, ME));
    },
    (statements) => callerStatements(statements).length === 0,
  );
  expect(callerStatements(cachedAgain)).toHaveLength(0);
});
