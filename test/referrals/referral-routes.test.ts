import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_3210, VALID_4442 } from '../support/org-fixture';
import { act, FILE_REFERRAL, fileReferral } from '../support/referral-operations';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  // Only the shipped routes: no installation time frames of its own.
  await hub.database.dataSource.query(`DELETE FROM referral_time_frame`);
});

afterAll(() => hub.stop());

const ROUTES = `{ referralRoutes { form purpose receivingFunctionCodes ackBusinessDays ackCalendarDays completionCalendarDays irmReference
  changes { at before after actor { email } } } }`;
const SET_ROUTE = `mutation($input: ReferralRouteInput!) { setReferralRoute(input: $input) {
  form purpose receivingFunctionCodes ackCalendarDays completionCalendarDays irmReference changes { before after actor { email } } } }`;

const fileTo = (receivingFunctionId: string, form: string, content: Record<string, unknown>) =>
  hub.request(org.people.originator.id, FILE_REFERRAL, { input: { form, receivingFunctionId, content } });

const receiverError = (response: Awaited<ReturnType<typeof fileTo>>) => {
  expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
  const errors = response.errors![0].extensions!.fieldErrors as { field: string; message: string }[];
  expect(errors.map((e) => e.field)).toEqual(['input.receivingFunctionId']);
  return errors[0].message;
};

describe('routes are enforced', () => {
  it('IRM 25.25.6.2.3: refuses a 4442 or 3210 to anyone but RIVO, naming RIVO and the IRM', async () => {
    expect(receiverError(await fileTo(org.functions.ef.id, 'F4442', { form4442: VALID_4442 }))).toBe(
      'a Form 4442 goes only to RICS RIVO (RICS-RIVO) (IRM 25.25.6.2.3, 25.25.6.6.4: a Form 4442 goes directly to RIVO)',
    );
    expect(receiverError(await fileTo(org.functions.cawr.id, 'F3210', { form3210: VALID_3210 }))).toMatch(
      /^a Form 3210 goes only to RICS RIVO \(RICS-RIVO\) \(IRM 25\.25\.6\.2\.3\(2\)/,
    );
  });

  it('IRM 10.5.3.3.9-.12: the purpose of a 14566 decides its receiver; a general action request may go to any function', async () => {
    const tc020ToRivo = await fileTo(org.functions.rivo.id, 'F14566', { form14566: { ...VALID_14566, purpose: 'SP_ENTITY_TC020' } });
    expect(receiverError(tc020ToRivo)).toMatch(/^a Form 14566 for SP_ENTITY_TC020 goes only to SP-ENTITY \(IRM 10\.5\.3\.3\.12/);
    const cawrToEf = await fileTo(org.functions.ef.id, 'F14566', { form14566: { ...VALID_14566, purpose: 'CAWR_FALSE_INCOME_DOCUMENTS' } });
    expect(receiverError(cawrToEf)).toMatch(/goes only to Combined Annual Wage Reporting \(CAWR\) \(IRM 10\.5\.3\.3\.11\(3\)/);
    const general = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.rivo.id,
      content: { form14566: { ...VALID_14566, purpose: 'GENERAL_ACTION_REQUEST' } },
    });
    expect(general.receivingFunction.code).toBe('RICS-RIVO');
  });
});

describe('routes and time frames are reference data', () => {
  it('ships every route with the product, readable by any employee', async () => {
    const routes = dataOf(await hub.request(org.people.rivoWorker.id, ROUTES)).referralRoutes as Record<string, unknown>[];
    expect(routes.map((r) => [r.form, r.purpose, r.receivingFunctionCodes])).toEqual([
      ['F14566', 'CAWR_FALSE_INCOME_DOCUMENTS', ['CAWR']],
      ['F14566', 'CI_DETERMINATION_NOTICE', ['CI']],
      ['F14566', 'CI_SCHEME_SEARCH', ['CI']],
      ['F14566', 'EF_SCHEME_CHECK', ['RICS-EF']],
      ['F14566', 'SP_ENTITY_TC020', ['SP-ENTITY']],
      ['F3210', null, ['RICS-RIVO']],
      ['F4442', null, ['RICS-RIVO']],
    ]);
    expect(routes[0]).toMatchObject({ ackBusinessDays: null, ackCalendarDays: 30, completionCalendarDays: 30, changes: [] });
  });

  it('IRM 10.5.3.3.11(3): CAWR acknowledges within 30 days without any seeded time frame', async () => {
    const filed = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.cawr.id,
      content: { form14566: { ...VALID_14566, purpose: 'CAWR_FALSE_INCOME_DOCUMENTS' } },
    });
    const forwarded = await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    expect(forwarded.ackDueAt).toBe('2026-12-24T04:59:59.999Z'); // 11-23 + 30 days, end of day New York
    expect(forwarded.completionDueAt).toBe('2026-12-24T04:59:59.999Z');
  });

  it('IRM 10.5.3.3.9(4): the EF team answers within 30 days, acknowledging within 3 business days', async () => {
    const filed = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const forwarded = await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    expect(forwarded.ackDueAt).toBe('2026-11-28T05:59:59.999Z'); // Tue, Wed, (Thanksgiving), Fri, Chicago
    expect(forwarded.completionDueAt).toBe('2026-12-24T05:59:59.999Z');
  });

  it('lets an admin change a route through GraphQL, keeps the change with before and after, and refuses anyone else', async () => {
    const input = {
      form: 'F14566',
      purpose: 'CAWR_FALSE_INCOME_DOCUMENTS',
      receivingFunctionCodes: ['cawr'],
      ackCalendarDays: 45,
      completionCalendarDays: 45,
      irmReference: 'IRM 10.5.3.3.11(3); extended by local agreement',
    };
    expect(errorCodeOf(await hub.request(org.people.cawrLiaison.id, SET_ROUTE, { input }))).toBe('FORBIDDEN');
    const unknown = await hub.request(org.people.admin.id, SET_ROUTE, { input: { ...input, receivingFunctionCodes: ['NOPE'] } });
    expect(unknown.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.receivingFunctionCodes' })]);
    const both = await hub.request(org.people.admin.id, SET_ROUTE, { input: { ...input, ackBusinessDays: 3 } });
    expect(both.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.ackCalendarDays' })]);

    const before = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.cawr.id,
      content: { form14566: { ...VALID_14566, purpose: 'CAWR_FALSE_INCOME_DOCUMENTS' } },
    });
    const forwardedBefore = await act(hub, org.people.amLiaison.id, 'forward', { referralId: before.id });

    const set = dataOf(await hub.request(org.people.admin.id, SET_ROUTE, { input })).setReferralRoute;
    expect(set).toMatchObject({ receivingFunctionCodes: ['CAWR'], ackCalendarDays: 45 });
    expect(set.changes).toEqual([
      {
        before: expect.objectContaining({ ackCalendarDays: 30, receivingFunctionCodes: ['CAWR'] }),
        after: expect.objectContaining({ ackCalendarDays: 45, irmReference: input.irmReference }),
        actor: { email: 'admin@example.gov' },
      },
    ]);
    // Applies from the next receipt; a clock already running keeps the time frame it was sent with.
    const after = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.cawr.id,
      content: { form14566: { ...VALID_14566, purpose: 'CAWR_FALSE_INCOME_DOCUMENTS' } },
    });
    expect((await act(hub, org.people.amLiaison.id, 'forward', { referralId: after.id })).ackDueAt).toBe('2027-01-08T04:59:59.999Z');
    const unchanged = dataOf(
      await hub.request(org.people.amLiaison.id, `query($id: UUID!) { referral(id: $id) { ackDueAt } }`, { id: before.id }),
    );
    expect(unchanged.referral.ackDueAt).toBe(forwardedBefore.ackDueAt);
    await expect(hub.database.dataSource.query(`DELETE FROM referral_route_change`)).rejects.toThrow(/append-only/);
  });
});

