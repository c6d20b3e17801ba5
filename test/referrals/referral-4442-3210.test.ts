import 'reflect-metadata';
import { IRM_3210_ADDITIONAL_COMMENTS, IRM_3210_REMARKS } from '../../src/modules/referrals/forms/form-3210';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_3210, VALID_4442 } from '../support/org-fixture';
import { act, FILE_REFERRAL, fileReferral, TRANSITIONS } from '../support/referral-operations';

const WORK_QUEUE = `query { myWorkQueue(first: 100) { nodes { id state } } }`;

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const file4442 = (content: Record<string, unknown> = {}) =>
  fileReferral(hub, org.people.originator.id, {
    form: 'F4442',
    receivingFunctionId: org.functions.rivo.id,
    content: { form4442: { ...VALID_4442, ...content } },
  });

describe('Form 4442 categories (IRM 25.25.6)', () => {
  it('accepts any spelling of a category and stores the canonical one', async () => {
    const filed = await file4442({ category: 'rics rivo-mft reversal' });
    expect(filed.category).toEqual({ code: 'RICS_RIVO_MFT_REVERSAL', name: 'RICS RIVO - MFT Reversal' });
    const renamed = await file4442({ category: 'RICS-IVO - MFT 32 Reversal', dln: '29211-123-45678-5' });
    expect(renamed.category.code).toBe('RICS_RIVO_MFT32_REVERSAL');
  });

  it('requires the DLN where the category needs it and rejects unknown categories', async () => {
    const noDln = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: {
        form: 'F4442',
        receivingFunctionId: org.functions.rivo.id,
        content: { form4442: { ...VALID_4442, category: 'RICS RIVO - MFT 32 Reversal' } },
      },
    });
    expect(errorCodeOf(noDln)).toBe('BAD_USER_INPUT');
    expect(noDln.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.content.form4442.dln' })]);

    const unknown = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: {
        form: 'F4442',
        receivingFunctionId: org.functions.rivo.id,
        content: { form4442: { ...VALID_4442, category: 'RICS RIVO - Lunch' } },
      },
    });
    expect(unknown.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.content.form4442.category' })]);
  });

  it('IRM 25.25.6.6.4: counts the completion clock from the date of the Form 4442, 60 days for MFT Reversal, 9 weeks where the category says', async () => {
    const reversal = await file4442();
    expect(reversal).toMatchObject({ state: 'RECEIVED', reviewDueAt: null, ackDueAt: null, receivedAt: '2026-11-23T14:00:00.000Z' });
    expect(reversal.completionDueAt).toBe('2027-01-23T05:59:59.999Z'); // 11-23 + 60 days, end of day Chicago (RIVO)
    expect(reversal.nextDueAt).toBe(reversal.completionDueAt);
    expect(reversal.completionTimeFrame).toBe('60 calendar days from the date of the Form 4442 (IRM 25.25.6.6.4(5))');

    // Checked out ten days later: the clock still counts from the date of the form.
    hub.clock.set('2026-12-03T15:00:00Z');
    const checkedOut = await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: reversal.id });
    expect(checkedOut.completionDueAt).toBe(reversal.completionDueAt);
    hub.clock.set('2026-11-23T14:00:00Z');

    const nineWeeks = await file4442({ category: 'RICS RIVO - UP 147 RC 8', returnDeletedOn: '2026-10-01' });
    expect(nineWeeks.completionDueAt).toBe('2027-01-26T05:59:59.999Z'); // 11-23 + 63 days ("allow 9 weeks")
  });

  it('IRM 25.25.6: a category with no time frame has no completion clock, and says so', async () => {
    const complex = await file4442({ category: 'RICS RIVO Complex Issue Not ID Theft' });
    expect(complex).toMatchObject({ state: 'RECEIVED', completionDueAt: null, nextDueAt: null, currentClock: null });
    expect(complex.completionTimeFrame).toBe(
      'No completion clock: IRM 25.25.6 gives the category "RICS RIVO Complex Issue Not ID Theft" no time frame',
    );
  });

  it('IRM 25.25.6.2.3: goes straight to RIVO: no liaison review, forwarding or acknowledgment', async () => {
    const filed = await file4442();
    expect(filed.availableActions).toEqual(['WITHDRAW']);
    const forward = await hub.request(org.people.amLiaison.id, TRANSITIONS.forward, { input: { referralId: filed.id } });
    expect(forward.errors![0].extensions!.fieldErrors).toEqual([
      expect.objectContaining({ field: 'input.referralId', message: expect.stringMatching(/no "forward" step.*IRM 25.25.6/) }),
    ]);
    const acknowledge = await hub.request(org.people.rivoLiaison.id, TRANSITIONS.acknowledge, { input: { referralId: filed.id } });
    expect(errorCodeOf(acknowledge)).toBe('BAD_USER_INPUT');
    expect(acknowledge.errors![0].extensions!.fieldErrors).toEqual([
      expect.objectContaining({
        field: 'input.referralId',
        message: expect.stringMatching(/Form 4442 .*no "acknowledge" step.*IRM 25.25.6/),
      }),
    ]);
  });

  it("Exhibit 25.25.6-8: sits in RIVO's queue for any RIVO employee until one checks it out", async () => {
    const filed = await file4442();
    const queue = dataOf(await hub.request(org.people.rivoWorker.id, WORK_QUEUE, {})).myWorkQueue.nodes as { id: string }[];
    expect(queue.map((r) => r.id)).toContain(filed.id);
    const outsider = await hub.request(org.people.efWorker.id, TRANSITIONS.checkOut, { input: { referralId: filed.id } });
    expect(errorCodeOf(outsider)).toBe('NOT_FOUND');

    const checkedOut = await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.id });
    expect(checkedOut).toMatchObject({ state: 'CHECKED_OUT', assignee: { email: 'rivo.worker@example.gov' } });
    expect(checkedOut.availableActions).toEqual(['RETURN_NO_TPP_INVOLVEMENT', 'CLOSE_AS_MISROUTE', 'OPEN_CONTROL']);
    // Out of the queue: nobody else checks it out.
    const other = await hub.request(org.people.rivoLiaison.id, TRANSITIONS.checkOut, { input: { referralId: filed.id } });
    expect(other.errors![0].extensions!.reason).toBe('WRONG_STATE');
  });

  it('IRM 25.25.6.2.3(3): the RIVO employee who checked it out returns it "no TPP involvement"', async () => {
    const filed = await file4442();
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.id });
    const returned = await act(hub, org.people.rivoWorker.id, 'returnNoTpp', { referralId: filed.id, note: 'No TPP involvement' });
    expect(returned).toMatchObject({ state: 'RETURNED_NO_TPP', resolutionCode: 'NOTIVO', nextDueAt: null });
  });

  it('Exhibit 25.25.6-9: closes a misroute with a CL2* code and refuses any other code', async () => {
    const filed = await file4442();
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.id });
    const wrong = await hub.request(org.people.rivoWorker.id, TRANSITIONS.closeAsMisroute, {
      input: { referralId: filed.id, misrouteCode: 'RTN2PROC' },
    });
    expect(wrong.errors![0].extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.misrouteCode' })]);
    const closed = await act(hub, org.people.rivoWorker.id, 'closeAsMisroute', { referralId: filed.id, misrouteCode: 'cl2am' });
    expect(closed).toMatchObject({ state: 'CLOSED_MISROUTED', resolutionCode: 'CL2AM', nextDueAt: null });
    expect(closed.closedAt).not.toBeNull();
  });

  it('IRM 25.25.6.2.3(3)-(4), Exhibit 25.25.6-9: opens a control, monitors, and closes only with a closing activity code', async () => {
    const filed = await file4442();
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.id });
    const working = await act(hub, org.people.rivoWorker.id, 'openControl', { referralId: filed.id });
    expect(working).toMatchObject({ state: 'WORKING', completionDueAt: filed.completionDueAt, nextDueAt: filed.completionDueAt });
    const noReason = await hub.request(org.people.rivoWorker.id, TRANSITIONS.monitor, { input: { referralId: filed.id, reason: ' ' } });
    expect(errorCodeOf(noReason)).toBe('BAD_USER_INPUT');
    const monitoring = await act(hub, org.people.rivoWorker.id, 'monitor', { referralId: filed.id, reason: 'MFT32REV: moving to MFT 30' });
    expect(monitoring.state).toBe('MONITORING');
    await act(hub, org.people.rivoWorker.id, 'resumeWork', { referralId: filed.id });
    const noCode = await hub.request(org.people.rivoWorker.id, TRANSITIONS.complete, {
      input: { referralId: filed.id, actionsTaken: ['Moved the return to MFT 30'] },
    });
    expect(noCode.errors![0].extensions!.fieldErrors).toEqual([
      expect.objectContaining({ field: 'input.resolutionCode', message: expect.stringContaining('RTN2PROC') }),
    ]);
    const closed = await act(hub, org.people.rivoWorker.id, 'complete', {
      referralId: filed.id,
      actionsTaken: ['Moved the return to MFT 30'],
      resolutionCode: 'IDTRTN',
    });
    expect(closed).toMatchObject({ state: 'CLOSED', resolutionCode: 'IDTRTN', nextDueAt: null, availableActions: [] });
    expect(closed.closedAt).not.toBeNull();
  });

  it('links a follow-up 4442 only after the earlier one went unresolved past its time frame (IRM 25.25.6.6.4)', async () => {
    const earlier = await file4442();
    const tooSoon = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: {
        form: 'F4442',
        receivingFunctionId: org.functions.rivo.id,
        content: { form4442: { ...VALID_4442, followUpOfReferralId: earlier.id } },
      },
    });
    expect(tooSoon.errors![0].extensions!.fieldErrors).toEqual([
      expect.objectContaining({ field: 'input.content.form4442.followUpOfReferralId' }),
    ]);

    hub.clock.set('2027-01-25T15:00:00Z');
    const followUp = await file4442({ followUpOfReferralId: earlier.id });
    expect(followUp.state).toBe('RECEIVED');
    hub.clock.set('2026-11-23T14:00:00Z');
  });
});

