import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { act, FILE_REFERRAL, fileReferral, TRANSITIONS } from '../support/referral-operations';

// Monday 2026-11-23, 09:00 in New York. Thanksgiving is Thursday 2026-11-26.
const MONDAY_9AM_NY = '2026-11-23T14:00:00Z';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: MONDAY_9AM_NY });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

beforeEach(() => hub.clock.set(MONDAY_9AM_NY));

function file14566(overrides: Record<string, unknown> = {}) {
  return fileReferral(hub, org.people.originator.id, {
    form: 'F14566',
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: { ...VALID_14566, ...overrides } },
  });
}

describe('Form 14566 from filing to closure', () => {
  it('walks file → forward → acknowledge → assign → complete → close with the IRM clocks', async () => {
    const { people } = org;
    const filed = await file14566();
    expect(filed).toMatchObject({
      state: 'SUBMITTED',
      form: 'F14566',
      originatingFunction: { code: 'AM' },
      receivingFunction: { code: 'RICS-EF' },
      currentClock: 'REVIEW',
      historyCount: 1,
    });
    expect(filed.referenceNumber).toMatch(/^14566-2026-\d{6}$/);
    // IRM 10.5.3.3.7(3): 3 workdays after Monday, skipping Thanksgiving → end of Friday 11-27 in New York.
    expect(filed.reviewDueAt).toBe('2026-11-28T04:59:59.999Z');
    expect(filed.nextDueAt).toBe(filed.reviewDueAt);

    // Tuesday 09:00 Chicago: the AM liaison forwards it to the EF team.
    hub.clock.set('2026-11-24T15:00:00Z');
    const forwarded = await act(hub, people.amLiaison.id, 'forward', { referralId: filed.id, note: 'Research complete' });
    expect(forwarded.state).toBe('FORWARDED');
    expect(forwarded.reviewDueAt).toBeNull();
    expect(forwarded.receivedAt).toBe('2026-11-24T15:00:00.000Z');
    // IRM 10.5.3.3.7.1(4): 3 business days after Tuesday (Wed, Fri, Mon) → end of Monday 11-30 in Chicago.
    expect(forwarded.ackDueAt).toBe('2026-12-01T05:59:59.999Z');
    // IRM 10.5.3.3.7.1(5): 30 calendar days from receipt → end of 12-24 in Chicago.
    expect(forwarded.completionDueAt).toBe('2026-12-25T05:59:59.999Z');
    expect(forwarded.currentClock).toBe('ACKNOWLEDGMENT');
    expect(forwarded.nextDueAt).toBe(forwarded.ackDueAt);

    hub.clock.set('2026-11-25T16:00:00Z');
    const acknowledged = await act(hub, people.efLiaison.id, 'acknowledge', { referralId: filed.id });
    expect(acknowledged).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedAt: '2026-11-25T16:00:00.000Z', currentClock: 'COMPLETION' });
    expect(acknowledged.nextDueAt).toBe(forwarded.completionDueAt);

    const assigned = await act(hub, people.efLiaison.id, 'assign', { referralId: filed.id, assigneeId: people.efWorker.id });
    expect(assigned).toMatchObject({ state: 'ASSIGNED', assignee: { email: 'ef.worker@example.gov' } });

    hub.clock.set('2026-12-10T15:00:00Z');
    const completed = await act(hub, people.efWorker.id, 'complete', {
      referralId: filed.id,
      actionsTaken: ['EIN added to the scheme list', 'Returned to originator and liaison'],
      resolutionCode: 'ADDED_TO_SCHEME_LIST',
    });
    expect(completed).toMatchObject({
      state: 'COMPLETED',
      completedAt: '2026-12-10T15:00:00.000Z',
      actionsTaken: ['EIN added to the scheme list', 'Returned to originator and liaison'],
      resolutionCode: 'ADDED_TO_SCHEME_LIST',
      nextDueAt: null,
      overdue: false,
    });

    const closed = await act(hub, people.originator.id, 'close', { referralId: filed.id });
    expect(closed).toMatchObject({ state: 'CLOSED', availableActions: [] });

    const history = dataOf(
      await hub.request(
        people.originator.id,
        `query($id: UUID!) { referralHistory(referralId: $id) { action fromState toState note actor { email } at } }`,
        { id: filed.id },
      ),
    ).referralHistory;
    expect(history.map((h: any) => [h.action, h.fromState, h.toState])).toEqual([
      ['FILE', null, 'SUBMITTED'],
      ['FORWARD', 'SUBMITTED', 'FORWARDED'],
      ['ACKNOWLEDGE', 'FORWARDED', 'ACKNOWLEDGED'],
      ['ASSIGN', 'ACKNOWLEDGED', 'ASSIGNED'],
      ['COMPLETE', 'ASSIGNED', 'COMPLETED'],
      ['CLOSE', 'COMPLETED', 'CLOSED'],
    ]);
    expect(history[1]).toMatchObject({ note: 'Research complete', actor: { email: 'am.liaison@example.gov' } });
  });

  it('returns an incomplete referral to the originator, who resubmits it with a fresh review clock', async () => {
    const filed = await file14566();
    const returned = await act(hub, org.people.amLiaison.id, 'returnIncomplete', {
      referralId: filed.id,
      missingItems: ['Detailed list of completed research: add BRTVU results'],
    });
    expect(returned).toMatchObject({ state: 'RETURNED', reviewDueAt: null, nextDueAt: null, availableActions: ['ELEVATE'] });
    const originatorView = dataOf(
      await hub.request(org.people.originator.id, `query($id: UUID!) { referral(id: $id) { availableActions } }`, { id: filed.id }),
    );
    expect(originatorView.referral.availableActions.sort()).toEqual(['ELEVATE', 'RESUBMIT', 'WITHDRAW']);

    hub.clock.set('2026-11-30T14:00:00Z'); // Monday after Thanksgiving
    const resubmitted = await act(hub, org.people.originator.id, 'resubmit', {
      referralId: filed.id,
      content: { form14566: { ...VALID_14566, completedResearch: ['BMFOL', 'BRTVU: no returns under the EIN'] } },
    });
    expect(resubmitted.state).toBe('SUBMITTED');
    expect(resubmitted.submittedAt).toBe('2026-11-30T14:00:00.000Z');
    expect(resubmitted.reviewDueAt).toBe('2026-12-04T04:59:59.999Z'); // end of Thursday 12-03, New York

    const history = dataOf(
      await hub.request(org.people.originator.id, `query($id: UUID!) { referral(id: $id) { history { action details } } }`, {
        id: filed.id,
      }),
    ).referral.history;
    expect(history[1]).toMatchObject({
      action: 'RETURN_INCOMPLETE',
      details: { missingItems: ['Detailed list of completed research: add BRTVU results'] },
    });
    expect(history[2]).toMatchObject({ action: 'RESUBMIT', details: { contentChanged: true } });
  });

  it('lets the receiving liaison send an incomplete referral back to the originating liaison (IRM 10.5.3.3.8(4))', async () => {
    const filed = await file14566();
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    const back = await act(hub, org.people.efLiaison.id, 'returnToOriginatingLiaison', {
      referralId: filed.id,
      missingItems: ['The EIN research on FINDE'],
    });
    expect(back).toMatchObject({ state: 'SUBMITTED', receivedAt: null, ackDueAt: null, completionDueAt: null, currentClock: 'REVIEW' });
    expect(back.reviewDueAt).toBe('2026-11-28T04:59:59.999Z');
  });

  it("uses the receiving function's own time frame: CAWR acknowledges within 30 days (IRM 10.5.3.3.11(3))", async () => {
    const filed = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.cawr.id,
      content: { form14566: { ...VALID_14566, purpose: 'CAWR_FALSE_INCOME_DOCUMENTS' } },
    });
    const forwarded = await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    expect(forwarded.ackDueAt).toBe('2026-12-24T04:59:59.999Z'); // 11-23 + 30 days, end of day New York
    expect(forwarded.completionDueAt).toBe('2026-12-24T04:59:59.999Z');
  });

  it('lets the originator withdraw before acknowledgment but not after', async () => {
    const first = await file14566();
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: first.id });
    expect((await act(hub, org.people.originator.id, 'withdraw', { referralId: first.id })).state).toBe('WITHDRAWN');

    const second = await file14566();
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: second.id });
    await act(hub, org.people.efLiaison.id, 'acknowledge', { referralId: second.id });
    const late = await hub.request(org.people.originator.id, TRANSITIONS.withdraw, { input: { referralId: second.id } });
    expect(errorCodeOf(late)).toBe('CONFLICT');
  });

  it('flags overdue clocks and reports the time remaining', async () => {
    const filed = await file14566();
    hub.clock.set('2026-11-28T04:59:59.000Z');
    const before = dataOf(
      await hub.request(org.people.amLiaison.id, `query($id: UUID!) { referral(id: $id) { overdue reviewOverdue secondsRemaining } }`, {
        id: filed.id,
      }),
    );
    expect(before.referral).toEqual({ overdue: false, reviewOverdue: false, secondsRemaining: 0 });
    hub.clock.set('2026-11-28T05:00:00.000Z');
    const after = dataOf(
      await hub.request(
        org.people.amLiaison.id,
        `query($id: UUID!) { referral(id: $id) { overdue reviewOverdue ackOverdue secondsRemaining } }`,
        { id: filed.id },
      ),
    );
    expect(after.referral).toEqual({ overdue: true, reviewOverdue: true, ackOverdue: false, secondsRemaining: -1 });
  });
});

