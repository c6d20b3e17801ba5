import 'reflect-metadata';
import { Page } from 'playwright-core';
import { Caller } from '../../src/modules/org/caller';
import { AccessAuditEntry, AuditKind } from '../../src/platform/audit/access-audit.entity';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { axeViolations, screenshot, signInAs, TestBrowser } from '../support/browser';
import { ConsoleHarness, startConsoleHarness } from '../support/console-harness';
import { TestHub } from '../support/hub';
import { TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { eventually } from '../support/wait';

let smtp: SmtpPeer;
let harness: ConsoleHarness;
let hub: TestHub;
let org: TestOrganisation;
let browser: TestBrowser;
let origin: string;
const callers: Record<string, Caller> = {};

beforeAll(async () => {
  smtp = await startSmtpPeer();
  harness = await startConsoleHarness({ env: { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, JOB_POLLING_SECONDS: '1' } });
  ({ hub, org, browser, origin } = harness);
  for (const name of ['originator', 'amLiaison', 'efLiaison'] as const)
    callers[name] = await hub.services.org.loadCaller(org.people[name].id);
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await smtp?.stop();
});

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

/** Files a 14566 as the AM originator and forwards it to the EF team, as the API would. */
async function forwardedReferral(): Promise<Referral> {
  const filed = await hub.services.referrals.file(callers.originator, {
    form: 'F14566' as never,
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });
  return hub.services.referrals.forward(callers.amLiaison, { referralId: filed.id });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

describe('a liaison acts on the link in their notice', () => {
  let page: Page;
  let referral: Referral;

  beforeAll(async () => {
    page = await browser.newPage();
    referral = await forwardedReferral();
  });

  it('follows the FORWARDED notice to the referral, signs in, and reads when the acknowledgment is due and how that was computed', async () => {
    const notice = await eventually(
      async () =>
        smtp.messages.find((m) => m.envelopeTo.includes('ef.liaison@example.gov') && m.subject.includes(referral.referenceNumber)),
      20_000,
      'the FORWARDED notice',
    );
    const link = notice.text.match(/https?:\/\/\S+\/referrals\/[\w-]+/)?.[0];
    expect(link).toBe(`${hub.config.mail.baseUrl}/referrals/${referral.id}`);
    // APP_BASE_URL names the public address; this hub listens on a random local port.
    await page.goto(origin + new URL(link!).pathname);

    await expect(page.waitForURL(`${origin}/sign-in`)).resolves.toBeUndefined();
    await expectNoAxeViolations(page);
    await signInAs(page, 'ef.liaison@example.gov');

    await page.waitForURL(`${origin}/referrals/${referral.id}`);
    await page.getByRole('heading', { name: `Referral ${referral.referenceNumber}` }).waitFor();
    // Received Monday 2026-11-23: 3 business days with Thanksgiving skipped, to the end of Friday in Chicago.
    expect(referral.ackDueAt!.toISOString()).toBe('2026-11-28T05:59:59.999Z');
    const ackRow = page.getByRole('row', { name: /Acknowledgment/ });
    await expect(ackRow.textContent()).resolves.toContain('Fri, Nov 27, 2026, 11:59 PM CST');
    // How it was computed (Referral.clockExplanation, IRM 10.5.3.3.7.1(4)): the day of receipt is not counted, Thanksgiving is skipped.
    const explanation = page.getByRole('region', { name: 'How the acknowledgment due time was computed' });
    await expect(explanation.getByText(/^Received Mon, Nov 23, 2026 \(that day is not counted\)/).textContent()).resolves.toContain(
      '3 business days in America/Chicago',
    );
    await expect(explanation.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Tue, Nov 24, 2026 — business day 1',
      'Wed, Nov 25, 2026 — business day 2',
      'Thu, Nov 26, 2026 — skipped: federal holiday (Thanksgiving Day)',
      'Fri, Nov 27, 2026 — business day 3',
    ]);
    await expect(explanation.getByText('Due at the end of that day').textContent()).resolves.toContain('Fri, Nov 27, 2026, 11:59 PM CST');
    await page
      .getByRole('region', { name: 'How the completion due time was computed' })
      .getByText('Day 30 is Wed, Dec 23, 2026.')
      .waitFor();
    await screenshot(page, 'referral');
    await expect(page.getByText('EIN').locator('xpath=following-sibling::dd').textContent()).resolves.toMatch(/^\*+6789$|^\D*6789$/);
    expect(await page.content()).not.toContain('12-3456789');
    await expectNoAxeViolations(page);
  });

  it('shows the full TINs only on request, and the read is audited', async () => {
    const unmasks = () => hub.database.dataSource.manager.findBy(AccessAuditEntry, { kind: AuditKind.UNMASK });
    expect(await unmasks()).toEqual([]);
    await page.getByRole('button', { name: 'Show full TINs' }).click();
    const table = page.getByRole('table', { name: /Full TINs/ });
    await table.getByText(/^123-?45-?6789 \(SSN\)$/).waitFor();
    expect(await unmasks()).toMatchObject([
      { actorId: org.people.efLiaison.id, itemIds: [referral.id], operation: 'Referral.unmaskedTins' },
    ]);
    await page.getByRole('button', { name: 'Hide full TINs' }).click();
    expect(await page.content()).not.toMatch(/123-?45-?6789/);
  });

  it('acknowledges and assigns it with the buttons the API offers', async () => {
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('form', { name: 'Acknowledge' }).getByLabel('Note (optional)').fill('Received, on it');
    await page.getByRole('form', { name: 'Acknowledge' }).getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('status').getByText('Acknowledge: done.').waitFor();
    await page.getByRole('heading', { name: /Acknowledged/ }).waitFor();

    await page.getByRole('button', { name: 'Assign' }).click();
    const form = page.getByRole('form', { name: 'Assign' });
    await form.getByLabel('Assign to').selectOption({ label: `${org.people.efWorker.name} (${org.people.efWorker.email})` });
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(`assigned to ${org.people.efWorker.name}`).waitFor();

    const stored = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: referral.id });
    expect(stored).toMatchObject({ state: 'ASSIGNED', assigneeId: org.people.efWorker.id });
    await page.getByRole('list').getByText('Received, on it').waitFor();
  });

  it('says someone else changed it, loses nothing typed, and succeeds after a reload', async () => {
    await page.getByRole('button', { name: 'Assign' }).click();
    const form = page.getByRole('form', { name: 'Assign' });
    await form.getByLabel('Assign to').selectOption({ label: `${org.people.efLiaison.name} (${org.people.efLiaison.email})` });
    await form.getByLabel('Note (optional)').fill('Taking it back myself');
    // Meanwhile, in another office: the referral moves on (a new version).
    await hub.services.referrals.elevate(callers.efLiaison, { referralId: referral.id, reason: 'time frame' });

    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByRole('alert').getByText('Someone else changed this referral — reload it').waitFor();
    await expect(form.getByLabel('Note (optional)').inputValue()).resolves.toBe('Taking it back myself');
    await page.getByRole('button', { name: 'Reload the referral' }).click();
    await page.getByText('Elevated to level 1').waitFor();
    await expect(form.getByLabel('Note (optional)').inputValue()).resolves.toBe('Taking it back myself');
    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(`assigned to ${org.people.efLiaison.name}`).waitFor();
  });

  it("shows the work queue, soonest due first, with due times in the liaison's zone and overdue marks", async () => {
    const later = await forwardedReferral();
    hub.clock.advance(5 * 24 * 3600 * 1000); // past the first one's acknowledgment due time
    const queue = await browser.newPage();
    await queue.goto(`${origin}/work-queue`);
    await signInAs(queue, 'ef.liaison@example.gov');
    await queue.waitForURL(`${origin}/work-queue`);
    await queue.getByRole('heading', { name: 'My work queue' }).waitFor();
    const rows = queue.getByRole('table').getByRole('row');
    await queue.getByRole('link', { name: later.referenceNumber }).waitFor();
    await queue.getByRole('link', { name: referral.referenceNumber }).waitFor();
    const texts = await rows.allTextContents();
    const rowOf = (reference: string) => texts.findIndex((t) => t.includes(reference));
    // The later one's acknowledgment is overdue; the first one's completion is due in December.
    expect(rowOf(later.referenceNumber)).toBeGreaterThan(0);
    expect(rowOf(later.referenceNumber)).toBeLessThan(rowOf(referral.referenceNumber));
    expect(texts[rowOf(later.referenceNumber)]).toMatch(/Fri, Nov 27, 2026, 11:59 PM CST\s*Overdue/);
    expect(texts[rowOf(referral.referenceNumber)]).not.toContain('Overdue');
    await screenshot(queue, 'work-queue');
    await expectNoAxeViolations(queue);

    await queue.getByLabel('Form').selectOption('F4442');
    await queue.getByText('Nothing to act on with these filters.').waitFor();
    await queue.getByLabel('Form').selectOption('F14566');
    await queue.getByRole('link', { name: later.referenceNumber }).click();
    await queue.waitForURL(`${origin}/referrals/${later.id}`);

    // The referral lists: all of theirs, filtered by the API; the overdue list.
    await queue.getByRole('link', { name: 'Referrals', exact: true }).click();
    await queue.getByRole('heading', { name: 'Referrals', exact: true }).waitFor();
    await queue.getByRole('link', { name: referral.referenceNumber }).waitFor();
    await queue.getByRole('link', { name: later.referenceNumber }).waitFor();
    expect(await axeViolations(queue)).toEqual([]);
    await queue.locator('label', { hasText: 'Only overdue' }).click();
    await queue.getByRole('link', { name: referral.referenceNumber }).waitFor({ state: 'detached' });
    await queue.getByRole('link', { name: later.referenceNumber }).waitFor();
    await queue.getByLabel('Form').selectOption('F3210');
    await queue.getByText('No referrals match.').waitFor();
    await queue.getByRole('link', { name: 'Overdue referrals' }).click();
    await queue.getByRole('heading', { name: 'Overdue referrals' }).waitFor();
    await expect(queue.getByRole('row', { name: new RegExp(later.referenceNumber) }).textContent()).resolves.toContain('Overdue');
    await expect(queue.getByRole('link', { name: referral.referenceNumber }).count()).resolves.toBe(0);
    expect(await axeViolations(queue)).toEqual([]);

    // A crossing link to something that is not a crossing the liaison may see: a clear sentence, no stack trace.
    await queue.goto(`${origin}/crossings/${later.id}`);
    await queue
      .getByRole('alert')
      .getByText(/does not exist, or you may not see it|You may not do this/)
      .waitFor();
    // A page the console does not have says so, inside the console.
    await queue.goto(`${origin}/no-such-page`);
    await queue.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectNoAxeViolations(queue);
    await queue.close();
  });
});
