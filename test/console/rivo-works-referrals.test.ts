import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Locator, Page } from 'playwright-core';
import { Caller } from '../../src/modules/org/caller';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { ReferralHistoryEntry } from '../../src/modules/referrals/referral-history.entity';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { axeViolations, screenshot, signInAs, TestBrowser } from '../support/browser';
import { ConsoleHarness, startConsoleHarness } from '../support/console-harness';
import { testPdf, uploadDocument } from '../support/documents';
import { TestHub } from '../support/hub';
import { TestOrganisation, VALID_3210, VALID_4442 } from '../support/org-fixture';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { CLEVELAND_REQUEST, createTecsOrganisation } from '../support/tecs-fixture';
import { putOnLookout } from '../support/tecs-operations';
import { eventually } from '../support/wait';

let smtp: SmtpPeer;
let harness: ConsoleHarness;
let hub: TestHub;
let org: TestOrganisation;
let browser: TestBrowser;
let origin: string;
let originator: Caller;
let rivoWorker: Caller;
let rivo: Page;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  harness = await startConsoleHarness({ env: { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, JOB_POLLING_SECONDS: '1' } });
  ({ hub, org, browser, origin } = harness);
  originator = await hub.services.org.loadCaller(org.people.originator.id);
  rivoWorker = await hub.services.org.loadCaller(org.people.rivoWorker.id);
  rivo = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await smtp?.stop();
});

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

/** The originator (also a revenue officer) files a 4442 or 3210 straight into RIVO's queue. */
const fileToRivo = (form: 'F4442' | 'F3210'): Promise<Referral> =>
  hub.services.referrals.file(originator, {
    form: form as never,
    receivingFunctionId: org.functions.rivo.id,
    content: (form === 'F4442' ? { form4442: VALID_4442 } : { form3210: VALID_3210 }) as never,
  });

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** The buttons of the actions the referral page offers (not those of the form of the one picked). */
const offered = (page: Page) => page.getByRole('region', { name: 'Actions' }).getByRole('listitem');

/** Opens an action of the referral page's panel, lets `fill` type its fields, sends it and waits until it is done. */
async function act(page: Page, label: string, fill: (form: Locator) => Promise<unknown> = async () => {}) {
  await offered(page).getByRole('button', { name: label, exact: true }).click();
  const form = page.getByRole('form', { name: label });
  await fill(form);
  await form.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('status').getByText(`${label}: done.`).waitFor();
}

const stored = (id: string) => hub.database.dataSource.manager.findOneByOrFail(Referral, { id });

