import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DEMO_ORGANISATION, DemoLoadCounts, loadDemoOrganisation } from '../src/app/demo-organisation';
import { Role } from '../src/modules/org/role';
import { StartupError } from '../src/platform/lifecycle/startup-error';
import { withScriptDatabase } from './script-database';

/**
 * `npm run seed`: loads the demo organisation (idempotent, one transaction) and prints who to log in as.
 * Progress goes to stderr, the summary to stdout.
 */

interface LoginRow {
  code: string;
  function: string;
  who: string;
  name: string;
  email: string;
}

async function logins(dataSource: DataSource): Promise<LoginRow[]> {
  const codes = DEMO_ORGANISATION.functions.map((fn) => fn.code);
  const liaisons: LoginRow[] = await dataSource.query(
    `SELECT f.code, f.name AS function, 'liaison' AS who, e.name, e.email
       FROM liaison_assignment la
       JOIN business_function f ON f.id = la.function_id
       JOIN employee e ON e.id = la.employee_id
      WHERE f.code = ANY($1) AND e.active
      ORDER BY array_position($1::text[], f.code), la.created_at, e.email`,
    [codes],
  );
  const admins: LoginRow[] = await dataSource.query(
    `SELECT f.code, f.name AS function, 'admin' AS who, e.name, e.email
       FROM employee e JOIN business_function f ON f.id = e.function_id
      WHERE $1 = ANY(e.roles) AND e.active
      ORDER BY e.email`,
    [Role.ADMIN],
  );
  return [...liaisons, ...admins];
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const log = (message: string): void => {
    process.stderr.write(`[seed] ${message}\n`);
  };
  const { counts, rows } = await withScriptDatabase(
    async (dataSource) => {
      const counts: DemoLoadCounts = await dataSource.transaction((manager) => loadDemoOrganisation(manager));
      return { counts, rows: await logins(dataSource) };
    },
    { log },
  );
  const out: string[] = [
    `Demo organisation loaded: ${counts.functions} functions, ${counts.employees} employees, ` +
      `${counts.liaisons} liaison assignments, ${counts.timeFrames} referral time frames ` +
      '(existing rows matched by function code and e-mail; re-running changes nothing).',
    '',
    table(
      ['Function', 'Name', 'Who', 'Employee', 'E-mail'],
      rows.map((row) => [row.code, row.function, row.who, row.name, row.email]),
    ),
    '',
    'Get a bearer token for any of them with:  npm run token -- <e-mail>',
    `  e.g.  TOKEN=$(npm run -s token -- ${rows[0]?.email ?? 'admin@example.gov'})`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupError ? error.message : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`[seed] ${message}\n`);
  process.exitCode = 1;
});
