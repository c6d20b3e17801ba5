import 'reflect-metadata';
import { errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { act, fileReferral, TRANSITIONS } from '../support/referral-operations';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const holdersOf = (referral: Record<string, any>) => referral.elevationHolders.map((h: { email: string }) => h.email).sort();

// IRM 10.5.3.3.7.1(5) note: disagreements go to the BMF ID theft liaisons, then up each management chain.
it('climbs from the liaisons up both management chains, one level at a time, and stops at the top', async () => {
  const { people } = org;
  const filed = await fileReferral(hub, people.originator.id, {
    form: 'F14566',
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 },
  });
  await act(hub, people.amLiaison.id, 'forward', { referralId: filed.id });
  await act(hub, people.efLiaison.id, 'acknowledge', { referralId: filed.id });
  await act(hub, people.efLiaison.id, 'assign', { referralId: filed.id, assigneeId: people.efWorker.id });

  const toLiaisons = await act(hub, people.efWorker.id, 'elevate', { referralId: filed.id, reason: 'The 30-day time frame cannot be met' });
  expect(toLiaisons.elevationLevel).toBe(1);
  expect(holdersOf(toLiaisons)).toEqual(['am.liaison@example.gov', 'ef.liaison@example.gov']);
  expect(toLiaisons.state).toBe('ASSIGNED');

  // Someone the disagreement does not sit with cannot resolve it.
  const early = await hub.request(people.efWorker.id, TRANSITIONS.resolveElevation, { input: { referralId: filed.id, resolution: 'ok' } });
  expect(errorCodeOf(early)).toBe('FORBIDDEN');

  const toManagers = await act(hub, people.amLiaison.id, 'elevate', { referralId: filed.id, reason: 'Liaisons cannot agree' });
  expect(toManagers.elevationLevel).toBe(2);
  expect(holdersOf(toManagers)).toEqual(['am.manager@example.gov', 'ef.manager@example.gov']);

  const toDirectors = await act(hub, people.efManager.id, 'elevate', { referralId: filed.id, reason: 'Managers cannot agree' });
  expect(holdersOf(toDirectors)).toEqual(['am.director@example.gov', 'ef.director@example.gov']);

  const beyondTop = await hub.request(people.amDirector.id, TRANSITIONS.elevate, { input: { referralId: filed.id, reason: 'again' } });
  expect(errorCodeOf(beyondTop)).toBe('CONFLICT');

  const blank = await hub.request(people.amDirector.id, TRANSITIONS.resolveElevation, { input: { referralId: filed.id, resolution: ' ' } });
  expect(errorCodeOf(blank)).toBe('BAD_USER_INPUT');

  const resolved = await act(hub, people.amDirector.id, 'resolveElevation', { referralId: filed.id, resolution: 'Extend to 45 days' });
  expect(resolved).toMatchObject({ elevationLevel: 0, elevationHolders: [], state: 'ASSIGNED' });

  const history = await hub.services.referrals.history(await hub.services.org.loadCaller(people.originator.id), filed.id);
  const steps = history.filter((h) => h.action === 'ELEVATE' || h.action === 'RESOLVE_ELEVATION');
  expect(steps.map((h) => [h.action, h.details?.level ?? h.details?.resolvedAtLevel, h.note])).toEqual([
    ['ELEVATE', 1, 'The 30-day time frame cannot be met'],
    ['ELEVATE', 2, 'Liaisons cannot agree'],
    ['ELEVATE', 3, 'Managers cannot agree'],
    ['RESOLVE_ELEVATION', 3, 'Extend to 45 days'],
  ]);
});

it('puts an elevated referral in the work queue of whoever it sits with', async () => {
  const { people } = org;
  const filed = await fileReferral(hub, people.originator.id, {
    form: 'F14566',
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 },
  });
  await act(hub, people.originator.id, 'elevate', { referralId: filed.id, reason: 'Disagree on the requested action' });
  await act(hub, people.amLiaison.id, 'elevate', { referralId: filed.id, reason: 'Up the chain' });
  const queue = await hub.request(people.efManager.id, `{ myWorkQueue { nodes { id availableActions } } }`);
  expect(queue.data!.myWorkQueue.nodes).toEqual([{ id: filed.id, availableActions: ['ELEVATE', 'RESOLVE_ELEVATION'] }]);
});

it('IRM 10.5.3.3.7.1(5) note: resolving a time frame disagreement gives the completion clock its new due time, and the SLA sweep follows it', async () => {
  const { people } = org;
  hub.clock.set('2026-11-23T14:00:00Z');
  const filed = await fileReferral(hub, people.originator.id, {
    form: 'F14566',
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 },
  });
  await act(hub, people.amLiaison.id, 'forward', { referralId: filed.id });
  await act(hub, people.efLiaison.id, 'acknowledge', { referralId: filed.id });
  const assigned = await act(hub, people.efLiaison.id, 'assign', { referralId: filed.id, assigneeId: people.efWorker.id });
  expect(assigned.completionDueAt).toBe('2026-12-24T05:59:59.999Z');
  await act(hub, people.efWorker.id, 'elevate', { referralId: filed.id, reason: 'The research needs 45 days' });

  const past = await hub.request(people.efLiaison.id, TRANSITIONS.resolveElevation, {
    input: { referralId: filed.id, resolution: 'No', completionDueAt: '2026-11-01T00:00:00Z' },
  });
  expect(past.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.completionDueAt' })]);

  const resolved = await act(hub, people.efLiaison.id, 'resolveElevation', {
    referralId: filed.id,
    resolution: 'Agreed: extend completion to 45 days',
    completionDueAt: '2027-01-08T05:59:59.999Z',
  });
  expect(resolved).toMatchObject({ completionDueAt: '2027-01-08T05:59:59.999Z', nextDueAt: '2027-01-08T05:59:59.999Z' });
  const history = await hub.services.referrals.history(await hub.services.org.loadCaller(people.originator.id), filed.id);
  expect(history.at(-1)).toMatchObject({
    action: 'RESOLVE_ELEVATION',
    note: 'Agreed: extend completion to 45 days',
    details: { resolvedAtLevel: 1, completionDueAt: { before: '2026-12-24T05:59:59.999Z', after: '2027-01-08T05:59:59.999Z' } },
  });

  const breaches = () =>
    hub.database.dataSource.query(`SELECT due_at FROM referral_sla_event WHERE referral_id = $1 AND kind = 'BREACH'`, [filed.id]);
  hub.clock.set('2026-12-28T15:00:00Z'); // past the old due time
  await hub.services.slaSweep.run();
  expect(await breaches()).toEqual([]);
  hub.clock.set('2027-01-08T15:00:00Z'); // past the new one
  await hub.services.slaSweep.run();
  expect((await breaches()).map((b: { due_at: Date }) => b.due_at.toISOString())).toEqual(['2027-01-08T05:59:59.999Z']);
});
