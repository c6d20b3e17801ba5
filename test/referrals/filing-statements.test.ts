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
  it('files a Form 14566 with 9 statements in one transaction: every write, the audit row and the notice job included', async () => {
    const { statements, referral } = await statementsOfFiling({
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const work = statements.filter((statement) => !TRANSACTION_CONTROL.test(statement));
    // The caller is held by the cache of callers (read by the first filing); in one transaction: both functions, the
    // route, the closure version, the referral (reference number drawn by its INSERT), the history row with its live
    // NOTIFY, the originating liaisons, the notice, its delivery job and the mutation's audit row.
    expect(work).toHaveLength(9);
    expect(statements.filter((statement) => /FROM employee e WHERE e\.id = \$1/.test(statement))).toEqual([]);
    expect(statements.filter((statement) => TRANSACTION_CONTROL.test(statement))).toEqual(['START TRANSACTION', 'COMMIT']);
    const inTransaction = statements.slice(statements.indexOf('START TRANSACTION') + 1, statements.indexOf('COMMIT'));
    for (const write of [
      /^INSERT INTO "referral"/,
      /INSERT INTO referral_history .* pg_notify/,
      /^INSERT INTO notification/,
      /INSERT INTO pgboss\.job/,
      /^INSERT INTO "access_audit"/,
    ]) {
      expect(inTransaction.filter((statement) => write.test(statement))).toHaveLength(1);
    }
    expect(referral.referenceNumber).toMatch(/^14566-2026-\d{6}$/);
  });

  it('files a Form 4442 reading its category once', async () => {
    const { statements } = await statementsOfFiling({
      form: 'F4442',
      receivingFunctionId: org.functions.rivo.id,
      content: { form4442: VALID_4442 },
    });
    expect(statements.filter((statement) => /FROM "referral_category"/.test(statement))).toHaveLength(1);
    expect(statements.filter((statement) => /FROM "business_function"/.test(statement))).toHaveLength(1);
  });

  it('draws the reference number in the INSERT: six digits at least, every digit past 999,999', async () => {
    const input = { form: 'F14566', receivingFunctionId: org.functions.ef.id, content: { form14566: VALID_14566 } };
    await hub.database.dataSource.query(`SELECT setval('referral_number_seq', 41)`);
    expect(dataOf(await hub.request(org.people.originator.id, FILE, { input })).fileReferral.referenceNumber).toBe('14566-2026-000042');
    await hub.database.dataSource.query(`SELECT setval('referral_number_seq', 1234566)`);
    expect(dataOf(await hub.request(org.people.originator.id, FILE, { input })).fileReferral.referenceNumber).toBe('14566-2026-1234567');
  });
});
