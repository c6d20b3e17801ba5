import 'reflect-metadata';
import { DataSource, EntityManager } from 'typeorm';
import { SlaSweep, SweepResult } from '../../src/modules/referrals/sla-sweep';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';

// Filed Monday 2026-11-23 09:00 New York; the review clock is due at the end of Friday 11-27 (sla-sweep.test.ts).
const FILED = '2026-11-23T14:00:00Z';
const BREACHED = '2026-11-28T05:00:00Z';
/** Referrals breaching at once, and the batch size of the sweeps: many batches, on two connections per sweep. */
const REFERRALS = 400;
const BATCH = 15;

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: FILED });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

/** `count` referrals like the one filed, each with its review clock running, all breaching at the same instant. */
async function breachingReferrals(count: number): Promise<void> {
  hub.clock.set(FILED);
  const originator = await hub.services.org.loadCaller(org.people.originator.id);
  const template = await hub.services.referrals.file(originator, {
    form: 'F14566' as never,
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });
  await hub.database.dataSource.query(
    `INSERT INTO referral
     SELECT (jsonb_populate_record(t, jsonb_build_object('id', gen_random_uuid(), 'reference_number', 'BATCH-' || g))).*
       FROM referral t, generate_series(2, $2::int) AS g
      WHERE t.id = $1`,
    [template.id, count],
  );
}

/** Per referral: how many of each SLA event, history entry and notice (with its delivery job) the sweeps recorded. */
async function recordedPerReferral(): Promise<Record<string, number>[]> {
  return hub.database.dataSource.query(
    `SELECT r.id,
            (SELECT count(*)::int FROM referral_sla_event e WHERE e.referral_id = r.id AND e.kind = 'BREACH') AS breaches,
            (SELECT count(*)::int FROM referral_sla_event e WHERE e.referral_id = r.id AND e.kind = 'ESCALATION') AS escalations,
            (SELECT count(*)::int FROM referral_history h WHERE h.referral_id = r.id AND h.action = 'SLA_BREACH') AS breach_entries,
            (SELECT count(*)::int FROM referral_history h WHERE h.referral_id = r.id AND h.action = 'SLA_ESCALATION') AS escalation_entries,
            (SELECT count(*)::int FROM notification n WHERE n.referral_id = r.id AND n.kind = 'SLA_BREACH') AS breach_notices,
            (SELECT count(*)::int FROM notification n WHERE n.referral_id = r.id AND n.kind = 'SLA_ESCALATION') AS escalation_notices,
            (SELECT count(*)::int FROM notification n
               JOIN pgboss.job j ON j.data->>'notificationId' = n.id::text
              WHERE n.referral_id = r.id AND n.kind LIKE 'SLA_%') AS jobs
       FROM referral r`,
  );
}

/**
 * The data source as one sweep sees it, counting how many of the sweep's transactions were open at once, and logging
 * when each (numbered in the order the sweep asked for them) was asked for, began (a pooled connection had it) and ended.
 */
function countingTransactions(dataSource: DataSource): { view: DataSource; most: () => number; log: string[] } {
  let open = 0;
  let most = 0;
  let asked = 0;
  const log: string[] = [];
  const view = Object.create(dataSource) as DataSource;
  view.transaction = ((work: (manager: EntityManager) => Promise<unknown>) => {
    const n = ++asked;
    log.push(`ask ${n}`);
    return dataSource.transaction(async (manager) => {
      log.push(`begin ${n}`);
      most = Math.max(most, ++open);
      try {
        return await work(manager);
      } finally {
        open--;
        log.push(`end ${n}`);
      }
    });
  }) as DataSource['transaction'];
  return { view, most: () => most, log };
}

const ONCE = {
  breaches: 1,
  escalations: 1,
  breach_entries: 1,
  escalation_entries: 1,
  breach_notices: 1,
  escalation_notices: 1,
  jobs: 2,
};

it('records each breach, escalation, history entry and notice once when two sweeps of many parallel batches run at once', async () => {
  await breachingReferrals(REFERRALS);
  hub.clock.set(BREACHED);
  const { services } = hub;
  const { dataSource } = hub.database;
  // Two instances' sweeps, each working through its batches on two connections.
  const connections = [1, 2].map(() => countingTransactions(dataSource));
  const sweeps = connections.map(({ view }) => new SlaSweep(view, services.calendars, services.outbox, hub.clock, BATCH, 2));
  const results: SweepResult[] = await Promise.all(sweeps.map((sweep) => sweep.run()));
  for (const { most, log } of connections) {
    expect(most()).toBe(2);
    // The first batch came back full, so the sweep set out on the next one before the first had committed (when the
    // second transaction's BEGIN then completes depends on the pool handing it a connection, not on the sweep).
    expect(log.indexOf('ask 2')).toBeGreaterThan(-1);
    expect(log.indexOf('ask 2')).toBeLessThan(log.indexOf('end 1'));
  }

  const total = (key: keyof SweepResult) => results.reduce((sum, result) => sum + result[key], 0);
  expect(total('breaches')).toBe(REFERRALS);
  expect(total('escalations')).toBe(REFERRALS);
  // Each referral was claimed by exactly one batch of one sweep.
  expect(total('examined')).toBe(REFERRALS);
  const recorded = await recordedPerReferral();
  expect(recorded).toHaveLength(REFERRALS);
  for (const { id, ...counts } of recorded) expect({ id, ...counts }).toEqual({ id, ...ONCE });

  // Nothing is left to do: the next sweep at the same instant finds every clock planned ahead, in one transaction.
  const idle = countingTransactions(dataSource);
  const idleSweep = new SlaSweep(idle.view, services.calendars, services.outbox, hub.clock, BATCH, 2);
  expect(await idleSweep.run()).toEqual({ examined: 0, reminders: 0, breaches: 0, escalations: 0 });
  expect(idle.log).toEqual(['ask 1', 'begin 1', 'end 1']);
});
