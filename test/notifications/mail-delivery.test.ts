import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { eventually } from '../support/wait';

let smtp: SmtpPeer;
let hub: TestHub;
let org: TestOrganisation;
let originator: Caller;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  hub = await startTestHub({
    env: { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, JOB_POLLING_SECONDS: '1', MAIL_RETRY_LIMIT: '6', MAIL_RETRY_DELAY_SECONDS: '1' },
  });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  originator = await hub.services.org.loadCaller(org.people.originator.id);
});

afterAll(async () => {
  await hub.stop();
  await smtp.stop();
});

beforeEach(() => {
  smtp.mode = 'accept';
  smtp.messages.length = 0;
});

const file = (): Promise<Referral> =>
  hub.services.referrals.file(originator, {
    form: 'F14566' as never,
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });

const statusOf = async (referralId: string) =>
  await hub.database.dataSource.manager.findOneByOrFail(Notification, { referralId, kind: 'REFERRAL_FILED' });

it('delivers a notice through SMTP with the reference and a link, and no taxpayer data', async () => {
  const referral = await file();
  const [mail] = await smtp.waitFor(1);
  expect(mail.envelopeTo).toEqual(['am.liaison@example.gov']);
  expect(mail.subject).toContain(referral.referenceNumber);
  expect(mail.text).toContain(`https://hub.example.gov/referrals/${referral.id}`);
  for (const secret of ['123-45-6789', '123456789', '12-3456789', 'Jane Q. Owner', 'Acme Widgets']) {
    expect(mail.raw).not.toContain(secret);
  }
  const sent = await eventually(async () => ((await statusOf(referral.id)).status === 'SENT' ? statusOf(referral.id) : null));
  expect(sent.messageId).toBeTruthy();
});

it('delivers every notice exactly once after the SMTP server was down for a while', async () => {
  await smtp.stop();
  const referrals = [await file(), await file(), await file()];
  await eventually(
    async () => {
      const rows = await Promise.all(referrals.map((r) => statusOf(r.id)));
      return rows.every((row) => row.attempts >= 1);
    },
    20_000,
    'failed first attempts',
  );
  expect((await Promise.all(referrals.map((r) => statusOf(r.id)))).map((row) => row.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
  await smtp.restart();
  await smtp.waitFor(3, 30_000);
  await eventually(
    async () => (await Promise.all(referrals.map((r) => statusOf(r.id)))).every((row) => row.status === 'SENT'),
    20_000,
    'all SENT',
  );
  const references = smtp.messages.map((m) => m.subject).filter((s) => referrals.some((r) => s.includes(r.referenceNumber)));
  expect(references).toHaveLength(3);
  expect(new Set(references).size).toBe(3);
});

it('puts a permanently rejected notice in the dead letters, where an admin sees and retries it', async () => {
  smtp.mode = 'reject';
  const referral = await file();
  const failed = await eventually(async () => {
    const row = await statusOf(referral.id);
    return row.status === 'FAILED' ? row : null;
  });
  expect(failed.lastError).toMatch(/550/);
  expect(failed.attempts).toBe(1);

  const listed = dataOf(await hub.request(org.people.admin.id, `{ failedNotifications { nodes { id kind status lastError } } }`))
    .failedNotifications.nodes;
  expect(listed).toContainEqual(expect.objectContaining({ id: failed.id, kind: 'REFERRAL_FILED', status: 'FAILED' }));
  const denied = await hub.request(org.people.amLiaison.id, `{ failedNotifications { nodes { id } } }`);
  expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');

  smtp.mode = 'accept';
  const retried = dataOf(
    await hub.request(org.people.admin.id, `mutation($id: UUID!) { retryNotification(id: $id) { status } }`, { id: failed.id }),
  );
  expect(retried.retryNotification.status).toBe('PENDING');
  const [mail] = await smtp.waitFor(1);
  expect(mail.subject).toContain(referral.referenceNumber);
  await eventually(async () => (await statusOf(referral.id)).status === 'SENT');
});

it('moves a notice that keeps failing temporarily to the dead letters once its retries are used up', async () => {
  smtp.mode = 'tempfail';
  const impatient = await startTestHub({
    env: { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, JOB_POLLING_SECONDS: '1', MAIL_RETRY_LIMIT: '1', MAIL_RETRY_DELAY_SECONDS: '1' },
  });
  try {
    const people = await createTestOrganisation(impatient.services, impatient.database.dataSource);
    const caller = await impatient.services.org.loadCaller(people.people.originator.id);
    const referral = await impatient.services.referrals.file(caller, {
      form: 'F14566' as never,
      receivingFunctionId: people.functions.ef.id,
      content: { form14566: VALID_14566 as never },
    });
    const dead = await eventually(
      async () => {
        const row = await impatient.database.dataSource.manager.findOneByOrFail(Notification, {
          referralId: referral.id,
          kind: 'REFERRAL_FILED',
        });
        return row.status === 'FAILED' ? row : null;
      },
      40_000,
      'retries exhausted',
    );
    expect(dead.attempts).toBe(2); // the first try and MAIL_RETRY_LIMIT=1 retry
    expect(dead.lastError).toMatch(/451/);
  } finally {
    await impatient.stop();
  }
}, 60_000);
