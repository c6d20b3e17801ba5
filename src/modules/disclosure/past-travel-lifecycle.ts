import { defineLifecycle, LifecycleRule, lifecycleMarkdownTable } from '../../platform/lifecycle/lifecycle-table';
import { ACCESS_POLICY } from '../auth/access-policy';
import { DisclosureNoticeKind } from './disclosure-notice-kinds';
import { PastTravelState } from './past-travel-request.entity';

/** The values are the actions as the disclosure history records them. */
export enum PastTravelAction {
  REQUEST = 'REQUESTED',
  FORWARD = 'FORWARDED_TO_DHS',
  DECLINE = 'DECLINED',
  ANSWER = 'ANSWERED',
}

export enum PastTravelParty {
  REVENUE_OFFICER = 'REVENUE_OFFICER',
  COORDINATOR = 'COORDINATOR',
  DHS_INTERFACE = 'DHS_INTERFACE',
  /** The requesting RO and their GM (told). */
  CASE_OFFICERS = 'CASE_OFFICERS',
}

export interface PastTravelTransition extends LifecycleRule<
  PastTravelState,
  PastTravelParty,
  never,
  DisclosureNoticeKind,
  PastTravelParty
> {
  mutation: string;
}

const SEED = 'IRM passport/TECS cases text (seed 000)';
const { REQUESTED, WITH_DHS, ANSWERED, DECLINED } = PastTravelState;

const TRANSITIONS: Readonly<Record<PastTravelAction, PastTravelTransition>> = {
  [PastTravelAction.REQUEST]: {
    mutation: 'requestPastTravel',
    from: null,
    to: REQUESTED,
    by: [PastTravelParty.REVENUE_OFFICER],
    notify: { kind: 'PAST_TRAVEL_REQUESTED', to: [PastTravelParty.COORDINATOR] },
    source: `${SEED}: revenue officers can request information housed in TECS on a taxpayer's past travel`,
  },
  [PastTravelAction.FORWARD]: {
    mutation: 'forwardPastTravelRequest',
    from: [REQUESTED],
    to: WITH_DHS,
    by: [PastTravelParty.COORDINATOR],
    notify: null,
    source: `${SEED}: the TECS coordinator coordinates TECS cases with DHS`,
  },
  [PastTravelAction.DECLINE]: {
    mutation: 'declinePastTravelRequest',
    from: [REQUESTED],
    to: DECLINED,
    by: [PastTravelParty.COORDINATOR],
    reason: true,
    notify: { kind: 'PAST_TRAVEL_DECLINED', to: [PastTravelParty.CASE_OFFICERS] },
    source: 'Hub rule: the coordinator says why the request does not go to DHS',
  },
  [PastTravelAction.ANSWER]: {
    mutation: 'answerPastTravelRequest',
    from: [WITH_DHS],
    to: ANSWERED,
    by: [PastTravelParty.DHS_INTERFACE],
    notify: { kind: 'PAST_TRAVEL_ANSWERED', to: [PastTravelParty.CASE_OFFICERS, PastTravelParty.COORDINATOR] },
    source: `${SEED}: DHS's answer, recorded by the DHS client`,
  },
};

/** The past-travel lifecycle as data, checked when this module loads: the applier runs it, the README prints it. */
export const PAST_TRAVEL_LIFECYCLE = defineLifecycle(
  {
    subject: 'past-travel request',
    states: Object.values(PastTravelState),
    terminal: [ANSWERED, DECLINED],
    rules: TRANSITIONS,
  },
  (operation) => operation in ACCESS_POLICY,
);

/** The past-travel lifecycle as the Markdown table printed in the README (a test keeps the README in step). */
export function pastTravelLifecycleMarkdownTable(): string {
  return lifecycleMarkdownTable(PAST_TRAVEL_LIFECYCLE);
}
