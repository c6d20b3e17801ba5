import 'reflect-metadata';
import { errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_3210, VALID_4442 } from '../support/org-fixture';
import { act, FILE_REFERRAL, fileReferral } from '../support/referral-operations';

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

  it('gives the completion clock the category time frame: 60 days for MFT Reversal, none where the IRM names none', async () => {
    const reversal = await file4442();
    const forwarded = await act(hub, org.people.amLiaison.id, 'forward', { referralId: reversal.id });
    expect(forwarded.completionDueAt).toBe('2027-01-23T05:59:59.999Z'); // 11-23 + 60 days, end of day Chicago
    expect(forwarded.ackDueAt).toBe('2026-11-28T05:59:59.999Z'); // Tue, Wed, (Thanksgiving), Fri

    const complex = await file4442({ category: 'RICS RIVO Complex Issue Not ID Theft' });
    const forwardedComplex = await act(hub, org.people.amLiaison.id, 'forward', { referralId: complex.id });
    expect(forwardedComplex.completionDueAt).toBeNull();
  });

  it('lets RIVO return a 4442 with "no TPP involvement" (IRM 25.25.6.2.3(3))', async () => {
    const filed = await file4442();
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    await act(hub, org.people.rivoLiaison.id, 'acknowledge', { referralId: filed.id });
    const returned = await act(hub, org.people.rivoLiaison.id, 'returnNoTpp', { referralId: filed.id, note: 'No TPP involvement' });
    expect(returned).toMatchObject({ state: 'RETURNED_NO_TPP', resolutionCode: 'NOTIVO', nextDueAt: null });
  });

  it('links a follow-up 4442 only after the earlier one went unresolved past its time frame (IRM 25.25.6.6.4)', async () => {
    const earlier = await file4442();
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: earlier.id });
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
    expect(followUp.state).toBe('SUBMITTED');
    hub.clock.set('2026-11-23T14:00:00Z');
  });
});

describe('Form 3210 document transmittal', () => {
  it('carries its attachments and can be returned for no TPP involvement by the assigned RIVO employee', async () => {
    const filed = await fileReferral(hub, org.people.originator.id, {
      form: 'F3210',
      receivingFunctionId: org.functions.rivo.id,
      content: { form3210: VALID_3210 },
    });
    expect(filed.referenceNumber).toMatch(/^3210-2026-/);
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    await act(hub, org.people.rivoLiaison.id, 'acknowledge', { referralId: filed.id });
    await act(hub, org.people.rivoLiaison.id, 'assign', { referralId: filed.id, assigneeId: org.people.rivoWorker.id });
    const returned = await act(hub, org.people.rivoWorker.id, 'returnNoTpp', { referralId: filed.id });
    expect(returned.state).toBe('RETURNED_NO_TPP');
  });

  it("closes a 3210 with RIVO's RTN2PROC code after the return went to Submission Processing", async () => {
    const filed = await fileReferral(hub, org.people.originator.id, {
      form: 'F3210',
      receivingFunctionId: org.functions.rivo.id,
      content: { form3210: VALID_3210 },
    });
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    await act(hub, org.people.rivoLiaison.id, 'acknowledge', { referralId: filed.id });
    await act(hub, org.people.rivoLiaison.id, 'assign', { referralId: filed.id, assigneeId: org.people.rivoWorker.id });
    const done = await act(hub, org.people.rivoWorker.id, 'complete', {
      referralId: filed.id,
      actionsTaken: ['Detached the return and forwarded it to Submission Processing'],
      resolutionCode: 'rtn2proc',
    });
    expect(done).toMatchObject({ state: 'COMPLETED', resolutionCode: 'RTN2PROC' });
  });
});
