import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { checkPageSize } from '../common/page-size';
import { NotificationOutbox } from './notification-outbox';
import { Notification, NotificationStatus } from './notification.entity';

/** Dead letters: notices rejected for good or out of retries, listed and retried by an admin. */
export class NotificationAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutbox,
  ) {}

  failed(first: number): Promise<Notification[]> {
    return this.dataSource.manager.find(Notification, {
      where: { status: NotificationStatus.FAILED },
      order: { createdAt: 'DESC' },
      take: checkPageSize(first, 500),
    });
  }

  /** Puts a dead letter back in the outbox and queues its delivery, in one transaction. */
  async retry(id: string): Promise<Notification> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await manager.findOneBy(Notification, { id, status: NotificationStatus.FAILED });
      if (!notification) throw new NotFoundError('Failed notification', id);
      notification.status = NotificationStatus.PENDING;
      notification.lastError = null;
      await manager.save(notification);
      await this.outbox.queueDelivery(manager, [notification]);
      return notification;
    });
  }
}
