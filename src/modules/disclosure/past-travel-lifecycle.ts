import { registerEnumType } from 'type-graphql';
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

/**
 * What `PastTravelRequest.availableActions` lists: the table's actions and, once DHS answered, disclosing the answer
 * (outside the table: they change no state; TecsDisclosureService records them).
 */
export const PastTravelOffer = {
  ...PastTravelAction,
  DISCLOSE_ANSWER: 'DISCLOSE_ANSWER',
  RECORD_DHS_AUTHORIZATION: 'RECORD_DHS_AUTHORIZATION',
} as const;
export type PastTravelOffer = (typeof PastTravelOffer)[keyof typeof PastTravelOffer];

const ON_THE_CASE = 'the requesting RO, their group manager or a TECS coordinator, once DHS answered';

registerEnumType(PastTravelOffer, {
  name: 'PastTravelAction',
  description:
    "What can be done with a revenue officer's past-travel request (seed 000); PastTravelRequest.availableActions lists those open to the caller now",
  valuesConfig: {
    REQUEST: { description: 'Revenue officer: ask for a taxpayer’s past travel (requestPastTravel); never listed on a request' },
    FORWARD: { description: 'TECS coordinator, while requested: send the request to DHS (forwardPastTravelRequest)' },
    DECLINE: { description: 'TECS coordinator, while requested: do not send it to DHS, with why (declinePastTravelRequest)' },
    ANSWER: { description: "DHS interface client, while with DHS: record DHS's answer (answerPastTravelRequest)" },
    DISCLOSE_ANSWER: {
      description: `${ON_THE_CASE}: disclose the answer to the taxpayer or a representative with authority on file (discloseTecsInformation; seed 000)`,
    },
    RECORD_DHS_AUTHORIZATION: {
      description: `${ON_THE_CASE}: record DHS's authorization to disclose more than the five facts (recordDhsDisclosureAuthorization; seed 000)`,
    },
  },
});

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
