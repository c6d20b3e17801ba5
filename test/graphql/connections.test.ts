import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType } from 'graphql';
import { buildHubSchema } from '../../src/app/schema';
import { errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { StatementCounter } from '../support/statement-counter';
import { ConnectionRead, pageBothWays, readPage } from '../support/connection-paging';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { fileReferral } from '../support/referral-operations';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs } from '../support/tecs-operations';
import { createDisclosureOffice, customs, CUSTOMS_LETTER, DisclosureOffice } from '../support/disclosure-fixture';

let hub: TestHub;
let org: TestOrganisation;
let people: TecsPeople;
let office: DisclosureOffice;
const counter = new StatementCounter();

/** Three of each growing list, so that pages of two page both ways. */
const COUNT = 3;

const TAXPAYERS = [
  { taxpayerName: 'Robert T. Haulwell', dateOfBirth: '1972-04-18', tin: '123-45-6781' },
  { taxpayerName: 'Dana K. Ferrow', dateOfBirth: '1969-11-02', tin: '123-45-6782' },
  { taxpayerName: 'Lionel P. Ashby', dateOfBirth: '1981-06-30', tin: '123-45-6783' },
];

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-04-01T14:00:00Z', logger: counter });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  people = await createTecsOrganisation(hub.services);
  office = await createDisclosureOffice(hub.services);
  // TECS: a lookout, a crossing and an OI for each taxpayer (Cleveland's RO and GM), an hour apart.
  for (const [i, taxpayer] of TAXPAYERS.entries()) {
    hub.clock.set(`2026-04-0${i + 1}T14:00:00Z`);
    await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, { ...CLEVELAND_REQUEST, ...taxpayer });
    const crossing = await tecs(hub, people.dhsClient.id, 'reportCrossing', {
      dhsReportId: `DHS-CONN-${i}`,
      taxpayerName: taxpayer.taxpayerName,
      dateOfBirth: taxpayer.dateOfBirth,
      placeOfCrossing: 'Detroit, MI',
      crossedAt: `2026-04-0${i + 1}T13:0${i}:00Z`,
      direction: 'INBOUND',
      documentNumber: `P12345678${i}`,
    });
    await tecs(hub, people.coordinator.id, 'openInvestigation', { crossingId: crossing.id });
  }
  // Referrals, past-travel and Customs requests, filed a day apart; closures a week apart.
  for (let i = 0; i < COUNT; i++) {
    hub.clock.set(`2026-11-1${7 + i}T14:00:00Z`);
    await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const asked = await hub.request(
      people.clevelandRo.id,
      `mutation($input: PastTravelRequestInput!) { requestPastTravel(input: $input) { id version } }`,
      {
        input: {
          ...TAXPAYERS[i],
          tinType: 'SSN',
          travelFrom: '2025-01-01',
          travelTo: '2025-12-31',
          reason: 'Travel pattern for a field call',
        },
      },
    );
    const request = asked.data!.requestPastTravel;
    await hub.request(people.coordinator.id, `mutation($input: PastTravelStepInput!) { forwardPastTravelRequest(input: $input) { id } }`, {
      input: { requestId: request.id, expectedVersion: request.version },
    });
    await customs(hub, office.first.id, 'recordCustomsRequest', { ...CUSTOMS_LETTER, letterReference: `CBP-RA-2026-04${i}` });
    await hub.request(org.people.admin.id, `mutation($input: ClosureInput!) { addClosure(input: $input) { id } }`, {
      input: { startDate: `2027-01-0${4 + i}`, nationwide: true, reason: `Executive Order ${i}` },
    });
  }
  await hub.database.dataSource.query(`UPDATE notification SET status = 'FAILED' WHERE id IN (SELECT id FROM notification LIMIT $1)`, [
    COUNT,
  ]);
  // Every running clock has passed: the referrals are overdue.
  hub.clock.set('2027-02-01T14:00:00Z');
});

afterAll(() => hub.stop());

