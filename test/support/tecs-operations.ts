import { dataOf, TestHub } from './hub';
import { CLEVELAND_REQUEST, TecsPeople } from './tecs-fixture';

export const LOOKOUT_FIELDS = `id referenceNumber state version taxpayerName tinMasked dateOfBirth balanceDue international closureCode
  tecsRecordReference returnReason taxPeriods { mft taxPeriod } revenueOfficer { email } groupManager { email } collectionCase { caseNumber status }`;
export const CROSSING_FIELDS = `id referenceNumber status flagged timeCritical placeOfCrossing crossedAt plannedDepartureAt usEmployer lookout { id }`;
export const OI_FIELDS = `id referenceNumber kind state dueAt timeCritical outcomes lookoutDisposition
  groupManager { email } revenueOfficer { email } collectionCase { id caseNumber status } lookout { id state }`;

const MUTATIONS: Record<string, [input: string, fields: string]> = {
  requestLookout: ['LookoutRequestInput', LOOKOUT_FIELDS],
  approveLookoutRequest: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  returnLookoutRequest: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  resubmitLookoutRequest: ['ResubmitLookoutInput', LOOKOUT_FIELDS],
  acceptLookout: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  declineLookout: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  confirmLookoutEntry: ['ConfirmLookoutEntryInput', LOOKOUT_FIELDS],
  requestLookoutRemoval: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  forwardLookoutRemoval: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  confirmLookoutRemoval: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  confirmLookoutRemains: ['LookoutTransitionInput', LOOKOUT_FIELDS],
  reportCrossing: ['CrossingReportInput', 'id referenceNumber status flagged timeCritical'],
  dismissCrossing: ['DismissCrossingInput', CROSSING_FIELDS],
  openInvestigation: ['OpenInvestigationInput', OI_FIELDS],
  reissueInvestigation: ['ReissueInvestigationInput', OI_FIELDS],
  closeInvestigation: ['CloseInvestigationInput', OI_FIELDS],
};

export function tecsMutation(name: keyof typeof MUTATIONS): string {
  const [input, fields] = MUTATIONS[name];
  return `mutation($input: ${input}!) { ${name}(input: $input) { ${fields} } }`;
}

/** Runs a TECS mutation that must succeed. */
export async function tecs(
  hub: TestHub,
  as: string,
  name: keyof typeof MUTATIONS,
  input: Record<string, unknown>,
): Promise<Record<string, any>> {
  return dataOf(await hub.request(as, tecsMutation(name), { input }))[name];
}

/**
 * Walks a Form 6668 request through the RO, their GM, the coordinator and CI onto the lookout list;
 * returns the active lookout. Each step must succeed.
 */
export async function putOnLookout(
  hub: TestHub,
  people: { coordinator: { id: string }; ciAgent: { id: string } },
  ro: string,
  gm: string,
  request: Record<string, unknown>,
): Promise<Record<string, any>> {
  const requested = await tecs(hub, ro, 'requestLookout', request);
  await tecs(hub, gm, 'approveLookoutRequest', { lookoutId: requested.id });
  await tecs(hub, people.coordinator.id, 'acceptLookout', { lookoutId: requested.id, note: 'Meets IRM 5.1.18.13.7.1' });
  return tecs(hub, people.ciAgent.id, 'confirmLookoutEntry', {
    lookoutId: requested.id,
    tecsRecordReference: `TECS-${requested.referenceNumber}`,
  });
}

/**
 * An OI opened by the coordinator on a crossing of an active lookout (Cleveland's RO and GM), each step through the
 * API; the clock is set to the crossing's day.
 */
export async function investigationOnLookout(
  hub: TestHub,
  people: TecsPeople,
  dhsReportId: string,
): Promise<{ lookout: Record<string, any>; crossing: Record<string, any>; oi: Record<string, any> }> {
  const lookout = await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
  hub.clock.set('2026-04-02T16:30:00Z');
  const crossing = await tecs(hub, people.dhsClient.id, 'reportCrossing', {
    dhsReportId,
    taxpayerName: CLEVELAND_REQUEST.taxpayerName,
    dateOfBirth: CLEVELAND_REQUEST.dateOfBirth,
    placeOfCrossing: 'Detroit, MI',
    crossedAt: '2026-04-02T16:05:00Z',
    direction: 'INBOUND',
    documentNumber: 'P123456789',
  });
  const oi = await tecs(hub, people.coordinator.id, 'openInvestigation', { crossingId: crossing.id });
  return { lookout, crossing, oi };
}
