import { NoticeKind } from './mail/render-notice';
import { NotificationFacts } from './notification.entity';

/** A notice to raise: which kind, to whom, about which referral. Turned into outbox rows by NotificationOutbox. */
export interface NoticeRequest {
  kind: NoticeKind;
  recipientId: string;
  referralId: string | null;
  /** For notices about other things than referrals (e.g. a TECS crossing). */
  subject?: { type: string; id: string };
  /** Breach, escalation, reminder and elevation notices are never held for a digest. */
  urgent: boolean;
  facts?: NotificationFacts;
}
