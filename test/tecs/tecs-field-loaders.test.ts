import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { StatementCounter } from '../support/statement-counter';
import { copyRow } from '../support/row-copies';
import { createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { investigationOnLookout } from '../support/tecs-operations';

/** TECS field resolvers batch their reads per request (as referrals do): a page costs the same for 5 rows and 50. */
jest.setTimeout(60_000);

const counter = new StatementCounter();
let hub: TestHub;
let people: TecsPeople;

const copy = (table: string, id: string, changes: Record<string, unknown>) => copyRow(hub.database.dataSource, table, id, changes);

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z', logger: counter });
  people = await createTecsOrganisation(hub.services);
  const { lookout, crossing, oi } = await investigationOnLookout(hub, people, 'DHS-LOAD-0');
  // 60 OIs, each with a lookout and a crossing of its own.
  for (let i = 1; i < 60; i++) {
    const lookoutId = randomUUID();
    const crossingId = randomUUID();
    await copy('lookout', lookout.id, { id: lookoutId });
    await copy('crossing', crossing.id, { id: crossingId, lookout_id: lookoutId, dhs_report_id: `DHS-LOAD-${i}` });
    await copy('other_investigation', oi.id, { lookout_id: lookoutId, crossing_id: crossingId });
  }
});

afterAll(() => hub.stop());

async function statementsFor(as: string, query: string, first: number, rows: (data: Record<string, any>) => unknown[]): Promise<number> {
  let answered: unknown[] = [];
  const statements = await counter.measure(async () => {
    answered = rows(dataOf(await hub.request(as, query, { first })));
  });
  expect(answered).toHaveLength(first);
  return statements;
}

it("a page of OIs with their lookout, crossing, case and people costs the same for 5 rows and 50 (the GM's access checked on each)", async () => {
  const query = `query($first: Int!) { myInvestigations(first: $first) { nodes {
    id groupManager { email } revenueOfficer { email } collectionCase { caseNumber } lookout { id state collectionCase { caseNumber } }
    crossing { id lookout { id } } } } }`;
  const page = (data: Record<string, any>) => data.myInvestigations.nodes;
  const small = await statementsFor(people.clevelandGm.id, query, 5, page);
  const large = await statementsFor(people.clevelandGm.id, query, 50, page);
  expect(large).toBe(small);
});

it('a page of lookouts with their case and people costs the same for 5 rows and 50', async () => {
  const query = `query($first: Int!) { lookouts(first: $first) { nodes { id revenueOfficer { email } groupManager { email } collectionCase { caseNumber status } } } }`;
  const page = (data: Record<string, any>) => data.lookouts.nodes;
  const small = await statementsFor(people.coordinator.id, query, 5, page);
  const large = await statementsFor(people.coordinator.id, query, 50, page);
  expect(large).toBe(small);
});
