import { ACCESS_POLICY } from '../auth/access-policy';
import { defineLifecycle, LifecycleRule, lifecycleMarkdownTable as markdownTable } from '../../platform/lifecycle/lifecycle-table';
import { ReferralNoticeKind } from './referral-notice-kinds';
import { ReferralForm } from './forms/form-content';
import { LifecycleAction, ReferralAction, ReferralState, TERMINAL_STATES } from './referral-state';

/** How the actor relates to the referral; the policy resolves these against the caller. */
export enum ReferralParty {
  ORIGINATOR = 'ORIGINATOR',
  ORIGINATING_LIAISON = 'ORIGINATING_LIAISON',
  RECEIVING_LIAISON = 'RECEIVING_LIAISON',
  ASSIGNEE = 'ASSIGNEE',
  /** Someone the current elevation sits with (a liaison or a manager in a chain). */
  ELEVATION_HOLDER = 'ELEVATION_HOLDER',
}

/** Who hears about a transition (the actor never notifies themselves). */
export enum Audience {
  ORIGINATOR = 'ORIGINATOR',
  ORIGINATING_LIAISONS = 'ORIGINATING_LIAISONS',
  RECEIVING_LIAISONS = 'RECEIVING_LIAISONS',
  ASSIGNEE = 'ASSIGNEE',
  ELEVATION_HOLDERS = 'ELEVATION_HOLDERS',
  PREVIOUS_ELEVATION_HOLDERS = 'PREVIOUS_ELEVATION_HOLDERS',
}

/**
 * The due clocks an action starts or stops: REVIEW (the originating liaison's 3 workdays), RECEIPT (acknowledgment
 * and completion, from receipt by the receiving function). Clocks also end with the states they run in (referral-clocks.ts).
 */
export type ReferralClockSet = 'REVIEW' | 'RECEIPT';

export interface Transition extends LifecycleRule<ReferralState, ReferralParty, ReferralClockSet, ReferralNoticeKind, Audience> {
  mutation: string;
  /** Only referrals on these forms. */
  forms?: readonly ReferralForm[];
  notify: { kind: ReferralNoticeKind; to: readonly Audience[]; urgent?: boolean };
}

const OPEN_STATES = Object.values(ReferralState).filter((s) => !TERMINAL_STATES.includes(s));

