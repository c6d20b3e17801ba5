import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { MailMessage } from './mail/mailer';
import { NoticeDigestItem, NoticeKind, NoticeModel, NoticeTemplates, PlatformNoticeKind } from './mail/render-notice';
import { Notification } from './notification.entity';

/** How a kind of notice is sent beyond its templates (each module registers its kinds' rules). */
export interface NoticeKindRules {
  /** What a digest line says for this kind (hub text, never free text); 'Updated' when absent. */
  digestSummary?: string;
  /** Sent with high priority: it asks someone to act now. */
  highPriority?: boolean;
}

/** The platform's own kinds: a clock's reminder, breach and escalation ask someone to act now. */
const PLATFORM_KIND_RULES: Readonly<Partial<Record<PlatformNoticeKind, NoticeKindRules>>> = {
  SLA_REMINDER: { highPriority: true },
  SLA_BREACH: { highPriority: true },
  SLA_ESCALATION: { highPriority: true },
};

/** What a notice may say about the thing it is about: never content, only these safe facts. */
export interface NoticeSubject {
  referenceNumber: string;
  formName: string;
  state: string;
  /** Path under the base URL, e.g. /lookouts/<id>. */
  path: string;
}

/** Looks up the safe facts of a subject (a referral, a TECS crossing, …) by id. */
export type NoticeSubjectResolver = (manager: EntityManager, id: string) => Promise<NoticeSubject | null>;

/** A notice about a referral keeps it in `referral_id` (a foreign key) and is resolved as this subject type. */
export const REFERRAL_NOTICE_SUBJECT = 'REFERRAL';

/** The people notices go to and name (the org module's employees). */
export interface NoticePeople {
  /** Name, address and the time zone due times are shown in; throws if there is no such person. */
  recipient(manager: EntityManager, id: string): Promise<{ name: string; email: string; timeZone: string }>;
  nameOf(manager: EntityManager, id: string): Promise<string | null>;
}

/** Builds the e-mail for one outbox row from safe facts only: reference, form, state, due time, link. */
export class NoticeComposer {
  private readonly subjects = new Map<string, NoticeSubjectResolver>();
  private readonly kinds = new Map<NoticeKind, NoticeKindRules>(Object.entries(PLATFORM_KIND_RULES));

  constructor(
    private readonly baseUrl: string,
    private readonly people: NoticePeople,
    private readonly templates: NoticeTemplates,
  ) {}

  /** Teaches the composer how a module's kinds of notice are sent (at start-up). */
  registerKinds(rules: Readonly<Record<NoticeKind, NoticeKindRules>>): void {
    for (const [kind, rule] of Object.entries(rules)) this.kinds.set(kind, rule);
  }

  /** Teaches the composer a kind of subject (modules register theirs at start-up). */
  registerSubject(type: string, resolver: NoticeSubjectResolver): void {
    this.subjects.set(type, resolver);
  }

  async compose(manager: EntityManager, notification: Notification): Promise<MailMessage> {
    const recipient = await this.people.recipient(manager, notification.recipientId);
    const zone = recipient.timeZone;
    const kind = notification.kind;
    const subject = await this.subjectOf(manager, notification);
    const actorName = notification.facts.actorId ? await this.people.nameOf(manager, notification.facts.actorId) : null;
    const model: NoticeModel = {
      recipientName: recipient.name,
      referenceNumber: subject?.referenceNumber ?? '',
      formName: subject?.formName ?? '',
      state: subject?.state ?? '',
      link: `${this.baseUrl}${subject?.path ?? '/work-queue'}`,
      ...(actorName ? { actorName } : {}),
      ...(notification.facts.clock ? { clock: notification.facts.clock.toLowerCase() } : {}),
      ...(notification.facts.dueAt ? { dueAt: this.formatDue(notification.facts.dueAt, zone) } : {}),
      ...(notification.facts.escalationLevel !== undefined ? { escalationLevel: notification.facts.escalationLevel } : {}),
      ...(kind === 'DAILY_DIGEST' ? { items: await this.digestItems(manager, notification.id) } : {}),
    };
    const rendered = this.templates.render(kind, model);
    return {
      to: recipient.email,
      ...rendered,
      priority: this.kinds.get(kind)?.highPriority ? 'high' : 'normal',
      headers: { 'X-Hub-Notification-Id': notification.id },
    };
  }

  private async subjectOf(manager: EntityManager, notification: Notification): Promise<NoticeSubject | null> {
    const [type, id] = notification.referralId
      ? [REFERRAL_NOTICE_SUBJECT, notification.referralId]
      : [notification.subjectType, notification.subjectId];
    if (!type || !id) return null;
    const resolve = this.subjects.get(type);
    if (!resolve) throw new Error(`No notice subject resolver for ${type}`);
    return resolve(manager, id);
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
        summary: this.kinds.get(notification.kind)?.digestSummary ?? 'Updated',
      });
    }
    return items;
  }

  private formatDue(iso: string, zone: string): string {
    return DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL yyyy, h:mm a ZZZZ');
  }
}
