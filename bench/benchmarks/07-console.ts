import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, BrowserContext, chromium, Page, Request } from 'playwright-core';
import { Benchmark, BenchContext } from '../lib/benchmark';
import { ratioTarget } from '../lib/report';
import { workQueueQuery } from '../lib/samples';
import { summarise } from '../lib/stats';

/** Issue 16's targets: the JavaScript under 300 KB gzip, the busy liaison's work queue on screen in under 1 s. */
const JS_TARGET_KB = 300;
const NAVIGATION_TARGET_MS = 1000;
/**
 * The console's wait for its rows at most this multiple of the floor's: a page with no code of its own sending the
 * same GraphQL requests at once and writing the rows into a table. What is left is the console's to answer for:
 * its scripts' download and start, the order of its requests, its rendering.
 */
const TARGET_NAVIGATION_RATIO = 2;
/**
 * Each in a new browser context (empty cache): a person's first visit. On two cores a navigation's time swings by a
 * third from one to the next: a median of 9 moved the ratio between 1.56× and 2.39× from run to run on the same code.
 */
const COLD_NAVIGATIONS = 21;
/** In one context after an unmeasured first visit: the cached assets of a second visit. */
const WARM_NAVIGATIONS = 15;
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

interface Navigations {
  cold: number[];
  warm: number[];
}

/** One side of the comparison: how a new context is set up, and one timed navigation in a context. */
interface Side {
  prepare(context: BrowserContext): Promise<void>;
  navigate(context: BrowserContext): Promise<number>;
}

async function newContext(browser: Browser, side: Side): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US' });
  await side.prepare(context);
  return context;
}

/** A first visit: a navigation in a new context (empty cache). */
async function coldNavigation(browser: Browser, side: Side): Promise<number> {
  const context = await newContext(browser, side);
  try {
    return await side.navigate(context);
  } finally {
    await context.close();
  }
}

/**
 * Both sides' navigations alternately, as the other benchmarks interleave hub and baseline, so that neither side gets
 * the browser's and the hub's first, slowest minutes: after an unmeasured cold navigation of each, cold ones (each in a
 * new context) console, floor, console, floor…; then warm ones, each side in one context after an unmeasured first
 * visit.
 */
