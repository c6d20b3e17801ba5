import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { MailDeliveryError, Mailer } from './mail/mailer';
import { NoticeComposer } from './notice-composer';
import { Notification, NotificationStatus } from './notification.entity';

/** Thrown for a temporary failure so pg-boss retries the job with backoff. */
export class RetryableDeliveryError extends Error {}

/**
 * Sends one outbox row. The row is locked while it is sent (FOR UPDATE SKIP LOCKED) and only a
 * PENDING row is sent, so a duplicate job or a second instance never sends it twice.
 */
export class NotificationDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly composer: NoticeComposer,
    private readonly clock: Clock,
  ) {}

  async deliver(notificationId: string): Promise<void> {
    const failure = await this.dataSource.transaction(async (manager) => {
      const notification = await manager
        .createQueryBuilder(Notification, 'n')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('n.id = :id AND n.status = :pending', { id: notificationId, pending: NotificationStatus.PENDING })
        .getOne();
      if (!notification) {
        // Locked: another worker (or express delivery) is sending it now. Retry later rather than
        // drop the job, in case that attempt fails.
        const current = await manager.findOneBy(Notification, { id: notificationId });
        return current?.status === NotificationStatus.PENDING ? 'being delivered by another worker' : null;
      }
      notification.attempts += 1;
      try {
        const result = await this.mailer.send(await this.composer.compose(manager, notification));
        notification.status = NotificationStatus.SENT;
        notification.sentAt = this.clock.now();
        notification.messageId = result.messageId;
        notification.lastError = null;
        await manager.save(notification);
        return null;
      } catch (error) {
        notification.lastError = error instanceof Error ? error.message.slice(0, 1000) : String(error);
        const permanent = !(error instanceof MailDeliveryError) || error.permanent;
        // A permanent rejection goes straight to the dead letters; retrying the same message cannot help.
        if (permanent) notification.status = NotificationStatus.FAILED;
        await manager.save(notification);
        return permanent ? null : notification.lastError;
      }
    });
    if (failure) throw new RetryableDeliveryError(failure);
  }

  /**
   * Sends urgent notices right after their transaction commits instead of waiting for a worker to poll;
   * their queued jobs remain the safety net (a failure here is retried by the job).
   */
  deliverNow(notificationIds: string[]): void {
    for (const id of notificationIds) this.deliver(id).catch(() => undefined);
  }

  /** Called for jobs that ran out of retries (the pg-boss dead-letter queue). */
  async markDead(notificationId: string): Promise<void> {
    await this.dataSource.manager.update(
      Notification,
      { id: notificationId, status: NotificationStatus.PENDING },
      { status: NotificationStatus.FAILED },
    );
  }
}
