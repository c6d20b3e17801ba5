import 'reflect-metadata';
import { parse } from 'csv-parse/sync';
import { Role } from '../../src/modules/org/role';
import { startTestHub, TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, HONG_KONG_REQUEST, TecsPeople } from '../support/tecs-fixture';
import { tecs } from '../support/tecs-operations';
import { eventually } from '../support/wait';

let hub: TestHub;
let people: TecsPeople;
let auditorId: string;

/** Names a spreadsheet would run as formulas, stored as if imported from the coordinator's old spreadsheet. */
const FORMULA_NAMES = ['=HYPERLINK("http://evil.example","x")', '\t=HYPERLINK("http://evil.example")', '\r=1+1', '+1', '-1+1', '@SUM(A1)'];

beforeAll(async () => {
  // Enough concurrent downloads for the abandoned-download test to outnumber the pool's connections.
  hub = await startTestHub({ env: { EXPORT_MAX_CONCURRENT: '20' } });
  people = await createTecsOrganisation(hub.services);
  await tecs(hub, people.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
  await tecs(hub, people.intlRo.id, 'requestLookout', HONG_KONG_REQUEST);
  await hub.database.dataSource.query(
    `INSERT INTO lookout (reference_number, state, version, case_id, revenue_officer_id, group_manager_id, taxpayer_name, taxpayer_name_key,
       date_of_birth, date_of_birth_hash, tin, tin_hash, tin_type, address, international, balance_due_cents, tax_periods, contact_facts, criteria_met)
     SELECT 'LO-FORMULA-' || n, state, 1, case_id, revenue_officer_id, group_manager_id, ($1::text[])[n], taxpayer_name_key,
       date_of_birth, date_of_birth_hash, tin, tin_hash, tin_type, address, international, balance_due_cents, tax_periods, contact_facts, criteria_met
       FROM lookout, generate_series(1, array_length($1::text[], 1)) AS n WHERE taxpayer_name = $2`,
    [FORMULA_NAMES, CLEVELAND_REQUEST.taxpayerName],
  );
  const auditor = await hub.services.org.createEmployee({
    email: 'auditor@example.gov',
    name: 'Audrey Auditor',
    functionId: people.admin.functionId,
    roles: [Role.AUDITOR],
  });
  auditorId = auditor.id;
});

afterAll(() => hub.stop());

const rowsOf = async (response: Response): Promise<Record<string, string>[]> => parse(await response.text(), { columns: true });

describe('CSV downloads', () => {
  it('serve the lookout list as a streamed attachment, TINs masked, only what the caller may see, and audited', async () => {
    const response = await hub.download(people.coordinator.id, '/exports/lookouts.csv', {}, { headers: { 'x-request-id': 'export-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="lookouts-2026-11-23.csv"');
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rows = await rowsOf(response);
    expect(rows).toHaveLength(2 + FORMULA_NAMES.length);
    expect(Object.keys(rows[0])).toEqual([
      'reference',
      'state',
      'taxpayer',
      'tin',
      'international',
      'balance_due',
      'revenue_officer',
      'group_manager',
      'tecs_record',
      'entered_at',
      'removed_at',
    ]);
    const cleveland = rows.find((row) => row.taxpayer === CLEVELAND_REQUEST.taxpayerName)!;
    expect(cleveland).toMatchObject({
      tin: '***-**-6789',
      international: 'no',
      balance_due: '141000.00',
      revenue_officer: 'cleveland.ro',
      group_manager: 'cleveland.gm',
    });

    const own = await rowsOf(await hub.download(people.intlRo.id, '/exports/lookouts.csv'));
    expect(own.map((row) => row.taxpayer)).toEqual([HONG_KONG_REQUEST.taxpayerName]);
    expect(await rowsOf(await hub.download(people.otherRo.id, '/exports/lookouts.csv'))).toEqual([]);

    const [audit] = await hub.database.dataSource.query(`SELECT * FROM access_audit WHERE request_id = 'export-1'`);
    expect(audit).toMatchObject({
      actor_id: people.coordinator.id,
      kind: 'READ',
      operation: '/exports/lookouts.csv',
      client_address: expect.any(String),
    });
    expect(audit.fields).toContain('tin');
  });

  it('neutralise cells a spreadsheet would run as formulas, including those starting with a tab or a carriage return', async () => {
    const names = (await rowsOf(await hub.download(people.coordinator.id, '/exports/lookouts.csv'))).map((row) => row.taxpayer);
    for (const name of FORMULA_NAMES) expect(names).toContain(`'${name}`);
    expect(names.filter((name) => /^[=+\-@\t\r]/.test(name))).toEqual([]);
  });

  it('take the filters of the GraphQL list; names and TINs only in a POST body, never in the URL', async () => {
    const active = await rowsOf(await hub.download(people.coordinator.id, '/exports/lookouts.csv', { states: ['ACTIVE', 'REMOVED'] }));
    expect(active).toEqual([]);
    const international = await rowsOf(await hub.download(people.coordinator.id, '/exports/lookouts.csv', { international: 'true' }));
    expect(international.map((row) => row.taxpayer)).toEqual([HONG_KONG_REQUEST.taxpayerName]);
    const byTin = await rowsOf(
      await hub.download(people.coordinator.id, '/exports/lookouts.csv', { tin: HONG_KONG_REQUEST.tin }, { method: 'POST' }),
    );
    expect(byTin.map((row) => row.taxpayer)).toEqual([HONG_KONG_REQUEST.taxpayerName]);

    const inUrl = await hub.download(people.coordinator.id, '/exports/lookouts.csv', { tin: HONG_KONG_REQUEST.tin, nameContains: 'Chan' });
    expect(inUrl.status).toBe(400);
    const refused = (await inUrl.json()) as { errors: { extensions: { code: string; fieldErrors: { field: string }[] } }[] };
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0].extensions.fieldErrors.map((e) => e.field)).toEqual(['tin', 'nameContains']);
    expect(JSON.stringify(refused)).not.toContain(HONG_KONG_REQUEST.tin);
  });

  it('answer bad filters with BAD_USER_INPUT naming each parameter', async () => {
    const response = await hub.download(people.admin.id, '/exports/access-audit.csv', {
      actorId: 'me',
      kind: 'PEEK',
      from: 'yesterday',
      first: '10',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { fieldErrors: { field: string }[] } }[] };
    expect(body.errors[0].extensions.fieldErrors.map((e) => e.field).sort()).toEqual(['actorId', 'first', 'from', 'kind']);
    const period = await hub.download(people.collDirector.id, '/exports/sla-report.csv', { from: '2026-11-01T00:00:00Z' });
    expect(period.status).toBe(400);
  });

  it('need the bearer token (401) and a role the access policy grants (403)', async () => {
    const anonymous = await fetch(new URL('/exports/access-audit.csv', hub.url));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(new URL('/exports/access-audit.csv', hub.url), { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);
    const ro = await hub.download(people.clevelandRo.id, '/exports/access-audit.csv');
    expect(ro.status).toBe(403);
    expect(((await ro.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await hub.download(auditorId, '/exports/access-audit.csv')).status).toBe(200);
    expect(
      (await hub.download(people.clevelandRo.id, '/exports/sla-report.csv', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }))
        .status,
    ).toBe(403);
  });

  it('give the connection back to the pool when the reader goes away mid-download', async () => {
    await hub.database.dataSource.query(
      `INSERT INTO access_audit (at, actor_id, kind, operation, item_ids, fields, request_id, client_address)
       SELECT now(), $1, 'READ', 'lookouts', ARRAY[]::text[], ARRAY['id'], 'bulk-' || n, '127.0.0.1' FROM generate_series(1, 20000) AS n`,
      [people.admin.id],
    );
    for (let i = 0; i < 15; i++) {
      const controller = new AbortController();
      const response = await hub.download(people.admin.id, '/exports/access-audit.csv', {}, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
    }
    // More downloads than the pool has connections were abandoned: the hub still answers.
    const after = await hub.download(people.admin.id, '/exports/access-audit.csv', { operation: 'nothing-like-this' });
    expect(await rowsOf(after)).toEqual([]);
  }, 60_000);

  it('stream at most EXPORT_MAX_CONCURRENT at once (429 beyond) and cut a reader that stops reading', async () => {
    const limited = await startTestHub({ database: hub.database, env: { EXPORT_MAX_CONCURRENT: '1', EXPORT_IDLE_TIMEOUT_SECONDS: '1' } });
    try {
      await hub.database.dataSource.query(
        `INSERT INTO access_audit (at, actor_id, kind, operation, item_ids, fields, request_id, client_address)
         SELECT now(), $1, 'READ', 'lookouts', ARRAY[gen_random_uuid()::text], ARRAY['id'], 'stall-' || n, '127.0.0.1' FROM generate_series(1, 200000) AS n`,
        [people.admin.id],
      );
      const stalled = await limited.download(people.admin.id, '/exports/access-audit.csv');
      const reader = stalled.body!.getReader();
      await reader.read(); // and then reads nothing more, as a stuck client would

      const second = await limited.download(people.admin.id, '/exports/access-audit.csv', { operation: 'none' });
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('5');
      expect(((await second.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');

      // After a second of not reading, the stalled download is cut: its slot (and connection) are free again.
      await eventually(
        async () => {
          const retry = await limited.download(people.admin.id, '/exports/access-audit.csv', { operation: 'none' });
          await retry.arrayBuffer();
          return retry.status === 200;
        },
        15_000,
        'the stalled download to be cut',
      );
      await expect(
        (async () => {
          for (;;) if ((await reader.read()).done) return;
        })(),
      ).rejects.toThrow();
    } finally {
      await limited.stop();
    }
  }, 60_000);
});
