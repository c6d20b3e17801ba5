import { EntityManager } from 'typeorm';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { DisclosureSubject } from './disclosure-history.entity';
import { DisclosureNoticeKind } from './disclosure-notice-kinds';

/** Queues a disclosure notice to each recipient but the actor, naming the subject by id (its reference and state only). */
export async function enqueueDisclosureNotices(
  outbox: NotificationOutbox,
  manager: EntityManager,
  notice: { kind: DisclosureNoticeKind; subject: { type: DisclosureSubject; id: string }; actorId: string; now: Date },
  recipientIds: Iterable<string>,
): Promise<string[]> {
  const recipients = [...new Set(recipientIds)].filter((id) => id !== notice.actorId);
  const notices = await outbox.enqueue(
    manager,
    recipients.map((recipientId) => ({
      kind: notice.kind,
      recipientId,
      referralId: null,
      subject: notice.subject,
      urgent: false,
      facts: { actorId: notice.actorId },
    })),
    notice.now,
  );
  return notices.map((n) => n.id);
}