const CATEGORIES = `query { referralCategories(first: 50) {
  code irmReference firstCallWaitDays archivedReturnNeedsDln deletedMoreThanDays originatorRole requiresRoAuthentication requiresDln
} }`;

/** Files a 4442 as `who` and returns its field errors (none when accepted). */
const refusal4442 = async (content: Record<string, unknown>, who: string = org.people.originator.id) => {
  const response = await hub.request(who, FILE_REFERRAL, {
    input: { form: 'F4442', receivingFunctionId: org.functions.rivo.id, content: { form4442: { ...VALID_4442, ...content } } },
  });
  if (!response.errors) return [];
  expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
  return response.errors[0].extensions!.fieldErrors as { field: string; message: string }[];
};

describe('Form 4442 category preconditions as catalogue data (IRM 25.25.6)', () => {
  it('shows each precondition with its IRM citation in referralCategories', async () => {
    const { referralCategories } = dataOf<{ referralCategories: Record<string, unknown>[] }>(
      await hub.request(org.people.originator.id, CATEGORIES),
    );
    const byCode = Object.fromEntries(referralCategories.map((c) => [c.code, c]));
    expect(byCode.RICS_RIVO_TPP).toMatchObject({
      firstCallWaitDays: 123,
      archivedReturnNeedsDln: true,
      irmReference: 'IRM 25.25.6.3.3(4); 25.25.6.5.5.4(3)',
    });
    expect(byCode.RICS_RIVO_UP147_RC8).toMatchObject({ deletedMoreThanDays: 21, irmReference: 'IRM 25.25.6.6.4(5)' });
    expect(byCode.RICS_RIVO_MFT32_REVERSAL).toMatchObject({ requiresDln: true, irmReference: 'IRM 25.25.6.5.5.1(3)' });
    expect(byCode.TWRO_RO_UP126_RC0).toMatchObject({
      originatorRole: 'REVENUE_OFFICER',
      requiresRoAuthentication: true,
      irmReference: 'IRM 25.25.6.2.3(1)-(2)',
    });
  });

  it('IRM 25.25.6.3.3(4): RICS RIVO - TPP needs the first-call date and 9 weeks + 60 days passed since it', async () => {
    const tpp = { category: 'RICS RIVO - TPP' };
    expect(await refusal4442(tpp)).toEqual([
      { field: 'input.content.form4442.dateOfFirstCall', message: expect.stringContaining('IRM 25.25.6.3.3(4)') },
    ]);
    // 2026-11-23 less 123 days is 2026-07-23: a day later is too soon.
    expect(await refusal4442({ ...tpp, dateOfFirstCall: '2026-07-24' })).toEqual([
      {
        field: 'input.content.form4442.dateOfFirstCall',
        message: expect.stringMatching(/only 123 days after the first call.*IRM 25.25.6.3.3\(4\)/),
      },
    ]);
    expect(await refusal4442({ ...tpp, dateOfFirstCall: '2026-07-23' })).toEqual([]);
  });

  it('IRM 25.25.6.5.5.4(3): RICS RIVO - TPP for an archived or deleted return needs authentication and the DLN, not the wait', async () => {
    const archived = { category: 'RICS RIVO - TPP', returnArchivedOrDeleted: true };
    expect(await refusal4442(archived)).toEqual([
      { field: 'input.content.form4442.dln', message: expect.stringContaining('25.25.6.5.5.4(3)') },
    ]);
    expect(await refusal4442({ ...archived, taxpayerAuthenticated: false, dln: '29211-123-45678-5' })).toEqual([
      expect.objectContaining({ field: 'input.content.form4442.taxpayerAuthenticated' }),
    ]);
    expect(await refusal4442({ ...archived, dln: '29211-123-45678-5' })).toEqual([]);
  });

  it('IRM 25.25.6.6.4(5): RICS RIVO - UP 147 RC 8 needs the return deleted for more than 3 weeks', async () => {
    const up147 = { category: 'RICS RIVO - UP 147 RC 8' };
    expect(await refusal4442(up147)).toEqual([
      { field: 'input.content.form4442.returnDeletedOn', message: expect.stringContaining('IRM 25.25.6.6.4(5)') },
    ]);
    expect(await refusal4442({ ...up147, returnDeletedOn: '2026-11-02' })).toEqual([
      { field: 'input.content.form4442.returnDeletedOn', message: expect.stringMatching(/more than 21 days.*IRM 25.25.6.6.4\(5\)/) },
    ]);
    expect(await refusal4442({ ...up147, returnDeletedOn: '2026-11-01' })).toEqual([]);
  });

  it('IRM 25.25.6.5.5.1(3): RICS-IVO - MFT 32 Reversal needs authentication and the DLN', async () => {
    const reversal = { category: 'RICS-IVO - MFT 32 Reversal' };
    expect(await refusal4442(reversal)).toEqual([
      { field: 'input.content.form4442.dln', message: expect.stringContaining('IRM 25.25.6.5.5.1(3)') },
    ]);
    expect(await refusal4442({ ...reversal, dln: '29211-123-45678-5', taxpayerAuthenticated: false })).toEqual([
      expect.objectContaining({ field: 'input.content.form4442.taxpayerAuthenticated' }),
    ]);
  });

  it("IRM 25.25.6.2.3(1)-(2): a revenue officer's UP 126 RC 0 referral needs the authentication and the statement that the return is the taxpayer's", async () => {
    const twro = { category: 'TWRO - Revenue Officer UP 126 RC 0' };
    expect(await refusal4442(twro)).toEqual([
      { field: 'input.content.form4442.authenticatedBy', message: expect.stringContaining('IRM 25.25.6.2.3(1)-(2)') },
      { field: 'input.content.form4442.returnIsTaxpayers', message: expect.stringContaining('IRM 25.25.6.2.3(1)-(2)') },
    ]);
    const complete = { ...twro, authenticatedBy: 'TELEPHONE_INTERNATIONAL', returnIsTaxpayers: true };
    expect(await refusal4442(complete, org.people.amColleague.id)).toEqual([
      { field: 'input.content.form4442.category', message: expect.stringMatching(/only a REVENUE_OFFICER.*IRM 25.25.6.2.3\(1\)-\(2\)/) },
    ]);
    expect(await refusal4442(complete)).toEqual([]);
  });
});

