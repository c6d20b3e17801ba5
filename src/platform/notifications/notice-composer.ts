import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { BusinessFunction } from '../../modules/org/business-function.entity';
import { Employee } from '../../modules/org/employee.entity';
import { REFERRAL_FORM_NAMES } from '../../modules/referrals/forms/referral-form';
import { Referral } from '../../modules/referrals/referral.entity';
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
const HIGH_PRIORITY: ReadonlySet<NoticeKind> = new Set<NoticeKind>(['SLA_REMINDER', 'SLA_BREACH', 'SLA_ESCALATION', 'REFERRAL_ELEVATED', 'CROSSING_REPORTED']);

/** What a notice may say about the thing it is about: never content, only these safe facts. */
export interface NoticeSubject {
  referenceNumber: string;
  formName: string;
  state: string;
  /** Path under the base URL, e.g. /lookouts/<id>. */
  path: string;
}

/** Looks up the safe facts of a non-referral subject (e.g. a TECS crossing) by id. */
export type NoticeSubjectResolver = (manager: EntityManager, id: string) => Promise<NoticeSubject | null>;

/** Builds the e-mail for one outbox row from safe facts only: reference, form, state, due time, link. */
export class NoticeComposer {
  private readonly subjects = new Map<string, NoticeSubjectResolver>();

  constructor(private readonly baseUrl: string) {}

  /** Teaches the composer another kind of subject (modules register theirs at start-up). */
  registerSubject(type: string, resolver: NoticeSubjectResolver): void {
    this.subjects.set(type, resolver);
  }

  async compose(manager: EntityManager, notification: Notification): Promise<MailMessage> {
    const recipient = await manager.findOneByOrFail(Employee, { id: notification.recipientId });
    const zone = (await manager.findOneByOrFail(BusinessFunction, { id: recipient.functionId })).timeZone;
    const kind = notification.kind as NoticeKind;
    const subject = await this.subjectOf(manager, notification);
    const actor = notification.facts.actorId ? await manager.findOneBy(Employee, { id: notification.facts.actorId }) : null;
    const model: NoticeModel = {
      recipientName: recipient.name,
      referenceNumber: subject?.referenceNumber ?? '',
      formName: subject?.formName ?? '',
      state: subject?.state ?? '',
      link: `${this.baseUrl}${subject?.path ?? '/work-queue'}`,
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

  private async subjectOf(manager: EntityManager, notification: Notification): Promise<NoticeSubject | null> {
    if (notification.referralId) {
      const referral = await manager.findOneByOrFail(Referral, { id: notification.referralId });
      return {
        referenceNumber: referral.referenceNumber,
        formName: REFERRAL_FORM_NAMES[referral.form].name,
        state: referral.state,
        path: `/referrals/${referral.id}`,
      };
    }
    if (!notification.subjectType || !notification.subjectId) return null;
    const resolve = this.subjects.get(notification.subjectType);
    if (!resolve) throw new Error(`No notice subject resolver for ${notification.subjectType}`);
    return resolve(manager, notification.subjectId);
  }

  private async digestItems(manager: EntityManager, digestId: string): Promise<NoticeDigestItem[]> {
    const carried = await manager.find(Notification, { where: { digestId }, order: { createdAt: 'ASC' } });
    const items: NoticeDigestItem[] = [];
    for (const notification of carried) {
      const subject = await this.subjectOf(manager, notification);
      if (!subject) continue;
      items.push({
        referenceNumber: subject.referenceNumber,
        formName: subject.formName,
        state: subject.state,
        link: `${this.baseUrl}${subject.path}`,
        summary: DIGEST_SUMMARY[notification.kind as NoticeKind] ?? 'Updated',
      });
    }
    return items;
  }

  private formatDue(iso: string, zone: string): string {
    return DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL yyyy, h:mm a ZZZZ');
  }
}
