import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { BENCH_NOW, BenchEnvironment } from './environment';
import { SAMPLE_14566 } from './samples';

/** The organisation of the benchmark: 50 functions × 40 employees = 2,000 employees. */
export const FUNCTION_COUNT = 50;
export const EMPLOYEES_PER_FUNCTION = 40;

const TIME_ZONES = ['America/New_York', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];

export interface BenchFunction {
  index: number;
  id: string;
  code: string;
  timeZone: string;
  directorId: string;
  managerId: string;
  liaisonIds: string[];
  /** Functional employees (not managers, not liaisons): originators and assignees. */
  workerIds: string[];
}

export interface BenchOrg {
  functions: BenchFunction[];
  adminId: string;
  /** A revenue officer of the first function: only they file a Form 3210 (IRM 25.25.6.2.3(1)-(2)). */
  revenueOfficerId: string;
  employeeCount: number;
  liaisonCount: number;
}

/**
 * Each function: a director (top of the chain), a manager under them, one liaison (two in every third
 * function) and functional employees under the manager. Of the first function, the last employee is the admin and the one
 * before a revenue officer.
 * Inserted with three statements; the hub reads it like any organisation.
 */
export async function createBenchOrg(client: Client): Promise<BenchOrg> {
  const functions: BenchFunction[] = [];
  const employees: { id: string; email: string; name: string; functionId: string; managerId: string | null; roles: string }[] = [];
  const assignments: { functionId: string; employeeId: string; at: string }[] = [];
  let adminId = '';
  let revenueOfficerId = '';
  for (let f = 0; f < FUNCTION_COUNT; f++) {
    const id = randomUUID();
    const code = `BF-${String(f + 1).padStart(2, '0')}`;
    const people = Array.from({ length: EMPLOYEES_PER_FUNCTION }, () => randomUUID());
    const [directorId, managerId] = people;
    const liaisonIds = f % 3 === 0 ? [people[2], people[3]] : [people[2]];
    const workerIds = people.slice(2 + liaisonIds.length);
    people.forEach((employeeId, i) => {
      const isAdmin = f === 0 && i === EMPLOYEES_PER_FUNCTION - 1;
      const isRevenueOfficer = f === 0 && i === EMPLOYEES_PER_FUNCTION - 2;
      if (isAdmin) adminId = employeeId;
      if (isRevenueOfficer) revenueOfficerId = employeeId;
      employees.push({
        id: employeeId,
        email: `e${String(i).padStart(2, '0')}.${code.toLowerCase()}@bench.example.gov`,
        name: `Employee ${i} of ${code}`,
        functionId: id,
        managerId: i === 0 ? null : i === 1 ? directorId : managerId,
        roles:
          i < 2
            ? '{MANAGER}'
            : isAdmin
              ? '{FUNCTIONAL_EMPLOYEE,ADMIN}'
              : isRevenueOfficer
                ? '{FUNCTIONAL_EMPLOYEE,REVENUE_OFFICER}'
                : '{FUNCTIONAL_EMPLOYEE}',
      });
    });
    liaisonIds.forEach((employeeId, i) =>
      assignments.push({ functionId: id, employeeId, at: new Date(Date.UTC(2026, 0, 1, 0, f, i)).toISOString() }),
    );
    functions.push({ index: f, id, code, timeZone: TIME_ZONES[f % TIME_ZONES.length], directorId, managerId, liaisonIds, workerIds });
  }
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO business_function (id, code, name, time_zone) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
    [
      functions.map((f) => f.id),
      functions.map((f) => f.code),
      functions.map((f) => `Benchmark function ${f.code}`),
      functions.map((f) => f.timeZone),
    ],
  );
  // Managers first: the manager_id foreign key is checked per row.
  await client.query(
    `INSERT INTO employee (id, email, name, phone, function_id, manager_id, roles)
     SELECT id, email, name, '2025550100', function_id, manager_id, roles::text[]
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[]) AS e(id, email, name, function_id, manager_id, roles)
      ORDER BY manager_id IS NOT NULL, roles <> '{MANAGER}'`,
    [
      employees.map((e) => e.id),
      employees.map((e) => e.email),
      employees.map((e) => e.name),
      employees.map((e) => e.functionId),
      employees.map((e) => e.managerId),
      employees.map((e) => e.roles),
    ],
  );
  await client.query(
    `INSERT INTO liaison_assignment (function_id, employee_id, created_at) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])`,
    [assignments.map((a) => a.functionId), assignments.map((a) => a.employeeId), assignments.map((a) => a.at)],
  );
  // Its functions are no IRM receivers: every route lets any of them receive (as an admin would set with setReferralRoute).
  await client.query(`UPDATE referral_route SET receiving_function_codes = $1`, [functions.map((f) => f.code)]);
  await client.query('COMMIT');
  await client.query('ANALYZE business_function, employee, liaison_assignment');
  return { functions, adminId, revenueOfficerId, employeeCount: employees.length, liaisonCount: assignments.length };
}

/** One Form 14566 filed through the service at BENCH_NOW, by a worker of the first function to the second. */
export async function fileSample14566(env: BenchEnvironment, org: BenchOrg) {
  const filer = await env.hub.services.org.loadCaller(org.functions[0].workerIds[0]);
  env.clock.set(BENCH_NOW);
  const referral = await env.hub.services.referrals.file(filer, {
    form: ReferralForm.F14566,
    receivingFunctionId: org.functions[1].id,
    content: { form14566: SAMPLE_14566 } as never,
  });
  return { filer, referral };
}
