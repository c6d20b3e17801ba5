import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { NotificationMode } from './notification-mode';
import { JobQueue, QUEUES } from './job-queue';
import { NoticeRequest } from './notice';
import { Notification, NotificationStatus } from './notification.entity';

/** Writes notices into the outbox inside the caller's transaction and queues their delivery. */
export class NotificationOutbox {
  constructor(
    private readonly jobs: JobQueue,
    /** Who may receive notices, and how: a SELECT of (id, notification_mode) over active recipients (from org). */
    private readonly recipientsSql: string,
  ) {}

  /**
   * One statement whatever the number of notices: only active recipients get a row, and a digest
   * reader's non-urgent notice is held for the digest (decided in SQL from the recipient's row).
   */
  async enqueue(manager: EntityManager, notices: NoticeRequest[], now: Date): Promise<Notification[]> {
    if (notices.length === 0) return [];
    const candidates = notices.map((notice) =>
      manager.create(Notification, {
        id: randomUUID(),
        kind: notice.kind,
        recipientId: notice.recipientId,
        referralId: notice.referralId,
        subjectType: notice.subject?.type ?? null,
        subjectId: notice.subject?.id ?? null,
        urgent: notice.urgent,
        facts: notice.facts ?? {},
        status: NotificationStatus.PENDING,
        attempts: 0,
        lastError: null,
        messageId: null,
        digestId: null,
        createdAt: now,
        sentAt: null,
      }),
    );
    const inserted: { id: string; status: NotificationStatus }[] = await manager.query(
      `INSERT INTO notification (id, kind, recipient_id, referral_id, subject_type, subject_id, urgent, status, facts, created_at)
       SELECT n.id, n.kind, n.recipient_id, n.referral_id, n.subject_type, n.subject_id, n.urgent,
              CASE WHEN NOT n.urgent AND e.notification_mode = $2 THEN $3 ELSE $4 END, n.facts, $5::timestamptz
         FROM json_to_recordset($1::json)
              AS n(id uuid, kind text, recipient_id uuid, referral_id uuid, subject_type text, subject_id uuid, urgent boolean, facts jsonb)
         JOIN (${this.recipientsSql}) e ON e.id = n.recipient_id
       RETURNING id, status`,
      [
        JSON.stringify(
          candidates.map((c) => ({
            id: c.id,
            kind: c.kind,
            recipient_id: c.recipientId,
            referral_id: c.referralId,
            subject_type: c.subjectType,
            subject_id: c.subjectId,
            urgent: c.urgent,
            facts: c.facts,
          })),
        ),
        NotificationMode.DAILY_DIGEST,
        NotificationStatus.DIGEST_PENDING,
        NotificationStatus.PENDING,
        now.toISOString(),
      ],
    );
    const statusOf = new Map(inserted.map((row) => [row.id, row.status]));
    const rows = candidates.filter((row) => statusOf.has(row.id));
    for (const row of rows) row.status = statusOf.get(row.id)!;
    if (rows.length === 0) return [];
    await this.queueDelivery(
      manager,
      rows.filter((row) => row.status === NotificationStatus.PENDING),
    );
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