/** Each converted list, read by someone who sees at least three items. */
const LISTS: [string, () => ConnectionRead][] = [
  ['myWorkQueue', () => ({ as: org.people.amLiaison.id, field: 'myWorkQueue', select: 'nextDueAt' })],
  ['overdueReferrals', () => ({ as: org.people.amLiaison.id, field: 'overdueReferrals', select: 'nextDueAt' })],
  ['referrals', () => ({ as: org.people.originator.id, field: 'referrals' })],
  ['lookouts', () => ({ as: people.clevelandRo.id, field: 'lookouts', select: 'createdAt' })],
  ['myInvestigations', () => ({ as: people.coordinator.id, field: 'myInvestigations', select: 'timeCritical dueAt' })],
  ['crossings', () => ({ as: people.clevelandRo.id, field: 'crossings', select: 'crossedAt' })],
  [
    'closures',
    () => ({ as: org.people.originator.id, field: 'closures', args: 'from: "2027-01-01", to: "2027-01-31"', select: 'startDate' }),
  ],
  // Reading the audit is audited: only the originator's filings, which reading does not add to.
  [
    'accessAudit',
    () => ({
      as: org.people.admin.id,
      field: 'accessAudit',
      args: `filter: { actorId: "${org.people.originator.id}", kind: MUTATION }`,
      select: 'at',
    }),
  ],
  ['failedNotifications', () => ({ as: org.people.admin.id, field: 'failedNotifications', select: 'createdAt' })],
  ['employees', () => ({ as: org.people.originator.id, field: 'employees', args: `functionId: "${org.functions.am.id}"`, select: 'name' })],
  ['customsRequests', () => ({ as: office.first.id, field: 'customsRequests', select: 'createdAt' })],
  ['pastTravelRequests', () => ({ as: people.clevelandRo.id, field: 'pastTravelRequests', select: 'createdAt' })],
  ['pastTravelRequestsWithDhs', () => ({ as: people.dhsClient.id, field: 'pastTravelRequestsWithDhs', select: 'createdAt' })],
];

const sorted = (values: string[], direction: 'ASC' | 'DESC'): string[] => {
  const ascending = [...values].sort();
  return direction === 'ASC' ? ascending : ascending.reverse();
};

describe('every growing list is a Relay cursor connection', () => {
  it.each(LISTS)('%s pages forward to the end and back to the start with totalCount', async (_, read) => {
    const nodes = await pageBothWays(hub, read());
    expect(nodes.length).toBeGreaterThanOrEqual(COUNT);
  });
});

describe('the default orders', () => {
  it('work queue and overdue list: soonest due first; lookouts, requests, audit and dead letters: newest first', async () => {
    for (const field of ['myWorkQueue', 'overdueReferrals']) {
      const due = (await pageBothWays(hub, { as: org.people.amLiaison.id, field, select: 'nextDueAt' })).map((n) => n.nextDueAt);
      expect(due).toEqual(sorted(due, 'ASC'));
    }
    for (const [, read] of LISTS.filter(([field]) =>
      ['lookouts', 'customsRequests', 'pastTravelRequests', 'failedNotifications'].includes(field),
    )) {
      const filed = (await pageBothWays(hub, read())).map((n) => n.createdAt);
      expect(filed).toEqual(sorted(filed, 'DESC'));
    }
    const audit = (await readPage(hub, { as: org.people.admin.id, field: 'accessAudit', select: 'at' }, { first: 50 })).nodes.map(
      (n) => n.at,
    );
    expect(audit).toEqual(sorted(audit, 'DESC'));
    const withDhs = (await pageBothWays(hub, { as: people.dhsClient.id, field: 'pastTravelRequestsWithDhs', select: 'createdAt' })).map(
      (n) => n.createdAt,
    );
    expect(withDhs).toEqual(sorted(withDhs, 'ASC'));
  });

  it('OIs: time-critical first, then soonest due; closures by start date; employees by name; crossings latest first', async () => {
    const ois = await pageBothWays(hub, { as: people.coordinator.id, field: 'myInvestigations', select: 'timeCritical dueAt' });
    const urgency = ois.map((oi) => `${oi.timeCritical ? 0 : 1} ${oi.dueAt}`);
    expect(urgency).toEqual(sorted(urgency, 'ASC'));
    const closures = (await pageBothWays(hub, LISTS.find(([f]) => f === 'closures')![1]())).map((c) => c.startDate);
    expect(closures).toEqual(['2027-01-04', '2027-01-05', '2027-01-06']);
    const names = (await pageBothWays(hub, LISTS.find(([f]) => f === 'employees')![1]())).map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const crossed = (await pageBothWays(hub, { as: people.coordinator.id, field: 'crossings', select: 'crossedAt' })).map(
      (c) => c.crossedAt,
    );
    expect(crossed).toEqual(sorted(crossed, 'DESC'));
  });
});

