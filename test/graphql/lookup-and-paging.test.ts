import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_4442 } from '../support/org-fixture';
import { fileReferral } from '../support/referral-operations';
import { createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { investigationOnLookout } from '../support/tecs-operations';

let hub: TestHub;
let org: TestOrganisation;
let tecsPeople: TecsPeople;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  tecsPeople = await createTecsOrganisation(hub.services);
});

afterAll(() => hub.stop());

/** The audit rows written since `after`, oldest first. */
const auditSince = (after: string): Promise<{ actor_id: string; operation: string; item_ids: string[]; outcome: string }[]> =>
  hub.database.dataSource.query(`SELECT actor_id, operation, item_ids, outcome FROM access_audit WHERE id > $1 ORDER BY id`, [after]);
const lastAuditId = async (): Promise<string> =>
  (await hub.database.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM access_audit`))[0].id;

const file14566 = (hoursLater: number) => {
  hub.clock.set(new Date(Date.parse('2026-11-23T14:00:00Z') + hoursLater * 3600_000).toISOString());
  return fileReferral(hub, org.people.originator.id, {
    form: 'F14566',
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 },
  });
};

describe('lookup by reference number', () => {
  const BY_NUMBER = `query($n: String!) { referral(referenceNumber: $n) { id referenceNumber } }`;

  it('finds a referral the caller may see by the number people quote, case and blanks ignored, and audits the read', async () => {
    const referral = await file14566(0);
    const before = await lastAuditId();
    const found = dataOf(await hub.request(org.people.originator.id, BY_NUMBER, { n: ` ${referral.referenceNumber.toLowerCase()} ` }));
    expect(found.referral).toEqual({ id: referral.id, referenceNumber: referral.referenceNumber });
    expect(await auditSince(before)).toEqual([
      { actor_id: org.people.originator.id, operation: 'referral', item_ids: [referral.id], outcome: 'ALLOWED' },
    ]);
  });

  it('answers NOT_FOUND alike for a number that does not exist and one the caller may not see; the refusal is audited', async () => {
    const referral = await file14566(1);
    const missing = await hub.request(org.people.cawrLiaison.id, BY_NUMBER, { n: '14566-2026-999999' });
    const hidden = await hub.request(org.people.cawrLiaison.id, BY_NUMBER, { n: referral.referenceNumber });
    expect(missing.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(hidden.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(hidden.errors![0].message).toBe(`Referral ${referral.referenceNumber} not found`);
    expect(JSON.stringify(hidden)).not.toContain(referral.id);
    const before = await lastAuditId();
    await hub.request(org.people.cawrLiaison.id, BY_NUMBER, { n: referral.referenceNumber });
    expect(await auditSince(before)).toEqual([
      { actor_id: org.people.cawrLiaison.id, operation: 'referral', item_ids: [referral.id], outcome: 'NOT_FOUND' },
    ]);
  });

  it('needs exactly one of id and referenceNumber', async () => {
    const referral = await file14566(2);
    for (const args of ['', `(id: "${referral.id}", referenceNumber: "${referral.referenceNumber}")`]) {
      const response = await hub.request(org.people.originator.id, `{ referral${args} { id } }`);
      expect(response.errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [
          { field: 'id', message: 'give either id or referenceNumber' },
          { field: 'referenceNumber', message: 'give either id or referenceNumber' },
        ],
      });
    }
  });

  it('finds lookouts, crossings and OIs the caller is on the case of; NOT_FOUND (never FORBIDDEN) for anyone else', async () => {
    const { lookout, crossing, oi } = await investigationOnLookout(hub, tecsPeople, 'DHS-LOOKUP-1');
    for (const [field, item] of [
      ['lookout', lookout],
      ['crossing', crossing],
      ['investigation', oi],
    ] as const) {
      const query = `query($n: String!) { ${field}(referenceNumber: $n) { id referenceNumber } }`;
      const found = dataOf(await hub.request(tecsPeople.clevelandRo.id, query, { n: item.referenceNumber }))[field];
      expect(found).toEqual({ id: item.id, referenceNumber: item.referenceNumber });
      const refused = await hub.request(tecsPeople.miamiRo.id, query, { n: item.referenceNumber });
      expect(refused.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });
      expect(JSON.stringify(refused)).not.toContain(item.id);
    }
  });
});

describe('searching the referrals (what is stored in clear, within what the caller may see)', () => {
  const SEARCH = `query($filter: ReferralFilterInput) { referrals(filter: $filter, first: 100) { totalCount edges { node { id } } } }`;

  it('by reference number prefix and by a person on the referral (name or e-mail of originator or assignee)', async () => {
    const referral = await file14566(3);
    const prefix = referral.referenceNumber.slice(0, -2);
    const byNumber = dataOf(await hub.request(org.people.originator.id, SEARCH, { filter: { referenceNumber: prefix.toLowerCase() } }));
    expect(byNumber.referrals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(referral.id);
    const exact = dataOf(await hub.request(org.people.originator.id, SEARCH, { filter: { referenceNumber: referral.referenceNumber } }));
    expect(exact.referrals).toEqual({ totalCount: 1, edges: [{ node: { id: referral.id } }] });
    // A LIKE wildcard is matched literally.
    const wildcard = dataOf(await hub.request(org.people.originator.id, SEARCH, { filter: { referenceNumber: '%' } }));
    expect(wildcard.referrals.totalCount).toBe(0);

    const originatorEmail = 'am.originator@example.gov';
    const byPerson = dataOf(
      await hub.request(org.people.amLiaison.id, SEARCH, { filter: { person: originatorEmail.slice(0, 8).toUpperCase() } }),
    );
    expect(byPerson.referrals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(referral.id);
    const nobody = dataOf(await hub.request(org.people.amLiaison.id, SEARCH, { filter: { person: 'nobody-by-this-name' } }));
    expect(nobody.referrals.totalCount).toBe(0);
    // The same search by someone who may not see the referral finds nothing.
    const outsider = dataOf(
      await hub.request(org.people.cawrLiaison.id, SEARCH, { filter: { referenceNumber: referral.referenceNumber } }),
    );
    expect(outsider.referrals).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('the referrals connection (Relay cursor connection spec)', () => {
  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: ReferralOrderInput, $filter: ReferralFilterInput) {
    referrals(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
      totalCount edges { cursor node { id referenceNumber nextDueAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  let ids: string[];
  const filter = { forms: ['F4442'] };

  beforeAll(async () => {
    ids = [];
    for (let i = 0; i < 5; i++) {
      hub.clock.set(new Date(Date.parse('2026-11-24T14:00:00Z') + i * 3600_000).toISOString());
      const referral = await fileReferral(hub, org.people.originator.id, {
        form: 'F4442',
        receivingFunctionId: org.functions.rivo.id,
        content: { form4442: VALID_4442 },
      });
      ids.push(referral.id);
    }
  });

  const page = async (variables: Record<string, unknown>) =>
    dataOf(await hub.request(org.people.originator.id, PAGE, { filter, ...variables })).referrals;
  const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

  it('pages forward with first/after and back with last/before, newest filed first by default, with totalCount', async () => {
    const newestFirst = [...ids].reverse();
    const first = await page({ first: 2 });
    expect(idsOf(first)).toEqual(newestFirst.slice(0, 2));
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
    });
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(idsOf(second)).toEqual(newestFirst.slice(2, 4));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = await page({ first: 2, after: second.pageInfo.endCursor });
    expect(idsOf(third)).toEqual(newestFirst.slice(4));
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // Backward from the end: the last two, then the two before them, in the same order.
    const last = await page({ last: 2 });
    expect(idsOf(last)).toEqual(newestFirst.slice(3));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await page({ last: 2, before: last.pageInfo.startCursor });
    expect(idsOf(before)).toEqual(newestFirst.slice(1, 3));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const start = await page({ last: 2, before: before.pageInfo.startCursor });
    expect(idsOf(start)).toEqual(newestFirst.slice(0, 1));
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // Both cursors bound a window.
    expect(idsOf(await page({ after: first.edges[0].cursor, before: third.edges[0].cursor }))).toEqual(newestFirst.slice(1, 4));
  });

  it('sorts by reference number and by due time, both ways, and pages in that order', async () => {
    const all = await page({ first: 100, orderBy: { field: 'REFERENCE_NUMBER', direction: 'ASC' } });
    const numbers = all.edges.map((e: { node: { referenceNumber: string } }) => e.node.referenceNumber);
    expect(numbers).toEqual([...numbers].sort());
    const desc = await page({ first: 2, orderBy: { field: 'REFERENCE_NUMBER', direction: 'DESC' } });
    const next = await page({ first: 2, after: desc.pageInfo.endCursor, orderBy: { field: 'REFERENCE_NUMBER', direction: 'DESC' } });
    expect([...idsOf(desc), ...idsOf(next)]).toEqual(idsOf(all).reverse().slice(0, 4));

    const due = await page({ first: 100, orderBy: { field: 'DUE_AT', direction: 'ASC' } });
    const dueAts = due.edges.map((e: { node: { nextDueAt: string } }) => e.node.nextDueAt);
    expect(dueAts).toEqual([...dueAts].sort());
    const dueLast = await page({ last: 2, orderBy: { field: 'DUE_AT', direction: 'ASC' } });
    expect(idsOf(dueLast)).toEqual(idsOf(due).slice(-2));
  });

  it('refuses first with last, a size out of range and a cursor from another order', async () => {
    const both = await hub.request(org.people.originator.id, PAGE, { first: 2, last: 2 });
    expect(both.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'first', message: 'give first or last, not both' },
        { field: 'last', message: 'give first or last, not both' },
      ],
    });
    expect((await hub.request(org.people.originator.id, PAGE, { last: 101 })).errors![0].extensions!.fieldErrors).toEqual([
      { field: 'last', message: 'must be between 1 and 100' },
    ]);
    const byFiling = await page({ first: 1 });
    const foreign = await hub.request(org.people.originator.id, PAGE, {
      first: 1,
      after: byFiling.pageInfo.endCursor,
      orderBy: { field: 'DUE_AT', direction: 'ASC' },
    });
    expect(errorCodeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0].extensions!.fieldErrors[0].field).toBe('after');
  });
});