describe('who may act, and from which state', () => {
  it('refuses transitions by the wrong party with FORBIDDEN and out of order with CONFLICT', async () => {
    const { people } = org;
    const filed = await file14566();
    const as = async (who: string, transition: keyof typeof TRANSITIONS, input: Record<string, unknown>) =>
      errorCodeOf(await hub.request(who, TRANSITIONS[transition], { input: { referralId: filed.id, ...input } }));

    expect(await as(people.originator.id, 'forward', {})).toBe('FORBIDDEN'); // only the originating liaison reviews
    expect(await as(people.efLiaison.id, 'forward', {})).toBe('FORBIDDEN'); // a liaison acts only for their function
    expect(await as(people.amLiaison.id, 'acknowledge', {})).toBe('FORBIDDEN');
    expect(await as(people.efLiaison.id, 'acknowledge', {})).toBe('CONFLICT'); // not forwarded yet
    expect(await as(people.amLiaison.id, 'close', {})).toBe('FORBIDDEN');

    await act(hub, people.amLiaison.id, 'forward', { referralId: filed.id });
    await act(hub, people.efLiaison.id, 'acknowledge', { referralId: filed.id });
    expect(await as(people.efLiaison.id, 'assign', { assigneeId: people.amColleague.id })).toBe('BAD_USER_INPUT'); // not in the receiving function
    await act(hub, people.efLiaison.id, 'assign', { referralId: filed.id, assigneeId: people.efWorker.id });
    expect(await as(people.efLiaison.id, 'complete', { actionsTaken: ['done'] })).toBe('FORBIDDEN'); // only the assignee completes
    expect(await as(people.efWorker.id, 'complete', { actionsTaken: [] })).toBe('BAD_USER_INPUT'); // actions must be documented
    expect(await as(people.efWorker.id, 'complete', { actionsTaken: ['x'], resolutionCode: 'RTN2PROC' })).toBe('BAD_USER_INPUT'); // a 4442 code
    expect(await as(people.efWorker.id, 'returnNoTpp', {})).toBe('BAD_USER_INPUT'); // only 4442/3210
    await act(hub, people.efWorker.id, 'complete', {
      referralId: filed.id,
      actionsTaken: ['Rejected: not BMF ID theft'],
      resolutionCode: 'REJECTED_NOT_BMF_ID_THEFT',
    });
    expect(await as(people.amColleague.id, 'close', {})).toBe('NOT_FOUND'); // not a party: cannot even see it
    expect(await as(people.amLiaison.id, 'close', {})).toBe('FORBIDDEN'); // only the originator closes
  });

  it('lets exactly one of two concurrent acknowledgments win; the other gets CONFLICT', async () => {
    const filed = await file14566();
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    await hub.services.org.assignLiaison(org.functions.ef.id, org.people.efManager.id);
    const results = await Promise.all(
      [org.people.efLiaison.id, org.people.efManager.id].map((who) =>
        hub.request(who, TRANSITIONS.acknowledge, { input: { referralId: filed.id } }),
      ),
    );
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const history = await hub.services.referrals.history(await hub.services.org.loadCaller(org.people.efLiaison.id), filed.id);
    expect(history.filter((h) => h.action === 'ACKNOWLEDGE')).toHaveLength(1);
    await hub.services.org.removeLiaison(org.functions.ef.id, org.people.efManager.id);
  });

  it('honours expectedVersion', async () => {
    const filed = await file14566();
    const stale = await hub.request(org.people.amLiaison.id, TRANSITIONS.forward, {
      input: { referralId: filed.id, expectedVersion: filed.version + 1 },
    });
    expect(errorCodeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.reason).toBe('STALE_VERSION');
    const ok = await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id, expectedVersion: filed.version });
    expect(ok.version).toBe(filed.version + 1);
  });
});

