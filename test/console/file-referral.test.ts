import 'reflect-metadata';
import { Page, Request } from 'playwright-core';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { axeViolations, screenshot, signInAs, TestBrowser } from '../support/browser';
import { ConsoleHarness, startConsoleHarness } from '../support/console-harness';
import { TestHub } from '../support/hub';
import { eventually } from '../support/wait';
import { TestOrganisation, VALID_14566, VALID_3210, VALID_4442 } from '../support/org-fixture';

let harness: ConsoleHarness;
let hub: TestHub;
let org: TestOrganisation;
let browser: TestBrowser;
let origin: string;
let page: Page;

beforeAll(async () => {
  harness = await startConsoleHarness();
  ({ hub, org, browser, origin } = harness);
  page = await browser.newPage();
}, 60_000);

afterAll(() => harness?.stop());

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

const FAX = 'Your fax';

/** Types a whole Form 14566 but the fax number, as a person would. */
async function fillAllButFax(): Promise<void> {
  const v = VALID_14566;
  await page.getByLabel('Receiving function').selectOption({ label: `${org.functions.ef.name} (${org.functions.ef.code})` });
  await page.getByLabel('Purpose').selectOption(v.purpose);
  const business = page.getByRole('group', { name: 'The business' });
  await business.getByLabel('Business name').fill(v.business.name);
  await business.getByLabel('EIN').fill(v.business.ein);
  for (const [group, address] of [
    [business, v.business.address],
    [page.getByRole('group', { name: 'The responsible party' }), v.taxpayer.address],
  ] as const) {
    await group.getByLabel('Street address', { exact: true }).fill(address.line1);
    await group.getByLabel('City').fill(address.city);
    await group.getByLabel('State', { exact: true }).fill(address.state);
    await group.getByLabel('ZIP code').fill(address.zip);
  }
  const party = page.getByRole('group', { name: 'The responsible party' });
  await party.getByLabel('Name').fill(v.taxpayer.name);
  await party.getByLabel('SSN').fill(v.taxpayer.ssn);
  await page.getByLabel('Return 1: form').fill('941');
  await page.getByLabel('Return 1: MFT').fill('01');
  await page.getByLabel('Return 1: tax period').fill('202603');
  await page.getByLabel('Completed research').fill(v.completedResearch.join('\n'));
  await page.getByLabel('Requested actions').fill(v.requestedActions);
  await page.getByLabel('Your name').fill(v.originatorContact.name);
  await page.getByLabel('Your phone').fill(v.originatorContact.phone);
}

/** Presses Tab (and only Tab) until the field labelled `label` has the focus; fails if it is never reached. */
async function tabTo(label: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement?.labels?.[0]?.textContent ?? document.activeElement?.textContent ?? ""');
    if (focused === label) {
      // Focus is visible: USWDS draws an outline on whatever has it.
      await expect(page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).resolves.not.toBe('none');
      return;
    }
  }
  throw new Error(`Tab never reached "${label}"`);
}

/** Tabs to a field and types into it. */
async function typeInto(label: string, text: string): Promise<void> {
  await tabTo(label);
  await page.keyboard.type(text);
}

/** The AM liaison's work queue, open and listening for changes (the page says it updates live). */
async function liaisonsQueue(): Promise<Page> {
  const queue = await browser.newPage();
  await queue.goto(`${origin}/work-queue`);
  await signInAs(queue, 'am.liaison@example.gov');
  await queue.getByText('Nothing to act on.').waitFor();
  await queue.getByText('The list updates as soon as something changes.').waitFor();
  return queue;
}

