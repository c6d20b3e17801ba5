import { EntityManager, In } from 'typeorm';
import { Employee } from '../org/employee.entity';
import { NotificationMode } from '../org/role';
import { JobQueue, QUEUES } from './job-queue';
import { NoticeRequest } from './notice';
import { Notification, NotificationStatus } from './notification.entity';

/** Writes notices into the outbox inside the caller's transaction and queues their delivery. */
export class NotificationOutbox {
  constructor(private readonly jobs: JobQueue) {}

  async enqueue(manager: EntityManager, notices: NoticeRequest[], now: Date): Promise<Notification[]> {
    if (notices.length === 0) return [];
    const recipients = await manager.find(Employee, {
      select: { id: true, notificationMode: true, active: true },
      where: { id: In([...new Set(notices.map((n) => n.recipientId))]) },
    });
    const modeOf = new Map(recipients.filter((r) => r.active).map((r) => [r.id, r.notificationMode]));
    const rows = notices
      .filter((notice) => modeOf.has(notice.recipientId))
      .map((notice) =>
        manager.create(Notification, {
          kind: notice.kind,
          recipientId: notice.recipientId,
          referralId: notice.referralId,
          subjectType: notice.subject?.type ?? null,
          subjectId: notice.subject?.id ?? null,
          urgent: notice.urgent,
          facts: notice.facts ?? {},
          status:
            !notice.urgent && modeOf.get(notice.recipientId) === NotificationMode.DAILY_DIGEST
              ? NotificationStatus.DIGEST_PENDING
              : NotificationStatus.PENDING,
          createdAt: now,
        }),
      );
    if (rows.length === 0) return [];
    await manager.insert(Notification, rows);
    await this.queueDelivery(manager, rows.filter((row) => row.status === NotificationStatus.PENDING));
    return rows;
  }

  /** Queues delivery jobs for PENDING notifications (used again when an admin retries a dead letter). */
  async queueDelivery(manager: EntityManager, notifications: Pick<Notification, 'id'>[]): Promise<void> {
    await this.jobs.sendInTransaction(
      manager,
      QUEUES.deliver,
      notifications.map((n) => ({ notificationId: n.id })),
    );
  }
}
