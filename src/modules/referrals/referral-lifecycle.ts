import { ACCESS_POLICY } from '../auth/access-policy';
import {
  defineLifecycle,
  LifecycleDefinition,
  LifecycleRule,
  lifecycleMarkdownTable as markdownTable,
} from '../../platform/lifecycle/lifecycle-table';
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
  /** Any active employee of the receiving function (RIVO works its queue this way: IRM 25.25.6.2(10)). */
  RECEIVING_EMPLOYEE = 'RECEIVING_EMPLOYEE',
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
 * and completion, from receipt by the receiving function), FORM_DATE (completion counted from the date of the form:
 * "allow 60 days from the date of the Form 4442", IRM 25.25.6.6.4). Clocks also end with the states they run in
 * (referral-clocks.ts).
 */
export type ReferralClockSet = 'REVIEW' | 'RECEIPT' | 'FORM_DATE';

export interface Transition extends LifecycleRule<ReferralState, ReferralParty, ReferralClockSet, ReferralNoticeKind, Audience> {
  mutation: string;
}

/** The steps of the Form 14566 route (IRM 10.5.3.3.7): liaison review, forwarding, acknowledgment, assignment. */
type Route14566Action = Exclude<
  LifecycleAction,
  | ReferralAction.RETURN_NO_TPP_INVOLVEMENT
  | ReferralAction.CHECK_OUT
  | ReferralAction.OPEN_CONTROL
  | ReferralAction.MONITOR
  | ReferralAction.RESUME_WORK
  | ReferralAction.CLOSE_AS_MISROUTE
>;

/** The steps of the RIVO route of Forms 4442 and 3210 (IRM 25.25.6): straight to RIVO's queue, no liaison. */
type RivoRouteAction =
  | ReferralAction.FILE
  | ReferralAction.CHECK_OUT
  | ReferralAction.RETURN_NO_TPP_INVOLVEMENT
  | ReferralAction.CLOSE_AS_MISROUTE
  | ReferralAction.OPEN_CONTROL
  | ReferralAction.MONITOR
  | ReferralAction.RESUME_WORK
  | ReferralAction.COMPLETE
  | ReferralAction.WITHDRAW;

/** The states of the Form 14566 route. */
const STATES_14566: readonly ReferralState[] = [
  ReferralState.SUBMITTED,
  ReferralState.RETURNED,
  ReferralState.FORWARDED,
  ReferralState.ACKNOWLEDGED,
  ReferralState.ASSIGNED,
  ReferralState.COMPLETED,
  ReferralState.CLOSED,
  ReferralState.WITHDRAWN,
];
const OPEN_STATES = STATES_14566.filter((s) => !TERMINAL_STATES.includes(s));

