import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleContentSecurityPolicy } from '../../src/app/console/console-routes';
import { requireBuiltConsole } from '../support/browser';
import { createTestDatabase } from '../support/database';
import { dataOf, startTestHub, testConfig, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation } from '../support/org-fixture';

let hub: TestHub;
let org: TestOrganisation;
let origin: string;

beforeAll(async () => {
  hub = await startTestHub();
  requireBuiltConsole(hub.config.console.directory);
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  origin = new URL(hub.url).origin;
});

afterAll(() => hub.stop());

/** Class names in the console's source that USWDS's own stylesheet (uswds.min.css) has no rule for. */
const UNSTYLED_BY_USWDS = new Set(['usa-nav-link', 'usa-summary-box__body']);

const navigate = (path: string) => fetch(origin + path, { headers: { accept: 'text/html,application/xhtml+xml' } });

describe('the hub serves the built console beside /graphql', () => {
  it('answers every navigation with the page shell under a strict Content-Security-Policy, and no inline script', async () => {
    for (const path of ['/', '/work-queue', `/referrals/${org.people.originator.id}`, '/crossings/anything']) {
      const response = await navigate(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy());
      const html = await response.text();
      expect(html).toContain('<div id="root"></div>');
      const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toMatch(/^<script\b[^>]*\bsrc="\/assets\/[^"]+"[^>]*><\/script>$/);
      expect(html).not.toMatch(/<style\b|\sstyle="|https?:\/\//);
    }
    expect(consoleContentSecurityPolicy()).toMatch(/^default-src 'self';/);
  });

  it('serves the hashed assets (fonts included, nothing from elsewhere) and 404s for files it does not have', async () => {
    const assets = readdirSync(join(hub.config.console.directory, 'assets'));
    const css = assets.find((name) => name.endsWith('.css'))!;
    const response = await fetch(`${origin}/assets/${css}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    const stylesheet = await response.text();
    const urls = [...stylesheet.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1].replace(/["']/g, ''));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('/assets/'))).toEqual([]);
    const font = urls.find((u) => u.endsWith('.woff2'))!;
    expect((await fetch(origin + font)).status).toBe(200);
    expect((await fetch(`${origin}/assets/missing-file.js`)).status).toBe(404);
    // A script asking for something that is not there gets a 404, never the page shell.
    expect((await fetch(`${origin}/no-such-file.json`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect(readFileSync(join(hub.config.console.directory, 'index.html'), 'utf8')).not.toContain('data:');
  });

  it("keeps, of USWDS's stylesheet, the rules of every class the console names, those it builds at run time included", () => {
    const assets = join(hub.config.console.directory, 'assets');
    const stylesheet = readdirSync(assets)
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n');
    const sources = readdirSync(join(__dirname, '../../web/src'), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => readFileSync(join(__dirname, '../../web/src', name), 'utf8'))
      .join('\n');
    // Named in full in the pages: usa-button, usa-table--striped, usa-alert__body, …
    const named = new Set([...sources.matchAll(/\busa-[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z0-9-]+)?(?:--[a-z0-9-]+)?\b/g)].map((m) => m[0]));
    // Built at run time: `usa-alert--${kind}` (alert.tsx) and `usa-${kind}` radio or checkbox (choice-fields.tsx).
    const built = [
      'usa-alert--info',
      'usa-alert--success',
      'usa-alert--warning',
      'usa-alert--error',
      'usa-radio__input',
      'usa-checkbox__label',
    ];
    const missing = [...named, ...built].filter((name) => !stylesheet.includes(`.${name}`) && !/--$/.test(name));
    // Classes USWDS has no rule for (the console's own hooks) are not expected in its stylesheet.
    expect(missing.filter((name) => !UNSTYLED_BY_USWDS.has(name))).toEqual([]);
    // Far less than USWDS's whole stylesheet (about 520 KB): what a first visit parses before the page shows.
    expect(stylesheet.length).toBeLessThan(150_000);
  });

  it("loads, on a first visit, the work queue's and the layout's GraphQL documents but no other page's, and no sign-in provider code", () => {
    const directory = hub.config.console.directory;
    const html = readFileSync(join(directory, 'index.html'), 'utf8');
    const firstScreen = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)]
      .map((match) => readFileSync(join(directory, 'assets', match[1]!), 'utf8'))
      .join('\n');
    const everything = readdirSync(join(directory, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(directory, 'assets', name), 'utf8'))
      .join('\n');
    expect(firstScreen).toMatch(/query WorkQueue\b/);
    expect(firstScreen).toMatch(/query Me\b/);
    // Another page's query and the admin page's fragment travel in their own chunks, loaded when those pages open.
    for (const elsewhere of [/query ReferralPage\b/, /fragment ClosureFields\b/, /mutation FileReferral\b/]) {
      expect(everything).toMatch(elsewhere);
      expect(firstScreen).not.toMatch(elsewhere);
    }
    // oauth4webapi's authorization-code flow is loaded by the sign-in buttons and callback only.
    expect(everything).toContain('authorization_code');
    expect(firstScreen).not.toContain('authorization_code');
  });

  it('asks for the regular and bold text fonts with the page, the files the stylesheet sets the text in', () => {
    const directory = hub.config.console.directory;
    const html = readFileSync(join(directory, 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="preload" as="font" type="font\/woff2" crossorigin href="\/(assets\/[^"]+)">/g)].map(
      (match) => match[1]!,
    );
    const stylesheet = readdirSync(join(directory, 'assets'))
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(join(directory, 'assets', name), 'utf8'))
      .join('\n');
    const fontOf = (weight: number) =>
      new RegExp(`@font-face\\{font-family:Source Sans Pro Web;font-style:normal;font-weight:${weight};[^}]*url\\(/(assets/[^)]+)\\)`).exec(
        stylesheet,
      )?.[1];
    expect(preloaded.sort()).toEqual([fontOf(400), fontOf(700)].sort());
  });

  it('keeps /graphql answering GraphQL', async () => {
    expect(dataOf(await hub.request(org.people.originator.id, '{ me { email } }')).me.email).toBe('am.originator@example.gov');
  });
});

describe('development sign-in', () => {
  it('lists the active employees and issues a token that signs the picked one in', async () => {
    const listing = await fetch(`${origin}/dev-sign-in/employees`);
    expect(listing.status).toBe(200);
    const { employees } = (await listing.json()) as { employees: { id: string; email: string; functionCode: string }[] };
    expect(employees.find((e) => e.email === 'ef.liaison@example.gov')).toMatchObject({
      id: org.people.efLiaison.id,
      functionCode: 'RICS-EF',
    });

    const signIn = await fetch(`${origin}/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ employeeId: org.people.efLiaison.id }),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('set-cookie')).toBeNull();
    const { token, expiresAt } = (await signIn.json()) as { token: string; expiresAt: string };
    expect(new Date(expiresAt).getTime()).toBe(hub.clock.now().getTime() + hub.config.auth.tokenTtlSeconds * 1000);
    expect(dataOf(await hub.request({ authorization: `Bearer ${token}` }, '{ me { email } }')).me.email).toBe('ef.liaison@example.gov');
  });

  it('refuses anyone but an active employee', async () => {
    for (const employeeId of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', 42]) {
      const response = await fetch(`${origin}/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ employeeId }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('does not exist when NODE_ENV=production', async () => {
    const key = () => randomBytes(32).toString('base64');
    const database = await createTestDatabase();
    const production = await startTestHub({
      database,
      env: { NODE_ENV: 'production', DATA_KEYS: `ci:${key()}`, DATA_KEY_ID: 'ci', DATA_HMAC_KEY: key() },
    });
    try {
      const productionOrigin = new URL(production.url).origin;
      expect((await fetch(`${productionOrigin}/dev-sign-in/employees`, { headers: { accept: 'application/json' } })).status).toBe(404);
      const signIn = await fetch(`${productionOrigin}/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ employeeId: org.people.efLiaison.id }),
      });
      expect(signIn.status).toBe(404);
      expect(await signIn.text()).not.toContain('token');
      expect(await (await fetch(`${productionOrigin}/sign-in-options`)).json()).toEqual({ development: false, oidc: null });
      // The console itself is still served.
      expect((await fetch(`${productionOrigin}/work-queue`, { headers: { accept: 'text/html' } })).status).toBe(200);
    } finally {
      await production.stop();
      await database.drop();
    }
  });
});

