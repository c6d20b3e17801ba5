import 'reflect-metadata';
import { issueAccessToken } from '../src/modules/auth/access-token';
import { Employee } from '../src/modules/org/employee.entity';
import { StartupError } from '../src/platform/lifecycle/startup-error';
import { withScriptDatabase } from './script-database';

/**
 * `npm run -s token -- <employee e-mail>` prints a bearer token for that active employee and nothing
 * else on stdout, so that `TOKEN=$(npm run -s token -- ava.liaison.am@example.gov)` works.
 * Every message goes to stderr; an unknown or deactivated employee exits with code 1.
 */

class UsageError extends Error {}

const fail = (message: string): void => {
  process.stderr.write(`[token] ${message}\n`);
  process.exitCode = 1;
};

async function main(args: string[]): Promise<void> {
  if (args.length !== 1 || !args[0].trim() || args[0].startsWith('-')) {
    throw new UsageError('usage: npm run -s token -- <employee e-mail>   (e.g. ava.liaison.am@example.gov)');
  }
  const email = args[0].trim().toLowerCase();
  const token = await withScriptDatabase(
    async (dataSource, config) => {
      const employee = await dataSource.manager.createQueryBuilder(Employee, 'e').where('lower(e.email) = :email', { email }).getOne();
      if (!employee) throw new UsageError(`no employee with e-mail ${email} (run "npm run seed" for the demo organisation)`);
      if (!employee.active) throw new UsageError(`employee ${employee.email} is deactivated`);
      return issueAccessToken(config.auth, employee.id);
    },
    // Quiet on success: scripts call it once per request (`$(npm run -s token -- …)`); failures still say what to do.
    { log: () => undefined },
  );
  process.stdout.write(`${token}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof StartupError) fail(error.message);
  else fail(`failed: ${error instanceof Error ? error.message : String(error)}`);
});