/** `from: null` means the action creates the referral. */
const TRANSITIONS_14566: Readonly<Record<Route14566Action, Transition>> = {
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

/** The states of the RIVO route of Forms 4442 and 3210. */
const RIVO_STATES: readonly ReferralState[] = [
  ReferralState.RECEIVED,
  ReferralState.CHECKED_OUT,
  ReferralState.WORKING,
  ReferralState.MONITORING,
  ReferralState.RETURNED_NO_TPP,
  ReferralState.CLOSED_MISROUTED,
  ReferralState.CLOSED,
  ReferralState.WITHDRAWN,
];

/**
 * IRM 25.25.6: the sender files a 4442 (or the revenue officer a 3210) directly to RIVO; RIVO receives it in a
 * queue under a generic assignee, an employee checks it out and either returns it ("no TPP involvement"), closes
 * it as a misroute, or opens a control, works it (monitoring while waiting) and closes it with a closing activity
 * code (analysis §5). No BMF ID theft liaison and no 3-business-day acknowledgment: those are IRM 10.5.3 rules of
 * Form 14566. Only the filing step differs between the two forms (its source).
 */
function rivoRoute(filingSource: string): Readonly<Record<RivoRouteAction, Transition>> {
  return {
    [ReferralAction.FILE]: {
      mutation: 'fileReferral',
      from: null,
      to: ReferralState.RECEIVED,
      by: [ReferralParty.ORIGINATOR],
      starts: ['FORM_DATE'],
      notify: null,
      source: filingSource,
    },
    [ReferralAction.CHECK_OUT]: {
      mutation: 'checkOutReferral',
      from: [ReferralState.RECEIVED],
      to: ReferralState.CHECKED_OUT,
      by: [ReferralParty.RECEIVING_EMPLOYEE],
      notify: null,
      source: 'IRM 25.25.6.2(10), Exhibit 25.25.6-8: an employee checks the case out; their IDRS number replaces the generic assignee',
    },
    [ReferralAction.RETURN_NO_TPP_INVOLVEMENT]: {
      mutation: 'returnReferralNoTppInvolvement',
      from: [ReferralState.CHECKED_OUT],
      to: ReferralState.RETURNED_NO_TPP,
      by: [ReferralParty.ASSIGNEE],
      notify: { kind: 'REFERRAL_RETURNED_NO_TPP', to: [Audience.ORIGINATOR] },
      source: 'IRM 25.25.6.2.3(3): not caused by the TPP process: return it and its attachments to the sender, "no TPP involvement"',
    },
    [ReferralAction.CLOSE_AS_MISROUTE]: {
      mutation: 'closeReferralAsMisroute',
      from: [ReferralState.CHECKED_OUT],
      to: ReferralState.CLOSED_MISROUTED,
      by: [ReferralParty.ASSIGNEE],
      notify: { kind: 'REFERRAL_CLOSED', to: [Audience.ORIGINATOR] },
      source: 'Exhibit 25.25.6-9: a misroute is closed CL2AM, CL2EXAM, CL2WOW or CL2AQC',
    },
    [ReferralAction.OPEN_CONTROL]: {
      mutation: 'openReferralControl',
      from: [ReferralState.CHECKED_OUT],
      to: ReferralState.WORKING,
      by: [ReferralParty.ASSIGNEE],
      notify: null,
      source: 'IRM 25.25.6.2.3(3)-(4): the TPP process caused it: open a RIVO control base and resolve it',
    },
    [ReferralAction.MONITOR]: {
      mutation: 'monitorReferral',
      from: [ReferralState.WORKING],
      to: ReferralState.MONITORING,
      by: [ReferralParty.ASSIGNEE],
      reason: true,
      notify: null,
      source: 'Exhibit 25.25.6-9: the control goes to monitoring (M) status while waiting, e.g. MFT32REV, RTP-MMDD, ESTAB1/2',
    },
    [ReferralAction.RESUME_WORK]: {
      mutation: 'resumeReferralWork',
      from: [ReferralState.MONITORING],
      to: ReferralState.WORKING,
      by: [ReferralParty.ASSIGNEE],
      notify: null,
      source: 'Exhibit 25.25.6-9: what the control waited for arrived; it is worked again (A status)',
    },
    [ReferralAction.COMPLETE]: {
      mutation: 'completeReferral',
      from: [ReferralState.WORKING, ReferralState.MONITORING],
      to: ReferralState.CLOSED,
      by: [ReferralParty.ASSIGNEE],
      notify: { kind: 'REFERRAL_CLOSED', to: [Audience.ORIGINATOR] },
      source: 'IRM 25.25.6.2.3(4), Exhibit 25.25.6-9: the control is closed with a closing activity code, e.g. RTN2PROC',
    },
    [ReferralAction.WITHDRAW]: {
      mutation: 'withdrawReferral',
      from: [ReferralState.RECEIVED],
      to: ReferralState.WITHDRAWN,
      by: [ReferralParty.ORIGINATOR],
      notify: null,
      source: 'Hub rule: the sender may withdraw a referral no RIVO employee has checked out yet',
    },
  };
}

const isOperation = (operation: string) => operation in ACCESS_POLICY;

/** A form's table; its rules are only the steps of that route (ruleOf finds a missing one before the applier is asked). */
export type ReferralLifecycle = LifecycleDefinition<ReferralState, LifecycleAction, Transition>;

/** One route among the others: its rules keyed by any action, though it holds only its own steps. */
function routeOf<A extends LifecycleAction>(definition: LifecycleDefinition<ReferralState, A, Transition>): ReferralLifecycle {
  return definition as LifecycleDefinition<ReferralState, A, Transition> as unknown as ReferralLifecycle;
}

/**
 * One lifecycle table per form, each checked when this module loads and applied by the one engine
 * (LifecycleApplier): the applier runs it (clocks included), the README prints it, tests walk it. Each table
 * holds only the steps of its route; a step of another route is refused.
 */
export const REFERRAL_LIFECYCLES: Readonly<Record<ReferralForm, ReferralLifecycle>> = {
  [ReferralForm.F14566]: routeOf(
    defineLifecycle(
      {
        subject: 'referral',
        states: STATES_14566,
        terminal: TERMINAL_STATES.filter((s) => STATES_14566.includes(s)),
        rules: TRANSITIONS_14566,
      },
      isOperation,
    ),
  ),
  [ReferralForm.F4442]: routeOf(
    defineLifecycle(
      {
        subject: 'Form 4442 referral',
        states: RIVO_STATES,
        terminal: TERMINAL_STATES.filter((s) => RIVO_STATES.includes(s)),
        rules: rivoRoute('IRM 25.25.6.2.3(1)-(2), 25.25.6.6.4(5): the assistor or revenue officer sends the Form 4442 directly to RIVO'),
      },
      isOperation,
    ),
  ),
  [ReferralForm.F3210]: routeOf(
    defineLifecycle(
      {
        subject: 'Form 3210 referral',
        states: RIVO_STATES,
        terminal: TERMINAL_STATES.filter((s) => RIVO_STATES.includes(s)),
        rules: rivoRoute('IRM 25.25.6.2.3(2): the revenue officer sends the Form 3210 and the signed return directly to RIVO'),
      },
      isOperation,
    ),
  ),
};

/** The rule of `action` on the route of `form`, or undefined when that route has no such step. */
export function ruleOf(form: ReferralForm, action: LifecycleAction): Transition | undefined {
  return (REFERRAL_LIFECYCLES[form].rules as Partial<Record<LifecycleAction, Transition>>)[action];
}

const CLOCK_NAMES: Record<ReferralClockSet, string> = {
  REVIEW: 'the review clock (3 workdays)',
  RECEIPT: 'the acknowledgment and completion clocks',
  FORM_DATE: "the completion clock, counted from the date of the form (the category's time frame; none where the IRM names none)",
};

/** A form's lifecycle as the Markdown table printed in the README (a test keeps the README in step). */
export function lifecycleMarkdownTable(form: ReferralForm): string {
  const effect = (verb: string, clocks: readonly ReferralClockSet[] | undefined) =>
    (clocks ?? []).map((clock) => `${verb} ${CLOCK_NAMES[clock]}`);
  return markdownTable(REFERRAL_LIFECYCLES[form], {
    clocks: (t) => [...effect('stops', t.stops), ...effect('starts', t.starts)].join('; '),
  });
}

/**
 * The states in which a referral sits in its receiving function's queue: any employee there may take a step
 * (check it out), so any employee there may see it (ReferralService.canSee and its SQL twin).
 */
export const QUEUE_STATES: readonly ReferralState[] = [
  ...new Set(
    Object.values(REFERRAL_LIFECYCLES).flatMap((lifecycle) =>
      Object.values(lifecycle.rules).flatMap((rule) => (rule.by.includes(ReferralParty.RECEIVING_EMPLOYEE) ? (rule.from ?? []) : [])),
    ),
  ),
];
