import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
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

const FILE = `mutation File($input: FileReferralInput!) { fileReferral(input: $input) { id } }`;
const file = (receivingFunctionId: string) =>
  hub.request(org.people.originator.id, FILE, { input: { form: 'F14566', receivingFunctionId, content: { form14566: VALID_14566 } } });

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

describe('the people a page of referrals names, cached while every change is heard', () => {
  const QUEUE = '{ myWorkQueue(first: 50) { nodes { id originator { name } } } }';
  const employeeReads = (statements: string[]) => statements.filter((s) => /FROM "employee"/.test(s));

  it('reads the originators of a page once: the next page naming them sends no statement for them', async () => {
    const liaison = org.people.amLiaison.id;
    dataOf(await file(org.functions.ef.id));
    const first = await counter.record(async () => dataOf(await hub.request(liaison, QUEUE)));
    const again = await counter.record(async () => dataOf(await hub.request(liaison, QUEUE)));
    expect(employeeReads(first).length + employeeReads(again).length).toBeGreaterThan(0);
    expect(employeeReads(again)).toEqual([]);
  });

  it('shows a name changed in SQL, by hand, as soon as the change commits, and one changed through the hub at once', async () => {
    const liaison = org.people.amLiaison.id;
    const originator = org.people.originator;
    dataOf(await file(org.functions.ef.id));
    const names = async () =>
      new Set<string>(dataOf(await hub.request(liaison, QUEUE)).myWorkQueue.nodes.map((node: any) => node.originator.name));
    expect(await names()).toContain(originator.name);
    await sql(`UPDATE employee SET name = 'Renamed in SQL' WHERE id = $1`, [originator.id]);
    try {
      expect(await eventually(names, (shown) => shown.has('Renamed in SQL'))).toContain('Renamed in SQL');
    } finally {
      await sql(`UPDATE employee SET name = $2 WHERE id = $1`, [originator.id, originator.name]);
    }
    expect(await eventually(names, (shown) => shown.has(originator.name))).toContain(originator.name);
    await hub.services.org.updateEmployee(originator.id, { name: 'Renamed through the hub' });
    try {
      expect(await names()).toContain('Renamed through the hub');
    } finally {
      await hub.services.org.updateEmployee(originator.id, { name: originator.name });
    }
  });
});

describe('functions, routes and liaisons a filing checks and notifies, cached while every change is heard', () => {
  const refusal = (answer: Awaited<ReturnType<typeof file>>) => answer.errors?.[0]?.extensions?.fieldErrors?.[0]?.message ?? null;

  it('reads neither function, the route nor the liaisons again for the next filing', async () => {
    dataOf(await file(org.functions.ef.id));
    const statements = await counter.record(async () => dataOf(await file(org.functions.ef.id)));
    expect(statements.filter((s) => /FROM "business_function"|FROM "referral_route"|JOIN "liaison_assignment"/.test(s))).toEqual([]);
  });

  it('refuses a filing to a function deactivated in SQL, by hand, as soon as the change commits, and accepts it again', async () => {
    dataOf(await file(org.functions.ef.id));
    await sql(`UPDATE business_function SET active = false WHERE id = $1`, [org.functions.ef.id]);
    try {
      expect(
        refusal(
          await eventually(
            () => file(org.functions.ef.id),
            (answer) => !!answer.errors,
          ),
        ),
      ).toBe('no such active function');
    } finally {
      await sql(`UPDATE business_function SET active = true WHERE id = $1`, [org.functions.ef.id]);
    }
    dataOf(
      await eventually(
        () => file(org.functions.ef.id),
        (answer) => !answer.errors,
      ),
    );
  });

  it('applies a route changed in SQL (IRM 10.5.3.3.7: the route names the receiver) to the next filing', async () => {
    dataOf(await file(org.functions.ef.id));
    const [{ codes }] = await sql(
      `SELECT receiving_function_codes AS codes FROM referral_route WHERE form = 'F14566' AND purpose = 'EF_SCHEME_CHECK'`,
      [],
    );
    await sql(`UPDATE referral_route SET receiving_function_codes = '{CAWR}' WHERE form = 'F14566' AND purpose = 'EF_SCHEME_CHECK'`, []);
    try {
      const refused = await eventually(
        () => file(org.functions.ef.id),
        (answer) => !!answer.errors,
      );
      expect(refusal(refused)).toMatch(/goes only to Combined Annual Wage Reporting \(CAWR\)/);
    } finally {
      await sql(`UPDATE referral_route SET receiving_function_codes = $1 WHERE form = 'F14566' AND purpose = 'EF_SCHEME_CHECK'`, [codes]);
    }
    dataOf(
      await eventually(
        () => file(org.functions.ef.id),
        (answer) => !answer.errors,
      ),
    );
  });

  it("tells a liaison assigned in SQL of the next filing from their function (IRM 10.5.3.3.7: the originator's liaison reviews it)", async () => {
    const noticesTo = async (referralId: string) =>
      (await sql(`SELECT recipient_id FROM notification WHERE referral_id = $1 AND kind = 'REFERRAL_FILED'`, [referralId])).map(
        (row: { recipient_id: string }) => row.recipient_id,
      );
    const newLiaison = org.people.amColleague.id;
    expect(await noticesTo(dataOf(await file(org.functions.ef.id)).fileReferral.id)).not.toContain(newLiaison);
    await sql(`INSERT INTO liaison_assignment (function_id, employee_id) VALUES ($1, $2)`, [org.functions.am.id, newLiaison]);
    try {
      const told = await eventually(
        async () => noticesTo(dataOf(await file(org.functions.ef.id)).fileReferral.id),
        (recipients) => recipients.includes(newLiaison),
      );
      expect(told).toContain(newLiaison);
    } finally {
      await sql(`DELETE FROM liaison_assignment WHERE function_id = $1 AND employee_id = $2`, [org.functions.am.id, newLiaison]);
    }
  });

  it('files to a function created through the hub, on a route changed through the hub, at once', async () => {
    dataOf(await file(org.functions.ef.id));
    const fn = await hub.services.org.createFunction({ code: 'CI-NEW', name: 'CI (new office)', timeZone: 'America/New_York' });
    const admin = await hub.services.org.loadCaller(org.people.admin.id);
    const route = (await hub.services.routes.list()).find((r) => r.form === ReferralForm.F14566 && r.purpose === 'EF_SCHEME_CHECK')!;
    const { form, purpose, ackBusinessDays, ackCalendarDays, completionCalendarDays, irmReference } = route;
    const input = { form, purpose, ackBusinessDays, ackCalendarDays, completionCalendarDays, irmReference };
    await hub.services.routes.set(admin, { ...input, receivingFunctionCodes: [...route.receivingFunctionCodes, 'CI-NEW'] });
    try {
      dataOf(await file(fn.id));
    } finally {
      await hub.services.routes.set(admin, { ...input, receivingFunctionCodes: route.receivingFunctionCodes });
    }
    expect(refusal(await file(fn.id))).toMatch(/goes only to/);
  });
});
