import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page, Response } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it): Playwright's own download cannot work here. */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A GraphQL answer refusing the input with fieldErrors (what the console shows beside the fields). */
async function refusedInput(response: Response): Promise<boolean> {
  const body = (await response.json().catch(() => null)) as {
    errors?: { extensions?: { code?: string; fieldErrors?: unknown[] } }[];
  } | null;
  return body?.errors?.every((error) => error.extensions?.code === 'BAD_USER_INPUT' && error.extensions.fieldErrors?.length) ?? false;
}

export interface TestBrowser {
  /** A new tab: its own sessionStorage, so its own sign-in. */
  newPage(): Promise<Page>;
  /** Failed requests, console errors (CSP refusals among them) and uncaught exceptions seen on any page so far. */
  problems: string[];
  close(): Promise<void>;
}

/** One headless Chromium per test file, with a fresh profile; pages are cheap, the browser is not. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'hub-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    // An expired sign-in (401) and input the API refuses before running the operation (400 BAD_USER_INPUT: a value of
    // the wrong type, e.g. an empty date) are paths the console handles; any other failed request is a problem.
    page.on('response', async (response) => {
      if (response.status() < 400 || response.status() === 401) return;
      if (response.status() === 400 && (await refusedInput(response))) return;
      problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    problems,
    async newPage() {
      const page = await context.newPage();
      // Well inside jest's 30 s per test, so a wait that fails names the step.
      page.setDefaultTimeout(10_000);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The console must have been built (`npm run build`, which `npm test` runs first). */
export function requireBuiltConsole(directory: string): void {
  if (!existsSync(join(directory, 'index.html'))) throw new Error(`The web console is not built in ${directory}: run npm run build`);
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core on the page as it is now (WCAG 2.1 A and AA and axe's best practices). Injected through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern, so the policy stays as strict as served.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`);
}

/** The development sign-in page, as a person uses it: pick the demo employee by e-mail, press Sign in. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to the Referral Hub' }).waitFor();
  const select = page.getByLabel('Demo employee');
  await select.selectOption((await select.locator('option', { hasText: email }).getAttribute('value'))!);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * The README's screenshots come from the browser tests: `npm run console:screenshots` runs them with
 * CONSOLE_SCREENSHOTS_DIR set, and each test saves the page as it is at the step it names. Otherwise this does nothing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.CONSOLE_SCREENSHOTS_DIR;
  if (!directory) return;
  await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true });
}
