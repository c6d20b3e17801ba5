import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { BusinessFunction } from '../../src/modules/org/business-function.entity';
import {
  DEMO_ORGANISATION,
  DemoLoadCounts,
  DemoOrganisation,
  checkDemoOrganisation,
  listDemoPeople,
  loadDemoOrganisation,
} from '../../src/app/demo-organisation';
import { Role } from '../../src/modules/org/role';
import { createTestDatabase, TestDatabase } from '../support/database';

const FUNCTION_CODES = [
  'AM',
  'SBSE-COLL',
  'SBSE-INTL',
  'CS',
  'RICS-RIVO',
  'RICS-EF',
  'CI',
  'CAWR',
  'SP-ENTITY',
  'IPSU',
  'TAC',
  'TECS',
  'SBSE-COLL-MIA',
  'PGLD-DISCLOSURE',
];

/** The Form 4442 catalogue shipped by the migration (CoreReferralHub). */
const CATEGORY_CODES_4442 = [
  'RICS_RIVO_COMPLEX_NOT_IDT',
  'RICS_RIVO_MFT32_REVERSAL',
  'RICS_RIVO_MFT_REVERSAL',
  'RICS_RIVO_MODULE_FREEZE',
  'RICS_RIVO_TPP',
  'RICS_RIVO_UP147_RC8',
  'TWRO_RO_UP126_RC0',
];

interface ChainNode {
  id: string;
  managerId: string | null;
  functionId: string;
  roles: string[];
}

/**
 * For every employee with a manager: the director (top of the chain: no manager, MANAGER role) their
 * chain reaches. Problems (a manager that does not exist, a cycle, a top that is not a director) are
 * collected instead of thrown so that one assertion reports them all.
 */
function climbChains(employees: ChainNode[]): { problems: string[]; directorOf: Map<string, ChainNode> } {
  const byId = new Map(employees.map((e) => [e.id, e]));
  const problems: string[] = [];
  const directorOf = new Map<string, ChainNode>();
  for (const employee of employees) {
    if (employee.managerId === null) continue;
    const seen = new Set<string>([employee.id]);
    let current = employee;
    for (;;) {
      if (current.managerId === null) {
        if (current.roles.includes(Role.MANAGER)) directorOf.set(employee.id, current);
        else problems.push(`${employee.id}: the top of the chain, ${current.id}, is not a manager`);
        break;
      }
      const next = byId.get(current.managerId);
      if (!next) {
        problems.push(`${employee.id}: manager ${current.managerId} does not exist`);
        break;
      }
      if (seen.has(next.id)) {
        problems.push(`${employee.id}: the management chain is circular at ${next.id}`);
        break;
      }
      seen.add(next.id);
      current = next;
    }
  }
  return { problems, directorOf };
}

async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables = ['business_function', 'employee', 'liaison_assignment', 'referral_time_frame', 'referral_category'];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    // Every column, in a stable order, so that any insert or changed value shows up.
    result[table] = await dataSource.query(`SELECT to_jsonb(t) AS row FROM "${table}" t ORDER BY to_jsonb(t)::text`);
  }
  return result;
}