describe('a 14566 finding with IMF implications (IRM 10.5.3.3.8(4))', () => {
  const FILE_BOTH = `mutation($input: FileImfImplicationsInput!) { fileImfImplicationReferrals(input: $input) {
    id state receivingFunction { code } content { ... on Form14566Content { purpose } } linkedReferral { id } } }`;

  it('IRM 10.5.3.3.8(4): files one finding to the EF team and CI, linked, in one step, or neither', async () => {
    const input = { content: { form14566: VALID_14566 }, ciPurpose: 'CI_DETERMINATION_NOTICE' };
    // This organisation has no CI yet: nothing is filed.
    const before = await hub.database.dataSource.query(`SELECT count(*)::int AS n FROM referral`);
    const noCi = await hub.request(org.people.originator.id, FILE_BOTH, { input });
    expect(noCi.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.ciPurpose' })]);
    expect(await hub.database.dataSource.query(`SELECT count(*)::int AS n FROM referral`)).toEqual(before);

    await hub.services.org.createFunction({ code: 'CI', name: 'Criminal Investigation', timeZone: 'America/New_York' });
    const [ef, ci] = dataOf(await hub.request(org.people.originator.id, FILE_BOTH, { input })).fileImfImplicationReferrals;
    expect(ef).toMatchObject({ state: 'SUBMITTED', receivingFunction: { code: 'RICS-EF' }, content: { purpose: 'EF_SCHEME_CHECK' } });
    expect(ci).toMatchObject({ state: 'SUBMITTED', receivingFunction: { code: 'CI' }, content: { purpose: 'CI_DETERMINATION_NOTICE' } });
    expect([ef.linkedReferral.id, ci.linkedReferral.id]).toEqual([ci.id, ef.id]);

    const wrong = await hub.request(org.people.originator.id, FILE_BOTH, { input: { ...input, ciPurpose: 'SP_ENTITY_TC020' } });
    expect(wrong.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.ciPurpose' })]);
  });
});

describe('outcomes belong to the receiver', () => {
  const assignedTo = async (receivingFunctionId: string, purpose: string, liaison: string, worker: string) => {
    const filed = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId,
      content: { form14566: { ...VALID_14566, purpose } },
    });
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    await act(hub, liaison, 'acknowledge', { referralId: filed.id });
    await act(hub, liaison, 'assign', { referralId: filed.id, assigneeId: worker });
    return filed.id as string;
  };
  const complete = (as: string, referralId: string, resolutionCode?: string) =>
    hub.request(as, `mutation($input: CompleteReferralInput!) { completeReferral(input: $input) { state resolutionCode } }`, {
      input: { referralId, actionsTaken: ['Researched the EIN'], resolutionCode },
    });

  it('IRM 10.5.3.3.9(4): the EF team completes only with "added to the scheme list" or "rejected as not BMF ID theft"', async () => {
    const id = await assignedTo(org.functions.ef.id, 'EF_SCHEME_CHECK', org.people.efLiaison.id, org.people.efWorker.id);
    for (const code of [undefined, 'NO_OPEN_CI_INVESTIGATION']) {
      const refused = await complete(org.people.efWorker.id, id, code);
      expect(refused.errors![0].extensions!.fieldErrors).toEqual([
        {
          field: 'input.resolutionCode',
          message: expect.stringMatching(/^must be one of ADDED_TO_SCHEME_LIST, REJECTED_NOT_BMF_ID_THEFT \(IRM 10\.5\.3\.3\.9\(4\)/),
        },
      ]);
    }
    expect(dataOf(await complete(org.people.efWorker.id, id, 'rejected_not_bmf_id_theft')).completeReferral).toEqual({
      state: 'COMPLETED',
      resolutionCode: 'REJECTED_NOT_BMF_ID_THEFT',
    });
  });

  it('IRM 10.5.3.3.7.1(6): a general action request, for which the IRM names no outcome, completes on its documented actions', async () => {
    const id = await assignedTo(org.functions.cawr.id, 'GENERAL_ACTION_REQUEST', org.people.cawrLiaison.id, org.people.cawrLiaison.id);
    expect(dataOf(await complete(org.people.cawrLiaison.id, id)).completeReferral).toEqual({ state: 'COMPLETED', resolutionCode: null });
  });
});

describe('referralReceivers names exactly the receivers fileReferral accepts (IRM 10.5.3.3.7.1, 25.25.6.2.3)', () => {
  const RECEIVERS = `query($form: ReferralForm!, $purpose: Referral14566Purpose) { referralReceivers(form: $form, purpose: $purpose) { id code } }`;
  const cases: [string, string | null, Record<string, unknown>][] = [
    ['F4442', null, { form4442: VALID_4442 }],
    ['F3210', null, { form3210: VALID_3210 }],
    ['F14566', 'EF_SCHEME_CHECK', { form14566: { ...VALID_14566, purpose: 'EF_SCHEME_CHECK' } }],
    ['F14566', 'GENERAL_ACTION_REQUEST', { form14566: { ...VALID_14566, purpose: 'GENERAL_ACTION_REQUEST' } }],
  ];

  it.each(cases)('%s %s', async (form, purpose, content) => {
    const all = dataOf(await hub.request(org.people.admin.id, '{ businessFunctions { id code } }')).businessFunctions as {
      id: string;
      code: string;
    }[];
    const offered = dataOf(await hub.request(org.people.originator.id, RECEIVERS, { form, purpose })).referralReceivers as {
      id: string;
      code: string;
    }[];
    expect(offered.length).toBeGreaterThan(0);
    for (const fn of all) {
      const response = await fileTo(fn.id, form, content);
      const refusedReceiver = ((response.errors?.[0]?.extensions?.fieldErrors ?? []) as { field: string }[]).some(
        (error) => error.field === 'input.receivingFunctionId',
      );
      expect({ code: fn.code, offered: offered.some((o) => o.id === fn.id) }).toEqual({ code: fn.code, offered: !refusedReceiver });
    }
  });
});
