import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { axeViolations, screenshot, signInAs, TestBrowser } from '../support/browser';
import { ConsoleHarness, startConsoleHarness } from '../support/console-harness';
import { createDisclosureOffice } from '../support/disclosure-fixture';
import { testPdf } from '../support/documents';
import { dataOf, TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs } from '../support/tecs-operations';

let harness: ConsoleHarness;
let hub: TestHub;
let browser: TestBrowser;
let origin: string;
let people: TecsPeople;
let crossing: Record<string, any>;

beforeAll(async () => {
  harness = await startConsoleHarness({ now: '2026-04-02T14:00:00Z' });
  ({ hub, browser, origin } = harness);
  people = await createTecsOrganisation(hub.services);
  await createDisclosureOffice(hub.services);
  await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
  crossing = await tecs(hub, people.dhsClient.id, 'reportCrossing', {
    dhsReportId: 'DHS-CONSOLE-DISC-1',
    taxpayerName: CLEVELAND_REQUEST.taxpayerName,
    dateOfBirth: CLEVELAND_REQUEST.dateOfBirth,
    placeOfCrossing: 'Detroit, MI',
    crossedAt: '2026-04-02T13:40:00Z',
    direction: 'INBOUND',
    documentNumber: 'P123456789',
  });
}, 60_000);

afterAll(() => harness?.stop());

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

