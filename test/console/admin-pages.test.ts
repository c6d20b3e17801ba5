import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { Caller } from '../../src/modules/org/caller';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { axeViolations, screenshot, signInAs, TestBrowser } from '../support/browser';
import { ConsoleHarness, startConsoleHarness } from '../support/console-harness';
import { TestHub } from '../support/hub';
import { TestOrganisation, VALID_14566 } from '../support/org-fixture';

let harness: ConsoleHarness;
let hub: TestHub;
let org: TestOrganisation;
let browser: TestBrowser;
let origin: string;
let admin: Page;
let referral: Referral;

beforeAll(async () => {
  harness = await startConsoleHarness();
  ({ hub, org, browser, origin } = harness);
  const [originator, amLiaison] = await Promise.all(
    [org.people.originator, org.people.amLiaison].map((p): Promise<Caller> => hub.services.org.loadCaller(p.id)),
  );
  const filed = await hub.services.referrals.file(originator, {
    form: 'F14566' as never,
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });
  // Received Monday 2026-11-23 in Chicago: acknowledgment due at the end of Friday the 27th (Thanksgiving skipped).
  referral = await hub.services.referrals.forward(amLiaison, { referralId: filed.id });
  admin = await browser.newPage();
  await admin.goto(`${origin}/admin/closures`);
  await signInAs(admin, 'admin@example.gov');
  await admin.waitForURL(`${origin}/admin/closures`);
}, 60_000);

afterAll(() => harness?.stop());

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

const ackDueAt = async () => (await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: referral.id })).ackDueAt!.toISOString();

describe('managers and admins', () => {
  it('adds an executive-order day off and sees the clocks it moved, then corrects and removes it', async () => {
    await admin.getByRole('heading', { name: 'Closures', exact: true }).waitFor();
    const form = admin.getByRole('form', { name: 'Add a closure' });
    await form.getByLabel('First closed day').fill('2026-11-25');
    await form.getByRole('button', { name: 'Add the closure' }).click();
    // No reason: said beside the field, nothing written.
    await admin.locator('#f-reason-error').waitFor();
    await form.getByLabel('Reason').fill('Executive order: day before Thanksgiving');
    expect(await axeViolations(admin)).toEqual([]);
    await form.getByRole('button', { name: 'Add the closure' }).click();
    await admin
      .getByRole('alert')
      .or(admin.getByRole('status'))
      .getByText('Added: 1 referral clock moved, 0 OIs moved, 0 breaches withdrawn.')
      .waitFor();
    expect(await ackDueAt()).toBe('2026-12-01T05:59:59.999Z');
    const row = admin.getByRole('row', { name: /Executive order: day before Thanksgiving/ });
    await expect(row.textContent()).resolves.toContain('Wed, Nov 25, 2026');
    await screenshot(admin, 'closures');
    expect(await axeViolations(admin)).toEqual([]);

    // The referral page explains the moved due time with the closure in it.
    const page = await browser.newPage();
    await page.goto(`${origin}/referrals/${referral.id}`);
    await signInAs(page, 'admin@example.gov');
    const explanation = page.getByRole('region', { name: 'How the acknowledgment due time was computed' });
    await explanation.getByText('Wed, Nov 25, 2026 — skipped: closure').waitFor();
    await explanation.getByText('Mon, Nov 30, 2026 — business day 3').waitFor();
    await page.close();

    await row.getByRole('button', { name: /^Correct/ }).click();
    const correct = admin.getByRole('form', { name: 'Correct the closure' });
    await correct.getByLabel('First closed day').fill('2026-12-07');
    await correct.getByLabel('Last closed day (optional)').fill('2026-12-07');
    await correct.getByRole('button', { name: 'Save the correction' }).click();
    await admin.getByText('Corrected: 1 referral clock moved, 0 OIs moved, 0 breaches withdrawn.').waitFor();
    expect(await ackDueAt()).toBe('2026-11-28T05:59:59.999Z');

    await admin
      .getByRole('row', { name: /Executive order/ })
      .getByRole('button', { name: /^Remove/ })
      .click();
    await admin.getByText('Removed: 0 referral clocks moved, 0 OIs moved, 0 breaches withdrawn.').waitFor();
    await admin.getByText('No closures in this period.').waitFor();
  });

  it('shows the SLA report per function with its chart, and the CSV', async () => {
    // The EF liaison acknowledges two hours after receipt: on time, median 2 hours.
    hub.clock.advance(2 * 3600 * 1000);
    await hub.services.referrals.acknowledge(await hub.services.org.loadCaller(org.people.efLiaison.id), { referralId: referral.id });
    await admin.getByRole('link', { name: 'SLA report' }).click();
    await admin.getByLabel('From').fill('2026-11-01');
    await admin.getByLabel('To').fill('2026-11-30');
    const chart = admin.getByRole('img', { name: 'Acknowledged on time and late, per function' });
    await chart.waitFor();
    await expect(chart.textContent()).resolves.toContain(`${org.functions.ef.code}1 on time, 0 late · median 2.0 h`);
    await admin
      .getByRole('table', { name: 'Per function, then per liaison' })
      .getByRole('row', { name: new RegExp(`^${org.functions.ef.code} 1 1 0 0 2.0`) })
      .waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, 'sla-report');
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Download the report (CSV)' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain(org.functions.ef.code);
  });

  it('lists failed notifications and searches the access audit, with its CSV', async () => {
    await admin.getByRole('link', { name: 'Failed notices' }).click();
    await admin.getByRole('heading', { name: 'Failed notifications' }).waitFor();
    await admin.getByText('No failed notifications.').waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByRole('link', { name: 'Access audit' }).click();
    await admin.getByLabel('Operation').fill('referral');
    await admin.getByLabel('Item id').fill(referral.id);
    await admin.getByRole('cell', { name: referral.id }).first().waitFor();
    // Who read it, by name and e-mail (not an id); the filter picks a person the same way and sends their id.
    const adminCell = `${org.people.admin.name} (${org.people.admin.email})`;
    await admin.getByRole('cell', { name: adminCell }).first().waitFor();
    await admin.getByLabel("Employee's function").selectOption({ label: `${org.functions.am.name} (${org.functions.am.code})` });
    await admin
      .getByLabel('Employee', { exact: true })
      .selectOption({ label: `${org.people.originator.name} (${org.people.originator.email})` });
    await admin.getByText('No entries match.').waitFor();
    await admin.getByLabel('Employee', { exact: true }).selectOption({ label: adminCell });
    await admin.getByRole('cell', { name: adminCell }).first().waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Download the entries (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(referral.id);
    expect(csv).toContain('referral');
  });
});
