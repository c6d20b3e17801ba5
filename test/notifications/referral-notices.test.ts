import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { NotificationMode } from '../../src/platform/notifications/notification-mode';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_4442 } from '../support/org-fixture';

let hub: TestHub;
let org: TestOrganisation;
const callers: Record<string, Caller> = {};

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  for (const [name, person] of Object.entries(org.people)) callers[name] = await hub.services.org.loadCaller(person.id);
});

afterAll(() => hub.stop());

const emailOf = (id: string) => Object.values(org.people).find((p) => p.id === id)!.email;

/** The notices (kind → recipients' e-mails) written to the outbox by `work`. */
async function noticesOf(work: () => Promise<unknown>): Promise<Record<string, string[]>> {
  const before = new Set((await hub.database.dataSource.manager.find(Notification)).map((n) => n.id));
  await work();
  const created = (await hub.database.dataSource.manager.find(Notification)).filter((n) => !before.has(n.id));
  const byKind: Record<string, string[]> = {};
  for (const n of created) (byKind[n.kind] ??= []).push(emailOf(n.recipientId));
  for (const kind of Object.keys(byKind)) byKind[kind].sort();
  return byKind;
}

const file14566 = () =>
  hub.services.referrals.file(callers.originator, {
    form: 'F14566' as never,
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 as never },
  });

describe('who hears about each event', () => {
  it('notifies the next actor at every step of the 14566 lifecycle, never the actor', async () => {
    const { referrals } = hub.services;
    let id = '';
    expect(
      await noticesOf(async () => {
        id = (await file14566()).id;
      }),
    ).toEqual({ REFERRAL_FILED: ['am.liaison@example.gov'] });
    expect(await noticesOf(() => referrals.returnIncomplete(callers.amLiaison, { referralId: id, missingItems: ['research'] }))).toEqual({
      REFERRAL_RETURNED_INCOMPLETE: ['am.originator@example.gov'],
    });
    expect(await noticesOf(() => referrals.resubmit(callers.originator, { referralId: id }))).toEqual({
      REFERRAL_FILED: ['am.liaison@example.gov'],
    });
    expect(await noticesOf(() => referrals.forward(callers.amLiaison, { referralId: id }))).toEqual({
      REFERRAL_FORWARDED: ['ef.liaison@example.gov'],
    });
    expect(await noticesOf(() => referrals.acknowledge(callers.efLiaison, { referralId: id }))).toEqual({
      REFERRAL_ACKNOWLEDGED: ['am.originator@example.gov'],
    });
    expect(await noticesOf(() => referrals.assign(callers.efLiaison, { referralId: id, assigneeId: org.people.efWorker.id }))).toEqual({
      REFERRAL_ASSIGNED: ['ef.worker@example.gov'],
    });
    expect(await noticesOf(() => referrals.elevate(callers.efWorker, { referralId: id, reason: 'time frame' }))).toEqual({
      REFERRAL_ELEVATED: ['am.liaison@example.gov', 'ef.liaison@example.gov'],
    });
    expect(await noticesOf(() => referrals.elevate(callers.amLiaison, { referralId: id, reason: 'no agreement' }))).toEqual({
      REFERRAL_ELEVATED: ['am.manager@example.gov', 'ef.manager@example.gov'],
    });
    expect(await noticesOf(() => referrals.resolveElevation(callers.amManager, { referralId: id, resolution: 'agreed' }))).toEqual({
      REFERRAL_ELEVATION_RESOLVED: ['am.originator@example.gov', 'ef.manager@example.gov', 'ef.worker@example.gov'],
    });
    expect(
      await noticesOf(() =>
        referrals.complete(callers.efWorker, { referralId: id, actionsTaken: ['done'], resolutionCode: 'ADDED_TO_SCHEME_LIST' }),
      ),
    ).toEqual({
      REFERRAL_COMPLETED: ['am.liaison@example.gov', 'am.originator@example.gov', 'ef.liaison@example.gov'],
    });
    expect(await noticesOf(() => referrals.close(callers.originator, { referralId: id }))).toEqual({
      REFERRAL_CLOSED: ['am.liaison@example.gov', 'ef.liaison@example.gov', 'ef.worker@example.gov'],
    });
  });

  it("IRM 25.25.6: a 4442 lands in RIVO's queue unannounced; the sender hears when RIVO closes it", async () => {
    const { referrals } = hub.services;
    let inquiryId = '';
    expect(
      await noticesOf(async () => {
        inquiryId = (
          await referrals.file(callers.originator, {
            form: 'F4442' as never,
            receivingFunctionId: org.functions.rivo.id,
            content: { form4442: VALID_4442 as never },
          })
        ).id;
      }),
    ).toEqual({});
    expect(await noticesOf(() => referrals.checkOut(callers.rivoWorker, { referralId: inquiryId }))).toEqual({});
    expect(await noticesOf(() => referrals.openControl(callers.rivoWorker, { referralId: inquiryId }))).toEqual({});
    expect(
      await noticesOf(() =>
        referrals.complete(callers.rivoWorker, { referralId: inquiryId, actionsTaken: ['Return sent to SP'], resolutionCode: 'RTN2PROC' }),
      ),
    ).toEqual({ REFERRAL_CLOSED: ['am.originator@example.gov'] });
  });

  it('tells the sender of a 4442 returned "no TPP involvement", and those involved of a withdrawal', async () => {
    const { referrals } = hub.services;
    const inquiry = await referrals.file(callers.originator, {
      form: 'F4442' as never,
      receivingFunctionId: org.functions.rivo.id,
      content: { form4442: VALID_4442 as never },
    });
    await referrals.checkOut(callers.rivoWorker, { referralId: inquiry.id });
    expect(await noticesOf(() => referrals.returnNoTppInvolvement(callers.rivoWorker, { referralId: inquiry.id }))).toEqual({
      REFERRAL_RETURNED_NO_TPP: ['am.originator@example.gov'],
    });
    const unsent = await file14566();
    expect(await noticesOf(() => referrals.withdraw(callers.originator, { referralId: unsent.id }))).toEqual({
      REFERRAL_WITHDRAWN: ['am.liaison@example.gov'], // never reached the receiving function
    });
    const sent = await file14566();
    await referrals.forward(callers.amLiaison, { referralId: sent.id });
    expect(await noticesOf(() => referrals.withdraw(callers.originator, { referralId: sent.id }))).toEqual({
      REFERRAL_WITHDRAWN: ['am.liaison@example.gov', 'ef.liaison@example.gov'],
    });
  });

  it('tells the originating liaison when the receiving side sends it back', async () => {
    const { referrals } = hub.services;
    const referral = await file14566();
    await referrals.forward(callers.amLiaison, { referralId: referral.id });
    await referrals.acknowledge(callers.efLiaison, { referralId: referral.id });
    expect(
      await noticesOf(() =>
        referrals.returnToOriginatingLiaison(callers.efLiaison, { referralId: referral.id, missingItems: ['the CC FINDE print'] }),
      ),
    ).toEqual({ REFERRAL_RETURNED_TO_LIAISON: ['am.liaison@example.gov'] });
  });
});

