import { join } from 'node:path';
import { NoticeTemplateSet } from '../../platform/notifications/mail/render-notice';

/** The notices of the disclosure workflows (templates: notice-templates/<KIND>.*.hbs next to this file); never taxpayer data. */
export const DISCLOSURE_NOTICE_KINDS = [
  'CUSTOMS_REQUEST_RECEIVED',
  'CUSTOMS_RELEASE_AWAITED',
  'CUSTOMS_REVIEW_RETURNED',
  'CUSTOMS_REQUEST_RELEASED',
  'PAST_TRAVEL_REQUESTED',
  'PAST_TRAVEL_ANSWERED',
  'PAST_TRAVEL_DECLINED',
] as const;

export type DisclosureNoticeKind = (typeof DISCLOSURE_NOTICE_KINDS)[number];

/** Where this module's notice templates are (the app hands every set to the renderer). */
export const DISCLOSURE_NOTICE_TEMPLATES: NoticeTemplateSet = {
  folder: join(__dirname, 'notice-templates'),
  kinds: DISCLOSURE_NOTICE_KINDS,
};
