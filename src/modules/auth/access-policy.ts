import { Role } from '../org/role';
import { DOWNLOAD_DOCUMENT_OPERATION, UPLOAD_DOCUMENT_OPERATION } from '../../platform/storage/document.service';

/** Any signed-in employee; never the DHS machine client. */
export const ANY_EMPLOYEE = 'ANY_EMPLOYEE' as const;

export interface OperationPolicy {
  /** Who may call the operation at all (checked before it runs, by the policy guard). */
  roles: typeof ANY_EMPLOYEE | readonly Role[];
  /** The relation to the item the service then requires (null: none). */
  relation: string | null;
  /** The result carries taxpayer or TECS data: every call is written to the access audit. */
  auditReads?: true;
}

const {
  ADMIN,
  MANAGER,
  GROUP_MANAGER,
  REVENUE_OFFICER,
  TECS_COORDINATOR,
  CRIMINAL_INVESTIGATION,
  DHS_INTERFACE,
  AUDITOR,
  DISCLOSURE_OFFICER,
} = Role;

const REFERRAL_PARTY =
  'party to the referral (originator, assignee, liaison of either function, elevation holder; a 4442/3210 in its queue: any employee of the receiving function) or admin; others get NOT_FOUND';
const TECS_CASE =
  'on the TECS case (its RO and GM, coordinator, CI once sent for entry, any GM/RO an OI was issued to); others get FORBIDDEN';
const OI_HOLDER = 'the GM or RO the OI is issued to';
const CUSTOMS_REQUEST_DOCUMENTS =
  'A Customs request (ownerKind customs-request): disclosure officers, as for customsRequest; others get FORBIDDEN';
const PAST_TRAVEL_CASE = 'the requesting RO, their GM or a TECS coordinator; others get FORBIDDEN';

/**
 * The one access policy: every query and mutation (by name) and every download (by path), who may call it
 * and what relation to the item the service requires. The guard (policy.guard.ts) denies any operation missing here; the README's access
 * table is generated from this, and the matrix test tries every operation with every role against it.
 */
