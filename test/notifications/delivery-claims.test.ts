import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { RetryableDeliveryError, URGENT_CONCURRENCY } from '../../src/platform/notifications/notification-delivery';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { eventually } from '../support/wait';

/**
 * Delivery claims a notice, sends it outside any transaction and then marks it: no database connection, transaction
 * or lock is held while the SMTP server takes its time, and a notice is sent once however many workers race for it.
 */
jest.setTimeout(60_000);

let smtp: SmtpPeer;
let hub: TestHub;
let org: TestOrganisation;
let originator: Caller;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  // No workers: the test alone decides who delivers. A held message times out after 1 s.
  hub = await startTestHub({ env: { SMTP_URL: smtp.url, MAIL_TIMEOUT_SECONDS: '1' } });
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

/** Files referrals and returns the ids of the notices they wrote (PENDING, nobody delivering them). */
async function pendingNotices(referrals: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < referrals; i++) {
    const referral = await hub.services.referrals.file(originator, {
      form: 'F14566' as never,
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 as never },
    });
    const rows: { id: string }[] = await hub.database.dataSource.query(
      "SELECT id FROM notification WHERE referral_id = $1 AND status = 'PENDING'",
      [referral.id],
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/** Transactions left open and locks on the outbox, held by any connection but the one asking. */
async function heldByOthers(): Promise<{ transactions: unknown[]; locks: unknown[] }> {
  const { dataSource } = hub.database;
  const transactions = await dataSource.query(
    "SELECT pid, query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'",
  );
  const locks = await dataSource.query(
    "SELECT l.pid, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'notification' AND l.pid <> pg_backend_pid()",
  );
  return { transactions, locks };
}

const rowOf = async (id: string): Promise<{ status: string; attempts: number; last_error: string | null; claimed_until: Date | null }> =>
  (await hub.database.dataSource.query('SELECT status, attempts, last_error, claimed_until FROM notification WHERE id = $1', [id]))[0];

it('holds no transaction and no lock while the SMTP server holds the message, and releases the claim when the send fails', async () => {
  const [id] = await pendingNotices(1);
  smtp.mode = 'hold';
  const heldBefore = smtp.held.total;
  const delivering = hub.services.delivery.deliver(id);
  await eventually(async () => smtp.held.total > heldBefore, 10_000, 'the peer to hold the message');

  expect(await heldByOthers()).toEqual({ transactions: [], locks: [] });
  expect((await rowOf(id)).claimed_until).not.toBeNull();

  await expect(delivering).rejects.toBeInstanceOf(RetryableDeliveryError);
  const row = await rowOf(id);
  expect(row).toEqual(expect.objectContaining({ status: 'PENDING', attempts: 1, claimed_until: null }));
  expect(row.last_error).toBeTruthy();

  // Released: the next attempt (the job's retry) sends it.
  smtp.mode = 'accept';
  await hub.services.delivery.deliver(id);
  expect(await rowOf(id)).toEqual(expect.objectContaining({ status: 'SENT', attempts: 2, last_error: null, claimed_until: null }));
});

it('sends each notice exactly once when several workers race for it', async () => {
  const ids = await pendingNotices(3);
  const outcomes = await Promise.allSettled(ids.flatMap((id) => [1, 2, 3, 4].map(() => hub.services.delivery.deliver(id))));
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(RetryableDeliveryError);
  }
  // The losers' retries find the notice sent and send nothing.
  await Promise.all(ids.map((id) => hub.services.delivery.deliver(id)));

  expect(smtp.messages).toHaveLength(ids.length);
  for (const id of ids) expect(await rowOf(id)).toEqual(expect.objectContaining({ status: 'SENT', attempts: 1 }));
});

it(`sends urgent notices at once but at most ${URGENT_CONCURRENCY} at a time, holding no database connection meanwhile`, async () => {
  const ids = await pendingNotices(5);
  expect(ids.length).toBeGreaterThan(URGENT_CONCURRENCY * 2);
  smtp.mode = 'hold';
  const heldBefore = smtp.held.total;
  smtp.held.mostAtOnce = 0;

  hub.services.delivery.deliverUrgentNow(ids);
  await eventually(async () => smtp.held.now === URGENT_CONCURRENCY, 10_000, 'the first urgent sends to be held');
  expect(await heldByOthers()).toEqual({ transactions: [], locks: [] });
  const claimed = await hub.database.dataSource.query(
    'SELECT count(*)::int AS n FROM notification WHERE id = ANY($1) AND claimed_until IS NOT NULL',
    [ids],
  );
  expect(claimed).toEqual([{ n: URGENT_CONCURRENCY }]);

  // Each held send times out (1 s) and makes room for the next, until every notice has had its attempt.
  await eventually(
    async () => {
      const rows = await Promise.all(ids.map(rowOf));
      return rows.every((row) => row.attempts === 1 && row.claimed_until === null);
    },
    30_000,
    'every urgent notice to have been tried',
  );
  expect(smtp.held.total - heldBefore).toBe(ids.length);
  expect(smtp.held.mostAtOnce).toBe(URGENT_CONCURRENCY);
});
