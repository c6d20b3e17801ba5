/** The notices of the TECS workflows (templates: platform/notifications/templates/<KIND>.*.hbs). */
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
