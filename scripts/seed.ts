import 'reflect-metadata';
import { DemoLoadCounts, DemoPerson, listDemoPeople, loadDemoOrganisation } from '../src/app/demo-organisation';
import { StartupError } from '../src/platform/lifecycle/startup-error';
import { withScriptDatabase } from './script-database';

/**
 * `npm run seed`: loads the demo organisation (idempotent, one transaction) and prints every demo person
 * with their function and roles (the liaison assignment among them), to log in as.
 * Progress goes to stderr, the summary to stdout.
 */

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
  const { counts, rows }: { counts: DemoLoadCounts; rows: DemoPerson[] } = await withScriptDatabase(
    async (dataSource) => {
      const counts: DemoLoadCounts = await dataSource.transaction((manager) => loadDemoOrganisation(manager));
      return { counts, rows: await listDemoPeople(dataSource.manager) };
    },
    { log },
  );
  const out: string[] = [
    `Demo organisation loaded: ${counts.functions} functions, ${counts.employees} employees, ` +
      `${counts.liaisons} liaison assignments ` +
      '(existing rows matched by function code and e-mail; re-running changes nothing).',
    '',
    table(
      ['Function', 'Name', 'Employee', 'E-mail', 'Roles'],
      rows.map((row) => [
        row.functionCode,
        row.functionName,
        row.name,
        row.email,
        [...(row.liaison ? ['LIAISON'] : []), ...row.roles].join(', '),
      ]),
    ),
    '',
    'Get a bearer token for any of them with:  npm run token -- <e-mail>',
    '  e.g.  TOKEN=$(npm run -s token -- admin@example.gov)',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupError ? error.message : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`[seed] ${message}\n`);
  process.exitCode = 1;
});
