import 'reflect-metadata';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_4442 } from '../support/org-fixture';
import { StatementCounter } from '../support/statement-counter';

const counter = new StatementCounter();
let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z', logger: counter });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const FILE = `mutation File($input: FileReferralInput!) { fileReferral(input: $input) { id referenceNumber state reviewDueAt } }`;

/** The statements of one fileReferral over HTTP, after one unmeasured filing (closures and caller cached, as in steady state). */
async function statementsOfFiling(input: Record<string, unknown>): Promise<{ statements: string[]; referral: Record<string, any> }> {
  dataOf(await hub.request(org.people.originator.id, FILE, { input }));
  let referral: Record<string, any> = {};
  const statements = await counter.record(async () => {
    referral = dataOf(await hub.request(org.people.originator.id, FILE, { input })).fileReferral;
  });
  return { statements, referral };
}

const TRANSACTION_CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/;

describe('the SQL of a filing (bench/RESULTS.md, "SQL statements per filing")', () => {
  it('files a Form 14566 with 4 statements in one transaction: every write, the audit row and the notice job included', async () => {
    const { statements, referral } = await statementsOfFiling({
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const work = statements.filter((statement) => !TRANSACTION_CONTROL.test(statement));
    // The caller, both functions, the route and the originating liaisons are held by caches that hear every change
    // (read by the first filing). In one transaction: the closure version, the referral (reference number drawn by its
    // INSERT), the notice with its delivery job, then the tail: the history row, the mutation's audit row and the live NOTIFY.
    expect(work).toHaveLength(4);
    expect(statements.filter((statement) => TRANSACTION_CONTROL.test(statement))).toEqual(['START TRANSACTION', 'COMMIT']);
    const inTransaction = statements.slice(statements.indexOf('START TRANSACTION') + 1, statements.indexOf('COMMIT'));
    expect(inTransaction).toEqual([
      expect.stringMatching(/^SELECT version FROM closure_version WHERE id = 1 FOR SHARE/),
      expect.stringMatching(/^INSERT INTO "referral"/),
      expect.stringMatching(/^WITH inserted AS \( INSERT INTO notification .* INSERT INTO pgboss\.job/),
      expect.stringMatching(/^WITH w0 AS \(INSERT INTO referral_history .*\), w1 AS \(INSERT INTO access_audit .*\) SELECT pg_notify/),
    ]);
    expect(referral.referenceNumber).toMatch(/^14566-2026-\d{6}$/);
  });

  it('files a Form 4442 reading its category once', async () => {
    const { statements } = await statementsOfFiling({
      form: 'F4442',
      receivingFunctionId: org.functions.rivo.id,
      content: { form4442: VALID_4442 },
    });
    expect(statements.filter((statement) => /FROM "referral_category"/.test(statement))).toHaveLength(1);
    expect(statements.filter((statement) => /FROM "business_function"/.test(statement))).toHaveLength(0);
  });

  it('draws the reference number in the INSERT: six digits at least, every digit past 999,999', async () => {
    const input = { form: 'F14566', receivingFunctionId: org.functions.ef.id, content: { form14566: VALID_14566 } };
    await hub.database.dataSource.query(`SELECT setval('referral_number_seq', 41)`);
    expect(dataOf(await hub.request(org.people.originator.id, FILE, { input })).fileReferral.referenceNumber).toBe('14566-2026-000042');
    await hub.database.dataSource.query(`SELECT setval('referral_number_seq', 1234566)`);
    expect(dataOf(await hub.request(org.people.originator.id, FILE, { input })).fileReferral.referenceNumber).toBe('14566-2026-1234567');
  });
});