export const ACCESS_POLICY: Readonly<Record<string, OperationPolicy>> = {
  // Organisation
  me: { roles: ANY_EMPLOYEE, relation: null },
  businessFunctions: { roles: ANY_EMPLOYEE, relation: null },
  employees: { roles: ANY_EMPLOYEE, relation: null },
  liaisons: { roles: ANY_EMPLOYEE, relation: null },
  referralCategories: { roles: ANY_EMPLOYEE, relation: null },
  setMyNotificationMode: { roles: ANY_EMPLOYEE, relation: 'their own preference' },
  createBusinessFunction: { roles: [ADMIN], relation: null },
  createEmployee: { roles: [ADMIN], relation: null },
  updateEmployee: { roles: [ADMIN], relation: null },
  assignLiaison: { roles: [ADMIN], relation: null },
  removeLiaison: { roles: [ADMIN], relation: null },

  // Referrals
  referral: { roles: ANY_EMPLOYEE, relation: REFERRAL_PARTY, auditReads: true },
  referrals: {
    roles: ANY_EMPLOYEE,
    relation: 'lists only referrals the caller is party to (admin: all), filtered in SQL',
    auditReads: true,
  },
  referralHistory: { roles: ANY_EMPLOYEE, relation: REFERRAL_PARTY, auditReads: true },
  myWorkQueue: { roles: ANY_EMPLOYEE, relation: 'what the caller must act on', auditReads: true },
  overdueReferrals: { roles: ANY_EMPLOYEE, relation: 'lists only referrals the caller is party to, filtered in SQL', auditReads: true },
  fileReferral: { roles: ANY_EMPLOYEE, relation: 'files for their own function, to another function' },
  returnReferralIncomplete: { roles: ANY_EMPLOYEE, relation: 'liaison of the originating function' },
  resubmitReferral: { roles: ANY_EMPLOYEE, relation: 'the originator' },
  forwardReferral: { roles: ANY_EMPLOYEE, relation: 'liaison of the originating function' },
  returnReferralToOriginatingLiaison: { roles: ANY_EMPLOYEE, relation: 'liaison of the receiving function' },
  acknowledgeReferral: { roles: ANY_EMPLOYEE, relation: 'liaison of the receiving function' },
  assignReferral: { roles: ANY_EMPLOYEE, relation: 'liaison of the receiving function; the assignee works there' },
  completeReferral: { roles: ANY_EMPLOYEE, relation: 'the assigned employee (4442/3210: who checked it out)' },
  returnReferralNoTppInvolvement: { roles: ANY_EMPLOYEE, relation: 'the RIVO employee who checked the 4442/3210 out' },
  closeReferral: { roles: ANY_EMPLOYEE, relation: 'the originator' },
  withdrawReferral: { roles: ANY_EMPLOYEE, relation: 'the originator, before acknowledgment (4442/3210: before check-out)' },
  elevateReferral: {
    roles: ANY_EMPLOYEE,
    relation: 'originator, assignee, liaison of either function, or whoever the elevation sits with',
  },
  resolveReferralElevation: { roles: ANY_EMPLOYEE, relation: 'whoever the elevation sits with' },
  checkOutReferral: { roles: ANY_EMPLOYEE, relation: 'employee of the receiving function, while the 4442/3210 is in its queue' },
  openReferralControl: { roles: ANY_EMPLOYEE, relation: 'the RIVO employee who checked the 4442/3210 out' },
  monitorReferral: { roles: ANY_EMPLOYEE, relation: 'the RIVO employee who checked the 4442/3210 out' },
  resumeReferralWork: { roles: ANY_EMPLOYEE, relation: 'the RIVO employee who checked the 4442/3210 out' },
  fileImfImplicationReferrals: { roles: ANY_EMPLOYEE, relation: 'files for their own function, to the EF team and CI its routes name' },
  referralRoutes: { roles: ANY_EMPLOYEE, relation: null },
  referralReceivers: { roles: ANY_EMPLOYEE, relation: null },
  setReferralRoute: { roles: [ADMIN], relation: null },
  closeReferralAsMisroute: { roles: ANY_EMPLOYEE, relation: 'the RIVO employee who checked the 4442/3210 out' },

  // Notifications and SLA
  slaReport: { roles: [ADMIN, MANAGER], relation: null },
  failedNotifications: { roles: [ADMIN], relation: null },
  retryNotification: { roles: [ADMIN], relation: null },

  // TECS
  requestLookout: { roles: [REVENUE_OFFICER], relation: 'through their own group manager' },
  resubmitLookoutRequest: { roles: [REVENUE_OFFICER], relation: 'the requesting RO' },
  approveLookoutRequest: { roles: [GROUP_MANAGER], relation: "the requesting RO's group manager" },
  returnLookoutRequest: { roles: [GROUP_MANAGER], relation: "the requesting RO's group manager" },
  acceptLookout: { roles: [TECS_COORDINATOR], relation: null },
  declineLookout: { roles: [TECS_COORDINATOR], relation: null },
  forwardLookoutRemoval: { roles: [TECS_COORDINATOR], relation: null },
  confirmLookoutEntry: { roles: [CRIMINAL_INVESTIGATION], relation: null },
  confirmLookoutRemoval: { roles: [CRIMINAL_INVESTIGATION], relation: null },
  requestLookoutRemoval: {
    roles: [REVENUE_OFFICER, GROUP_MANAGER],
    relation: "the lookout's RO or GM, or a GM/RO an OI of it was issued to",
  },
  confirmLookoutRemains: {
    roles: [REVENUE_OFFICER, GROUP_MANAGER],
    relation: "the lookout's RO or GM, or a GM/RO an OI of it was issued to",
  },
  lookout: { roles: ANY_EMPLOYEE, relation: TECS_CASE, auditReads: true },
  lookouts: { roles: ANY_EMPLOYEE, relation: 'lists only lookouts the caller is on the case of, filtered in SQL', auditReads: true },
  lookoutHistory: { roles: ANY_EMPLOYEE, relation: TECS_CASE, auditReads: true },
  reportCrossing: { roles: [DHS_INTERFACE], relation: null },
  tecsCoordinatorQueue: { roles: [TECS_COORDINATOR], relation: null, auditReads: true },
  dismissCrossing: { roles: [TECS_COORDINATOR], relation: null },
  crossing: { roles: ANY_EMPLOYEE, relation: TECS_CASE, auditReads: true },
  crossings: {
    roles: ANY_EMPLOYEE,
    relation: 'lists only crossings the caller is on the case of (coordinator: all), filtered in SQL',
    auditReads: true,
  },
  taxpayerDisclosure: { roles: ANY_EMPLOYEE, relation: TECS_CASE, auditReads: true },
  openInvestigation: { roles: [TECS_COORDINATOR], relation: null },
  reissueInvestigation: { roles: [GROUP_MANAGER, TECS_COORDINATOR], relation: `${OI_HOLDER} (its GM), or the coordinator` },
  closeInvestigation: { roles: [GROUP_MANAGER, REVENUE_OFFICER], relation: OI_HOLDER },
  investigation: { roles: ANY_EMPLOYEE, relation: TECS_CASE, auditReads: true },
  myInvestigations: { roles: ANY_EMPLOYEE, relation: 'OIs issued to the caller (coordinator: all)', auditReads: true },

  // Closures (executive-order days off, site closures): anyone reads them, admins change them
  closures: { roles: ANY_EMPLOYEE, relation: null },
  addClosure: { roles: [ADMIN], relation: null },
  updateClosure: { roles: [ADMIN], relation: null },
  removeClosure: { roles: [ADMIN], relation: null },

  // Access audit
  accessAudit: { roles: [ADMIN, AUDITOR], relation: null, auditReads: true },

  // CSV downloads over HTTP (src/platform/exports), keyed by their path
  '/exports/sla-report.csv': { roles: [ADMIN, MANAGER], relation: null },
  '/exports/lookouts.csv': {
    roles: ANY_EMPLOYEE,
    relation: 'lists only lookouts the caller is on the case of, filtered in SQL',
    auditReads: true,
  },
  '/exports/access-audit.csv': { roles: [ADMIN, AUDITOR], relation: null, auditReads: true },

  // Documents over HTTP (src/platform/storage): the owner's rules decide, for a referral its parties, for a Customs
  // request whoever `customsRequest` admits
  [UPLOAD_DOCUMENT_OPERATION]: {
    roles: ANY_EMPLOYEE,
    relation: `party to the open referral the document is attached to; others get NOT_FOUND (or FORBIDDEN: admin not a party). ${CUSTOMS_REQUEST_DOCUMENTS}`,
  },
  [DOWNLOAD_DOCUMENT_OPERATION]: {
    roles: ANY_EMPLOYEE,
    relation: `${REFERRAL_PARTY}; once returned "no TPP involvement", only the sender's side and admins (RIVO: FORBIDDEN). ${CUSTOMS_REQUEST_DOCUMENTS}`,
    auditReads: true,
  },
  // Disclosure: Customs requests under 26 CFR 301.6103(l)(14)-1 and the accounting of disclosures
  customsRequest: { roles: [DISCLOSURE_OFFICER], relation: null, auditReads: true },
  customsRequests: { roles: [DISCLOSURE_OFFICER], relation: null, auditReads: true },
  customsRequestHistory: { roles: [DISCLOSURE_OFFICER], relation: null, auditReads: true },
  customsReleaseLetter: { roles: [DISCLOSURE_OFFICER], relation: null, auditReads: true },
  recordCustomsRequest: { roles: [DISCLOSURE_OFFICER], relation: null },
  returnCustomsRequestIncomplete: { roles: [DISCLOSURE_OFFICER], relation: null },
  answerCustomsScreen: { roles: [DISCLOSURE_OFFICER], relation: null },
  decideCustomsItem: { roles: [DISCLOSURE_OFFICER], relation: null },
  concludeCustomsReview: { roles: [DISCLOSURE_OFFICER], relation: null },
  returnCustomsReview: { roles: [DISCLOSURE_OFFICER], relation: 'a disclosure officer who took no part in the review (two-person rule)' },
  releaseCustomsDisclosure: {
    roles: [DISCLOSURE_OFFICER],
    relation: 'a disclosure officer who took no part in the review (two-person rule)',
  },
  disclosureAccounting: { roles: [DISCLOSURE_OFFICER, AUDITOR, ADMIN], relation: null, auditReads: true },
  '/exports/disclosure-accounting.csv': { roles: [DISCLOSURE_OFFICER, AUDITOR, ADMIN], relation: null, auditReads: true },
  discloseTecsInformation: {
    roles: ANY_EMPLOYEE,
    relation: `a crossing: ${TECS_CASE}; a past-travel answer: ${PAST_TRAVEL_CASE}; to the taxpayer or a representative with authority on file only (third parties: FORBIDDEN)`,
  },
  recordDhsDisclosureAuthorization: {
    roles: ANY_EMPLOYEE,
    relation: `a crossing: ${TECS_CASE}; a past-travel answer: ${PAST_TRAVEL_CASE}`,
  },
  tecsDisclosures: { roles: ANY_EMPLOYEE, relation: TECS_CASE, auditReads: true },
  dhsDisclosureAuthorizations: { roles: ANY_EMPLOYEE, relation: TECS_CASE, auditReads: true },
  requestPastTravel: { roles: [REVENUE_OFFICER], relation: 'through their own group manager, to the TECS coordinator' },
  forwardPastTravelRequest: { roles: [TECS_COORDINATOR], relation: null },
  declinePastTravelRequest: { roles: [TECS_COORDINATOR], relation: null },
  answerPastTravelRequest: { roles: [DHS_INTERFACE], relation: 'a request the coordinator sent to DHS' },
  pastTravelRequest: { roles: ANY_EMPLOYEE, relation: PAST_TRAVEL_CASE, auditReads: true },
  pastTravelRequests: {
    roles: ANY_EMPLOYEE,
    relation: 'lists only the requests the caller is on (RO, their GM; coordinator: all)',
    auditReads: true,
  },
  pastTravelRequestHistory: { roles: ANY_EMPLOYEE, relation: PAST_TRAVEL_CASE, auditReads: true },
  pastTravelRequestsWithDhs: { roles: [DHS_INTERFACE], relation: 'the requests sent to DHS and not yet answered', auditReads: true },
  // Calendar feed of one's own deadlines (the feed itself is fetched with its token: /calendar/<token>.ics)
  createMyCalendarFeed: { roles: ANY_EMPLOYEE, relation: 'their own calendar feed' },
  revokeMyCalendarFeed: { roles: ANY_EMPLOYEE, relation: 'their own calendar feed' },
  // Live updates for the console (server-sent events, src/platform/live)
  '/live': { roles: ANY_EMPLOYEE, relation: 'events only about referrals and TECS items the caller may see (ids, never content)' },
  // Documents' custody (IRM 25.25.6.2.3(4))
  forwardDocumentToSubmissionProcessing: { roles: ANY_EMPLOYEE, relation: 'the RIVO employee working the 3210 (checked out, WORKING)' },
};

/** Whether the caller's roles pass the operation's role requirement. */
export function rolesAllow(policy: OperationPolicy, roles: readonly Role[]): boolean {
  if (policy.roles === ANY_EMPLOYEE) return !roles.includes(DHS_INTERFACE);
  return policy.roles.some((role) => roles.includes(role));
}

/** Who may call an operation, as the README's access table and the schema's descriptions say it. */
export function whoMayCall(policy: OperationPolicy): string {
  return policy.roles === ANY_EMPLOYEE ? 'any employee' : policy.roles.map((r) => `\`${r}\``).join(', ');
}

/** The access table printed in the README (a test keeps it in step). */
export function accessPolicyMarkdownTable(): string {
  const rows = Object.entries(ACCESS_POLICY).map(
    ([operation, policy]) => `| \`${operation}\` | ${whoMayCall(policy)} | ${policy.relation ?? '—'} |`,
  );
  return ['| operation | who may call it | relation to the item |', '|---|---|---|', ...rows].join('\n');
}
