import 'reflect-metadata';
import { ReferralSlaEvent } from '../../src/modules/referrals/referral-sla-event.entity';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { createTestDatabase, TestDatabase } from '../support/database';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { eventually } from '../support/wait';

let smtp: SmtpPeer;
let database: TestDatabase;
let first: TestHub;
let second: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  database = await createTestDatabase();
  const env = { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, JOB_POLLING_SECONDS: '1' };
  first = await startTestHub({ database, env, now: '2026-11-23T14:00:00Z' });
  second = await startTestHub({ database, env, now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(first.services, database.dataSource);
});

afterAll(async () => {
  await first.stop();
  await second.stop();
  await database.drop();
  await smtp.stop();
});

it('two instances on one database deliver each notice once and record each SLA event once', async () => {
  const originator = await first.services.org.loadCaller(org.people.originator.id);
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const hub = i % 2 ? first : second;
    const referral = await hub.services.referrals.file(originator, {
      form: 'F14566' as never,
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 as never },
    });
    ids.push(referral.id);
  }
  await smtp.waitFor(12, 30_000);
  await eventually(
    async () => {
      const [{ n }] = await database.dataSource.query(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'notification-deliver' AND state < 'completed'`,
      );
      return Number(n) === 0;
    },
    20_000,
    'delivery jobs to finish',
  );
  expect(smtp.messages).toHaveLength(12);
  expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(12);
  expect(await database.dataSource.manager.countBy(Notification, { status: 'SENT' as never })).toBe(12);

  // Both instances sweep at the same instant, twice: every referral is breached and escalated once.
  for (const hub of [first, second]) hub.clock.set('2026-11-28T05:00:00Z');
  const results = await Promise.all([
    first.services.slaSweep.run(),
    second.services.slaSweep.run(),
    first.services.slaSweep.run(),
    second.services.slaSweep.run(),
  ]);
  expect(results.reduce((sum, r) => sum + r.breaches, 0)).toBe(12);
  expect(results.reduce((sum, r) => sum + r.escalations, 0)).toBe(12);
  const breaches = await database.dataSource.manager.countBy(ReferralSlaEvent, { kind: 'BREACH' as never });
  expect(breaches).toBe(12);
  await smtp.waitFor(12 + 24, 30_000); // a breach notice to the liaison and an escalation to the manager each
  await eventually(
    async () => {
      const [{ n }] = await database.dataSource.query(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'notification-deliver' AND state < 'completed'`,
      );
      return Number(n) === 0;
    },
    20_000,
    'delivery jobs to finish',
  );
  expect(smtp.messages).toHaveLength(36);
}, 90_000);
