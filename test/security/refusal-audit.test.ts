import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_4442 } from '../support/org-fixture';
import { fileReferral, TRANSITIONS } from '../support/referral-operations';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { tecs } from '../support/tecs-operations';

let hub: TestHub;
let org: TestOrganisation;
let people: TecsPeople;

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  people = await createTecsOrganisation(hub.services);
});

afterAll(() => hub.stop());

interface RefusalRow {
  actor_id: string;
  kind: string;
  operation: string;
  item_ids: string[];
  outcome: string;
  request_id: string;
  client_address: string;
}

/** The refusal rows written since `after` (an access_audit id), oldest first. */
const refusalsSince = (after: string): Promise<RefusalRow[]> =>
  hub.database.dataSource.query(
    `SELECT actor_id, kind, operation, item_ids, outcome, request_id, client_address FROM access_audit WHERE id > $1 AND outcome <> 'ALLOWED' ORDER BY id`,
    [after],
  );
const lastAuditId = async (): Promise<string> =>
  (await hub.database.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM access_audit`))[0].id;
const file4442 = () =>
  fileReferral(hub, org.people.originator.id, {
    form: 'F4442',
    receivingFunctionId: org.functions.rivo.id,
    content: { form4442: VALID_4442 },
  });
const REFERRAL = `query($id: UUID!) { referral(id: $id) { id } }`;

const refusal = (actor: { id: string }, kind: string, operation: string, itemIds: string[], outcome: string) => ({
  actor_id: actor.id,
  kind,
  operation,
  item_ids: itemIds,
  outcome,
  request_id: expect.any(String),
  client_address: expect.stringMatching(/127\.0\.0\.1/),
});

it("audits reads of others' items, refused unmasking and refused mutations, even though the mutation rolled back", async () => {
  const referral = await file4442();
  const before = await lastAuditId();
  const history = await hub.database.dataSource.query(`SELECT count(*)::int AS n FROM referral_history WHERE referral_id = $1`, [
    referral.id,
  ]);

  expect(errorCodeOf(await hub.request(org.people.cawrLiaison.id, REFERRAL, { id: referral.id }))).toBe('NOT_FOUND');
  expect(errorCodeOf(await hub.request(org.people.efWorker.id, TRANSITIONS.forward, { input: { referralId: referral.id } }))).toBe(
    'NOT_FOUND',
  );
  expect(
    errorCodeOf(
      await hub.request(org.people.originator.id, TRANSITIONS.checkOut, {
        input: { referralId: referral.id, note: 'checking out my own' },
      }),
    ),
  ).toBe('FORBIDDEN');
  expect(
    errorCodeOf(
      await hub.request(org.people.admin.id, `query($id: UUID!) { referral(id: $id) { unmaskedTins { tin } } }`, { id: referral.id }),
    ),
  ).toBe('FORBIDDEN');
  expect(errorCodeOf(await hub.request(org.people.amLiaison.id, `{ accessAudit { nodes { id } } }`))).toBe('FORBIDDEN');

  expect(await refusalsSince(before)).toEqual([
    refusal(org.people.cawrLiaison, 'READ', 'referral', [referral.id], 'NOT_FOUND'),
    refusal(org.people.efWorker, 'MUTATION', 'forwardReferral', [referral.id], 'NOT_FOUND'),
    refusal(org.people.originator, 'MUTATION', 'checkOutReferral', [referral.id], 'FORBIDDEN'),
    refusal(org.people.admin, 'READ', 'Referral.unmaskedTins', [referral.id], 'FORBIDDEN'),
    refusal(org.people.amLiaison, 'READ', 'accessAudit', [], 'FORBIDDEN'),
  ]);
  // The refused mutations changed nothing.
  expect(
    await hub.database.dataSource.query(`SELECT count(*)::int AS n FROM referral_history WHERE referral_id = $1`, [referral.id]),
  ).toEqual(history);
});

it('does not audit NOT_FOUND for an item that does not exist', async () => {
  const before = await lastAuditId();
  expect(errorCodeOf(await hub.request(org.people.cawrLiaison.id, REFERRAL, { id: randomUUID() }))).toBe('NOT_FOUND');
  expect(await refusalsSince(before)).toEqual([]);
});

it("audits TECS probes and the DHS client's refused operations", async () => {
  const lookout = await tecs(hub, people.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
  const before = await lastAuditId();
  expect(
    errorCodeOf(await hub.request(people.miamiRo.id, `query($id: UUID!) { lookout(id: $id) { id unmaskedTin } }`, { id: lookout.id })),
  ).toBe('FORBIDDEN');
  expect(errorCodeOf(await hub.request(people.dhsClient.id, `query($id: UUID!) { lookout(id: $id) { id } }`, { id: lookout.id }))).toBe(
    'FORBIDDEN',
  );
  expect(
    errorCodeOf(
      await hub.request(people.dhsClient.id, `mutation($input: LookoutTransitionInput!) { acceptLookout(input: $input) { id } }`, {
        input: { lookoutId: lookout.id },
      }),
    ),
  ).toBe('FORBIDDEN');
  expect((await hub.download(people.dhsClient.id, '/exports/lookouts.csv')).status).toBe(403);
  expect(await refusalsSince(before)).toEqual([
    refusal(people.miamiRo, 'READ', 'lookout', [lookout.id], 'FORBIDDEN'),
    refusal(people.dhsClient, 'READ', 'lookout', [lookout.id], 'FORBIDDEN'),
    refusal(people.dhsClient, 'MUTATION', 'acceptLookout', [lookout.id], 'FORBIDDEN'),
    refusal(people.dhsClient, 'READ', '/exports/lookouts.csv', [], 'FORBIDDEN'),
  ]);
});

it('lets auditors list refusals by outcome', async () => {
  const referral = await file4442();
  await hub.request(org.people.cawrLiaison.id, REFERRAL, { id: referral.id });
  const query = `query($item: String) { accessAudit(filter: { itemId: $item, outcome: NOT_FOUND }) { nodes { actorId operation outcome itemIds } } }`;
  expect(dataOf(await hub.request(org.people.admin.id, query, { item: referral.id })).accessAudit.nodes).toEqual([
    { actorId: org.people.cawrLiaison.id, operation: 'referral', outcome: 'NOT_FOUND', itemIds: [referral.id] },
  ]);
  const allowed = dataOf(
    await hub.request(
      org.people.admin.id,
      `query($item: String) { accessAudit(filter: { itemId: $item, outcome: ALLOWED, kind: MUTATION }) { nodes { operation outcome } } }`,
      { item: referral.id },
    ),
  ).accessAudit.nodes;
  expect(allowed).toEqual([{ operation: 'fileReferral', outcome: 'ALLOWED' }]);
});

it('audits a refused download like a refused GraphQL read', async () => {
  const before = await lastAuditId();
  const response = await hub.download(org.people.amLiaison.id, '/exports/access-audit.csv');
  expect(response.status).toBe(403);
  expect(await refusalsSince(before)).toEqual([refusal(org.people.amLiaison, 'READ', '/exports/access-audit.csv', [], 'FORBIDDEN')]);
});
