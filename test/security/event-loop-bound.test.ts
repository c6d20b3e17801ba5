import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startTestHub, TestHub } from '../support/hub';
import { createTecsOrganisation, CLEVELAND_REQUEST, TecsPeople } from '../support/tecs-fixture';
import { tecs } from '../support/tecs-operations';

/**
 * Issue 10, defect 1: one request must never hold the event loop long enough to delay everyone else.
 * The hub runs in this process, so the event-loop delay measured here is the hub's. The bound is generous
 * for a loaded 2-core machine (idle, the heaviest allowed request stalls the loop about 160 ms and delays a
 * concurrent request about 330 ms); before the limits, 4,900 aliases stalled it 1.8 s here and 7.5 s in the
 * issue's run, and 900 aliases delayed a concurrent request 2.7 s.
 */
const BOUND_MS = 1000;
const LOOKOUTS = 1000;
const AUDIT_ROWS = 5000;

let hub: TestHub;
let people: TecsPeople;

beforeAll(async () => {
  hub = await startTestHub();
  people = await createTecsOrganisation(hub.services);
  await tecs(hub, people.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
  // Copies of the one lookout (same sealed TIN and date of birth), so the heaviest pages are full.
  await hub.database.dataSource.query(
    `INSERT INTO lookout (reference_number, state, version, case_id, revenue_officer_id, group_manager_id, taxpayer_name, taxpayer_name_key,
       date_of_birth, date_of_birth_hash, tin, tin_hash, tin_type, address, international, balance_due_cents, tax_periods, contact_facts,
       criteria_met, closure_code)
     SELECT 'LO-LOAD-' || n, state, 1, case_id, revenue_officer_id, group_manager_id, taxpayer_name, taxpayer_name_key,
       date_of_birth, date_of_birth_hash, tin, tin_hash, tin_type, address, international, balance_due_cents, tax_periods, contact_facts,
       criteria_met, closure_code
       FROM lookout, generate_series(1, $1) AS n`,
    [LOOKOUTS - 1],
  );
  await hub.database.dataSource.query(
    `INSERT INTO access_audit (at, actor_id, kind, operation, item_ids, fields, request_id, client_address)
     SELECT now(), $1, 'READ', 'lookouts', ARRAY[gen_random_uuid()::text], ARRAY['id', 'state'], 'load-' || n, '127.0.0.1'
       FROM generate_series(1, $2) AS n`,
    [people.admin.id, AUDIT_ROWS],
  );
}, 120_000);

afterAll(() => hub.stop());

/**
 * Sends `query` (a GraphQL document, or the path of a download) and, while it runs, `{ me { id } }` one after
 * another: the event loop's longest stall, the slowest `me`, and the heap's growth (sampled between probes).
 */
async function whileRunning(
  as: string,
  query: string,
): Promise<{ stallMs: number; slowestMeMs: number; heapGrowthMb: number; status: number; errors?: unknown }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const token = await hub.tokenFor(people.coordinator.id);
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  histogram.enable();
  let done = false;
  let slowestMeMs = 0;
  const heavy = (
    query.startsWith('/')
      ? hub
          .download(as, query)
          .then(async (response) => ({ status: response.status, errors: undefined, bytes: (await response.arrayBuffer()).byteLength }))
      : hub.request(as, query)
  ).finally(() => (done = true));
  const probes = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      await response.json();
      slowestMeMs = Math.max(slowestMeMs, performance.now() - started);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
  })();
  const response = await heavy;
  await probes;
  histogram.disable();
  return {
    stallMs: histogram.max / 1e6,
    slowestMeMs,
    heapGrowthMb: (heapPeak - heapBefore) / 2 ** 20,
    status: response.status,
    errors: response.errors,
  };
}

const report = (name: string, measured: { stallMs: number; slowestMeMs: number; heapGrowthMb: number }) =>
  console.log(
    `${name}: event loop stalled ${Math.round(measured.stallMs)} ms at most, slowest concurrent me ${Math.round(measured.slowestMeMs)} ms, heap +${Math.round(measured.heapGrowthMb)} MB`,
  );

const aliases = (count: number, field: string): string => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

it.each([
  ['4,900 aliases of the lookout list', () => people.coordinator.id, aliases(4900, 'lookouts(first: 1) { nodes { id } }')],
  ['900 aliases of the access audit', () => people.admin.id, aliases(900, 'accessAudit(first: 1) { nodes { id } }')],
])(
  'refuses %s quickly, without stalling a concurrent request',
  async (_name, as, query) => {
    const measured = await whileRunning(as(), query);
    report(_name, measured);
    expect(measured.status).toBe(400);
    expect(measured.stallMs).toBeLessThan(BOUND_MS);
    expect(measured.slowestMeMs).toBeLessThan(BOUND_MS);
  },
  60_000,
);

it.each([
  // Each costs close to GRAPHQL_MAX_COMPLEXITY (5000): the most rows the limits let one request read.
  ['10 pages of 499 lookouts', () => people.coordinator.id, aliases(10, 'lookouts(first: 499) { nodes { id } }')],
  ['5 pages of 999 access audit rows', () => people.admin.id, aliases(5, 'accessAudit(first: 999) { nodes { id } }')],
  ['the whole access audit as a download', () => people.admin.id, '/exports/access-audit.csv'],
])(
  'serves %s without stalling a concurrent request beyond the bound',
  async (_name, as, query) => {
    const measured = await whileRunning(as(), query);
    report(_name, measured);
    expect(measured.status).toBe(200);
    expect(measured.errors).toBeUndefined();
    expect(measured.stallMs).toBeLessThan(BOUND_MS);
    expect(measured.slowestMeMs).toBeLessThan(BOUND_MS);
  },
  60_000,
);
