import { registerEnumType } from 'type-graphql';
import { defineLifecycle, LifecycleRule, lifecycleMarkdownTable } from '../../platform/lifecycle/lifecycle-table';
import { ACCESS_POLICY } from '../auth/access-policy';
import { TecsNoticeKind } from './tecs-notice-kinds';
import { LookoutState } from './tecs-state';

export enum LookoutAction {
  REQUEST = 'REQUEST',
  APPROVE = 'APPROVE',
  RETURN_TO_RO = 'RETURN_TO_RO',
  RESUBMIT = 'RESUBMIT',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  CONFIRM_ENTRY = 'CONFIRM_ENTRY',
  REQUEST_REMOVAL = 'REQUEST_REMOVAL',
  FORWARD_REMOVAL = 'FORWARD_REMOVAL',
  CONFIRM_REMOVAL = 'CONFIRM_REMOVAL',
  CONFIRM_REMAINS = 'CONFIRM_REMAINS',
}
registerEnumType(LookoutAction, {
  name: 'LookoutAction',
  description: 'What can be done with a TECS lookout (IRM 5.1.18.13.7, seed 000); availableActions lists those open to the caller now',
  valuesConfig: {
    REQUEST: { description: 'Revenue officer: file Form 6668, TECS Entry Request, with their group manager (requestLookout)' },
    APPROVE: { description: "The requesting RO's group manager: send the request to the TECS coordinator (approveLookoutRequest)" },
    RETURN_TO_RO: { description: "The requesting RO's group manager: return the request to the RO with a reason (returnLookoutRequest)" },
    RESUBMIT: { description: 'The requesting RO: send a returned request again, corrected if need be (resubmitLookoutRequest)' },
    ACCEPT: {
      description:
        'TECS coordinator: it meets the lookout criteria (IRM 5.1.18.13.7.1); forward it to CI for input into TECS (acceptLookout)',
    },
    DECLINE: {
      description: 'TECS coordinator: it does not meet the criteria; document the reason and return it to the originator (declineLookout)',
    },
    CONFIRM_ENTRY: { description: 'Criminal Investigation: the taxpayer is entered into TECS (confirmLookoutEntry)' },
    REQUEST_REMOVAL: {
      description:
        "The lookout's RO or GM, or a GM/RO an OI of it was issued to: ask the coordinator to remove the taxpayer (requestLookoutRemoval)",
    },
    FORWARD_REMOVAL: { description: 'TECS coordinator: forward the removal to CI (forwardLookoutRemoval)' },
    CONFIRM_REMOVAL: { description: 'Criminal Investigation: the taxpayer is deleted from TECS (confirmLookoutRemoval)' },
    CONFIRM_REMAINS: {
      description:
        "The lookout's RO or GM, or a GM/RO an OI of it was issued to: tell the coordinator the taxpayer remains on the lookout (confirmLookoutRemains)",
    },
  },
});

/** Who may act on a lookout: its own RO and GM, or anyone holding the coordinator / CI role. */
export enum LookoutParty {
  REVENUE_OFFICER = 'REVENUE_OFFICER',
  GROUP_MANAGER = 'GROUP_MANAGER',
  COORDINATOR = 'COORDINATOR',
  CRIMINAL_INVESTIGATION = 'CRIMINAL_INVESTIGATION',
  /** A GM or RO an OI of this lookout was issued to (e.g. the domestic RO near the port of entry). */
  INVESTIGATOR = 'INVESTIGATOR',
}

export interface LookoutTransition extends LifecycleRule<LookoutState, LookoutParty, never, TecsNoticeKind, LookoutParty> {
  mutation: string;
  to: LookoutState;
  /** Every step notifies the next actor (and the originator of an outcome). */
  notify: { kind: TecsNoticeKind; to: readonly LookoutParty[] };
}

const SEED = 'IRM passport/TECS cases text (seed 000)';