describe('configuration', () => {
  it('accepts OIDC sign-in only against the provider whose keys verify tokens, and over https in production', () => {
    const oidc = { OIDC_CLIENT_ID: 'console', OIDC_ISSUER: 'https://login.example.gov', JWT_JWKS_URL: 'https://login.example.gov/jwks' };
    expect(testConfig(hub.database.url, oidc).console.oidc).toEqual({
      issuer: 'https://login.example.gov',
      clientId: 'console',
      scope: 'openid referral-hub',
    });
    expect(testConfig(hub.database.url).console.oidc).toBeNull();
    expect(() => testConfig(hub.database.url, { ...oidc, OIDC_ISSUER: '' })).toThrow('OIDC_ISSUER is required with OIDC_CLIENT_ID');
    expect(() => testConfig(hub.database.url, { ...oidc, JWT_JWKS_URL: '' })).toThrow('OIDC_CLIENT_ID needs JWT_JWKS_URL');
    const key = randomBytes(32).toString('base64');
    const production = { NODE_ENV: 'production', DATA_KEYS: `ci:${key}`, DATA_HMAC_KEY: key };
    expect(() => testConfig(hub.database.url, { ...production, ...oidc, OIDC_ISSUER: 'http://login.example.gov' })).toThrow(
      'OIDC_ISSUER must be a https: URL',
    );
  });

  it('tells the sign-in page what this hub offers', async () => {
    expect(await (await fetch(`${origin}/sign-in-options`)).json()).toEqual({ development: true, oidc: null });
  });

  it('points links in notices at the console this hub serves unless APP_BASE_URL names another address', () => {
    expect(testConfig(hub.database.url, { APP_BASE_URL: '', HOST: '127.0.0.2', PORT: '4100' }).mail.baseUrl).toBe('http://127.0.0.2:4100');
    expect(testConfig(hub.database.url, { APP_BASE_URL: '', HOST: '::1', PORT: '4100' }).mail.baseUrl).toBe('http://[::1]:4100');
    expect(testConfig(hub.database.url, { APP_BASE_URL: 'https://hub.irs.example/' }).mail.baseUrl).toBe('https://hub.irs.example');
  });
});
