import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startTestHub, TestHub } from '../support/hub';
import { createTecsOrganisation, CLEVELAND_REQUEST, TecsPeople } from '../support/tecs-fixture';
import { tecs } from '../support/tecs-operations';

/**
 * Issue 10, defect 1: one request must never hold the event loop long enough to delay everyone else.
 * The hub runs in this process, so the event-loop delay measured here is the hub's. The bound is generous
 * for a loaded 2-core machine; the attack it guards against held the loop for 7.5 s.
 */
const BOUND_MS = 400;
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

/** Sends `query` and, while it runs, `{ me { id } }` one after another; the loop's longest stall and the slowest `me`. */
async function whileRunning(as: string, query: string): Promise<{ stallMs: number; slowestMeMs: number; status: number; errors?: unknown }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const token = await hub.tokenFor(people.coordinator.id);
  histogram.enable();
  let done = false;
  let slowestMeMs = 0;
  const heavy = hub.request(as, query).finally(() => (done = true));
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
    }
  })();
  const response = await heavy;
  await probes;
  histogram.disable();
  return { stallMs: histogram.max / 1e6, slowestMeMs, status: response.status, errors: response.errors };
}

const aliases = (count: number, field: string): string => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

it.each([
  ['4,900 aliases of the lookout list', () => people.coordinator.id, aliases(4900, 'lookouts(first: 1) { id }')],
  ['900 aliases of the access audit', () => people.admin.id, aliases(900, 'accessAudit(first: 1) { id }')],
])('refuses %s quickly, without stalling a concurrent request', async (_name, as, query) => {
  const measured = await whileRunning(as(), query);
  console.log(_name, JSON.stringify({ stallMs: Math.round(measured.stallMs), slowestMeMs: Math.round(measured.slowestMeMs) }));
  expect(measured.status).toBe(400);
  expect(measured.stallMs).toBeLessThan(BOUND_MS);
  expect(measured.slowestMeMs).toBeLessThan(BOUND_MS);
}, 60_000);

it.each([
  // Each costs close to GRAPHQL_MAX_COMPLEXITY (5000): the most rows the limits let one request read.
  ['5 pages of 999 lookouts', () => people.coordinator.id, aliases(5, 'lookouts(first: 999) { id }')],
  ['4,999 access audit rows', () => people.admin.id, '{ accessAudit(first: 4999) { id } }'],
])('serves %s without stalling a concurrent request beyond the bound', async (_name, as, query) => {
  const measured = await whileRunning(as(), query);
  console.log(_name, JSON.stringify({ stallMs: Math.round(measured.stallMs), slowestMeMs: Math.round(measured.slowestMeMs) }));
  expect(measured.errors).toBeUndefined();
  expect(measured.stallMs).toBeLessThan(BOUND_MS);
  expect(measured.slowestMeMs).toBeLessThan(BOUND_MS);
}, 60_000);