async function interleavedNavigations(browser: Browser, sides: Side[]): Promise<Navigations[]> {
  const times = sides.map((): Navigations => ({ cold: [], warm: [] }));
  for (const side of sides) await coldNavigation(browser, side);
  for (let i = 0; i < COLD_NAVIGATIONS; i++)
    for (const [n, side] of sides.entries()) times[n]!.cold.push(await coldNavigation(browser, side));
  const contexts = await Promise.all(sides.map((side) => newContext(browser, side)));
  try {
    for (const [n, side] of sides.entries()) await side.navigate(contexts[n]!);
    for (let i = 0; i < WARM_NAVIGATIONS; i++)
      for (const [n, side] of sides.entries()) times[n]!.warm.push(await side.navigate(contexts[n]!));
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
  return times;
}

/** A GraphQL request as the console sent it. */
interface SentRequest {
  headers: Record<string, string>;
  body: string;
}

/** The time from `page.goto` until the first row of a table is on the page, in a new page of `context`. */
async function timeToRows(context: BrowserContext, url: string, afterLoad?: (page: Page) => Promise<void>): Promise<number> {
  const page = await context.newPage();
  try {
    const started = process.hrtime.bigint();
    await page.goto(url);
    await afterLoad?.(page);
    await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await page.close();
  }
}

/**
 * The console: the signed-in tab's token is put in sessionStorage as the console keeps it, then `/work-queue` is opened
 * and the clock stops when its first row is on the page. The GraphQL requests its first navigation sends on the way
 * are recorded in `sent`, for the floor.
 */
function consoleSide(origin: string, token: string): Side & { sent: SentRequest[] } {
  const session = JSON.stringify({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
  const sent: SentRequest[] = [];
  return {
    sent,
    async prepare(context) {
      await context.addInitScript(`sessionStorage.setItem('hub.session', ${JSON.stringify(session)})`);
    },
    async navigate(context) {
      const recording = sent.length === 0;
      const record = (request: Request) => {
        if (recording && request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
          sent.push({ headers: request.headers(), body: request.postData() ?? '' });
        }
      };
      context.on('request', record);
      const time = await timeToRows(context, `${origin}/work-queue`);
      context.off('request', record);
      return time;
    },
  };
}

/** The floor page's script (run in the page, where the bench's types do not reach): every request at once, then the rows. */
const FLOOR_SCRIPT = `async (requests) => {
  const answers = await Promise.all(
    requests.map((request) => fetch('/graphql', { method: 'POST', headers: request.headers, body: request.body }).then((response) => response.json())),
  );
  const nodes = answers.find((answer) => answer.data && answer.data.myWorkQueue).data.myWorkQueue.nodes;
  const table = document.createElement('table');
  const body = table.createTBody();
  for (const node of nodes) {
    const row = body.insertRow();
    for (const value of Object.values(node)) row.insertCell().textContent = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  document.body.replaceChildren(table);
}`;

/**
 * The floor: a small same-origin document with no script (`/healthz`), then the console's GraphQL requests sent at once
 * from it (no request waits for another), and the work queue's rows written into a table.
 */
function floorSide(origin: string, sent: SentRequest[]): Side {
  return {
    prepare: async () => undefined,
    navigate: (context) => timeToRows(context, `${origin}/healthz`, (page) => page.evaluate(`(${FLOOR_SCRIPT})(${JSON.stringify(sent)})`)),
  };
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
    const origin = new URL(ctx.env.graphqlUrl).origin;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    const consolePage = consoleSide(origin, liaison.token);
    const floor = floorSide(origin, consolePage.sent);
    let times: Navigations[];
    try {
      times = await interleavedNavigations(browser, [consolePage, floor]);
    } finally {
      await browser.close();
    }
    const [consoleTimes, floorTimes] = times as [Navigations, Navigations];
    const sent = consolePage.sent;
    for (const [kind, pick] of [
      ['cold, median', (n: Navigations) => n.cold],
      ['cached assets, median', (n: Navigations) => n.warm],
    ] as const) {
      const [value, baseline] = [summarise(pick(consoleTimes)).p50, summarise(pick(floorTimes)).p50];
      ctx.figure({
        name: `navigation to the work queue with its rows, ${kind}`,
        value: Math.round(value),
        unit: 'ms',
        better: 'lower',
        baseline: Math.round(baseline),
        baselineLabel: 'the same requests from a page with no script',
        target: ratioTarget(value, baseline, 'lower', TARGET_NAVIGATION_RATIO, 'the floor page'),
        note: `issue 16's bound, < ${NAVIGATION_TARGET_MS} ms: ${value < NAVIGATION_TARGET_MS ? 'met' : 'not met'}; each navigation (ms): ${pick(
          consoleTimes,
        )
          .map((ms) => Math.round(ms))
          .join(', ')}`,
      });
    }
    ctx.note(
      `${dataset.description} The busiest liaison (${liaison.rows} rows in myWorkQueue(first: 100)), signed in by putting their token in the tab's sessionStorage; ` +
        `in headless Chromium (${CHROMIUM}), each navigation timed from page.goto until the first row of a table is on the page: after an unmeasured cold navigation of each side, ` +
        `${COLD_NAVIGATIONS} cold (each in a new browser context, empty cache), console and floor alternately, then ${WARM_NAVIGATIONS} of each alternately, each side in one context ` +
        `after an unmeasured first visit (cached assets). Console: /work-queue. Floor: /healthz (a small document, ` +
        `no script), then the ${sent.length} GraphQL request(s) the console sent on its way to the rows (${sent
          .map(
            (request) =>
              /"operationName":"(\w+)"/.exec(request.body)?.[1] ?? /(?:query|mutation)\s+(\w+)/.exec(request.body)?.[1] ?? 'anonymous',
          )
          .join(', ')}), all at once, from the page's own fetch, and the work queue's rows written into a table.`,
    );
  },
};