const TRANSITIONS: Readonly<Record<LookoutAction, LookoutTransition>> = {
  [LookoutAction.REQUEST]: {
    mutation: 'requestLookout',
    from: null,
    to: LookoutState.REQUESTED,
    by: [LookoutParty.REVENUE_OFFICER],
    notify: { kind: 'LOOKOUT_REQUESTED', to: [LookoutParty.GROUP_MANAGER] },
    source: `${SEED}: the RO submits Form 6668, TECS Entry Request, to the GM`,
  },
  [LookoutAction.APPROVE]: {
    mutation: 'approveLookoutRequest',
    from: [LookoutState.REQUESTED],
    to: LookoutState.WITH_COORDINATOR,
    by: [LookoutParty.GROUP_MANAGER],
    notify: { kind: 'LOOKOUT_FOR_REVIEW', to: [LookoutParty.COORDINATOR] },
    source: `${SEED}: the coordinator reviews every request referred by revenue officers`,
  },
  [LookoutAction.RETURN_TO_RO]: {
    mutation: 'returnLookoutRequest',
    from: [LookoutState.REQUESTED],
    to: LookoutState.RETURNED_TO_RO,
    by: [LookoutParty.GROUP_MANAGER],
    reason: true,
    notify: { kind: 'LOOKOUT_RETURNED', to: [LookoutParty.REVENUE_OFFICER] },
    source: 'Hub rule: the GM returns a request to the RO with a reason',
  },
  [LookoutAction.RESUBMIT]: {
    mutation: 'resubmitLookoutRequest',
    from: [LookoutState.RETURNED_TO_RO],
    to: LookoutState.REQUESTED,
    by: [LookoutParty.REVENUE_OFFICER],
    notify: { kind: 'LOOKOUT_REQUESTED', to: [LookoutParty.GROUP_MANAGER] },
    source: 'Hub rule: the RO corrects and sends the request again',
  },
  [LookoutAction.ACCEPT]: {
    mutation: 'acceptLookout',
    from: [LookoutState.WITH_COORDINATOR],
    to: LookoutState.WITH_CI,
    by: [LookoutParty.COORDINATOR],
    notify: { kind: 'LOOKOUT_FOR_ENTRY', to: [LookoutParty.CRIMINAL_INVESTIGATION] },
    source: `${SEED}: accepted: forward the taxpayer information to CI for input into TECS and document the history`,
  },
  [LookoutAction.DECLINE]: {
    mutation: 'declineLookout',
    from: [LookoutState.WITH_COORDINATOR],
    to: LookoutState.NOT_ACCEPTED,
    by: [LookoutParty.COORDINATOR],
    reason: true,
    notify: { kind: 'LOOKOUT_NOT_ACCEPTED', to: [LookoutParty.REVENUE_OFFICER, LookoutParty.GROUP_MANAGER] },
    source: `${SEED}: does not meet the criteria: document the reason and return the referral to the originator`,
  },
  [LookoutAction.CONFIRM_ENTRY]: {
    mutation: 'confirmLookoutEntry',
    from: [LookoutState.WITH_CI],
    to: LookoutState.ACTIVE,
    by: [LookoutParty.CRIMINAL_INVESTIGATION],
    notify: { kind: 'LOOKOUT_ENTERED', to: [LookoutParty.COORDINATOR, LookoutParty.REVENUE_OFFICER, LookoutParty.GROUP_MANAGER] },
    source: `${SEED}: CI inputs the taxpayer into TECS; the taxpayer is on the lookout list`,
  },
  [LookoutAction.REQUEST_REMOVAL]: {
    mutation: 'requestLookoutRemoval',
    from: [LookoutState.ACTIVE],
    to: LookoutState.REMOVAL_REQUESTED,
    by: [LookoutParty.REVENUE_OFFICER, LookoutParty.GROUP_MANAGER, LookoutParty.INVESTIGATOR],
    reason: true,
    notify: { kind: 'LOOKOUT_REMOVAL_REQUESTED', to: [LookoutParty.COORDINATOR] },
    source: `${SEED}: the GM or RO informs the coordinator to remove the taxpayer (e.g. full pay secured)`,
  },
  [LookoutAction.FORWARD_REMOVAL]: {
    mutation: 'forwardLookoutRemoval',
    from: [LookoutState.REMOVAL_REQUESTED],
    to: LookoutState.REMOVAL_WITH_CI,
    by: [LookoutParty.COORDINATOR],
    notify: { kind: 'LOOKOUT_FOR_REMOVAL', to: [LookoutParty.CRIMINAL_INVESTIGATION] },
    source: `${SEED}: IRS employees request that taxpayers be deleted from TECS`,
  },
  [LookoutAction.CONFIRM_REMOVAL]: {
    mutation: 'confirmLookoutRemoval',
    from: [LookoutState.REMOVAL_WITH_CI],
    to: LookoutState.REMOVED,
    by: [LookoutParty.CRIMINAL_INVESTIGATION],
    notify: { kind: 'LOOKOUT_REMOVED', to: [LookoutParty.COORDINATOR, LookoutParty.REVENUE_OFFICER, LookoutParty.GROUP_MANAGER] },
    source: `${SEED}: the taxpayer is deleted from TECS`,
  },
  [LookoutAction.CONFIRM_REMAINS]: {
    mutation: 'confirmLookoutRemains',
    from: [LookoutState.ACTIVE],
    to: LookoutState.ACTIVE,
    by: [LookoutParty.REVENUE_OFFICER, LookoutParty.GROUP_MANAGER, LookoutParty.INVESTIGATOR],
    notify: { kind: 'LOOKOUT_REMAINS', to: [LookoutParty.COORDINATOR] },
    source: `${SEED}: the GM or RO informs the coordinator that the taxpayer will remain on the TECS lookout`,
  },
};

/** The lookout workflow as data, checked when this module loads: the applier runs it, the README prints it, tests walk it. */
export const LOOKOUT_LIFECYCLE = defineLifecycle(
  {
    subject: 'lookout',
    states: Object.values(LookoutState),
    terminal: [LookoutState.NOT_ACCEPTED, LookoutState.REMOVED],
    rules: TRANSITIONS,
  },
  (operation) => operation in ACCESS_POLICY,
);

/** The lookout workflow as the Markdown table printed in the README (a test keeps the README in step). */
export function lookoutLifecycleMarkdownTable(): string {
  return lifecycleMarkdownTable(LOOKOUT_LIFECYCLE);
}
