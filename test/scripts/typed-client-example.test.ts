import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { fileReferral } from '../support/referral-operations';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

let hub: TestHub;
let org: TestOrganisation;
let out: string;

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  // Inside the repository, so the compiled script finds the hub's node_modules (graphql).
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  out = mkdtempSync(join(ROOT, 'dist', 'typed-client-test-'));
});

afterAll(async () => {
  await hub.stop();
  rmSync(out, { recursive: true, force: true });
});

it('examples/typed-client: generates its types from schema/schema.graphql, compiles and reads the work queue from the hub', async () => {
  const referral = await fileReferral(hub, org.people.originator.id, {
    form: 'F14566',
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 },
  });
  await run(bin('graphql-codegen'), ['--silent', '--config', 'examples/typed-client/codegen.ts'], { cwd: ROOT });
  await run(bin('tsc'), ['-p', 'examples/typed-client/tsconfig.json', '--outDir', out], { cwd: ROOT });
  const env = { ...process.env, HUB_URL: hub.url, HUB_TOKEN: await hub.tokenFor(org.people.amLiaison.id) };
  const { stdout } = await run(process.execPath, [join(out, 'work-queue.js')], { env });
  expect(stdout).toContain('Work queue of ');
  expect(stdout).toMatch(new RegExp(`${referral.referenceNumber}\\s+F14566\\s+SUBMITTED\\s+due 20\\d\\d-`));

  const refused = await run(process.execPath, [join(out, 'work-queue.js')], { env: { ...env, HUB_TOKEN: 'not-a-token' } }).catch((e) => e);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('UNAUTHENTICATED');
}, 60_000);