/** `from: null` means the action creates the referral. */
const TRANSITIONS: Readonly<Record<LifecycleAction, Transition>> = {
  [ReferralAction.FILE]: {
    mutation: 'fileReferral',
    from: null,
    to: ReferralState.SUBMITTED,
    by: [ReferralParty.ORIGINATOR],
    starts: ['REVIEW'],
    notify: { kind: 'REFERRAL_FILED', to: [Audience.ORIGINATING_LIAISONS] },
    source: 'IRM 10.5.3.3.7.1(3): the originator sends the referral to its own BMF ID theft liaison',
  },
  [ReferralAction.RETURN_INCOMPLETE]: {
    mutation: 'returnReferralIncomplete',
    from: [ReferralState.SUBMITTED],
    to: ReferralState.RETURNED,
    by: [ReferralParty.ORIGINATING_LIAISON],
    stops: ['REVIEW'],
    notify: { kind: 'REFERRAL_RETURNED_INCOMPLETE', to: [Audience.ORIGINATOR] },
    source: 'IRM 10.5.3.3.7(3): incomplete referrals go back to the originator within 3 workdays of receipt',
  },
  [ReferralAction.RESUBMIT]: {
    mutation: 'resubmitReferral',
    from: [ReferralState.RETURNED],
    to: ReferralState.SUBMITTED,
    by: [ReferralParty.ORIGINATOR],
    starts: ['REVIEW'],
    notify: { kind: 'REFERRAL_FILED', to: [Audience.ORIGINATING_LIAISONS] },
    source: 'IRM 10.5.3.3.7(3): the originator completes the referral and sends it again',
  },
  [ReferralAction.FORWARD]: {
    mutation: 'forwardReferral',
    from: [ReferralState.SUBMITTED],
    to: ReferralState.FORWARDED,
    by: [ReferralParty.ORIGINATING_LIAISON],
    stops: ['REVIEW'],
    starts: ['RECEIPT'],
    notify: { kind: 'REFERRAL_FORWARDED', to: [Audience.RECEIVING_LIAISONS] },
    source: 'IRM 10.5.3.3.9(3), 10.5.3.3.10(2): if complete, the liaison forwards it to the receiving function',
  },
  [ReferralAction.RETURN_TO_ORIGINATING_LIAISON]: {
    mutation: 'returnReferralToOriginatingLiaison',
    from: [ReferralState.FORWARDED, ReferralState.ACKNOWLEDGED],
    to: ReferralState.SUBMITTED,
    by: [ReferralParty.RECEIVING_LIAISON],
    stops: ['RECEIPT'],
    starts: ['REVIEW'],
    notify: { kind: 'REFERRAL_RETURNED_TO_LIAISON', to: [Audience.ORIGINATING_LIAISONS] },
    source: 'IRM 10.5.3.3.8(4), 10.5.3.3.10(3): incomplete referrals are returned to the originating liaison',
  },
  [ReferralAction.ACKNOWLEDGE]: {
    mutation: 'acknowledgeReferral',
    from: [ReferralState.FORWARDED],
    to: ReferralState.ACKNOWLEDGED,
    by: [ReferralParty.RECEIVING_LIAISON],
    notify: { kind: 'REFERRAL_ACKNOWLEDGED', to: [Audience.ORIGINATOR] },
    source: 'IRM 10.5.3.3.7.1(4): the receiving liaison acknowledges receipt within 3 business days',
  },
  [ReferralAction.ASSIGN]: {
    mutation: 'assignReferral',
    from: [ReferralState.ACKNOWLEDGED, ReferralState.ASSIGNED],
    to: ReferralState.ASSIGNED,
    by: [ReferralParty.RECEIVING_LIAISON],
    notify: { kind: 'REFERRAL_ASSIGNED', to: [Audience.ASSIGNEE] },
    source: 'IRM 10.5.3.3.7.1(4): ... and assigns it to a functional employee for resolution',
  },
  [ReferralAction.COMPLETE]: {
    mutation: 'completeReferral',
    from: [ReferralState.ASSIGNED],
    to: ReferralState.COMPLETED,
    by: [ReferralParty.ASSIGNEE],
    notify: { kind: 'REFERRAL_COMPLETED', to: [Audience.ORIGINATOR, Audience.ORIGINATING_LIAISONS, Audience.RECEIVING_LIAISONS] },
    source: 'IRM 10.5.3.3.7.1(5)-(6): the employee documents all actions taken and returns it to the originator and the liaison',
  },
  [ReferralAction.RETURN_NO_TPP_INVOLVEMENT]: {
    mutation: 'returnReferralNoTppInvolvement',
    from: [ReferralState.FORWARDED, ReferralState.ACKNOWLEDGED, ReferralState.ASSIGNED],
    to: ReferralState.RETURNED_NO_TPP,
    by: [ReferralParty.RECEIVING_LIAISON, ReferralParty.ASSIGNEE],
    forms: [ReferralForm.F4442, ReferralForm.F3210],
    notify: { kind: 'REFERRAL_RETURNED_NO_TPP', to: [Audience.ORIGINATOR] },
    source: 'IRM 25.25.6.2.3(3): not caused by the TPP process: return it and its attachments to the sender, "no TPP involvement"',
  },
  [ReferralAction.CLOSE]: {
    mutation: 'closeReferral',
    from: [ReferralState.COMPLETED],
    to: ReferralState.CLOSED,
    by: [ReferralParty.ORIGINATOR],
    notify: { kind: 'REFERRAL_CLOSED', to: [Audience.ORIGINATING_LIAISONS, Audience.RECEIVING_LIAISONS, Audience.ASSIGNEE] },
    source: 'IRM 10.5.3.3.5.1(4), 10.5.3.3.7.1(1): the originating function keeps control until closure',
  },
  [ReferralAction.WITHDRAW]: {
    mutation: 'withdrawReferral',
    from: [ReferralState.SUBMITTED, ReferralState.RETURNED, ReferralState.FORWARDED],
    to: ReferralState.WITHDRAWN,
    by: [ReferralParty.ORIGINATOR],
    notify: { kind: 'REFERRAL_WITHDRAWN', to: [Audience.ORIGINATING_LIAISONS, Audience.RECEIVING_LIAISONS] },
    source: 'Hub rule: the originator may withdraw a referral until it is acknowledged',
  },
  [ReferralAction.ELEVATE]: {
    mutation: 'elevateReferral',
    from: OPEN_STATES,
    to: null,
    by: [
      ReferralParty.ORIGINATOR,
      ReferralParty.ORIGINATING_LIAISON,
      ReferralParty.RECEIVING_LIAISON,
      ReferralParty.ASSIGNEE,
      ReferralParty.ELEVATION_HOLDER,
    ],
    reason: true,
    notify: { kind: 'REFERRAL_ELEVATED', to: [Audience.ELEVATION_HOLDERS], urgent: true },
    source: 'IRM 10.5.3.3.7.1(5) note: disagreements go to the liaisons, then up each management chain',
  },
  [ReferralAction.RESOLVE_ELEVATION]: {
    mutation: 'resolveReferralElevation',
    from: OPEN_STATES,
    to: null,
    by: [ReferralParty.ELEVATION_HOLDER],
    reason: true,
    notify: { kind: 'REFERRAL_ELEVATION_RESOLVED', to: [Audience.PREVIOUS_ELEVATION_HOLDERS, Audience.ORIGINATOR, Audience.ASSIGNEE] },
    source: 'IRM 10.5.3.3.7.1(5) note: resolved by whoever the disagreement sits with',
  },
};

/**
 * The referral lifecycle as data, checked when this module loads: the applier runs it (clocks included), the
 * README prints it, tests walk it.
 */
export const REFERRAL_LIFECYCLE = defineLifecycle(
  { subject: 'referral', states: Object.values(ReferralState), terminal: TERMINAL_STATES, rules: TRANSITIONS },
  (operation) => operation in ACCESS_POLICY,
);

const CLOCK_NAMES: Record<ReferralClockSet, string> = {
  REVIEW: 'the review clock (3 workdays)',
  RECEIPT: 'the acknowledgment and completion clocks',
};

/** The lifecycle as the Markdown table printed in the README (a test keeps the README in step). */
export function lifecycleMarkdownTable(): string {
  const effect = (verb: string, clocks: readonly ReferralClockSet[] | undefined) =>
    (clocks ?? []).map((clock) => `${verb} ${CLOCK_NAMES[clock]}`);
  return markdownTable(REFERRAL_LIFECYCLE, {
    mutationNote: (t) => (t.forms ? ` (${t.forms.join(', ')} only)` : ''),
    clocks: (t) => [...effect('stops', t.stops), ...effect('starts', t.starts)].join('; '),
  });
}
