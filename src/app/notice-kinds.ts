import { REFERRAL_NOTICE_KINDS } from '../modules/referrals/referral-notice-kinds';
import { TECS_NOTICE_KINDS } from '../modules/tecs/tecs-notice-kinds';
import { PLATFORM_NOTICE_KINDS } from '../platform/notifications/mail/render-notice';
import { DISCLOSURE_NOTICE_KINDS } from '../modules/disclosure/disclosure-notice-kinds';

/** Every notice the hub sends: each module's kinds and the platform's (a test checks each has its templates). */
export const NOTICE_KINDS = [...REFERRAL_NOTICE_KINDS, ...PLATFORM_NOTICE_KINDS, ...TECS_NOTICE_KINDS, ...DISCLOSURE_NOTICE_KINDS] as const;