describe('Form 3210 document transmittal (IRM 25.25.6.2.3)', () => {
  const file3210 = () =>
    fileReferral(hub, org.people.originator.id, {
      form: 'F3210',
      receivingFunctionId: org.functions.rivo.id,
      content: { form3210: VALID_3210 },
    });

  it("goes straight into RIVO's queue with no completion clock, and says so", async () => {
    const filed = await file3210();
    expect(filed.referenceNumber).toMatch(/^3210-2026-/);
    expect(filed).toMatchObject({ state: 'RECEIVED', reviewDueAt: null, ackDueAt: null, completionDueAt: null });
    expect(filed.completionTimeFrame).toBe('No completion clock: IRM 25.25.6.2.3 gives a Form 3210 no time frame');
  });

  it('IRM 25.25.6.2.3(1)-(2): is filed only by a revenue officer', async () => {
    const notAnRo = await hub.request(org.people.amColleague.id, FILE_REFERRAL, {
      input: { form: 'F3210', receivingFunctionId: org.functions.rivo.id, content: { form3210: VALID_3210 } },
    });
    expect(notAnRo.errors![0].extensions!.fieldErrors).toEqual([
      { field: 'input.form', message: 'only a revenue officer files a Form 3210 to RIVO (IRM 25.25.6.2.3(1)-(2))' },
    ]);
  });

  it('IRM 25.25.6.2.3(2): offers the IRM wording as the default remarks and additional comments', async () => {
    const rest = { ...VALID_3210, remarks: undefined, additionalComments: undefined }; // omitted from the request
    const filed = dataOf(
      await hub.request(
        org.people.originator.id,
        `mutation($input: FileReferralInput!) { fileReferral(input: $input) { content { ... on Form3210Content { remarks additionalComments authenticatedBy attachments { signedReturn } } } } }`,
        { input: { form: 'F3210', receivingFunctionId: org.functions.rivo.id, content: { form3210: rest } } },
      ),
    ).fileReferral;
    expect(filed.content).toEqual({
      remarks: IRM_3210_REMARKS,
      additionalComments: IRM_3210_ADDITIONAL_COMMENTS,
      authenticatedBy: 'FACE_TO_FACE',
      attachments: [{ signedReturn: true }],
    });
  });

  it('can be returned for no TPP involvement by the RIVO employee who checked it out', async () => {
    const filed = await file3210();
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.id });
    const returned = await act(hub, org.people.rivoWorker.id, 'returnNoTpp', { referralId: filed.id });
    expect(returned.state).toBe('RETURNED_NO_TPP');
  });

  it("closes a 3210 with RIVO's RTN2PROC code after the return went to Submission Processing (IRM 25.25.6.2.3(4))", async () => {
    const filed = await file3210();
    await act(hub, org.people.rivoWorker.id, 'checkOut', { referralId: filed.id });
    await act(hub, org.people.rivoWorker.id, 'openControl', { referralId: filed.id });
    const done = await act(hub, org.people.rivoWorker.id, 'complete', {
      referralId: filed.id,
      actionsTaken: ['Detached the return and forwarded it to Submission Processing'],
      resolutionCode: 'rtn2proc',
    });
    expect(done).toMatchObject({ state: 'CLOSED', resolutionCode: 'RTN2PROC' });
  });
});

