import { registerEnumType } from 'type-graphql';

export enum ReferralState {
  /** With the originating function's BMF ID theft liaison for review. */
  SUBMITTED = 'SUBMITTED',
  /** Returned to the originator as incomplete (IRM 10.5.3.3.7(3)). */
  RETURNED = 'RETURNED',
  /** Sent to the receiving function, awaiting acknowledgment. */
  FORWARDED = 'FORWARDED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ASSIGNED = 'ASSIGNED',
  /** Actions taken and documented; back with the originator and liaison (IRM 10.5.3.3.7.1(6)). */
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
  /** RIVO returned a 4442/3210 to the sender: "no TPP involvement" (IRM 25.25.6.2.3(3)). */
  RETURNED_NO_TPP = 'RETURNED_NO_TPP',
  /** 4442/3210: in RIVO's queue or paper group under its generic assignee (IRM 25.25.6, Exhibit 25.25.6-8). */
  RECEIVED = 'RECEIVED',
  /** 4442/3210: checked out by a RIVO employee, whose IDRS number replaces the generic assignee (IRM 25.25.6.2(10)). */
  CHECKED_OUT = 'CHECKED_OUT',
  /** 4442/3210: TPP involvement: a RIVO control base is open and being worked (IRM 25.25.6.2.3(3)). */
  WORKING = 'WORKING',
  /** 4442/3210: the control waits in monitoring status, e.g. MFT32REV, RTP-MMDD (Exhibit 25.25.6-9). */
  MONITORING = 'MONITORING',
  /** 4442/3210: closed as a misroute, CL2AM, CL2EXAM, CL2WOW or CL2AQC (Exhibit 25.25.6-9). */
  CLOSED_MISROUTED = 'CLOSED_MISROUTED',
}

registerEnumType(ReferralState, {
  name: 'ReferralState',
  description: 'Where a referral is in the route of its form (Form 14566: IRM 10.5.3.3.7; Forms 4442 and 3210: IRM 25.25.6)',
  valuesConfig: {
    SUBMITTED: { description: "14566: with the originating function's BMF ID theft liaison for review (IRM 10.5.3.3.7(3))" },
    RETURNED: { description: '14566: returned to the originator as incomplete (IRM 10.5.3.3.7(3))' },
    FORWARDED: { description: '14566: sent to the receiving function, awaiting acknowledgment (IRM 10.5.3.3.7.1(4))' },
    ACKNOWLEDGED: { description: '14566: receipt acknowledged by the receiving liaison' },
    ASSIGNED: { description: '14566: assigned to an employee of the receiving function' },
    COMPLETED: { description: '14566: actions taken and documented; back with the originator (IRM 10.5.3.3.7.1(6))' },
    CLOSED: { description: 'Closed: by the originator (14566) or by RIVO with a closing activity code (4442/3210)' },
    WITHDRAWN: { description: 'Withdrawn by the originator before the receiving function took it up' },
    RETURNED_NO_TPP: { description: '4442/3210: returned with its attachments to the sender, "no TPP involvement" (IRM 25.25.6.2.3(3))' },
    RECEIVED: {
      description: "4442/3210: in RIVO's queue under its generic assignee, not yet checked out (IRM 25.25.6, Exhibit 25.25.6-8)",
    },
    CHECKED_OUT: { description: '4442/3210: checked out by a RIVO employee, who decides its triage (IRM 25.25.6.2(10))' },
    WORKING: { description: '4442/3210: TPP involvement: a RIVO control base is open and worked (IRM 25.25.6.2.3(3))' },
    MONITORING: { description: '4442/3210: the control is in monitoring status while RIVO waits (Exhibit 25.25.6-9)' },
    CLOSED_MISROUTED: { description: '4442/3210: closed as a misroute (CL2AM, CL2EXAM, CL2WOW, CL2AQC; Exhibit 25.25.6-9)' },
  },
});

export const TERMINAL_STATES: readonly ReferralState[] = [
  ReferralState.CLOSED,
  ReferralState.WITHDRAWN,
  ReferralState.RETURNED_NO_TPP,
  ReferralState.CLOSED_MISROUTED,
];

export enum ReferralAction {
  FILE = 'FILE',
  RETURN_INCOMPLETE = 'RETURN_INCOMPLETE',
  RESUBMIT = 'RESUBMIT',
  FORWARD = 'FORWARD',
  RETURN_TO_ORIGINATING_LIAISON = 'RETURN_TO_ORIGINATING_LIAISON',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  ASSIGN = 'ASSIGN',
  COMPLETE = 'COMPLETE',
  RETURN_NO_TPP_INVOLVEMENT = 'RETURN_NO_TPP_INVOLVEMENT',
  CLOSE = 'CLOSE',
  WITHDRAW = 'WITHDRAW',
  ELEVATE = 'ELEVATE',
  RESOLVE_ELEVATION = 'RESOLVE_ELEVATION',
  CHECK_OUT = 'CHECK_OUT',
  OPEN_CONTROL = 'OPEN_CONTROL',
  MONITOR = 'MONITOR',
  RESUME_WORK = 'RESUME_WORK',
  CLOSE_AS_MISROUTE = 'CLOSE_AS_MISROUTE',
  /** Recorded by a migration that moved the referral onto its form's route (not a lifecycle transition). */
  ROUTE_MIGRATED = 'ROUTE_MIGRATED',
  /** Recorded by the hub's SLA sweep, not a lifecycle transition. */
  SLA_BREACH = 'SLA_BREACH',
  SLA_ESCALATION = 'SLA_ESCALATION',
  /** A recorded breach taken back: a closure made its clock due later than now (referral-closure-retiming.ts). */
  SLA_BREACH_WITHDRAWN = 'SLA_BREACH_WITHDRAWN',
  /** A document was attached (referral-documents.ts): the state does not change. */
  ATTACH_DOCUMENT = 'ATTACH_DOCUMENT',
  /** RIVO forwarded a document of a 3210 to Submission Processing (IRM 25.25.6.2.3(4); referral-document-custody.ts). */
  FORWARD_DOCUMENT_TO_SP = 'FORWARD_DOCUMENT_TO_SP',
  /** A document went back to the sender with its referral, "no TPP involvement" (IRM 25.25.6.2.3(3)). */
  RETURN_DOCUMENT_TO_SENDER = 'RETURN_DOCUMENT_TO_SENDER',
}

