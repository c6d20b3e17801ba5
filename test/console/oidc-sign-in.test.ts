import 'reflect-metadata';
import { Page } from 'playwright-core';
import { consoleContentSecurityPolicy } from '../../src/app/console/console-routes';
import { axeViolations, TestBrowser } from '../support/browser';
import { ConsoleHarness, startConsoleHarness } from '../support/console-harness';
import { OidcProvider, startOidcProvider } from '../support/oidc-provider';
import { TestOrganisation } from '../support/org-fixture';

let provider: OidcProvider;
let harness: ConsoleHarness;
let org: TestOrganisation;
let browser: TestBrowser;
let origin: string;
let page: Page;

const CLIENT_ID = 'referral-hub-console';

beforeAll(async () => {
  provider = await startOidcProvider({ audience: 'referral-hub', scope: 'openid referral-hub' });
  // The provider's tokens carry real time; so does this hub's clock.
  harness = await startConsoleHarness({
    now: new Date().toISOString(),
    env: { JWT_JWKS_URL: provider.jwksUrl, JWT_ISSUER: provider.issuer, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: CLIENT_ID },
  });
  ({ org, browser, origin } = harness);
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await provider?.stop();
});

afterEach(() => {
  expect(browser.problems).toEqual([]);
});

describe('sign-in with the agency identity provider (OpenID Connect, code + PKCE)', () => {
  it('lets the console talk to the provider, and to nothing else', async () => {
    const response = await fetch(`${origin}/work-queue`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy(provider.issuer));
    expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ${provider.issuer};`);
  });

  it('signs in through the provider and comes back to the page asked for, the token never in a URL', async () => {
    provider.nextSubject = org.people.efLiaison.id;
    const visited: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest()) visited.push(request.url());
    });
    await page.goto(`${origin}/work-queue`);
    await page.getByRole('button', { name: 'Sign in with your agency account' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in with your agency account' }).click();

    await page.waitForURL(`${origin}/work-queue`);
    await page.getByRole('button', { name: `Sign out ${org.people.efLiaison.name}` }).waitFor();
    await page.getByRole('heading', { name: 'My work queue' }).waitFor();
    expect(provider.exchanges).toEqual([{ clientId: CLIENT_ID, codeVerifierMatched: true, redirectUri: `${origin}/sign-in/callback` }]);
    expect(visited.some((url) => url.startsWith(`${provider.issuer}/authorize?`) && url.includes('code_challenge_method=S256'))).toBe(true);
    const session = JSON.parse((await page.evaluate('sessionStorage.getItem("hub.session")')) as string) as { token: string };
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1], 'base64url').toString('utf8')) as { iss: string; sub: string };
    expect(claims).toMatchObject({ iss: provider.issuer, sub: org.people.efLiaison.id });
    expect(visited.filter((url) => url.includes(session.token))).toEqual([]);
    expect(await page.evaluate('sessionStorage.getItem("hub.oidc")')).toBeNull();
  });

  it('says so when the provider refuses, and offers to try again', async () => {
    provider.nextSubject = null;
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in with your agency account' }).click();
    await page.getByRole('alert').getByText('The identity provider did not sign you in.').waitFor();
    await page.getByRole('link', { name: 'Try again' }).click();
    await page.waitForURL(`${origin}/sign-in`);
  });
});