describe('the codes a referral closes with, named for the console (Exhibit 25.25.6-9; README "Outcomes belong to the receiver")', () => {
  const CODES = `query($id: UUID!) { referral(id: $id) { resolutionCodes resolutionCodeRequired misrouteCodes } }`;
  const codesOf = async (referral: Record<string, any>) =>
    dataOf(await hub.request(org.people.originator.id, CODES, { id: referral.id })).referral;

  it("RIVO's closing activity codes per form, the misroute codes, and a 14566's answers by purpose", async () => {
    await expect(codesOf(await file4442())).resolves.toEqual({
      resolutionCodes: [
        'RTN2PROC',
        'NONIDTRTN',
        'IDTRTN',
        'GOODRTN',
        'FAILEDAUTH',
        'SENT2TAC',
        'ERRORCASE',
        'MAN2AQC',
        'MAN2WOW',
        'MAN2EXAM',
        '1040X2AM',
        '1040X2SP',
      ],
      resolutionCodeRequired: true,
      misrouteCodes: ['CL2AM', 'CL2EXAM', 'CL2WOW', 'CL2AQC'],
    });
    const filed3210 = await fileReferral(hub, org.people.originator.id, {
      form: 'F3210',
      receivingFunctionId: org.functions.rivo.id,
      content: { form3210: VALID_3210 },
    });
    await expect(codesOf(filed3210)).resolves.toMatchObject({
      resolutionCodes: ['RTN2PROC', 'NONIDTRTN', 'IDTRTN', 'GOODRTN', 'ERRORCASE'],
      resolutionCodeRequired: true,
    });
    const efCheck = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    await expect(codesOf(efCheck)).resolves.toEqual({
      resolutionCodes: ['ADDED_TO_SCHEME_LIST', 'REJECTED_NOT_BMF_ID_THEFT'],
      resolutionCodeRequired: true,
      misrouteCodes: [],
    });
    const general = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.cawr.id,
      content: { form14566: { ...VALID_14566, purpose: 'GENERAL_ACTION_REQUEST' } },
    });
    await expect(codesOf(general)).resolves.toMatchObject({ resolutionCodes: ['ACTIONS_COMPLETED'], resolutionCodeRequired: false });
  });

  it('each code with its meaning from the IRM, in the same order, for the pickers (Exhibit 25.25.6-9; IRM 10.5.3.3.9(4))', async () => {
    const OPTIONS = `query($id: UUID!) { referral(id: $id) { resolutionCodes resolutionCodeOptions { code meaning } misrouteCodeOptions { code meaning } } }`;
    const optionsOf = async (referral: Record<string, any>) =>
      dataOf(await hub.request(org.people.originator.id, OPTIONS, { id: referral.id })).referral;
    const rivo = await optionsOf(await file4442());
    expect(rivo.resolutionCodeOptions.map((option: { code: string }) => option.code)).toEqual(rivo.resolutionCodes);
    expect(rivo.resolutionCodeOptions).toContainEqual({
      code: 'RTN2PROC',
      meaning: 'A return provided by the taxpayer was sent to Submission Processing (SP) - RIVO case closed',
    });
    expect(rivo.misrouteCodeOptions).toContainEqual({
      code: 'CL2AM',
      meaning: 'Correspondence is a misroute and was routed to Account Management - closed control',
    });
    for (const option of [...rivo.resolutionCodeOptions, ...rivo.misrouteCodeOptions]) expect(option.meaning).not.toBe(option.code);
    const efCheck = await optionsOf(
      await fileReferral(hub, org.people.originator.id, {
        form: 'F14566',
        receivingFunctionId: org.functions.ef.id,
        content: { form14566: VALID_14566 },
      }),
    );
    expect(efCheck.resolutionCodeOptions).toEqual([
      { code: 'ADDED_TO_SCHEME_LIST', meaning: 'The Entity Fabrication (EF) Team added the account to its scheme list' },
      {
        code: 'REJECTED_NOT_BMF_ID_THEFT',
        meaning: 'The Entity Fabrication (EF) Team rejected the referral as not involving BMF identity theft',
      },
    ]);
    expect(efCheck.misrouteCodeOptions).toEqual([]);
  });
});