describe('filing validation', () => {
  it('rejects malformed content naming every field and writes nothing', async () => {
    const count = async () =>
      Number(
        (await hub.database.dataSource.query('SELECT (SELECT count(*) FROM referral) + (SELECT count(*) FROM referral_history) AS n'))[0].n,
      );
    const before = await count();
    const response = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: {
        form: 'F14566',
        receivingFunctionId: org.functions.am.id,
        content: {
          form14566: {
            ...VALID_14566,
            business: { ...VALID_14566.business, ein: '07-1234567' },
            requestedActions: '   ',
            affectedReturns: [{ returnType: '941', mft: '99', taxPeriod: '202613' }],
          },
        },
      },
    });
    expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    const fields = response.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.receivingFunctionId',
        'input.content.form14566.business.ein',
        'input.content.form14566.requestedActions',
        'input.content.form14566.affectedReturns[0].mft',
        'input.content.form14566.affectedReturns[0].taxPeriod',
      ]),
    );
    expect(JSON.stringify(response.errors)).not.toContain('1234567');
    expect(await count()).toBe(before);
  });

  it('requires the sub-input that matches the form', async () => {
    const response = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: { form: 'F4442', receivingFunctionId: org.functions.rivo.id, content: { form14566: VALID_14566 } },
    });
    expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual([
      'input.content.form14566',
      'input.content.form4442',
    ]);
  });

  it('never returns a full TIN', async () => {
    const filed = await file14566();
    const view = dataOf(
      await hub.request(
        org.people.originator.id,
        `query($id: UUID!) { referral(id: $id) { content { ... on Form14566Content { business { einMasked } taxpayer { ssnMasked } } } } }`,
        { id: filed.id },
      ),
    );
    expect(view.referral.content).toEqual({ business: { einMasked: '**-***6789' }, taxpayer: { ssnMasked: '***-**-6789' } });
  });
});
