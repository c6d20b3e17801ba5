/** The notices the referral lifecycle sends (templates: platform/notifications/templates/<KIND>.*.hbs). */
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