async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM business_function)::int AS functions,
            (SELECT count(*) FROM employee)::int AS employees,
            (SELECT count(*) FROM liaison_assignment)::int AS liaisons,
            (SELECT count(*) FROM referral_category)::int AS categories`,
  );
  return row;
}

const load = (dataSource: DataSource): Promise<DemoLoadCounts> => dataSource.transaction((manager) => loadDemoOrganisation(manager));

describe('demo organisation (npm run seed)', () => {
  let db: TestDatabase;
  let firstLoad: DemoLoadCounts;
  let categoriesBeforeSeed: { code: string }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    categoriesBeforeSeed = await db.dataSource.query('SELECT code FROM referral_category ORDER BY code');
    firstLoad = await load(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('loads the expected numbers of rows, and exactly those rows', async () => {
    expect(firstLoad).toEqual({ functions: 14, employees: 72, liaisons: 14 });
    const counts = await rowCounts(db.dataSource);
    expect(counts).toEqual({ ...firstLoad, categories: CATEGORY_CODES_4442.length });
  });

  it('is idempotent: a second load reports the same counts and neither adds nor changes a row', async () => {
    const before = await snapshot(db.dataSource);
    const countsBefore = await rowCounts(db.dataSource);
    const secondLoad = await load(db.dataSource);
    expect(secondLoad).toEqual(firstLoad);
    expect(await rowCounts(db.dataSource)).toEqual(countsBefore);
    expect(await snapshot(db.dataSource)).toEqual(before);
  });

  it('upserts: a demo row edited since is brought back without creating another, other rows are kept', async () => {
    const am = await db.dataSource.manager.findOneByOrFail(BusinessFunction, { code: 'AM' });
    await db.dataSource.query(`UPDATE business_function SET name = 'Renamed' WHERE id = $1`, [am.id]);
    await db.dataSource.query(`UPDATE employee SET email = upper(email), phone = NULL WHERE email = 'ava.liaison.am@example.gov'`);
    const other = await db.dataSource.manager.save(
      db.dataSource.manager.create(BusinessFunction, { code: 'ZZ-TEST', name: 'Not demo data', timeZone: 'UTC', active: true }),
    );
    const countsBefore = await rowCounts(db.dataSource);
    await load(db.dataSource);
    expect(await rowCounts(db.dataSource)).toEqual(countsBefore);
    const [ava] = await db.dataSource.query(`SELECT email, phone FROM employee WHERE lower(email) = 'ava.liaison.am@example.gov'`);
    expect(ava).toEqual({ email: 'ava.liaison.am@example.gov', phone: '(470) 555-0102' });
    expect((await db.dataSource.manager.findOneByOrFail(BusinessFunction, { id: am.id })).name).toBe('Accounts Management');
    expect(await db.dataSource.manager.existsBy(BusinessFunction, { id: other.id })).toBe(true);
    await db.dataSource.manager.delete(BusinessFunction, { id: other.id });
  });

  it('seeds the fourteen functions, each with at least one active liaison who works there', async () => {
    const rows: { code: string; liaisons: number }[] = await db.dataSource.query(
      `SELECT f.code, count(e.id)::int AS liaisons
         FROM business_function f
         LEFT JOIN liaison_assignment la ON la.function_id = f.id
         LEFT JOIN employee e ON e.id = la.employee_id AND e.active AND e.function_id = f.id
        GROUP BY f.code`,
    );
    expect(rows.map((row) => row.code).sort()).toEqual([...FUNCTION_CODES].sort());
    expect(rows.filter((row) => row.liaisons < 1).map((row) => row.code)).toEqual([]);
  });

  it('gives every employee an example.gov e-mail (lower-case) and a phone, and has one admin', async () => {
    const employees: { email: string; phone: string | null; roles: string[] }[] = await db.dataSource.query(
      'SELECT email, phone, roles FROM employee',
    );
    expect(employees).toHaveLength(72);
    expect(employees.filter((e) => !/^[a-z0-9.'-]+@example\.gov$/.test(e.email)).map((e) => e.email)).toEqual([]);
    expect(employees.filter((e) => !e.phone?.trim()).map((e) => e.email)).toEqual([]);
    expect(employees.filter((e) => e.roles.includes(Role.ADMIN)).map((e) => e.email)).toEqual(['admin@example.gov']);
  });

  it("reaches, from every non-director, a director of the employee's own function without a cycle", async () => {
    const employees: ChainNode[] = await db.dataSource.query(
      `SELECT id, manager_id AS "managerId", function_id AS "functionId", roles FROM employee`,
    );
    const directors = employees.filter((e) => e.managerId === null);
    expect(directors).toHaveLength(14);
    expect(directors.filter((d) => !d.roles.includes(Role.MANAGER))).toEqual([]);
    expect(new Set(directors.map((d) => d.functionId)).size).toBe(14);

    const { problems, directorOf } = climbChains(employees);
    expect(problems).toEqual([]);
    expect(directorOf.size).toBe(employees.length - directors.length);
    const outsideOwnFunction = employees.filter((e) => e.managerId !== null && directorOf.get(e.id)?.functionId !== e.functionId);
    expect(outsideOwnFunction.map((e) => e.id)).toEqual([]);
  });

  it('the chain check itself detects a cycle, a missing manager and a top that is not a director', () => {
    const { problems, directorOf } = climbChains([
      { id: 'director', managerId: null, functionId: 'f', roles: [Role.MANAGER] },
      { id: 'fine', managerId: 'director', functionId: 'f', roles: [] },
      { id: 'a', managerId: 'b', functionId: 'f', roles: [] },
      { id: 'b', managerId: 'a', functionId: 'f', roles: [] },
      { id: 'orphan', managerId: 'gone', functionId: 'f', roles: [] },
      { id: 'top', managerId: null, functionId: 'f', roles: [Role.FUNCTIONAL_EMPLOYEE] },
      { id: 'under-top', managerId: 'top', functionId: 'f', roles: [] },
    ]);
    expect(problems).toHaveLength(4);
    expect([...directorOf.keys()]).toEqual(['fine']);
  });

  it('rejects demo data with a circular management chain before writing anything', () => {
    const circular: DemoOrganisation = {
      ...DEMO_ORGANISATION,
      employees: DEMO_ORGANISATION.employees.map((e) =>
        e.email === 'margaret.director.am@example.gov' ? { ...e, managerEmail: 'ava.liaison.am@example.gov' } : e,
      ),
    };
    expect(() => checkDemoOrganisation(circular)).toThrow(/circular/);
    expect(checkDemoOrganisation(DEMO_ORGANISATION)).toHaveLength(72);
  });

  it('writes no receiver time frames: they ship with the routes (IRM 10.5.3.3.9(4), 10.5.3.3.10(3), 10.5.3.3.11(3))', async () => {
    expect(await db.dataSource.query('SELECT * FROM referral_time_frame')).toEqual([]);
  });

  it('has a function for every receiver the shipped routes name (IRM 10.5.3.3.9-.12, IRM 25.25.6.2.3)', async () => {
    const missing: { code: string }[] = await db.dataSource.query(
      `SELECT DISTINCT code FROM referral_route, unnest(receiving_function_codes) AS code
        WHERE code NOT IN (SELECT code FROM business_function WHERE active) ORDER BY code`,
    );
    expect(missing).toEqual([]);
    const receivers: { code: string }[] = await db.dataSource.query(
      'SELECT DISTINCT unnest(receiving_function_codes) AS code FROM referral_route ORDER BY code',
    );
    expect(receivers.map((r) => r.code)).toEqual(['CAWR', 'CI', 'RICS-EF', 'RICS-RIVO', 'SP-ENTITY']);
  });

  it("tells seed 000's second example: a Cleveland group, an international group, a domestic GM and RO in Miami", async () => {
    const zones: { code: string; name: string; timeZone: string }[] = await db.dataSource.query(
      `SELECT code, name, time_zone AS "timeZone" FROM business_function WHERE code IN ('SBSE-COLL', 'SBSE-INTL', 'SBSE-COLL-MIA') ORDER BY code`,
    );
    expect(zones).toEqual([
      { code: 'SBSE-COLL', name: 'SB/SE Field Collection, Cleveland', timeZone: 'America/New_York' },
      { code: 'SBSE-COLL-MIA', name: 'SB/SE Field Collection, Miami', timeZone: 'America/New_York' },
      { code: 'SBSE-INTL', name: 'SB/SE International Collection', timeZone: 'America/New_York' },
    ]);
    const people = await listDemoPeople(db.dataSource.manager);
    const rolesIn = (code: string, role: Role) => people.filter((p) => p.functionCode === code && p.roles.includes(role)).length;
    for (const code of ['SBSE-COLL', 'SBSE-INTL', 'SBSE-COLL-MIA']) {
      expect({ code, gms: rolesIn(code, Role.GROUP_MANAGER) > 0, ros: rolesIn(code, Role.REVENUE_OFFICER) > 0 }).toEqual({
        code,
        gms: true,
        ros: true,
      });
    }
  });

  it("gives RIVO a queue's generic assignee (Exhibit 25.25.6-8) and workers, two disclosure officers, an auditor and an admin", async () => {
    const people = await listDemoPeople(db.dataSource.manager);
    const rivo = people.filter((p) => p.functionCode === 'RICS-RIVO' && !p.roles.includes(Role.MANAGER));
    expect(rivo.map((p) => p.name)).toContain('TPP paper group, generic assignee 1485000006');
    expect(rivo.length).toBeGreaterThanOrEqual(3);
    const withRole = (role: Role) => people.filter((p) => p.roles.includes(role)).map((p) => p.email);
    expect(withRole(Role.DISCLOSURE_OFFICER)).toHaveLength(2);
    expect(withRole(Role.AUDITOR)).toEqual(['auditor@example.gov']);
    expect(withRole(Role.ADMIN)).toEqual(['admin@example.gov']);
  });

  it('lists every demo person with function and roles for the seed to print, liaisons marked', async () => {
    const people = await listDemoPeople(db.dataSource.manager);
    expect(people).toHaveLength(DEMO_ORGANISATION.employees.length);
    expect(people.filter((p) => p.liaison)).toHaveLength(DEMO_ORGANISATION.liaisons.length);
    expect(people.find((p) => p.email === 'andre.ro.sbse-coll-mia@example.gov')).toEqual({
      functionCode: 'SBSE-COLL-MIA',
      functionName: 'SB/SE Field Collection, Miami',
      name: 'Andre Baptiste',
      email: 'andre.ro.sbse-coll-mia@example.gov',
      roles: [Role.FUNCTIONAL_EMPLOYEE, Role.REVENUE_OFFICER],
      liaison: false,
    });
  });

  it('keeps the Form 4442 categories of the migration, neither adding nor removing any', async () => {
    const after: { code: string }[] = await db.dataSource.query('SELECT code FROM referral_category WHERE active ORDER BY code');
    expect(categoriesBeforeSeed.map((c) => c.code)).toEqual(CATEGORY_CODES_4442);
    expect(after.map((c) => c.code)).toEqual(CATEGORY_CODES_4442);
  });
});