describe('RIVO works a Form 4442 from its queue to a closed control', () => {
  let referral: Referral;

  beforeAll(async () => {
    referral = await fileToRivo('F4442');
    // The REFERRAL_CLOSED notice to the originator is refused for good: a dead letter the admin retries below.
    smtp.mode = 'reject';
  });

  it('checks it out, opens a control, monitors it (what it waits for is required), resumes and closes it with a closing activity code', async () => {
    await rivo.goto(`${origin}/referrals/${referral.id}`);
    await signInAs(rivo, 'rivo.worker@example.gov');
    await rivo.getByRole('heading', { name: `Referral ${referral.referenceNumber} Received` }).waitFor();
    const actions = offered(rivo);
    // Only what availableActions offers: in the queue, checking it out.
    await expect(actions.getByRole('button').allTextContents()).resolves.toEqual(['Check out']);
    await expectNoAxeViolations(rivo);

    await act(rivo, 'Check out');
    await rivo.getByRole('heading', { name: /Checked out$/ }).waitFor();
    await expect(actions.getByRole('button').allTextContents()).resolves.toEqual([
      'Return to the sender: no TPP involvement',
      'Close as a misroute',
      'Open a control',
    ]);
    await actions.getByRole('button', { name: 'Close as a misroute' }).click();
    await expect(rivo.getByLabel('Where it was routed').locator('option').allTextContents()).resolves.toEqual([
      '- Select -',
      'CL2AM — Correspondence is a misroute and was routed to Account Management - closed control',
      'CL2EXAM — Correspondence is a misroute and was routed to Exam - closed control',
      'CL2WOW — Correspondence is a misroute and was routed to WOW - closed control',
      'CL2AQC — Correspondence is a misroute and was routed to AQC - closed control',
    ]);
    await expectNoAxeViolations(rivo);

    await act(rivo, 'Open a control');
    await rivo.getByRole('heading', { name: /Working$/ }).waitFor();
    await actions.getByRole('button', { name: 'Monitor', exact: true }).click();
    const monitor = rivo.getByRole('form', { name: 'Monitor' });
    await monitor.getByRole('button', { name: 'Monitor' }).click();
    // What the control waits for is required: said beside the field and in the summary.
    await rivo.locator('#f-reason-error').waitFor();
    await rivo
      .getByRole('alert')
      .getByText(/^What the control waits for: /)
      .waitFor();
    await rivo.waitForFunction("document.activeElement?.id === 'f-reason'");
    await expectNoAxeViolations(rivo);
    await act(rivo, 'Monitor', (form) =>
      form.getByLabel('What the control waits for').fill('MFT32REV: return moving from MFT 32 to MFT 30'),
    );
    await rivo.getByRole('heading', { name: /Monitoring$/ }).waitFor();

    await act(rivo, 'Resume work');
    await rivo.getByRole('heading', { name: /Working$/ }).waitFor();
    await actions.getByRole('button', { name: 'Close the control' }).click();
    const codes = rivo.getByLabel('Closing activity code');
    // Each closing activity code with its meaning (Exhibit 25.25.6-9), not a bare code.
    await expect(codes.locator('option').allTextContents()).resolves.toContain(
      'FAILEDAUTH — The response could not be authenticated. Letter 5216 sent - RIVO case closed',
    );
    await expectNoAxeViolations(rivo);
    await act(rivo, 'Close the control', async (form) => {
      await form.getByLabel('Actions taken').fill('MFT 32 return reversed to MFT 30\nReturn sent to processing');
      await form.getByLabel('Closing activity code').selectOption('RTN2PROC');
    });
    await rivo.getByRole('heading', { name: /Closed$/ }).waitFor();
    await rivo.getByText('There is nothing for you to do on this referral now.').waitFor();
    await rivo.getByText(/Ended with code RTN2PROC\./).waitFor();
    await screenshot(rivo, 'referral-rivo-closed');
    await expectNoAxeViolations(rivo);

    const closed = await stored(referral.id);
    expect([closed.state, closed.resolutionCode, closed.actionsTaken]).toEqual([
      'CLOSED',
      'RTN2PROC',
      ['MFT 32 return reversed to MFT 30', 'Return sent to processing'],
    ]);
    const history = await hub.database.dataSource.manager.find(ReferralHistoryEntry, {
      where: { referralId: referral.id },
      order: { at: 'ASC' },
    });
    expect(history.map((h) => h.action)).toEqual(['FILE', 'CHECK_OUT', 'OPEN_CONTROL', 'MONITOR', 'RESUME_WORK', 'COMPLETE']);
  });

  it('the admin retries the closing notice the mail server refused, and the SMTP peer receives it', async () => {
    const failed = await eventually(
      async () => {
        const row = await hub.database.dataSource.manager.findOneBy(Notification, { referralId: referral.id, kind: 'REFERRAL_CLOSED' });
        return row?.status === 'FAILED' ? row : null;
      },
      20_000,
      'the refused REFERRAL_CLOSED notice',
    );
    smtp.mode = 'accept';
    const admin = await browser.newPage();
    await admin.goto(`${origin}/admin/failed-notifications`);
    await signInAs(admin, 'admin@example.gov');
    const row = admin.getByRole('row', { name: /Referral closed/ });
    await expect(row.textContent()).resolves.toContain('550');
    await expectNoAxeViolations(admin);
    await row.getByRole('button', { name: 'Retry the referral closed notice' }).click();
    await admin.getByText('Referral closed notice queued again.').waitFor();
    await admin.getByText('No failed notifications.').waitFor();
    await expectNoAxeViolations(admin);

    const mail = await eventually(
      async () => smtp.messages.find((m) => m.subject.includes(referral.referenceNumber)),
      20_000,
      'the retried notice',
    );
    expect(mail.envelopeTo).toEqual(['am.originator@example.gov']);
    await eventually(
      async () => (await hub.database.dataSource.manager.findOneByOrFail(Notification, { id: failed.id })).status === 'SENT',
    );
    await admin.close();
  });
});

