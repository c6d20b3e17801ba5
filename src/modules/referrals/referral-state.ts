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
}

registerEnumType(ReferralState, { name: 'ReferralState' });

export const TERMINAL_STATES: readonly ReferralState[] = [ReferralState.CLOSED, ReferralState.WITHDRAWN, ReferralState.RETURNED_NO_TPP];

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
  /** Recorded by the hub's SLA sweep, not a lifecycle transition. */
  SLA_BREACH = 'SLA_BREACH',
  SLA_ESCALATION = 'SLA_ESCALATION',
  /** A recorded breach taken back: a closure made its clock due later than now (referral-closure-retiming.ts). */
  SLA_BREACH_WITHDRAWN = 'SLA_BREACH_WITHDRAWN',
  /** A document was attached (referral-documents.ts): the state does not change. */
  ATTACH_DOCUMENT = 'ATTACH_DOCUMENT',
}

/** The actions people take (rows of REFERRAL_LIFECYCLE). */
export type LifecycleAction = Exclude<
  ReferralAction,
  ReferralAction.SLA_BREACH | ReferralAction.SLA_ESCALATION | ReferralAction.SLA_BREACH_WITHDRAWN | ReferralAction.ATTACH_DOCUMENT
>;

registerEnumType(ReferralAction, {
  name: 'ReferralAction',
  valuesConfig: {
    ATTACH_DOCUMENT: {
      description: 'A party attached a document (PDF, TIFF, PNG, JPEG) to the referral; the state is unchanged (Referral.documents)',
    },
  },
});
