import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { NotificationOutbox } from './notification-outbox';
import { Notification, NotificationStatus } from './notification.entity';

/** The daily digest: one e-mail per person carrying their held, non-urgent notices. */
export class NotificationDigest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  /** Returns the number of digests queued. */
  async sendDigests(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const held: { recipient_id: string }[] = await manager.query(
        `SELECT DISTINCT recipient_id FROM notification WHERE status = $1 ORDER BY recipient_id`,
        [NotificationStatus.DIGEST_PENDING],
      );
      for (const { recipient_id: recipientId } of held) {
        const [digest] = await this.outbox.enqueue(manager, [{ kind: 'DAILY_DIGEST', recipientId, referralId: null, urgent: true }], now);
        if (!digest) continue; // recipient deactivated meanwhile: their held notices stay held
        await manager.update(
          Notification,
          { recipientId, status: NotificationStatus.DIGEST_PENDING },
          { status: NotificationStatus.DIGESTED, digestId: digest.id, sentAt: now },
        );
      }
      return held.length;
    });
  }
}
