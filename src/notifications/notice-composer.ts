import { DateTime } from 'luxon';
import { EntityManager, In } from 'typeorm';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { REFERRAL_FORM_NAMES } from '../referrals/forms/referral-form';
import { Referral } from '../referrals/referral.entity';
import { MailMessage } from './mail/mailer';
import { NoticeDigestItem, NoticeKind, NoticeModel, renderNotice } from './mail/render-notice';
import { Notification } from './notification.entity';

/** What a digest line says for each kind of notice it carries (hub text, never free text). */
const DIGEST_SUMMARY: Partial<Record<NoticeKind, string>> = {
  REFERRAL_FILED: 'Filed with your function: waiting for your review',
  REFERRAL_RETURNED_INCOMPLETE: 'Returned to you as incomplete',
  REFERRAL_FORWARDED: 'Forwarded to your function: acknowledge it',
  REFERRAL_RETURNED_TO_LIAISON: 'Returned to your function as incomplete',
  REFERRAL_ACKNOWLEDGED: 'Acknowledged by the receiving function',
  REFERRAL_ASSIGNED: 'Assigned to you',
  REFERRAL_COMPLETED: 'Completed: actions taken are documented',
  REFERRAL_RETURNED_NO_TPP: 'Returned: no TPP involvement',
  REFERRAL_ELEVATION_RESOLVED: 'Disagreement resolved',
  REFERRAL_WITHDRAWN: 'Withdrawn by the originator',
  REFERRAL_CLOSED: 'Closed by the originator',
};

/** Sent with high priority: they ask someone to act now. */
const HIGH_PRIORITY: ReadonlySet<NoticeKind> = new Set<NoticeKind>(['SLA_REMINDER', 'SLA_BREACH', 'SLA_ESCALATION', 'REFERRAL_ELEVATED']);

/** Builds the e-mail for one outbox row from safe facts only: reference, form, state, due time, link. */
export class NoticeComposer {
  constructor(private readonly baseUrl: string) {}

  async compose(manager: EntityManager, notification: Notification): Promise<MailMessage> {
    const recipient = await manager.findOneByOrFail(Employee, { id: notification.recipientId });
    const zone = (await manager.findOneByOrFail(BusinessFunction, { id: recipient.functionId })).timeZone;
    const kind = notification.kind as NoticeKind;
    const referral = notification.referralId ? await manager.findOneByOrFail(Referral, { id: notification.referralId }) : null;
    const actor = notification.facts.actorId ? await manager.findOneBy(Employee, { id: notification.facts.actorId }) : null;
    const model: NoticeModel = {
      recipientName: recipient.name,
      referenceNumber: referral?.referenceNumber ?? '',
      formName: referral ? REFERRAL_FORM_NAMES[referral.form].name : '',
      state: referral?.state ?? '',
      link: referral ? this.referralLink(referral.id) : `${this.baseUrl}/work-queue`,
      ...(actor ? { actorName: actor.name } : {}),
      ...(notification.facts.clock ? { clock: notification.facts.clock.toLowerCase() } : {}),
      ...(notification.facts.dueAt ? { dueAt: this.formatDue(notification.facts.dueAt, zone) } : {}),
      ...(notification.facts.escalationLevel !== undefined ? { escalationLevel: notification.facts.escalationLevel } : {}),
      ...(kind === 'DAILY_DIGEST' ? { items: await this.digestItems(manager, notification.id) } : {}),
    };
    const rendered = renderNotice(kind, model);
    return {
      to: recipient.email,
      ...rendered,
      priority: HIGH_PRIORITY.has(kind) ? 'high' : 'normal',
      headers: { 'X-Hub-Notification-Id': notification.id },
    };
  }

  private async digestItems(manager: EntityManager, digestId: string): Promise<NoticeDigestItem[]> {
    const carried = await manager.find(Notification, { where: { digestId }, order: { createdAt: 'ASC' } });
    const referralIds = [...new Set(carried.map((n) => n.referralId).filter((id): id is string => id !== null))];
    const referrals = new Map((await manager.findBy(Referral, { id: In(referralIds) })).map((r) => [r.id, r]));
    return carried.flatMap((n) => {
      const referral = n.referralId ? referrals.get(n.referralId) : undefined;
      if (!referral) return [];
      return [
        {
          referenceNumber: referral.referenceNumber,
          formName: REFERRAL_FORM_NAMES[referral.form].name,
          state: referral.state,
          link: this.referralLink(referral.id),
          summary: DIGEST_SUMMARY[n.kind as NoticeKind] ?? 'Updated',
        },
      ];
    });
  }

  private referralLink(referralId: string): string {
    return `${this.baseUrl}/referrals/${referralId}`;
  }

  private formatDue(iso: string, zone: string): string {
    return DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL yyyy, h:mm a ZZZZ');
  }
}
