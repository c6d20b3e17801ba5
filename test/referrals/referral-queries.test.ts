import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { SOONEST_DUE_FIRST } from '../../src/modules/referrals/referral-query.service';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_4442 } from '../support/org-fixture';
import { StatementCounter } from '../support/statement-counter';

const counter = new StatementCounter();
let hub: TestHub;
let org: TestOrganisation;
let originator: Caller;
let amLiaison: Caller;
let efLiaison: Caller;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z', logger: counter });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  [originator, amLiaison, efLiaison] = await Promise.all(
    [org.people.originator, org.people.amLiaison, org.people.efLiaison].map((p) => hub.services.org.loadCaller(p.id)),
  );
});

afterAll(() => hub.stop());

const file = (form: ReferralForm.F14566 | ReferralForm.F4442, hoursLater = 0) => {
  hub.clock.set(new Date(Date.parse('2026-11-23T14:00:00Z') + hoursLater * 3600_000).toISOString());
  return form === ReferralForm.F14566
    ? hub.services.referrals.file(originator, {
        form,
        receivingFunctionId: org.functions.ef.id,
        content: { form14566: VALID_14566 as never },
      })
    : hub.services.referrals.file(originator, {
        form,
        receivingFunctionId: org.functions.rivo.id,
        content: { form4442: VALID_4442 as never },
      });
};

