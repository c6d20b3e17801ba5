import { join } from 'node:path';
import { NoticeTemplateSet } from '../../platform/notifications/mail/render-notice';

/** The notices the referral lifecycle sends (templates: notice-templates/<KIND>.*.hbs next to this file). */
export const REFERRAL_NOTICE_KINDS = [
  'REFERRAL_FILED',
  'REFERRAL_RETURNED_INCOMPLETE',
  'REFERRAL_FORWARDED',
  'REFERRAL_RETURNED_TO_LIAISON',
  'REFERRAL_ACKNOWLEDGED',
  'REFERRAL_ASSIGNED',
  'REFERRAL_COMPLETED',
  'REFERRAL_RETURNED_NO_TPP',
  'REFERRAL_ELEVATED',
  'REFERRAL_ELEVATION_RESOLVED',
  'REFERRAL_WITHDRAWN',
  'REFERRAL_CLOSED',
] as const;

export type ReferralNoticeKind = (typeof REFERRAL_NOTICE_KINDS)[number];

/** Where this module's notice templates are (the app hands every set to the renderer). */
export const REFERRAL_NOTICE_TEMPLATES: NoticeTemplateSet = { folder: join(__dirname, 'notice-templates'), kinds: REFERRAL_NOTICE_KINDS };