async function signedIn(path: string, email: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}${path}`);
  await signInAs(page, email);
  await page.waitForURL(`${origin}${path}`);
  return page;
}

/** The Customs request of the test is about the Cleveland taxpayer, so the accounting by their TIN shows both kinds. */
const ITEMS = [
  [
    'Form 1040 Schedule C cost of goods sold, purchases from foreign suppliers',
    '2024',
    'Verify the declared value in the section 509 audit',
  ],
  ['Form 1040 Schedule C rents paid', '2024', 'Identify assists omitted from the declared value'],
];

async function answerScreen(page: Page, screen: string, passed: boolean, reason: string, item?: string) {
  const form = page.getByRole('form', { name: 'Answer a screen' });
  await form.getByLabel('Screen').selectOption({ label: screen });
  if (item) await form.getByLabel('Item', { exact: true }).selectOption({ label: item });
  await form.getByText(passed ? 'Passed' : 'Barred: disclosure may not go ahead', { exact: true }).click();
  await form.getByLabel('Why (internal)').fill(reason);
  await form.getByRole('button', { name: 'Record the answer' }).click();
  await page.getByRole('cell', { name: reason }).waitFor();
}

async function decide(page: Page, item: number, decision: 'Approve' | 'Deny', reason = '') {
  const form = page.getByRole('form', { name: `Decide item ${item}` });
  await form.getByText(decision, { exact: true }).click();
  if (reason) await form.getByLabel('Why (required to deny; internal)').fill(reason);
  await form.getByRole('button', { name: `Decide item ${item}` }).click();
}

describe('Disclosure in the console', () => {
  let requestUrl: string;
  let reference: string;

  it('records a written Customs request: each missing (b) element beside its field, the first focused; then complete', async () => {
    const officer = await signedIn('/customs-requests', 'disclosure.first@example.gov');
    await officer.getByRole('heading', { name: 'Customs requests' }).waitFor();
    await officer.getByText('No Customs requests.').waitFor();
    expect(await officer.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'TECS queue' }).count()).toBe(0);
    expect(await axeViolations(officer)).toEqual([]);
    await officer.getByRole('link', { name: 'Record a written request' }).click();
    await officer.getByRole('heading', { name: 'Record a Customs request' }).waitFor();
    await officer.getByLabel('Customs reference of the letter').fill('CBP-RA-2026-0417');
    await officer.getByLabel('Received on').fill('2026-03-30');
    await officer.getByLabel('Taxpayer name').fill(CLEVELAND_REQUEST.taxpayerName);
    await officer.getByLabel('TIN type').selectOption('SSN');
    await officer.getByLabel('Item of return information').fill(ITEMS[0][0]);
    await officer.getByLabel('Taxable period or date').fill(ITEMS[0][1]);
    await officer.getByLabel('Purpose', { exact: true }).fill(ITEMS[0][2]);
    await officer.getByRole('button', { name: 'Record the request' }).click();

    // (b)(2) TIN, (b)(4) necessity, titles and certification are missing: each said beside its field, TIN focused.
    for (const field of ['tin', 'items-0-necessity', 'recipientTitles', 'auditCertification'])
      await officer.locator(`#f-${field}-error`).waitFor();
    await expect(officer.locator('#f-items-0-necessity-error').textContent()).resolves.toContain('(b)(4)');
    await officer.waitForFunction("document.activeElement?.id === 'f-tin'");
    await expect(officer.getByRole('alert').getByRole('listitem').count()).resolves.toBe(4);
    expect(await axeViolations(officer)).toEqual([]);
    await screenshot(officer, 'customs-request-missing-elements');

    await officer.getByLabel('TIN', { exact: true }).fill(CLEVELAND_REQUEST.tin);
    await officer
      .getByLabel('How it is necessary to that purpose')
      .fill('Purchase prices reported to the IRS show whether declared values are correct');
    await officer.getByRole('button', { name: 'Add an item' }).click();
    const second = officer.getByRole('group', { name: 'Item 2' });
    await second.getByLabel('Item of return information').fill(ITEMS[1][0]);
    await second.getByLabel('Taxable period or date').fill(ITEMS[1][1]);
    await second.getByLabel('Purpose', { exact: true }).fill(ITEMS[1][2]);
    await second.getByLabel('How it is necessary to that purpose').fill('Rents paid to the seller are dutiable additions');
    await officer.getByLabel('Customs officers and employees authorized, by title').fill('Regulatory Audit Supervisory Auditor');
    await officer.getByLabel('Section 509 audit certification').selectOption('TAXPAYER_IS_AUDIT_SUBJECT');
    await officer.getByRole('button', { name: 'Record the request' }).click();
    await officer.waitForURL(new RegExp(`${origin}/customs-requests/[0-9a-f-]{36}$`));
    requestUrl = new URL(officer.url()).pathname;
    const heading = officer.getByRole('heading', { level: 1, name: /^Customs request \S+/ });
    await heading.waitFor();
    reference = /Customs request (\S+)/.exec((await heading.textContent())!)![1];
    await officer.getByText('SSN ***-**-6789', { exact: false }).waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    await officer.close();
  });

  it('answers the screens with why, approves and denies items, concludes; the same officer is not offered the release', async () => {
    const officer = await signedIn(requestUrl, 'disclosure.first@example.gov');
    await officer.getByRole('heading', { name: /Customs request/ }).waitFor();
    await answerScreen(
      officer,
      '(a) Taxes of chapters 1 and 6, for a section 509 audit',
      true,
      'Income tax (chapter 1), section 509 audit',
    );
    await officer.getByText('Under review', { exact: true }).waitFor();
    // (e), (c) and (d) not answered yet: approving item 1 is refused, each missing screen named beside the decision, focused.
    await decide(officer, 1, 'Approve');
    await officer.locator('#f-item1-decision-error').waitFor();
    await expect(officer.locator('#f-item1-decision-error').textContent()).resolves.toMatch(/\(e\).*\(c\).*\(d\)/);
    await officer.waitForFunction("document.activeElement?.id === 'f-item1-decision'");
    expect(await axeViolations(officer)).toEqual([]);

    await answerScreen(officer, '(e) Identifies no informant, impairs no tax investigation', true, 'No informant, no open investigation');
    const item1 = `Item 1: ${ITEMS[0][0]}`;
    await answerScreen(officer, '(c) Necessary to determine the correctness of an entry', true, 'Relates to declared value', item1);
    await answerScreen(officer, '(d) No APA material, consistent with tax treaties', true, 'No APA, no treaty issue', item1);
    await decide(officer, 1, 'Approve');
    await officer.getByText('Approved', { exact: true }).waitFor();
    await decide(officer, 2, 'Deny', 'Rents are not return information Customs needs for this entry');
    await officer.getByText(/^Denied: Rents are not/).waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    await screenshot(officer, 'customs-request-review');

    await officer.getByRole('button', { name: 'Conclude the review' }).click();
    await officer.getByRole('form', { name: 'Conclude the review' }).getByRole('button', { name: 'Conclude the review' }).click();
    await officer.getByText('Partly approved, awaiting release').waitFor();
    // Two-person rule: the reviewing officer is offered neither the release nor the return.
    await officer.getByText('There is nothing for you to do on this request now.').waitFor();

    await officer
      .getByLabel('Attach a document')
      .setInputFiles({ name: 'cbp-letter.pdf', mimeType: 'application/pdf', buffer: testPdf('CBP letter') });
    await officer.getByRole('button', { name: 'Upload', exact: true }).click();
    await officer.getByRole('button', { name: 'cbp-letter.pdf' }).waitFor();
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: 'cbp-letter.pdf' }).click(),
    ]);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await officer.getByText(/Document attached/).waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    await officer.close();
  });

  it('lets a second officer release, and shows and downloads the release letter', async () => {
    const second = await signedIn(requestUrl, 'disclosure.second@example.gov');
    await second.getByRole('button', { name: 'Release to Customs' }).click();
    await second.getByRole('form', { name: 'Release to Customs' }).getByRole('button', { name: 'Release to Customs' }).click();
    await second.getByRole('heading', { name: 'Release letter' }).waitFor();
    const letter = (await second.locator('pre.hub-letter').textContent())!;
    expect(letter).toContain(reference);
    expect(letter).toContain(ITEMS[0][0]);
    expect(letter).not.toContain(ITEMS[1][0]);
    expect(letter).not.toContain(CLEVELAND_REQUEST.taxpayerName);
    expect(letter).not.toContain('6789');
    const [download] = await Promise.all([
      second.waitForEvent('download'),
      second.getByRole('button', { name: 'Download the letter' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(letter);
    expect(await axeViolations(second)).toEqual([]);
    await screenshot(second, 'customs-release-letter');

    // The list, filtered by state by the API.
    await second.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Customs requests' }).click();
    await second.getByRole('link', { name: reference }).waitFor();
    await second.getByLabel('State', { exact: true }).selectOption({ label: 'Denied' });
    await second.getByText('No Customs requests in this state.').waitFor();
    await second.getByLabel('State', { exact: true }).selectOption({ label: 'Released' });
    await second.getByRole('link', { name: reference }).waitFor();
    expect(await axeViolations(second)).toEqual([]);
    await second.close();
  });

  it('records a disclosure to the taxpayer from the crossing page and lists it', async () => {
    const ro = await signedIn(`/crossings/${crossing.id}`, 'cleveland.ro@example.gov');
    await ro.getByRole('heading', { name: 'Disclosures' }).waitFor();
    await ro.getByText('Nothing from this crossing has been disclosed.').waitFor();
    const form = ro.getByRole('form', { name: 'Record a disclosure' });
    await form.locator('label', { hasText: 'The taxpayer' }).click();
    await form.locator('label', { hasText: 'Place of crossing' }).click();
    await form.locator('label', { hasText: 'Document number' }).click();
    await form.getByRole('button', { name: 'Record the disclosure' }).click();
    await ro.getByText('Disclosure recorded. What you may tell the recipient:').waitFor();
    await ro.getByRole('status').getByText('Detroit, MI').waitFor();
    await ro.getByText(/Place of crossing, Document number to Taxpayer/).waitFor();
    expect(await axeViolations(ro)).toEqual([]);
    await ro.close();
  });

  it("shows both disclosures in the accounting by the taxpayer's TIN, kept out of the URL, and downloads them", async () => {
    const auditor = await signedIn('/disclosure-accounting', 'disclosure.auditor@example.gov');
    await auditor.getByRole('heading', { name: 'Accounting of disclosures' }).waitFor();
    // Navigation by role: the accounting for an auditor, not the Customs requests (the API would refuse them anyway).
    const nav = auditor.getByRole('navigation', { name: 'Primary' });
    await nav.getByRole('link', { name: 'Disclosure accounting' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Customs requests' }).count()).toBe(0);
    expect(await axeViolations(auditor)).toEqual([]);
    await auditor.getByLabel('Taxpayer TIN').fill('123456789');
    await auditor.getByRole('button', { name: 'Search' }).click();
    await auditor.getByRole('row', { name: new RegExp(reference) }).waitFor();
    await auditor.getByRole('row', { name: new RegExp(crossing.referenceNumber) }).waitFor();
    await expect(auditor.getByRole('row', { name: new RegExp(reference) }).textContent()).resolves.toContain('Customs release');
    // The TECS fields disclosed in words, not the API's values.
    const tecsRow = auditor.getByRole('row', { name: new RegExp(crossing.referenceNumber) });
    await expect(tecsRow.textContent()).resolves.toContain('Place of crossing; Document number');
    await expect(tecsRow.textContent()).resolves.not.toContain('PLACE_OF_CROSSING');
    expect(auditor.url()).toBe(`${origin}/disclosure-accounting`);
    expect(await auditor.evaluate('JSON.stringify(sessionStorage)')).not.toContain('123456789');
    expect(await axeViolations(auditor)).toEqual([]);
    const [download] = await Promise.all([
      auditor.waitForEvent('download'),
      auditor.getByRole('button', { name: 'Download the accounting (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(reference);
    expect(csv).toContain(crossing.referenceNumber);
    await auditor.close();
  });
});

describe('Past travel in the console (seed 000)', () => {
  let requestPath: string;

  it("takes the RO's request, with the missing date of birth beside its field, to the coordinator, who sends it to DHS", async () => {
    const ro = await signedIn('/past-travel', 'cleveland.ro@example.gov');
    await ro.getByRole('heading', { name: 'Past-travel requests' }).waitFor();
    await ro.getByText('No past-travel requests.').waitFor();
    expect(await axeViolations(ro)).toEqual([]);
    await ro.getByRole('link', { name: 'Request past travel' }).click();
    await ro.getByLabel('Taxpayer name').fill(CLEVELAND_REQUEST.taxpayerName);
    await ro.getByLabel('TIN', { exact: true }).fill(CLEVELAND_REQUEST.tin);
    await ro.getByLabel('Travel from').fill('2025-01-01');
    await ro.getByLabel('Travel to').fill('2025-12-31');
    await ro.getByLabel('Tax years of the case').fill('2013, 2014');
    await ro.getByLabel('Why you need it').fill('Taxpayer says he never leaves Ohio');
    await ro.getByRole('button', { name: 'Send to the TECS coordinator' }).click();
    await ro.locator('#f-dateOfBirth-error').waitFor();
    await ro.waitForFunction("document.activeElement?.id === 'f-dateOfBirth'");
    expect(await axeViolations(ro)).toEqual([]);
    await ro.getByLabel('Date of birth').fill(CLEVELAND_REQUEST.dateOfBirth);
    await ro.getByRole('button', { name: 'Send to the TECS coordinator' }).click();
    await ro.waitForURL(new RegExp(`${origin}/past-travel/[0-9a-f-]{36}$`));
    requestPath = new URL(ro.url()).pathname;
    await ro.getByRole('heading', { name: /Past-travel request PT-/ }).waitFor();
    // Sending it to DHS is the coordinator's step: the RO is offered nothing.
    await ro.getByText('There is nothing for you to do on this request now.').waitFor();
    await ro.close();

    const coordinator = await signedIn(requestPath, 'tecs.coordinator@example.gov');
    await coordinator.getByRole('button', { name: 'Send to DHS' }).click();
    await coordinator.getByRole('form', { name: 'Send to DHS' }).getByRole('button', { name: 'Send to DHS' }).click();
    await coordinator.getByRole('heading', { name: /With DHS/ }).waitFor();
    expect(await axeViolations(coordinator)).toEqual([]);
    await coordinator.close();
  });

  it("shows DHS's trips to the RO and records their disclosure to the taxpayer", async () => {
    dataOf(
      await hub.request(
        people.dhsClient.id,
        'mutation($input: AnswerPastTravelInput!) { answerPastTravelRequest(input: $input) { state } }',
        {
          input: {
            requestId: requestPath.split('/').pop(),
            dhsReference: 'DHS-PT-2026-0011',
            trips: [
              { crossedAt: '2025-03-14T11:20:00Z', placeOfCrossing: 'Detroit, MI', direction: 'OUTBOUND', documentNumber: 'P123456789' },
              { crossedAt: '2025-03-16T19:05:00Z', placeOfCrossing: 'Port Huron, MI', direction: 'INBOUND', documentNumber: 'P123456789' },
            ],
          },
        },
      ),
    );
    const ro = await signedIn(requestPath, 'cleveland.ro@example.gov');
    await ro.getByRole('cell', { name: 'Port Huron, MI' }).waitFor();
    const form = ro.getByRole('form', { name: 'Record a disclosure' });
    await form.getByText('The taxpayer', { exact: true }).click();
    // Six boxes, the sixth needing DHS: the hint says which five need no authorization, not 'these five'.
    await form
      .getByText(/^Taxpayer name, date of birth, place, date and time of crossing and document number need no authorization/)
      .waitFor();
    await expect(form.getByRole('checkbox').count()).resolves.toBe(6);
    await form.getByText('Place of crossing', { exact: true }).click();
    // The trips' direction needs DHS's authorization: refused, and the form says why.
    await form.getByText('Direction', { exact: true }).click();
    await form.getByRole('button', { name: 'Record the disclosure' }).click();
    await form
      .getByRole('alert')
      .getByText(/^Not disclosed, nothing recorded: .* only once DHS has authorized it/)
      .waitFor();
    await form.getByText('Direction', { exact: true }).click();
    await form.getByRole('button', { name: 'Record the disclosure' }).click();
    const told = ro.getByRole('status');
    await told.getByText('Port Huron, MI').waitFor();
    await told.getByText('Detroit, MI').waitFor();
    expect(await axeViolations(ro)).toEqual([]);
    await screenshot(ro, 'past-travel-request');
    await ro.close();
  });
});