const LIST = `query($filter: ReferralFilterInput, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id referenceNumber form state historyCount history { action } originator { email } assignee { email }
      originatingFunction { code } receivingFunction { code } category { code } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('myWorkQueue', () => {
  it('shows each person what they must act on now, soonest due first', async () => {
    const a = await file(ReferralForm.F14566, 0);
    const b = await file(ReferralForm.F14566, 48); // filed Wednesday: due later
    const c = await file(ReferralForm.F14566, 1);
    hub.clock.set('2026-11-25T15:00:00Z');
    await hub.services.referrals.forward(amLiaison, { referralId: c.id });

    const amQueue = dataOf(await hub.request(org.people.amLiaison.id, `{ myWorkQueue { nodes { id state nextDueAt } } }`)).myWorkQueue
      .nodes;
    expect(amQueue.map((r: { id: string }) => r.id)).toEqual([a.id, b.id]);
    expect(amQueue[0].nextDueAt < amQueue[1].nextDueAt).toBe(true);

    const efQueue = dataOf(await hub.request(org.people.efLiaison.id, `{ myWorkQueue { nodes { id availableActions } } }`)).myWorkQueue
      .nodes;
    expect(efQueue).toEqual([{ id: c.id, availableActions: expect.arrayContaining(['ACKNOWLEDGE', 'RETURN_TO_ORIGINATING_LIAISON']) }]);

    await hub.services.referrals.acknowledge(efLiaison, { referralId: c.id });
    await hub.services.referrals.assign(efLiaison, { referralId: c.id, assigneeId: org.people.efWorker.id });
    const workerQueue = dataOf(await hub.request(org.people.efWorker.id, `{ myWorkQueue { nodes { id } } }`)).myWorkQueue.nodes;
    expect(workerQueue).toEqual([{ id: c.id }]);
    const originatorQueue = dataOf(await hub.request(org.people.originator.id, `{ myWorkQueue { nodes { id } } }`)).myWorkQueue.nodes;
    expect(originatorQueue).toEqual([]);
  });
});

describe('myWorkQueue read as SQL text (no query builder per request)', () => {
  it('gives each referral as a read by id does: every column, dates, arrays, and the content with its TINs', async () => {
    const filed = await file(ReferralForm.F14566, 2);
    const page = await hub.services.referralQueries.workQueue(amLiaison, SOONEST_DUE_FIRST, { first: 100 });
    const row = page.items.find((item) => item.node.id === filed.id)!.node;
    const read = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: filed.id });
    expect(row).toBeInstanceOf(Referral);
    expect(row).toEqual(read);
    expect(row.submittedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(row.content)).toBe(JSON.stringify(read.content));
    expect(JSON.stringify(row.content)).toContain(VALID_14566.business.ein.replace(/-/g, ''));
  });

  it('pages forward and back with cursors over the same rows', async () => {
    const all = await hub.services.referralQueries.workQueue(amLiaison, SOONEST_DUE_FIRST, { first: 100 });
    const ids = all.items.map((item) => item.node.id);
    expect(ids.length).toBeGreaterThan(2);
    const first = await hub.services.referralQueries.workQueue(amLiaison, SOONEST_DUE_FIRST, { first: 2 });
    expect(first.items.map((item) => item.node.id)).toEqual(ids.slice(0, 2));
    expect(first.hasNextPage).toBe(true);
    const next = await hub.services.referralQueries.workQueue(amLiaison, SOONEST_DUE_FIRST, { first: 100, after: first.endCursor });
    expect(next.items.map((item) => item.node.id)).toEqual(ids.slice(2));
    expect(next.hasPreviousPage).toBe(true);
    const back = await hub.services.referralQueries.workQueue(amLiaison, SOONEST_DUE_FIRST, { last: 2, before: next.startCursor });
    expect(back.items.map((item) => item.node.id)).toEqual(ids.slice(0, 2));
    expect(await back.count()).toBe(ids.length);
  });
});

describe('referrals(filter, first, after)', () => {
  it('filters in SQL and pages with cursors', async () => {
    for (let i = 0; i < 5; i++) await file(ReferralForm.F4442, i);
    const all4442: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = dataOf(
        await hub.request(org.people.originator.id, LIST, { filter: { forms: ['F4442'] }, first: 2, after }),
      ).referrals;
      all4442.push(...page.edges.map((e: any) => e.node.id));
      expect(page.edges.every((e: any) => e.node.form === 'F4442' && e.node.category.code === 'RICS_RIVO_MFT_REVERSAL')).toBe(true);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(all4442).toHaveLength(5);
    expect(new Set(all4442).size).toBe(5);

    const forwarded = dataOf(await hub.request(org.people.originator.id, LIST, { filter: { states: ['ASSIGNED'] } })).referrals.edges;
    expect(forwarded.map((e: any) => e.node.assignee.email)).toEqual(['ef.worker@example.gov']);

    hub.clock.set('2026-12-15T15:00:00Z');
    const overdue = dataOf(
      await hub.request(org.people.amLiaison.id, LIST, { filter: { overdue: true, functionId: org.functions.am.id }, first: 100 }),
    ).referrals.edges;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((e: any) => e.node.state === 'SUBMITTED')).toBe(true);

    const byLiaison = dataOf(await hub.request(org.people.admin.id, LIST, { filter: { liaisonId: org.people.rivoLiaison.id }, first: 100 }))
      .referrals.edges;
    expect(byLiaison).toHaveLength(5);
  });

  it('never lists what the caller may not see', async () => {
    const outsider = dataOf(await hub.request(org.people.amColleague.id, LIST, { first: 100 })).referrals.edges;
    expect(outsider).toEqual([]);
    const cawr = dataOf(await hub.request(org.people.cawrLiaison.id, LIST, { first: 100 })).referrals.edges;
    expect(cawr).toEqual([]);
    const admin = dataOf(await hub.request(org.people.admin.id, LIST, { first: 100 })).referrals.edges;
    expect(admin.length).toBeGreaterThan(0);
  });

  it('rejects page sizes over the maximum and foreign cursors', async () => {
    expect(errorCodeOf(await hub.request(org.people.admin.id, LIST, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCodeOf(await hub.request(org.people.admin.id, LIST, { first: 1, after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
  });

  it('costs a bounded number of SQL statements however many referrals are listed (DataLoader)', async () => {
    const list = (first: number) => hub.request(org.people.admin.id, LIST, { first });
    for (let i = 0; i < 5; i++) await file(i % 2 ? ReferralForm.F14566 : ReferralForm.F4442, i);
    const small = await counter.measure(() => list(5));
    for (let i = 0; i < 100; i++) await file(i % 2 ? ReferralForm.F14566 : ReferralForm.F4442, i);
    let listed = 0;
    const large = await counter.measure(async () => {
      listed = dataOf(await list(100)).referrals.edges.length;
    });
    expect(listed).toBe(100);
    // The page, histories, history counts; the caller, the people and the functions come from the caches once read.
    expect(small).toBeGreaterThanOrEqual(3);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(9);
  });
});
