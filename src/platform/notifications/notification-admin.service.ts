import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { keysetPage, Order, Page, PageRequest, SortDirection, SortKey } from '../database/keyset-page';
import { NotificationOutbox } from './notification-outbox';
import { Notification, NotificationStatus } from './notification.entity';

/** Largest page of dead letters. */
export const MAX_FAILED_PAGE = 500;

/** The orders the dead letters can be read in. */
export enum FailedNotificationSortField {
  CREATED_AT = 'CREATED_AT',
}

const FAILED_SORT_KEYS: Record<FailedNotificationSortField, SortKey> = {
  CREATED_AT: { name: 'CREATED_AT', columns: [{ expression: 'n.created_at', sqlType: 'timestamptz' }] },
};

export const NEWEST_FAILED_FIRST: Order<FailedNotificationSortField> = {
  field: FailedNotificationSortField.CREATED_AT,
  direction: SortDirection.DESC,
};

/** Dead letters: notices rejected for good or out of retries, listed and retried by an admin. */
export class NotificationAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutbox,
  ) {}

  failed(order: Order<FailedNotificationSortField>, page: PageRequest): Promise<Page<Notification>> {
    const query = this.dataSource.manager
      .createQueryBuilder(Notification, 'n')
      .where('n.status = :failed', { failed: NotificationStatus.FAILED });
    return keysetPage(query, { key: FAILED_SORT_KEYS[order.field], direction: order.direction }, page, MAX_FAILED_PAGE);
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
