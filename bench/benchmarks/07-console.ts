import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { Benchmark, BenchContext } from '../lib/benchmark';
import { workQueueQuery } from '../lib/samples';
import { summarise } from '../lib/stats';

/** The targets: the JavaScript under 300 KB gzip, the busy liaison's work queue on screen in under 1 s. */
const JS_TARGET_KB = 300;
const NAVIGATION_TARGET_MS = 1000;
const NAVIGATIONS = 10;
/** Why the navigation targets are not ratios. */
const NAVIGATION_ABSOLUTE =
  "the second a person waits for their work queue; no lighter page in the run does the same work (the queue's own request is benchmark 2's, with its ratio target)";
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Bytes {
  raw: number;
  gzip: number;
}

/** Raw and gzip bytes of these files of the built console's assets folder. */
function bytesOf(directory: string, files: string[]): Bytes {
  return files
    .map((file) => readFileSync(join(directory, 'assets', file)))
    .reduce((sum, bytes) => ({ raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length }), { raw: 0, gzip: 0 });
}

/** Every asset with this extension: what a person downloads who opens every page. */
function assetBytes(directory: string, extension: string): Bytes {
  return bytesOf(
    directory,
    readdirSync(join(directory, 'assets')).filter((file) => file.endsWith(extension)),
  );
}

/** The scripts index.html loads (entry and preloads): what the first screen needs before any page chunk. */
function firstScreenScripts(directory: string): Bytes {
  const html = readFileSync(join(directory, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  return bytesOf(directory, files);
}

/** The liaison whose work queue is longest (the API's largest page), as the console asks for it. */
async function busiestLiaison(ctx: BenchContext): Promise<{ id: string; token: string; rows: number }> {
  let busiest = { id: '', token: '', rows: -1 };
  for (const id of ctx.org.functions.flatMap((f) => f.liaisonIds)) {
    const token = await ctx.env.token(id);
    const response = await fetch(ctx.env.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: workQueueQuery(100) }),
    });
    const rows = ((await response.json()) as { data: { myWorkQueue: { nodes: unknown[] } } }).data.myWorkQueue.nodes.length;
    if (rows > busiest.rows) busiest = { id, token, rows };
  }
  return busiest;
}

/**
 * From navigation to the work queue rendered with its rows, in Debian's Chromium (headless): the signed-in tab's
 * token is put in sessionStorage as the console keeps it, then `/work-queue` is opened and the clock stops when its
 * first row is on the page. The first navigation is cold (empty cache); the others reuse the cached assets, as a
 * person's second visit does.
 */
async function navigationTimes(ctx: BenchContext, token: string): Promise<number[]> {
  const origin = new URL(ctx.env.graphqlUrl).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US' });
    const session = JSON.stringify({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    await context.addInitScript(`sessionStorage.setItem('hub.session', ${JSON.stringify(session)})`);
    const times: number[] = [];
    for (let i = 0; i < NAVIGATIONS; i++) {
      const page = await context.newPage();
      const started = process.hrtime.bigint();
      await page.goto(`${origin}/work-queue`);
      await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

export const benchmark: Benchmark = {
  title: 'Web console',
  async run(ctx) {
    const directory = ctx.env.config.console.directory;
    const js = assetBytes(directory, '.js');
    const firstScreen = firstScreenScripts(directory);
    const css = assetBytes(directory, '.css');
    ctx.figure({
      name: 'console JavaScript, gzip',
      value: Math.round(js.gzip / 1024),
      unit: 'KB',
      better: 'lower',
      target: {
        text: `< ${JS_TARGET_KB} KB`,
        pass: js.gzip / 1024 < JS_TARGET_KB,
        absolute:
          'bytes a person downloads over their own link: a size, the same on any machine, with nothing in the run to compare it with',
      },
      note: `all pages' chunks; ${Math.round(js.raw / 1024)} KB uncompressed; the first screen loads ${Math.round(firstScreen.gzip / 1024)} KB of it (gzip; the other pages load theirs when opened); CSS ${Math.round(css.gzip / 1024)} KB gzip (${Math.round(css.raw / 1024)} KB)`,
    });
    // On the run's data set: 1,000,000 referrals in the full run (issue 16 asks for the time at that size).
    const dataset = await ctx.dataset();
    const liaison = await busiestLiaison(ctx);
    const times = await navigationTimes(ctx, liaison.token);
    const warm = summarise(times.slice(1));
    ctx.figure({
      name: 'navigation to the work queue with its rows, cold',
      value: Math.round(times[0]),
      unit: 'ms',
      better: 'lower',
      target: { text: `< ${NAVIGATION_TARGET_MS} ms`, pass: times[0] < NAVIGATION_TARGET_MS, absolute: NAVIGATION_ABSOLUTE },
    });
    ctx.figure({
      name: 'navigation to the work queue with its rows, cached assets, median',
      value: Math.round(warm.p50),
      unit: 'ms',
      better: 'lower',
      target: { text: `< ${NAVIGATION_TARGET_MS} ms`, pass: warm.p50 < NAVIGATION_TARGET_MS, absolute: NAVIGATION_ABSOLUTE },
    });
    ctx.note(
      `${dataset.description} The busiest liaison (${liaison.rows} rows in myWorkQueue(first: 100)), signed in by putting their token in the tab's sessionStorage; ` +
        `${NAVIGATIONS} navigations to /work-queue in headless Chromium (${CHROMIUM}), each timed from page.goto until the first row is on the page; the first with an empty cache.`,
    );
  },
};