describe('outbox and transactions', () => {
  it('writes nothing, not even a job, when the change rolls back', async () => {
    const db = hub.database.dataSource;
    const jobsBefore = Number((await db.query(`SELECT count(*) AS n FROM pgboss.job`))[0].n);
    const rowsBefore = await db.manager.count(Notification);
    await expect(
      db.transaction(async (manager) => {
        await hub.services.outbox.enqueue(
          manager,
          [{ kind: 'REFERRAL_FILED', recipientId: org.people.amLiaison.id, referralId: null, urgent: false }],
          hub.clock.now(),
        );
        expect(Number((await manager.query(`SELECT count(*) AS n FROM pgboss.job`))[0].n)).toBe(jobsBefore + 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.manager.count(Notification)).toBe(rowsBefore);
    expect(Number((await db.query(`SELECT count(*) AS n FROM pgboss.job`))[0].n)).toBe(jobsBefore);
  });

  it('writes a committed notice and its delivery job together', async () => {
    const db = hub.database.dataSource;
    const referral = await file14566();
    const [notice] = await db.manager.find(Notification, { where: { referralId: referral.id } });
    const jobs = await db.query(`SELECT data FROM pgboss.job WHERE name = 'notification-deliver' AND data->>'notificationId' = $1`, [
      notice.id,
    ]);
    expect(jobs).toHaveLength(1);
  });

  it('sends nothing for the loser of two concurrent acknowledgments', async () => {
    const referral = await file14566();
    await hub.services.referrals.forward(callers.amLiaison, { referralId: referral.id });
    await hub.services.org.assignLiaison(org.functions.ef.id, org.people.efManager.id);
    const efManager = await hub.services.org.loadCaller(org.people.efManager.id);
    const results = await Promise.allSettled([
      hub.services.referrals.acknowledge(callers.efLiaison, { referralId: referral.id }),
      hub.services.referrals.acknowledge(efManager, { referralId: referral.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const acks = await hub.database.dataSource.manager.find(Notification, {
      where: { referralId: referral.id, kind: 'REFERRAL_ACKNOWLEDGED' },
    });
    expect(acks).toHaveLength(1);
    await hub.services.org.removeLiaison(org.functions.ef.id, org.people.efManager.id);
  });

  it('holds non-urgent notices for a digest reader, but never an elevation', async () => {
    await hub.services.org.updateEmployee(org.people.amLiaison.id, { notificationMode: NotificationMode.DAILY_DIGEST });
    const referral = await file14566();
    const [filed] = await hub.database.dataSource.manager.find(Notification, {
      where: { referralId: referral.id, kind: 'REFERRAL_FILED' },
    });
    expect(filed.status).toBe('DIGEST_PENDING');
    await hub.services.referrals.elevate(callers.originator, { referralId: referral.id, reason: 'disagree' });
    const [elevated] = await hub.database.dataSource.manager.find(Notification, {
      where: { referralId: referral.id, kind: 'REFERRAL_ELEVATED', recipientId: org.people.amLiaison.id },
    });
    expect(elevated.status).toBe('PENDING');

    const digests = await hub.services.digest.sendDigests();
    expect(digests).toBe(1);
    const [digest] = await hub.database.dataSource.manager.find(Notification, {
      where: { kind: 'DAILY_DIGEST', recipientId: org.people.amLiaison.id },
    });
    expect(digest.status).toBe('PENDING');
    const carried = await hub.database.dataSource.manager.find(Notification, { where: { digestId: digest.id } });
    expect(carried.map((n) => n.id)).toContain(filed.id);
    expect(carried.every((n) => n.status === 'DIGESTED')).toBe(true);
    const mail = await hub.services.composer.compose(hub.database.dataSource.manager, digest);
    expect(mail.text).toContain(referral.referenceNumber);
    expect(await hub.services.digest.sendDigests()).toBe(0);
    await hub.services.org.updateEmployee(org.people.amLiaison.id, { notificationMode: NotificationMode.IMMEDIATE });
  });
});
