import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { prepared } from '../database/prepared-statements';
import { buildStatement, Parameter } from '../database/statement-builder';
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
   * One statement whatever the number of notices, with their delivery jobs: only active recipients get a row, and a
   * digest reader's non-urgent notice is held for the digest (decided in SQL from the recipient's row), without a job.
   */
  async enqueue(manager: EntityManager, notices: NoticeRequest[], now: Date): Promise<Notification[]> {
    if (notices.length === 0) return [];
    // Built as the entity directly: TypeORM's create() copies each property through its metadata, and a sweep's batch
    // enqueues thousands of notices.
    const candidates = notices.map((notice) =>
      Object.assign(new Notification(), {
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
      ...(await buildStatement(async (parameter) => {
        // One array per column, unnested: the planner then knows how many notices there are and looks their recipients
        // up by key (json_to_recordset is guessed at 100 rows, for which it read the whole employee table).
        const column = (type: string, pick: (candidate: Notification) => unknown) => `${parameter(candidates.map(pick))}::${type}[]`;
        return prepared(`WITH inserted AS (
             INSERT INTO notification (id, kind, recipient_id, referral_id, subject_type, subject_id, urgent, status, facts, created_at)
             SELECT n.id, n.kind, n.recipient_id, n.referral_id, n.subject_type, n.subject_id, n.urgent,
                    CASE WHEN NOT n.urgent AND e.notification_mode = ${parameter(NotificationMode.DAILY_DIGEST)}
                         THEN ${parameter(NotificationStatus.DIGEST_PENDING)} ELSE ${parameter(NotificationStatus.PENDING)} END,
                    n.facts, ${parameter(now.toISOString())}::timestamptz
               FROM unnest(${[
                 column('uuid', (c) => c.id),
                 column('text', (c) => c.kind),
                 column('uuid', (c) => c.recipientId),
                 column('uuid', (c) => c.referralId),
                 column('text', (c) => c.subjectType),
                 column('uuid', (c) => c.subjectId),
                 column('boolean', (c) => c.urgent),
                 column('jsonb', (c) => JSON.stringify(c.facts)),
               ].join(', ')}) AS n(id, kind, recipient_id, referral_id, subject_type, subject_id, urgent, facts)
               JOIN (${this.recipientsSql}) e ON e.id = n.recipient_id
             RETURNING id, status
           ),
           jobs AS (${await this.deliveryJobsSql(`SELECT id FROM inserted WHERE status = ${parameter(NotificationStatus.PENDING)}`, parameter)})
           SELECT id, status FROM inserted`);
      })),
    );
    const statusOf = new Map(inserted.map((row) => [row.id, row.status]));
    const rows = candidates.filter((row) => statusOf.has(row.id));
    for (const row of rows) row.status = statusOf.get(row.id)!;
    return rows;
  }

  /** Queues delivery jobs for PENDING notifications (again, when an admin retries a dead letter). */
  async queueDelivery(manager: EntityManager, notifications: Pick<Notification, 'id'>[]): Promise<void> {
    await manager.query(
      ...(await buildStatement((parameter) =>
        this.deliveryJobsSql(`SELECT unnest(${parameter(notifications.map((n) => n.id))}::uuid[]) AS id`, parameter),
      )),
    );
  }

  /** The delivery jobs of the notifications `ids` selects (a column `id`), inserted by pg-boss's own statement. */
  private deliveryJobsSql(ids: string, parameter: Parameter): Promise<string> {
    return this.jobs.insertJobsSql(
      `SELECT coalesce(json_agg(json_build_object('name', ${parameter(QUEUES.deliver)}::text,
                                                  'data', json_build_object('notificationId', d.id))), '[]')
         FROM (${ids}) d`,
      parameter,
    );
  }
}