describe('an employee files a referral', () => {
  it('sees the missing fax number beside its field, announced and focused, with everything else kept', async () => {
    await page.goto(`${origin}/referrals/new`);
    await signInAs(page, 'am.originator@example.gov');
    await page.waitForURL(`${origin}/referrals/new`);
    await page.getByRole('heading', { name: 'File a referral' }).waitFor();
    await page.getByRole('heading', { name: 'Form 14566, BMF Identity Theft Referral' }).waitFor();
    await fillAllButFax();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'File the referral' }).click();
    const fax = page.getByLabel(FAX);
    await page.locator('#f-form14566-originatorContact-fax-error').waitFor();
    await expect(page.locator('#f-form14566-originatorContact-fax-error').textContent()).resolves.toMatch(/required/i);
    await expect(fax.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(fax.getAttribute('aria-describedby')).resolves.toContain('f-form14566-originatorContact-fax-error');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Your fax');
    await page.waitForFunction("document.activeElement?.id === 'f-form14566-originatorContact-fax'");
    await expect(page.getByLabel('Requested actions').inputValue()).resolves.toBe(VALID_14566.requestedActions);
    await expect(page.getByRole('group', { name: 'The business' }).getByLabel('EIN').inputValue()).resolves.toBe(VALID_14566.business.ein);
    expect(await axeViolations(page)).toEqual([]);
    expect(await hub.database.dataSource.manager.count(Referral)).toBe(0);
    await screenshot(page, 'file-referral-error');
  });

  it('keeps the half-filled form through an expired sign-in, then fixes the fax and files', async () => {
    hub.clock.advance((hub.config.auth.tokenTtlSeconds + 60) * 1000);
    await page.getByLabel(FAX).fill(VALID_14566.originatorContact.fax);
    await page.getByRole('button', { name: 'File the referral' }).click();

    await page.waitForURL(`${origin}/sign-in`);
    await page.getByText('Your sign-in has expired').waitFor();
    await signInAs(page, 'am.originator@example.gov');
    await page.waitForURL(`${origin}/referrals/new`);
    await expect(page.getByLabel(FAX).inputValue()).resolves.toBe(VALID_14566.originatorContact.fax);
    await expect(page.getByLabel('Requested actions').inputValue()).resolves.toBe(VALID_14566.requestedActions);
    // Meanwhile the originating liaison, who reviews what AM files, has their work queue open.
    const queue = await liaisonsQueue();

    await page.getByRole('button', { name: 'File the referral' }).click();
    await page.waitForURL(new RegExp(`${origin}/referrals/[0-9a-f-]{36}$`));
    const [filed] = await hub.database.dataSource.manager.find(Referral);
    // It lands in the liaison's queue without a reload, well before the 15 s fallback poll would bring it.
    await queue.getByRole('link', { name: filed.referenceNumber }).waitFor({ timeout: 5000 });
    expect(await queue.evaluate('performance.getEntriesByType("navigation").length')).toBe(1);
    await queue.close();
    expect(page.url()).toBe(`${origin}/referrals/${filed.id}`);
    await page.getByRole('heading', { name: `Referral ${filed.referenceNumber}` }).waitFor();
    expect(filed).toMatchObject({ state: 'SUBMITTED', originatorId: org.people.originator.id, receivingFunctionId: org.functions.ef.id });
    expect(await page.content()).not.toContain(VALID_14566.taxpayer.ssn);

    // Filed: the draft is gone, a new filing starts empty.
    await page.getByRole('link', { name: 'File a referral' }).click();
    await expect(page.getByLabel(FAX).inputValue()).resolves.toBe('');
  });

  it('files a Form 4442, the picked category explaining when to use it and what the taxpayer is told', async () => {
    const [category] = (await hub.services.categories.list(500)).filter(
      (c) => c.name === VALID_4442.category || c.aliases.includes(VALID_4442.category),
    );
    await page.locator('label[for=form-F4442]').click(); // USWDS tiles: the label is what one clicks
    // A 4442 skips the liaisons (IRM 25.25.6.2.3): the page says where it goes, not the 14566's way.
    await page.getByText("It goes straight into the receiving function's queue, with no liaison review").waitFor();
    const form = page.getByRole('form', { name: 'Form 4442, Inquiry Referral' });
    await form.getByLabel('Receiving function').selectOption({ label: `${org.functions.rivo.name} (${org.functions.rivo.code})` });
    await form.getByLabel('Category').selectOption(category.code);
    await form.getByText(category.trigger).waitFor();
    if (category.taxpayerTold) await form.getByText(category.taxpayerTold).waitFor();
    await form.getByLabel('TIN', { exact: true }).fill(VALID_4442.tin);
    await form.getByLabel('Tax period').fill(VALID_4442.taxPeriod);
    await form.getByLabel('MFT (optional)').fill(VALID_4442.mft);
    await form.getByLabel('Remarks').fill(VALID_4442.remarks);
    await form.getByLabel('The taxpayer has been authenticated').press('Space');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'File the referral' }).click();
    await page.waitForURL(new RegExp(`${origin}/referrals/[0-9a-f-]{36}$`));
    const filed = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: page.url().split('/').pop()! });
    expect(filed).toMatchObject({ form: 'F4442', categoryCode: category.code, receivingFunctionId: org.functions.rivo.id });
    await page.getByText(`Form 4442 (${category.name})`).waitFor();
    // The content names the category, not its code (RICS_RIVO_TPP).
    const categoryFact = page.locator('.hub-facts > div', { has: page.getByText('Category', { exact: true }) }).locator('dd');
    await expect(categoryFact.textContent()).resolves.toBe(category.name);
  });

  it("IRM 25.25.6.2.3(1)-(2): a revenue officer's UP 126 RC 0 Form 4442 asks how the taxpayer was authenticated and that the return is theirs", async () => {
    await page.getByRole('link', { name: 'File a referral' }).click();
    await page.locator('label[for=form-F4442]').click();
    const form = page.getByRole('form', { name: 'Form 4442, Inquiry Referral' });
    await form.getByLabel('Receiving function').selectOption({ label: `${org.functions.rivo.name} (${org.functions.rivo.code})` });
    await form.getByLabel('Category').selectOption('TWRO_RO_UP126_RC0');
    await form.getByLabel('TIN', { exact: true }).fill(VALID_4442.tin);
    await form.getByLabel('Tax period').fill(VALID_4442.taxPeriod);
    await form.getByLabel('Remarks').fill('TP signed a new return during the visit.');
    await form.getByLabel('The taxpayer has been authenticated').press('Space');
    await form.getByLabel('How you authenticated the taxpayer').selectOption('TELEPHONE_INTERNATIONAL');
    await form.getByLabel("The return is the taxpayer's").press('Space');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'File the referral' }).click();
    await page.waitForURL(new RegExp(`${origin}/referrals/[0-9a-f-]{36}$`));
    const filed = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: page.url().split('/').pop()! });
    expect(filed).toMatchObject({ categoryCode: 'TWRO_RO_UP126_RC0' });
    expect(filed.content).toMatchObject({ authenticatedBy: 'TELEPHONE_INTERNATIONAL', returnIsTaxpayers: true });
  });

  it('files a Form 3210 with the list of documents it transmits', async () => {
    await page.getByRole('link', { name: 'File a referral' }).click();
    await page.locator('label[for=form-F3210]').click();
    const form = page.getByRole('form', { name: 'Form 3210, Document Transmittal' });
    await form.getByLabel('Receiving function').selectOption({ label: `${org.functions.rivo.name} (${org.functions.rivo.code})` });
    await form.getByLabel('Routing').fill(VALID_3210.routing);
    await form.getByLabel('TIN', { exact: true }).fill(VALID_3210.tin);
    await form.getByLabel('Tax period').fill(VALID_3210.taxPeriod);
    await form.getByLabel('MFT', { exact: true }).fill(VALID_3210.mft);
    await form.getByLabel('Remarks').fill(VALID_3210.remarks);
    await form.getByLabel('Document 1: title').fill('Signed return');
    await form.getByLabel('Document 1: type').fill('Form 1040, signed');
    await form.getByLabel("Document 1 is the taxpayer's signed return").press('Space');
    await form.getByLabel('How you authenticated the taxpayer').selectOption('FACE_TO_FACE');
    await form.getByRole('button', { name: 'Add a document' }).click();
    await form.getByLabel('Document 2: title').fill('Letter');
    await form.getByLabel('Document 2: type').fill('Correspondence');
    await form.getByLabel('Document 2: pages (optional)').fill('2');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'File the referral' }).click();
    await page.waitForURL(new RegExp(`${origin}/referrals/[0-9a-f-]{36}$`));
    await page.getByText('Signed return (Form 1040, signed); Letter (Correspondence, 2 pages)').waitFor();
  });

  it('files a Form 14566 with the keyboard alone', async () => {
    const v = VALID_14566;
    await page.goto(`${origin}/referrals/new`);
    await page.getByRole('heading', { name: 'File a referral' }).waitFor();
    await tabTo('Form 3210, Document TransmittalDocuments sent on, e.g. a signed return to RIVO');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.getByRole('heading', { name: 'Form 14566, BMF Identity Theft Referral' }).waitFor();
    await typeInto('Receiving function', org.functions.ef.name);
    for (const [label, text] of [
      ['Business name', v.business.name],
      ['EIN', v.business.ein],
      ['Street address', v.business.address.line1],
      ['City', v.business.address.city],
      ['State', v.business.address.state],
      ['ZIP code', v.business.address.zip],
      ['Name', v.taxpayer.name],
      ['SSN', v.taxpayer.ssn],
      ['Street address', v.taxpayer.address.line1],
      ['City', v.taxpayer.address.city],
      ['State', v.taxpayer.address.state],
      ['ZIP code', v.taxpayer.address.zip],
      ['Return 1: form', '941'],
      ['Return 1: MFT', '01'],
      ['Return 1: tax period', '202603'],
      ['Completed research', v.completedResearch[0]],
      ['Requested actions', v.requestedActions],
      ['Your name', v.originatorContact.name],
      ['Your phone', v.originatorContact.phone],
    ]) {
      await typeInto(label, text);
    }
    await page.keyboard.press('Enter'); // submits from the phone field, the fax still empty
    await page.locator('#f-form14566-originatorContact-fax-error').waitFor();
    await page.waitForFunction("document.activeElement?.id === 'f-form14566-originatorContact-fax'");
    await page.keyboard.type(v.originatorContact.fax);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${origin}/referrals/[0-9a-f-]{36}$`));
    const filed = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: page.url().split('/').pop()! });
    expect(filed).toMatchObject({ form: 'F14566', receivingFunctionId: org.functions.ef.id });
  });

  it("offers only the receivers the routes allow for the form and 14566 purpose, never the filer's own function", async () => {
    const label = (fn: { name: string; code: string }) => `${fn.name} (${fn.code})`;
    const options = (form: string) =>
      page.getByRole('form', { name: form }).getByLabel('Receiving function').locator('option').allTextContents();
    // The API answers the receivers (referralReceivers) after each choice: read them once they include `expected`.
    const offered = (form: string, expected: string) =>
      eventually(async () => {
        const texts = await options(form);
        return texts.includes(expected) && texts;
      });
    await page.getByRole('link', { name: 'File a referral' }).click();
    await page.locator('label[for=form-F4442]').click();
    await expect(offered('Form 4442, Inquiry Referral', label(org.functions.rivo))).resolves.toEqual([
      '- Select -',
      label(org.functions.rivo),
    ]);
    await page.locator('label[for=form-F14566]').click();
    await page.getByLabel('Purpose').selectOption('EF_SCHEME_CHECK');
    await expect(
      eventually(async () => {
        const texts = await options('Form 14566, BMF Identity Theft Referral');
        return texts.length === 2 && texts;
      }),
    ).resolves.toEqual(['- Select -', label(org.functions.ef)]);
    await page.getByLabel('Purpose').selectOption('GENERAL_ACTION_REQUEST'); // no route: any other function
    const others = await offered('Form 14566, BMF Identity Theft Referral', label(org.functions.cawr));
    expect(others).toEqual(expect.arrayContaining([label(org.functions.ef), label(org.functions.rivo), label(org.functions.cawr)]));
    expect(others).not.toContain(label(org.functions.am));
    await page.getByLabel('Purpose').selectOption('EF_SCHEME_CHECK');
  });

  it('signs out: the token and every draft are forgotten', async () => {
    await page.getByRole('link', { name: 'File a referral' }).click();
    await page.getByLabel('Requested actions').fill('half-typed');
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await expect(page.evaluate('JSON.stringify(Object.keys(sessionStorage))')).resolves.toBe('[]');
    await page.goto(`${origin}/work-queue`);
    await page.waitForURL(`${origin}/sign-in`);
  });
});

describe('a live page (the work queue)', () => {
  /** The queue's rows, or its empty state, are on the page. */
  const listShown = (tab: Page, timeout?: number) =>
    tab.locator('table tbody tr').first().or(tab.getByText('Nothing to act on.')).waitFor({ timeout });

  /** A tab signed in as the AM liaison, on their work queue. */
  async function signedInQueue(): Promise<Page> {
    const queue = await browser.newPage();
    await queue.goto(`${origin}/work-queue`);
    await signInAs(queue, 'am.liaison@example.gov');
    await listShown(queue);
    return queue;
  }

  /** The operation names of the GraphQL requests `tab` sends while `step` runs. */
  async function operationsSentDuring(tab: Page, step: () => Promise<void>): Promise<string[]> {
    const sent: string[] = [];
    const record = (request: Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql')
        sent.push(JSON.parse(request.postData() ?? '{}').operationName);
    };
    tab.on('request', record);
    await step();
    tab.off('request', record);
    return sent;
  }

  it('reads its list once, after the tab’s stream is ready: no second read when the stream comes up late', async () => {
    const queue = await signedInQueue();
    // The stream answers 300 ms late: the queue waits for it rather than reading first and again once it is ready.
    await queue.route('**/live', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    let streamAnsweredAt = 0;
    queue.on('response', (response) => {
      if (new URL(response.url()).pathname === '/live') streamAnsweredAt = Date.now();
    });
    const readAt: number[] = [];
    queue.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('"operationName":"WorkQueue"')) readAt.push(Date.now());
    });
    await queue.goto(`${origin}/work-queue`);
    await queue.getByText('The list updates as soon as something changes.').waitFor();
    await listShown(queue);
    await queue.waitForTimeout(500);
    expect(readAt).toHaveLength(1);
    expect(readAt[0]).toBeGreaterThanOrEqual(streamAnsweredAt);
    await queue.close();
  });

  it('opens its stream before anything else and shows its list without waiting for the layout’s Me', async () => {
    const queue = await signedInQueue();
    // Me answers 1 s late: the list, which asks for the time zone itself, does not wait for it.
    let meAnsweredAt = 0;
    await queue.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('"operationName":"Me"')) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
        meAnsweredAt = Date.now();
      } else await route.continue();
    });
    const sent: string[] = [];
    queue.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/live') sent.push('/live');
      if (path === '/graphql') sent.push(JSON.parse(request.postData() ?? '{}').operationName);
    });
    await queue.goto(`${origin}/work-queue`);
    await listShown(queue);
    const listShownAt = Date.now();
    await queue.getByRole('button', { name: /^Sign out / }).waitFor();
    expect(meAnsweredAt).toBeGreaterThan(listShownAt);
    await expect(queue.getByText(/Times are in your time zone \(America\/New_York\)/).count()).resolves.toBe(1);
    expect(sent[0]).toBe('/live');
    expect(sent).toContain('Me');
    // Sent once: by the entry script when the stream was ready; the page found it under way or answered.
    expect(sent.filter((name) => name === 'WorkQueue')).toHaveLength(1);
    await queue.close();
  });

  it('reads at once and refreshes every 15 s when the stream cannot be opened', async () => {
    const queue = await signedInQueue();
    await queue.route('**/live', (route) => route.abort());
    const sent = await operationsSentDuring(queue, async () => {
      await queue.goto(`${origin}/work-queue`);
      await queue.getByText('The list refreshes every 15 seconds.').waitFor();
      await listShown(queue, 3000);
    });
    expect(sent).toContain('WorkQueue');
    await queue.close();
  });
});
