import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { MailDeliveryError, Mailer, MailSendResult } from './mail/mailer';
import { NoticeComposer } from './notice-composer';
import { Notification, NotificationStatus } from './notification.entity';

/** Sends notices of an urgent event straight away, after commit (the queued job stays as the safety net). */
export type UrgentDelivery = (notificationIds: string[]) => void;

/** Thrown for a temporary failure so pg-boss retries the job with backoff. */
export class RetryableDeliveryError extends Error {}

/**
 * Urgent notices sent at once (outside the job queue) at the same time, per instance. Each send takes a pooled
 * SMTP connection for its duration and no database connection; the rest wait their turn here.
 */
export const URGENT_CONCURRENCY = 2;

/**
 * Sends one outbox row in three steps, none of which holds a transaction or a lock across the SMTP exchange:
 * claim (one UPDATE: only a PENDING row that no live claim holds), send, then mark it SENT (only while still
 * PENDING, so marking is idempotent by the notice id). A claim lapses after `claimSeconds`, the longest a send
 * can take: a notice claimed by a worker that died mid-send is claimable again by the time its job is retried.
 */
export class NotificationDelivery {
  private readonly urgentWaiting: string[] = [];
  private urgentSending = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly composer: NoticeComposer,
    private readonly clock: Clock,
    private readonly claimSeconds: number,
  ) {}

  async deliver(notificationId: string): Promise<void> {
    const claim = randomUUID();
    const notification = await this.claim(notificationId, claim);
    if (!notification) {
      // Claimed by another worker (or by immediate delivery) now. Retry later rather than drop the job, in case
      // that attempt fails.
      const current = await this.dataSource.manager.findOne(Notification, {
        select: { id: true, status: true },
        where: { id: notificationId },
      });
      if (current?.status === NotificationStatus.PENDING) throw new RetryableDeliveryError('being delivered by another worker');
      return;
    }
    let sent: MailSendResult;
    try {
      sent = await this.mailer.send(await this.composer.compose(this.dataSource.manager, notification));
    } catch (error) {
      const lastError = error instanceof Error ? error.message.slice(0, 1000) : String(error);
      const permanent = !(error instanceof MailDeliveryError) || error.permanent;
      // A permanent rejection goes straight to the dead letters; retrying the same message cannot help.
      await this.dataSource.manager.update(
        Notification,
        { id: notificationId, status: NotificationStatus.PENDING, claimToken: claim },
        { lastError, status: permanent ? NotificationStatus.FAILED : NotificationStatus.PENDING, claimToken: null, claimedUntil: null },
      );
      if (permanent) return;
      throw new RetryableDeliveryError(lastError);
    }
    await this.dataSource.manager.update(
      Notification,
      { id: notificationId, status: NotificationStatus.PENDING },
      {
        status: NotificationStatus.SENT,
        sentAt: this.clock.now(),
        messageId: sent.messageId,
        lastError: null,
        claimToken: null,
        claimedUntil: null,
      },
    );
  }

  /** One statement, so two workers racing for a notice cannot both win. The lease runs on the database's clock. */
  private async claim(notificationId: string, claim: string): Promise<Notification | null> {
    // An UPDATE answers [rows, affected count].
    const [claimed]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE notification
          SET attempts = attempts + 1, claim_token = $2, claimed_until = clock_timestamp() + make_interval(secs => $3)
        WHERE id = $1 AND status = $4 AND (claimed_until IS NULL OR claimed_until <= clock_timestamp())
       RETURNING id`,
      [notificationId, claim, this.claimSeconds, NotificationStatus.PENDING],
    );
    return claimed.length ? this.dataSource.manager.findOneBy(Notification, { id: notificationId }) : null;
  }

  /**
   * Sends urgent notices right after their transaction commits instead of waiting for a worker to poll, at most
   * URGENT_CONCURRENCY at a time; their queued jobs remain the safety net (a failure here is retried by the job).
   */
  deliverUrgentNow(notificationIds: string[]): void {
    this.urgentWaiting.push(...notificationIds);
    while (this.urgentSending < URGENT_CONCURRENCY && this.urgentWaiting.length) this.sendNextUrgent(this.urgentWaiting.shift()!);
  }

  private sendNextUrgent(notificationId: string): void {
    this.urgentSending += 1;
    this.deliver(notificationId)
      .catch(() => undefined)
      .finally(() => {
        this.urgentSending -= 1;
        const next = this.urgentWaiting.shift();
        if (next) this.sendNextUrgent(next);
      });
  }

  /** Called for jobs that ran out of retries (the pg-boss dead-letter queue). */
  async markDead(notificationId: string): Promise<void> {
    await this.dataSource.manager.update(
      Notification,
      { id: notificationId, status: NotificationStatus.PENDING },
      { status: NotificationStatus.FAILED, claimToken: null, claimedUntil: null },
    );
  }
}