/** The actions people take (rows of REFERRAL_LIFECYCLE). */
export type LifecycleAction = Exclude<
  ReferralAction,
  | ReferralAction.SLA_BREACH
  | ReferralAction.SLA_ESCALATION
  | ReferralAction.SLA_BREACH_WITHDRAWN
  | ReferralAction.ROUTE_MIGRATED
  | ReferralAction.ATTACH_DOCUMENT
  | ReferralAction.FORWARD_DOCUMENT_TO_SP
  | ReferralAction.RETURN_DOCUMENT_TO_SENDER
>;

registerEnumType(ReferralAction, {
  name: 'ReferralAction',
  description: 'A step of a referral route (the lifecycle table of its form) or an entry the hub records itself',
  valuesConfig: {
    FILE: { description: "The originator filed it: a 14566 to their own function's BMF ID theft liaison, a 4442/3210 to RIVO" },
    RETURN_INCOMPLETE: { description: '14566: the originating liaison returned it to the originator as incomplete (IRM 10.5.3.3.7(3))' },
    RESUBMIT: { description: 'The originator sent a returned referral again, corrected; the review clock restarts' },
    FORWARD: { description: 'The originating liaison found it complete and sent it to the receiving function (IRM 10.5.3.3.7.1(3))' },
    RETURN_TO_ORIGINATING_LIAISON: {
      description: 'The receiving function returned it to the originating liaison as incomplete (IRM 10.5.3.3.8(4), 10.5.3.3.10(3))',
    },
    ACKNOWLEDGE: { description: 'The receiving function acknowledged receipt (14566: within 3 business days, IRM 10.5.3.3.7.1(4))' },
    ASSIGN: { description: 'The receiving liaison assigned it to a functional employee (IRM 10.5.3.3.7.1(4))' },
    COMPLETE: {
      description: 'The assignee took the requested actions and returned it, documenting every action (IRM 10.5.3.3.7.1(6))',
    },
    RETURN_NO_TPP_INVOLVEMENT: {
      description: '4442/3210: the RIVO employee returned it and its attachments to the sender, "no TPP involvement" (IRM 25.25.6.2.3(3))',
    },
    CLOSE: { description: 'The originator closed the completed referral' },
    WITHDRAW: { description: 'The originator withdrew it before acknowledgment' },
    ELEVATE: {
      description:
        'A disagreement over the requested action or time frame went up one level: liaisons, then each management chain (IRM 10.5.3.3.7.1(5) note)',
    },
    RESOLVE_ELEVATION: { description: 'Whoever held the elevated disagreement recorded its resolution' },
    SLA_BREACH: {
      description:
        "Recorded by the hub's SLA sweep: a running clock passed its due time (no actor; the IRM sets no rule, this is the hub's)",
    },
    SLA_ESCALATION: {
      description:
        "Recorded by the hub's SLA sweep: a breach went one level up the management chain (the hub's rule, modelled on elevation)",
    },
    SLA_BREACH_WITHDRAWN: { description: 'A recorded breach taken back: a closure made its clock due later than now' },
    CHECK_OUT: { description: "4442/3210: a RIVO employee takes the referral from the function's queue (IRM 25.25.6.2(10))" },
    OPEN_CONTROL: { description: '4442/3210: TPP involvement found: a RIVO control base is opened (IRM 25.25.6.2.3(3))' },
    MONITOR: { description: '4442/3210: the control goes to monitoring status while RIVO waits (Exhibit 25.25.6-9)' },
    RESUME_WORK: { description: '4442/3210: monitoring ends and the control is worked again' },
    CLOSE_AS_MISROUTE: { description: '4442/3210: closed as a misroute with CL2AM, CL2EXAM, CL2WOW or CL2AQC (Exhibit 25.25.6-9)' },
    ROUTE_MIGRATED: { description: "Recorded by a database migration that moved the referral onto its form's route; no actor" },
    ATTACH_DOCUMENT: {
      description: 'A party attached a document (PDF, TIFF, PNG, JPEG) to the referral; the state is unchanged (Referral.documents)',
    },
    FORWARD_DOCUMENT_TO_SP: {
      description:
        '3210: the RIVO employee working it forwarded a document (the signed return) to Submission Processing (IRM 25.25.6.2.3(4)); ' +
        'details name the document; the state is unchanged (Document.custody)',
    },
    RETURN_DOCUMENT_TO_SENDER: {
      description:
        '4442/3210: a document went back to the sender with its referral, "no TPP involvement" (IRM 25.25.6.2.3(3)); ' +
        'written with RETURN_NO_TPP_INVOLVEMENT, one per document (Document.custody)',
    },
  },
});
