/** The notices of the disclosure workflows (templates: platform/notifications/templates/<KIND>.*.hbs); never taxpayer data. */
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