describe("a Form 3210's signed return: the originator uploads it, RIVO downloads it and forwards it to Submission Processing", () => {
  const pdf = testPdf('Form 1040, signed');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  let referral: Referral;

  beforeAll(async () => {
    referral = await fileToRivo('F3210');
  });

  it('the originator attaches the PDF; a file of another type is refused with the reason beside the file input', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/referrals/${referral.id}`);
    await signInAs(page, 'am.originator@example.gov');
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByText('No documents are attached.').waitFor();
    const file = documents.getByLabel('Attach a document');

    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a return') });
    await documents.getByRole('button', { name: 'Upload' }).click();
    await expect(page.locator('#f-file-error').textContent()).resolves.toMatch(/^The file .*PDF, TIFF, PNG and JPEG/);
    await expectNoAxeViolations(page);

    await file.setInputFiles({ name: 'signed-1040.pdf', mimeType: 'application/pdf', buffer: pdf });
    await documents.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('signed-1040.pdf attached.').waitFor();
    const row = documents.getByRole('row', { name: /signed-1040\.pdf/ });
    await expect(row.textContent()).resolves.toContain(sha256);
    await expect(row.textContent()).resolves.toContain('application/pdf');
    await expect(row.textContent()).resolves.toContain('With the referral');
    await expect(page.locator('#f-file-error').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('RIVO, working the 3210, downloads it with the same SHA-256 and records it forwarded to Submission Processing', async () => {
    await hub.services.referrals.checkOut(rivoWorker, { referralId: referral.id });
    await hub.services.referrals.openControl(rivoWorker, { referralId: referral.id });
    await rivo.goto(`${origin}/referrals/${referral.id}`);
    const documents = rivo.getByRole('region', { name: 'Documents' });
    const row = documents.getByRole('row', { name: /signed-1040\.pdf/ });
    const [download] = await Promise.all([
      rivo.waitForEvent('download'),
      row.getByRole('button', { name: 'Download signed-1040.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('signed-1040.pdf');
    expect(
      createHash('sha256')
        .update(readFileSync((await download.path())!))
        .digest('hex'),
    ).toBe(sha256);

    await row.getByRole('button', { name: 'Forward to Submission Processing (signed-1040.pdf)' }).click();
    await rivo.getByText('signed-1040.pdf recorded as forwarded to Submission Processing.').waitFor();
    await row.getByText(/^To Submission Processing \(SP\), .* by rivo\.worker/).waitFor();
    await expect(row.getByRole('button').allTextContents()).resolves.toEqual(['Download signed-1040.pdf']);
    await screenshot(rivo, 'referral-documents');
    await expectNoAxeViolations(rivo);
    const forwarded = await hub.database.dataSource.manager.findOneByOrFail(ReferralHistoryEntry, {
      referralId: referral.id,
      action: 'FORWARD_DOCUMENT_TO_SP' as never,
    });
    expect(forwarded.actorId).toBe(org.people.rivoWorker.id);
  });
});

describe('look up by reference number', () => {
  it('opens a referral by the number people quote, says when nothing has it, and opens a lookout by its 6668 number', async () => {
    const referral = await fileToRivo('F4442');
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await signInAs(page, 'rivo.worker@example.gov');
    const lookup = page.getByRole('search', { name: 'Look up by reference number' });
    const number = lookup.getByLabel('Reference number');

    await number.fill(` ${referral.referenceNumber.toLowerCase()} `);
    await lookup.getByRole('button', { name: 'Look up' }).click();
    await page.waitForURL(`${origin}/referrals/${referral.id}`);
    await page.getByRole('heading', { name: `Referral ${referral.referenceNumber} Received` }).waitFor();

    await number.fill('4442-2026-999999');
    await lookup.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('alert').getByText('Nothing has the reference number 4442-2026-999999, or you may not see it.').waitFor();
    // Tied to the box, so a screen reader reads it with the number.
    await expect(number.getAttribute('aria-describedby')).resolves.toBe('reference-lookup-problem');
    await expectNoAxeViolations(page);
    await number.fill('hello');
    await lookup.getByRole('button', { name: 'Look up' }).click();
    await page
      .getByRole('alert')
      .getByText(/“hello” is not a reference number the hub issues/)
      .waitFor();
    expect(page.url()).toBe(`${origin}/referrals/${referral.id}`);

    const people = await createTecsOrganisation(hub.services);
    const lookout = await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
    const ro = await browser.newPage();
    await ro.goto(`${origin}/`);
    await signInAs(ro, 'cleveland.ro@example.gov');
    const roLookup = ro.getByRole('search', { name: 'Look up by reference number' });
    await roLookup.getByLabel('Reference number').fill(lookout.referenceNumber);
    await roLookup.getByRole('button', { name: 'Look up' }).click();
    await ro.waitForURL(`${origin}/lookouts/${lookout.id}`);
    await ro.getByRole('heading', { name: new RegExp(lookout.referenceNumber) }).waitFor();
    await ro.close();
    await page.close();
  });
});

describe('RIVO when the referral moved on', () => {
  it('keeps what the control waits for through a stale version, and sends it after the reload', async () => {
    const referral = await fileToRivo('F4442');
    await hub.services.referrals.checkOut(rivoWorker, { referralId: referral.id });
    await hub.services.referrals.openControl(rivoWorker, { referralId: referral.id });
    await rivo.goto(`${origin}/referrals/${referral.id}`);
    await rivo.getByRole('heading', { name: /Working$/ }).waitFor();
    await offered(rivo).getByRole('button', { name: 'Monitor', exact: true }).click();
    const form = rivo.getByRole('form', { name: 'Monitor' });
    await form.getByLabel('What the control waits for').fill('RTP-0312: return sent to SP');
    // Meanwhile the same employee, in another tab, monitored and resumed it: the page's version is stale.
    await hub.services.referrals.monitor(rivoWorker, { referralId: referral.id, reason: 'ESTAB1' });
    await hub.services.referrals.resumeWork(rivoWorker, { referralId: referral.id });
    await form.getByRole('button', { name: 'Monitor', exact: true }).click();
    await rivo.getByText('Someone else changed this referral — reload it to see the change. Nothing you typed is lost.').waitFor();
    await expectNoAxeViolations(rivo);
    await rivo.getByRole('button', { name: 'Reload the referral' }).click();
    await expect(form.getByLabel('What the control waits for').inputValue()).resolves.toBe('RTP-0312: return sent to SP');
    await act(rivo, 'Monitor');
    await rivo.getByRole('heading', { name: /Monitoring$/ }).waitFor();
  });

  it('after a return "no TPP involvement" shows the document returned to the sender, offers no upload, and says RIVO may not download it', async () => {
    const referral = await fileToRivo('F3210');
    const { status } = await uploadDocument(hub, org.people.originator.id, referral.id, testPdf('Form 1040'), 'return.pdf');
    expect(status).toBe(201);
    await hub.services.referrals.checkOut(rivoWorker, { referralId: referral.id });
    await rivo.goto(`${origin}/referrals/${referral.id}`);
    const documents = rivo.getByRole('region', { name: 'Documents' });
    // Offered while the referral is open (Referral.documentActions), gone once it ended.
    await documents.getByLabel('Attach a document').waitFor();
    // A 3210 has no clock: said once, with no empty table of clocks.
    await rivo.getByText('No clock is running.').waitFor();
    await expect(rivo.getByRole('table', { name: /^Clocks/ }).count()).resolves.toBe(0);
    await act(rivo, 'Return to the sender: no TPP involvement');
    await rivo.getByRole('heading', { name: /Returned no TPP$/ }).waitFor();
    const row = documents.getByRole('row', { name: /return\.pdf/ });
    await row.getByText(/^To the sender, .* by rivo\.worker/).waitFor();
    await expect(documents.getByLabel('Attach a document').count()).resolves.toBe(0);
    await expect(row.getByRole('button').allTextContents()).resolves.toEqual(['Download return.pdf']);
    await row.getByRole('button', { name: 'Download return.pdf' }).click();
    await rivo.getByRole('alert').getByText('return.pdf: You may not download this.').waitFor();
    // The refusal (HTTP 403) is the answer this step asks for, not a problem of the page.
    expect(browser.problems.splice(0)).toEqual([expect.stringMatching(/^403 .*\/documents\/[\w-]+$/)]);
    await expectNoAxeViolations(rivo);
  });
});
