import { registerEnumType } from 'type-graphql';
import { defineLifecycle, LifecycleRule, lifecycleMarkdownTable } from '../../platform/lifecycle/lifecycle-table';
import { ACCESS_POLICY } from '../auth/access-policy';
import { TecsNoticeKind } from './tecs-notice-kinds';
import { InvestigationState } from './tecs-state';

/** The values are the actions as the TECS history records them. */
export enum InvestigationAction {
  ISSUE = 'ISSUED',
  REISSUE = 'REISSUED',
  CLOSE = 'CLOSED',
}

registerEnumType(InvestigationAction, {
  name: 'InvestigationAction',
  description: 'What can be done with an other investigation (OI) (seed 000)',
  valuesConfig: {
    ISSUE: { description: 'TECS coordinator: open and issue it (openInvestigation)' },
    REISSUE: { description: 'Its GM or the coordinator: issue it to another GM and RO (reissueInvestigation)' },
    CLOSE: { description: 'Its GM or RO: close it with the outcome and the lookout disposition (closeInvestigation)' },
  },
});

/** Who may act on an OI, and who hears about it. */
export enum InvestigationParty {
  COORDINATOR = 'COORDINATOR',
  /** The GM the OI is issued to now. */
  GROUP_MANAGER = 'GROUP_MANAGER',
  /** The RO the OI is issued to now. */
  REVENUE_OFFICER = 'REVENUE_OFFICER',
}

/** The OI's due clock: planned departure, a date the coordinator sets, or OI_DUE_BUSINESS_DAYS business days. */
export type InvestigationClock = 'DUE';

export interface InvestigationTransition extends LifecycleRule<
  InvestigationState,
  InvestigationParty,
  InvestigationClock,
  TecsNoticeKind,
  InvestigationParty
> {
  mutation: string;
  notify: { kind: TecsNoticeKind; to: readonly InvestigationParty[] };
}

const SEED = 'IRM passport/TECS cases text (seed 000)';

const TRANSITIONS: Readonly<Record<InvestigationAction, InvestigationTransition>> = {
  [InvestigationAction.ISSUE]: {
    mutation: 'openInvestigation',
    from: null,
    to: InvestigationState.ISSUED,
    by: [InvestigationParty.COORDINATOR],
    starts: ['DUE'],
    notify: { kind: 'OI_ISSUED', to: [InvestigationParty.GROUP_MANAGER, InvestigationParty.REVENUE_OFFICER] },
    source: `${SEED}: the coordinator opens an OI from a crossing and issues it to the originating GM and RO (urgent when time-critical)`,
  },
  [InvestigationAction.REISSUE]: {
    mutation: 'reissueInvestigation',
    from: [InvestigationState.ISSUED],
    to: null,
    by: [InvestigationParty.GROUP_MANAGER, InvestigationParty.COORDINATOR],
    notify: { kind: 'OI_ISSUED', to: [InvestigationParty.GROUP_MANAGER, InvestigationParty.REVENUE_OFFICER] },
    source: `${SEED}: the GM may re-issue it, e.g. to a domestic RO near the port of entry`,
  },
  [InvestigationAction.CLOSE]: {
    mutation: 'closeInvestigation',
    from: [InvestigationState.ISSUED],
    to: InvestigationState.CLOSED,
    by: [InvestigationParty.GROUP_MANAGER, InvestigationParty.REVENUE_OFFICER],
    stops: ['DUE'],
    notify: { kind: 'OI_CLOSED', to: [InvestigationParty.COORDINATOR] },
    source: `${SEED}: closed with its outcome and the lookout disposition (REMOVE starts the removal, REMAIN confirms it stays)`,
  },
};

/** The OI lifecycle as data, checked when this module loads: the applier runs it, the README prints it. */
export const INVESTIGATION_LIFECYCLE = defineLifecycle(
  { subject: 'OI', states: Object.values(InvestigationState), terminal: [InvestigationState.CLOSED], rules: TRANSITIONS },
  (operation) => operation in ACCESS_POLICY,
);

/** The OI lifecycle as the Markdown table printed in the README (a test keeps the README in step). */
export function investigationLifecycleMarkdownTable(): string {
  return lifecycleMarkdownTable(INVESTIGATION_LIFECYCLE, {
    clocks: (t) => [...(t.stops ?? []).map(() => 'stops the due clock'), ...(t.starts ?? []).map(() => 'starts the due clock')].join('; '),
  });
}
