import { join } from 'node:path';
import { NoticeTemplateSet } from '../../platform/notifications/mail/render-notice';

/** The notices of the TECS workflows (templates: notice-templates/<KIND>.*.hbs next to this file). */
export const TECS_NOTICE_KINDS = [
  'LOOKOUT_REQUESTED',
  'LOOKOUT_RETURNED',
  'LOOKOUT_FOR_REVIEW',
  'LOOKOUT_NOT_ACCEPTED',
  'LOOKOUT_FOR_ENTRY',
  'LOOKOUT_ENTERED',
  'LOOKOUT_REMOVAL_REQUESTED',
  'LOOKOUT_FOR_REMOVAL',
  'LOOKOUT_REMOVED',
  'LOOKOUT_REMAINS',
  'CROSSING_REPORTED',
  'OI_ISSUED',
  'OI_CLOSED',
] as const;

export type TecsNoticeKind = (typeof TECS_NOTICE_KINDS)[number];

/** Where this module's notice templates are (the app hands every set to the renderer). */
export const TECS_NOTICE_TEMPLATES: NoticeTemplateSet = { folder: join(__dirname, 'notice-templates'), kinds: TECS_NOTICE_KINDS };
