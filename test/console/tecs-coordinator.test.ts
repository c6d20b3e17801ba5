import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { Lookout } from '../../src/modules/tecs/lookout.entity';
import { OtherInvestigation } from '../../src/modules/tecs/other-investigation.entity';
import { axeViolations, screenshot, signInAs, TestBrowser } from '../support/browser';
import { ConsoleHarness, startConsoleHarness } from '../support/console-harness';
import { TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, HONG_KONG_REQUEST, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs } from '../support/tecs-operations';

let harness: ConsoleHarness;
let hub: TestHub;
let browser: TestBrowser;
let origin: string;
let people: TecsPeople;
let lookout: Record<string, any>;

beforeAll(async () => {
  harness = await startConsoleHarness({ now: '2026-04-02T14:00:00Z' });
  ({ hub, browser, origin } = harness);
  people = await createTecsOrganisation(hub.services);
  lookout = await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
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

/** One list of the TECS items waiting for this person on their home page ("My work queue"). */
async function waitingOnHome(email: string, list: string): Promise<{ home: Page; items: ReturnType<Page['getByRole']> }> {
  const home = await signedIn('/work-queue', email);
  await home.getByRole('heading', { name: 'TECS items waiting for you' }).waitFor();
  return { home, items: home.getByRole('region', { name: list }) };
}

describe("TECS in the console (seed 000's Cleveland example)", () => {
  let coordinator: Page;
  let crossing: Record<string, any>;
  let oiId: string;

  it('shows the coordinator a crossing DHS reports while the queue is open, time-critical, without a reload', async () => {
    coordinator = await signedIn('/tecs', 'tecs.coordinator@example.gov');
    await coordinator.getByRole('heading', { name: 'TECS coordinator’s queue' }).waitFor();
    await coordinator.getByText('No new crossings.').waitFor();
    await coordinator.getByText('The queue updates as soon as something changes.').waitFor();
    expect(await axeViolations(coordinator)).toEqual([]);

    crossing = await tecs(hub, people.dhsClient.id, 'reportCrossing', {
      dhsReportId: 'DHS-CONSOLE-1',
      taxpayerName: CLEVELAND_REQUEST.taxpayerName,
      dateOfBirth: CLEVELAND_REQUEST.dateOfBirth,
      placeOfCrossing: 'Detroit, MI',
      crossedAt: '2026-04-02T13:40:00Z',
      direction: 'INBOUND',
      documentNumber: 'P123456789',
      plannedDepartureAt: '2026-04-04T12:00:00Z',
    });
    const row = coordinator.getByRole('row', { name: new RegExp(crossing.referenceNumber) });
    await row.waitFor({ timeout: 5000 });
    await expect(row.textContent()).resolves.toContain('Time-critical');
    expect(await coordinator.evaluate('performance.getEntriesByType("navigation").length')).toBe(1);
    await screenshot(coordinator, 'tecs-coordinator-queue');
    expect(await axeViolations(coordinator)).toEqual([]);
  });

  it("puts the crossing on the coordinator's home page too, time-critical, beside the referral work queue", async () => {
    const { home, items } = await waitingOnHome('tecs.coordinator@example.gov', 'Crossings');
    await items.getByRole('link', { name: crossing.referenceNumber }).waitFor();
    await expect(items.getByRole('listitem').allTextContents()).resolves.toEqual([expect.stringContaining('Time-critical')]);
    await items.getByRole('link', { name: 'Open the TECS queue' }).waitFor();
    await home.getByRole('region', { name: 'Other investigations (OIs)' }).getByRole('link', { name: 'Open the OIs' }).waitFor();
    await home.getByRole('heading', { name: 'Referrals to act on' }).waitFor();
    expect(await axeViolations(home)).toEqual([]);
    await home.close();
  });

  it('opens the crossing, reads what may be disclosed to the taxpayer, and opens an OI', async () => {
    await coordinator.getByRole('link', { name: crossing.referenceNumber }).click();
    await coordinator.getByRole('heading', { name: new RegExp(`Crossing ${crossing.referenceNumber}`) }).waitFor();
    await coordinator.getByRole('link', { name: lookout.referenceNumber }).waitFor();
    await coordinator.getByRole('button', { name: 'Show what may be disclosed' }).click();
    const disclosable = coordinator.getByRole('region', { name: 'What may be disclosed to the taxpayer' });
    await disclosable.getByText('P123456789').waitFor();
    await screenshot(coordinator, 'crossing');
    expect(await axeViolations(coordinator)).toEqual([]);

    await coordinator.getByRole('button', { name: 'Open an OI' }).click();
    await coordinator.getByRole('form', { name: 'Open an OI' }).getByRole('button', { name: 'Open an OI' }).click();
    await coordinator.waitForURL(new RegExp(`${origin}/investigations/[0-9a-f-]{36}$`));
    oiId = coordinator.url().split('/').pop()!;
    await coordinator.getByText(/Issued to cleveland\.gm \(group manager\) and cleveland\.ro/).waitFor();
    const stored = await hub.database.dataSource.manager.findOneByOrFail(OtherInvestigation, { id: oiId });
    expect(stored).toMatchObject({ crossingId: crossing.id, groupManagerId: people.clevelandGm.id, state: 'ISSUED' });
    expect(await axeViolations(coordinator)).toEqual([]);
  });

  it('lets the GM re-issue the OI to the GM and RO near the port of entry', async () => {
    const gm = await signedIn(`/investigations/${oiId}`, 'cleveland.gm@example.gov');
    await gm.getByRole('button', { name: 'Re-issue' }).click();
    const form = gm.getByRole('form', { name: 'Re-issue' });
    await form.getByLabel('Group manager').selectOption({ label: 'miami.gm (miami.gm@example.gov)' });
    await form.getByLabel('Revenue officer').selectOption({ label: 'miami.ro (miami.ro@example.gov)' });
    await form.getByLabel('Note (optional)').fill('Taxpayer now in Florida');
    expect(await axeViolations(gm)).toEqual([]);
    await form.getByRole('button', { name: 'Re-issue' }).click();
    await gm.getByRole('status').getByText('Re-issue: done.').waitFor();
    await gm.getByText(/Issued to miami\.gm \(group manager\) and miami\.ro/).waitFor();
    await screenshot(gm, 'investigation');
    const stored = await hub.database.dataSource.manager.findOneByOrFail(OtherInvestigation, { id: oiId });
    expect(stored).toMatchObject({ groupManagerId: people.miamiGm.id, revenueOfficerId: people.miamiRo.id });
    // No longer the Cleveland GM's to act on: the API offers nothing, so no button.
    await gm.getByText('There is nothing for you to do on this OI now.').waitFor();
    await gm.close();
  });

  it('lists the OI on the home page of the GM and RO it is issued to, not of the GM it was taken from', async () => {
    const { referenceNumber } = await hub.database.dataSource.manager.findOneByOrFail(OtherInvestigation, { id: oiId });
    const ro = await waitingOnHome('miami.ro@example.gov', 'Other investigations (OIs)');
    await ro.items.getByRole('link', { name: referenceNumber }).waitFor();
    await expect(ro.items.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(new RegExp(`^${referenceNumber} ${CLEVELAND_REQUEST.taxpayerName}, due .*Time-critical$`)),
    ]);
    expect(await axeViolations(ro.home)).toEqual([]);
    await ro.home.close();
    // The API offers the Cleveland GM nothing on it any more, so it is not theirs to act on.
    const gm = await waitingOnHome('cleveland.gm@example.gov', 'Other investigations (OIs)');
    await gm.items.getByText('Nothing waiting for you.').waitFor();
    await gm.home.close();
  });

  it("takes the RO's Form 6668 through the GM's approval and CI's entry confirmation", async () => {
    const ro = await signedIn('/lookouts', 'intl.ro@example.gov');
    await ro.getByRole('link', { name: 'Request a lookout (Form 6668)' }).click();
    await ro.getByRole('heading', { name: 'Request a lookout (Form 6668)' }).waitFor();
    const r = HONG_KONG_REQUEST;
    await ro.getByLabel('Taxpayer name').fill(r.taxpayerName);
    await ro.getByLabel('TIN type').selectOption(r.tinType);
    await ro.getByLabel('TIN', { exact: true }).fill(r.tin);
    await ro.getByLabel('Date of birth').fill(r.dateOfBirth);
    await ro.getByLabel('Last known address').fill(r.address);
    if (r.international) await ro.locator('label', { hasText: 'International taxpayer' }).click();
    await ro.getByLabel('Tax periods').fill(r.taxPeriods.map((p) => `${p.mft} ${p.taxPeriod}`).join('\n'));
    await ro.getByLabel('Lookout criteria the case meets').fill(r.criteriaMet.join('\n'));
    await ro.getByLabel('Why contact cannot otherwise be made').fill(r.contactFacts);
    await ro.getByRole('button', { name: 'Send to my group manager' }).click();
    // The balance due was left out: said beside it, focused, nothing else lost.
    await ro.locator('#f-request-balanceDue-error').waitFor();
    await expect(ro.getByRole('alert').getByRole('listitem').allTextContents()).resolves.toEqual([expect.stringMatching(/^Balance due: /)]);
    await ro.waitForFunction("document.activeElement?.id === 'f-request-balanceDue'");
    await expect(ro.getByLabel('Why contact cannot otherwise be made').inputValue()).resolves.toBe(r.contactFacts);
    expect(await axeViolations(ro)).toEqual([]);
    await ro.getByLabel('Balance due').fill(r.balanceDue);
    await ro.getByRole('button', { name: 'Send to my group manager' }).click();
    await ro.waitForURL(new RegExp(`${origin}/lookouts/[0-9a-f-]{36}$`));
    const requested = await hub.database.dataSource.manager.findOneByOrFail(Lookout, { id: ro.url().split('/').pop()! });
    expect(requested).toMatchObject({ state: 'REQUESTED', revenueOfficerId: people.intlRo.id, international: r.international });
    await ro.close();

    // Waiting for the GM's approval: on the GM's home page, not on the RO's (the API offers the RO nothing now).
    const gmHome = await waitingOnHome('intl.gm@example.gov', 'Lookouts');
    await gmHome.items.getByRole('link', { name: requested.referenceNumber }).waitFor();
    await expect(gmHome.items.getByRole('listitem').allTextContents()).resolves.toEqual([
      `${requested.referenceNumber} ${r.taxpayerName}: Requested`,
    ]);
    await gmHome.items.getByRole('link', { name: 'Open the lookouts' }).waitFor();
    await gmHome.home.close();
    const roHome = await waitingOnHome('intl.ro@example.gov', 'Lookouts');
    await roHome.items.getByText('Nothing waiting for you.').waitFor();
    await roHome.home.close();

    const gm = await signedIn(`/lookouts/${requested.id}`, 'intl.gm@example.gov');
    await gm.getByRole('heading', { name: new RegExp(`Lookout ${requested.referenceNumber}`) }).waitFor();
    await gm.getByText('$96,500.00', { exact: true }).waitFor();
    expect(await axeViolations(gm)).toEqual([]);
    await gm.getByRole('button', { name: 'Approve' }).click();
    await gm.getByRole('form', { name: 'Approve' }).getByRole('button', { name: 'Approve' }).click();
    await gm.getByRole('heading', { name: /With coordinator/ }).waitFor();
    await gm.close();

    await tecs(hub, people.coordinator.id, 'acceptLookout', { lookoutId: requested.id });
    const ciHome = await waitingOnHome('ci.agent@example.gov', 'Lookouts');
    await ciHome.items.getByRole('link', { name: requested.referenceNumber }).waitFor();
    await ciHome.home.close();
    const ci = await signedIn(`/lookouts/${requested.id}`, 'ci.agent@example.gov');
    await ci.getByRole('button', { name: 'Confirm entry into TECS' }).click();
    const form = ci.getByRole('form', { name: 'Confirm entry into TECS' });
    await form.getByRole('button', { name: 'Confirm entry into TECS' }).click();
    await ci
      .getByRole('alert')
      .getByText(/TECS record reference/)
      .waitFor();
    await form.getByLabel('TECS record reference').fill('TECS-HK-0001');
    await form.getByRole('button', { name: 'Confirm entry into TECS' }).click();
    await ci.getByRole('heading', { name: /Active/ }).waitFor();
    expect(await hub.database.dataSource.manager.findOneByOrFail(Lookout, { id: requested.id })).toMatchObject({
      state: 'ACTIVE',
      tecsRecordReference: 'TECS-HK-0001',
    });
    await ci.close();
  });

  it('lists the lookouts the coordinator may see and downloads them as CSV', async () => {
    await coordinator.getByRole('link', { name: 'Lookouts' }).click();
    await coordinator.getByRole('heading', { name: 'TECS lookouts' }).waitFor();
    await coordinator.getByRole('link', { name: lookout.referenceNumber }).waitFor();
    expect(await axeViolations(coordinator)).toEqual([]);
    // States read as words, the IRS's abbreviations kept in capitals.
    await expect(coordinator.getByLabel('State').locator('option').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Returned to RO', 'With CI', 'Removal with CI']),
    );
    await coordinator.getByLabel('Name contains').fill('Haulwell');
    await coordinator
      .getByText('1 lookout', { exact: false })
      .or(coordinator.getByRole('link', { name: lookout.referenceNumber }))
      .first()
      .waitFor();
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('button', { name: 'Download these lookouts (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lookouts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(lookout.referenceNumber);
    expect(csv).not.toContain(HONG_KONG_REQUEST.taxpayerName);
  });
});
