import { REFERRAL_NOTICE_TEMPLATES } from '../modules/referrals/referral-notice-kinds';
import { TECS_NOTICE_TEMPLATES } from '../modules/tecs/tecs-notice-kinds';
import { NoticeTemplateSet, PLATFORM_NOTICE_TEMPLATES } from '../platform/notifications/mail/render-notice';
import { DISCLOSURE_NOTICE_TEMPLATES } from '../modules/disclosure/disclosure-notice-kinds';

/** Every notice the hub sends, with the folder of its templates: each module's kinds and the platform's. */
export const NOTICE_TEMPLATE_SETS: readonly NoticeTemplateSet[] = [
  PLATFORM_NOTICE_TEMPLATES,
  REFERRAL_NOTICE_TEMPLATES,
  TECS_NOTICE_TEMPLATES,
  DISCLOSURE_NOTICE_TEMPLATES,
];

/** Every kind of notice (a test checks each has its templates). */
export const NOTICE_KINDS = NOTICE_TEMPLATE_SETS.flatMap((set) => set.kinds);
