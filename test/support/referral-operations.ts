import { dataOf, TestHub } from './hub';

export const REFERRAL_FIELDS = `
  id referenceNumber form state version
  submittedAt reviewDueAt receivedAt ackDueAt acknowledgedAt completionDueAt completedAt closedAt nextDueAt
  overdue reviewOverdue ackOverdue completionOverdue currentClock secondsRemaining
  availableActions actionsTaken resolutionCode elevationLevel
  elevationHolders { id email }
  originator { id email } assignee { id email }
  originatingFunction { code } receivingFunction { code }
  category { code name } completionTimeFrame
  historyCount
`;

export const FILE_REFERRAL = `mutation File($input: FileReferralInput!) { fileReferral(input: $input) { ${REFERRAL_FIELDS} } }`;

/** `mutation { <name>(input: $input) { fields } }` for one lifecycle mutation. */
export function transitionMutation(name: string, inputType = 'ReferralTransitionInput'): string {
  return `mutation Transition($input: ${inputType}!) { ${name}(input: $input) { ${REFERRAL_FIELDS} } }`;
}

export const TRANSITIONS = {
  returnIncomplete: transitionMutation('returnReferralIncomplete', 'ReturnReferralInput'),
  resubmit: transitionMutation('resubmitReferral', 'ResubmitReferralInput'),
  forward: transitionMutation('forwardReferral'),
  returnToOriginatingLiaison: transitionMutation('returnReferralToOriginatingLiaison', 'ReturnReferralInput'),
  acknowledge: transitionMutation('acknowledgeReferral'),
  assign: transitionMutation('assignReferral', 'AssignReferralInput'),
  complete: transitionMutation('completeReferral', 'CompleteReferralInput'),
  returnNoTpp: transitionMutation('returnReferralNoTppInvolvement'),
  close: transitionMutation('closeReferral'),
  withdraw: transitionMutation('withdrawReferral'),
  elevate: transitionMutation('elevateReferral', 'ElevateReferralInput'),
  resolveElevation: transitionMutation('resolveReferralElevation', 'ResolveElevationInput'),
  checkOut: transitionMutation('checkOutReferral'),
  openControl: transitionMutation('openReferralControl'),
  monitor: transitionMutation('monitorReferral', 'MonitorReferralInput'),
  resumeWork: transitionMutation('resumeReferralWork'),
  closeAsMisroute: transitionMutation('closeReferralAsMisroute', 'CloseAsMisrouteInput'),
} as const;

export type TransitionName = keyof typeof TRANSITIONS;

/** Runs a lifecycle mutation that must succeed and returns the referral. */
export async function act(hub: TestHub, as: string, transition: TransitionName, input: Record<string, unknown>) {
  const data = dataOf(await hub.request(as, TRANSITIONS[transition], { input }));
  return Object.values(data)[0] as Record<string, any>;
}

export async function fileReferral(hub: TestHub, as: string, input: Record<string, unknown>) {
  return dataOf(await hub.request(as, FILE_REFERRAL, { input })).fileReferral as Record<string, any>;
}
