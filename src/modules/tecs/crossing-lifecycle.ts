import { registerEnumType } from 'type-graphql';
import { defineLifecycle, LifecycleRule, lifecycleMarkdownTable } from '../../platform/lifecycle/lifecycle-table';
import { ACCESS_POLICY } from '../auth/access-policy';
import { TecsNoticeKind } from './tecs-notice-kinds';
import { CrossingStatus } from './tecs-state';

/** The values are the actions as the TECS history records them. */
export enum CrossingAction {
  REPORT = 'REPORTED',
  OPEN_INVESTIGATION = 'OI_OPENED',
  DISMISS = 'DISMISSED',
}

registerEnumType(CrossingAction, {
  name: 'CrossingAction',
  description: 'What can be done with a crossing DHS reported (seed 000)',
  valuesConfig: {
    REPORT: { description: 'DHS interface: report the crossing' },
    OPEN_INVESTIGATION: { description: 'TECS coordinator: open an OI from it (openInvestigation)' },
    DISMISS: { description: 'TECS coordinator: no investigation needed, with the reason (dismissCrossing)' },
  },
});

export enum CrossingParty {
  DHS_INTERFACE = 'DHS_INTERFACE',
  COORDINATOR = 'COORDINATOR',
  /** The RO and GM of the lookout the crossing matched (told, never acting). */
  LOOKOUT_OFFICERS = 'LOOKOUT_OFFICERS',
}

export interface CrossingTransition extends LifecycleRule<CrossingStatus, CrossingParty, never, TecsNoticeKind, CrossingParty> {
  mutation: string;
}

const SEED = 'IRM passport/TECS cases text (seed 000)';

const TRANSITIONS: Readonly<Record<CrossingAction, CrossingTransition>> = {
  [CrossingAction.REPORT]: {
    mutation: 'reportCrossing',
    from: null,
    to: CrossingStatus.NEW,
    by: [CrossingParty.DHS_INTERFACE],
    notify: { kind: 'CROSSING_REPORTED', to: [CrossingParty.COORDINATOR, CrossingParty.LOOKOUT_OFFICERS], urgent: true },
    source: `${SEED}: DHS reports that a taxpayer on the lookout list is crossing; the coordinator is told at once`,
  },
  [CrossingAction.OPEN_INVESTIGATION]: {
    mutation: 'openInvestigation',
    from: [CrossingStatus.NEW],
    to: CrossingStatus.OI_OPENED,
    by: [CrossingParty.COORDINATOR],
    notify: null,
    source: `${SEED}: the coordinator opens an OI and puts the lookout information into the case history`,
  },
  [CrossingAction.DISMISS]: {
    mutation: 'dismissCrossing',
    from: [CrossingStatus.NEW],
    to: CrossingStatus.DISMISSED,
    by: [CrossingParty.COORDINATOR],
    reason: true,
    notify: null,
    source: 'Hub rule: the coordinator records why no investigation is needed (e.g. no active lookout)',
  },
};

/** The crossing lifecycle as data, checked when this module loads: the applier runs it, the README prints it. */
export const CROSSING_LIFECYCLE = defineLifecycle(
  {
    subject: 'crossing',
    states: Object.values(CrossingStatus),
    terminal: [CrossingStatus.OI_OPENED, CrossingStatus.DISMISSED],
    rules: TRANSITIONS,
  },
  (operation) => operation in ACCESS_POLICY,
);

/** The crossing lifecycle as the Markdown table printed in the README (a test keeps the README in step). */
export function crossingLifecycleMarkdownTable(): string {
  return lifecycleMarkdownTable(CROSSING_LIFECYCLE);
}