describe('sort arguments', () => {
  it.each([
    ['lookouts', 'FiledOrderInput', 'REFERENCE_NUMBER', () => people.clevelandRo.id],
    ['customsRequests', 'FiledOrderInput', 'REFERENCE_NUMBER', () => office.first.id],
    ['pastTravelRequests', 'FiledOrderInput', 'REFERENCE_NUMBER', () => people.clevelandRo.id],
    ['crossings', 'CrossingOrderInput', 'REFERENCE_NUMBER', () => people.coordinator.id],
  ])('%s by reference number, both ways, paged in that order', async (field, type, sortField, as) => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const read = { as: as(), field, select: 'referenceNumber', orderBy: { type, value: { field: sortField, direction } } };
      const numbers = (await pageBothWays(hub, read)).map((n) => n.referenceNumber);
      expect(numbers).toEqual(sorted(numbers, direction));
    }
  });

  it('work queue latest due first, OIs by due time, closures latest first, employees Z to A', async () => {
    const queue = await pageBothWays(hub, {
      as: org.people.amLiaison.id,
      field: 'myWorkQueue',
      select: 'nextDueAt',
      orderBy: { type: 'WorkQueueOrderInput', value: { field: 'DUE_AT', direction: 'DESC' } },
    });
    expect(queue.map((n) => n.nextDueAt)).toEqual(
      sorted(
        queue.map((n) => n.nextDueAt),
        'DESC',
      ),
    );
    const ois = await pageBothWays(hub, {
      as: people.coordinator.id,
      field: 'myInvestigations',
      select: 'dueAt',
      orderBy: { type: 'InvestigationOrderInput', value: { field: 'DUE_AT', direction: 'DESC' } },
    });
    expect(ois.map((n) => n.dueAt)).toEqual(
      sorted(
        ois.map((n) => n.dueAt),
        'DESC',
      ),
    );
    const closures = await pageBothWays(hub, {
      ...LISTS.find(([f]) => f === 'closures')![1](),
      orderBy: { type: 'ClosureOrderInput', value: { field: 'START_DATE', direction: 'DESC' } },
    });
    expect(closures.map((c) => c.startDate)).toEqual(['2027-01-06', '2027-01-05', '2027-01-04']);
    const employees = await pageBothWays(hub, {
      ...LISTS.find(([f]) => f === 'employees')![1](),
      orderBy: { type: 'EmployeeOrderInput', value: { field: 'NAME', direction: 'DESC' } },
    });
    expect(employees.map((e) => e.name)).toEqual([...employees.map((e) => e.name)].sort().reverse());
  });

  it('refuses a cursor from another order or another list (BAD_USER_INPUT naming the argument)', async () => {
    const read = { as: people.clevelandRo.id, field: 'lookouts' };
    const byFiling = await readPage(hub, read, { first: 1 });
    const query = `query($after: String, $before: String) { lookouts(first: 1, after: $after, before: $before, orderBy: { field: REFERENCE_NUMBER, direction: ASC }) { nodes { id } } }`;
    for (const argument of ['after', 'before']) {
      const refused = await hub.request(people.clevelandRo.id, query, { [argument]: byFiling.pageInfo.endCursor });
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: argument, message: 'is not a cursor from this list in this order' }],
      });
    }
    const investigations = await readPage(hub, { as: people.coordinator.id, field: 'myInvestigations' }, { first: 1 });
    const foreign = await hub.request(org.people.amLiaison.id, `query($after: String) { myWorkQueue(after: $after) { nodes { id } } }`, {
      after: investigations.pageInfo.endCursor,
    });
    expect(errorCodeOf(foreign)).toBe('BAD_USER_INPUT');
    const garbage = await hub.request(org.people.amLiaison.id, `{ myWorkQueue(before: "not-a-cursor") { nodes { id } } }`);
    expect(errorCodeOf(garbage)).toBe('BAD_USER_INPUT');
  });

  it('bounds the page at the list’s limit', async () => {
    const tooMany = await hub.request(people.clevelandRo.id, `{ crossings(last: 501) { nodes { id } } }`);
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'last', message: 'must be between 1 and 500' }],
    });
  });
});

describe('totalCount counts only what the caller may see', () => {
  it('is counted only when selected: one statement more', async () => {
    for (const field of ['myWorkQueue', 'lookouts', 'employees']) {
      const read = LISTS.find(([name]) => name === field)![1]();
      const args = read.args ? `(${read.args})` : '';
      const statements = (selection: string) => counter.measure(() => hub.request(read.as, `{ ${field}${args} { ${selection} } }`));
      expect(await statements('totalCount nodes { id }')).toBe((await statements('nodes { id }')) + 1);
    }
  });

  it('crossings: the RO on the case sees theirs, another RO none, the coordinator all', async () => {
    const count = async (as: string) => (await readPage(hub, { as, field: 'crossings' }, { first: 1 })).totalCount;
    expect(await count(people.clevelandRo.id)).toBe(COUNT);
    expect(await count(people.miamiRo.id)).toBe(0);
    expect(await count(people.coordinator.id)).toBe(COUNT);
    expect((await readPage(hub, { as: people.miamiRo.id, field: 'lookouts' }, { first: 1 })).totalCount).toBe(0);
    expect((await readPage(hub, { as: people.miamiRo.id, field: 'pastTravelRequests' }, { first: 1 })).totalCount).toBe(0);
  });
});

describe('the README', () => {
  it('lists every connection of the schema in "Lists and paging", once, with its orders and page limit', async () => {
    const schema = await buildHubSchema();
    const connections = Object.values(schema.getQueryType()!.getFields())
      .filter((field) => getNamedType(field.type).name.endsWith('Connection'))
      .map((field) => field.name);
    const section = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')
      .split('### Lists and paging')[1]
      .split('\n## ')[0];
    const rows = [...section.matchAll(/^\| `(\w+)[(`]/gm)].map((match) => match[1]);
    expect(rows.sort()).toEqual(connections.sort());
  });
});
