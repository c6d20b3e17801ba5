import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { EXPLORER_CONTENT_SECURITY_POLICY } from '../../src/platform/graphql/explorer-page';
import { launchBrowser, TestBrowser } from '../support/browser';
import { createTestDatabase, TestDatabase } from '../support/database';
import { PRODUCTION_ENV, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation } from '../support/org-fixture';

let database: TestDatabase;
let hub: TestHub;
let org: TestOrganisation;
let browser: TestBrowser;

beforeAll(async () => {
  database = await createTestDatabase();
  hub = await startTestHub({ database });
  if (!existsSync(join(hub.config.graphql.explorerDirectory, 'index.html'))) throw new Error('GraphiQL is not built: run npm run build');
  org = await createTestOrganisation(hub.services, database.dataSource);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hub.stop();
  await database.drop();
});

/** Replaces the text of one of GraphiQL's Monaco editors, as a person does: click in, select all, type. */
async function replaceEditorText(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(editor).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

it('serves GraphiQL at GET /graphql: a token put in its headers editor runs { me { id } } and shows the answer', async () => {
  const page = await browser.newPage();
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(hub.url).origin) elsewhere.push(request.url());
  });
  const response = await page.goto(hub.url);
  expect(response!.headers()['content-security-policy']).toBe(EXPLORER_CONTENT_SECURITY_POLICY);
  await page.locator('.graphiql-container').waitFor();
  const token = await hub.tokenFor(org.people.originator.id);
  await page.getByRole('button', { name: 'Headers', exact: true }).click();
  await replaceEditorText(page, '.monaco-editor[data-uri$="request-headers.json"]', JSON.stringify({ Authorization: `Bearer ${token}` }));
  await replaceEditorText(page, '.monaco-editor[data-uri$="operation.graphql"]', '{ me { id } }');
  await page.getByRole('button', { name: /Execute query/ }).click();
  const answer = page.locator('.monaco-editor[data-uri$="response.json"]');
  await answer.getByText(org.people.originator.id).waitFor();
  expect(JSON.parse((await answer.locator('.view-lines').innerText()).replace(/\u00a0/g, ' '))).toEqual({
    data: { me: { id: org.people.originator.id } },
  });

  // With the token in place the schema loads: its documentation is browsable.
  await page.getByRole('button', { name: /Re-fetch GraphQL schema/ }).click();
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Query', { exact: true }).first().click();
  await docs.getByText('myWorkQueue', { exact: true }).waitFor();

  expect(elsewhere).toEqual([]);
  expect(browser.problems).toEqual([]);
});

describe('where GraphiQL is served', () => {
  const visit = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

  it('is absent in production unless enabled: no page at GET /graphql and none of its files', async () => {
    const production = await startTestHub({ database, env: PRODUCTION_ENV });
    try {
      const page = await visit(production.url);
      expect(page.status).toBe(400);
      expect(await page.text()).not.toMatch(/graphiql|<script/i);
      const asset = (await (await visit(hub.url)).text()).match(/\/explorer\/assets\/[^"]+\.js/)![0];
      expect((await fetch(new URL(asset, hub.url))).status).toBe(200);
      expect((await fetch(new URL(asset, production.url))).status).not.toBe(200);
    } finally {
      await production.stop();
    }
  });

  it('is served in production when GRAPHQL_EXPLORER=true, and operations by GET still reach the API', async () => {
    const production = await startTestHub({ database, env: { ...PRODUCTION_ENV, GRAPHQL_EXPLORER: 'true' } });
    try {
      const page = await visit(production.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(EXPLORER_CONTENT_SECURITY_POLICY);
      const html = await page.text();
      expect(html).toContain('<div id="graphiql"></div>');
      for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
        expect(script).toMatch(/^<script\b[^>]*\bsrc="\/explorer\/assets\/[^"]+"[^>]*><\/script>$/);
      }
      expect(html).not.toMatch(/https?:\/\//);
      const token = await production.tokenFor(org.people.originator.id);
      const viaGet = await fetch(`${production.url}?query=${encodeURIComponent('{ me { id } }')}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      });
      expect(await viaGet.json()).toEqual({ data: { me: { id: org.people.originator.id } } });
    } finally {
      await production.stop();
    }
  });
});
