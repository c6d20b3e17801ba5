import 'reflect-metadata';
import { ReferralForm, validateReferralContent } from '../../../src/modules/referrals/forms/form-content';
import type { Form3210Input } from '../../../src/modules/referrals/forms/form-3210';
import { TinType } from '../../../src/platform/validation/identifiers';
import { NOW, fieldErrorsOf, fieldsOf, valid3210 } from './fixtures';

const validate = (form3210: Form3210Input) => validateReferralContent(ReferralForm.F3210, { form3210 }, { now: NOW, category4442: null });

describe('Form 3210 content', () => {
  it('accepts a complete transmittal and stores it normalized', () => {
    const input = valid3210();
    input.attachments.push({ title: ' Envelope ', documentType: 'Envelope', pageCount: null, description: ' postmarked ' });
    expect(validate(input).content).toEqual({
      form: ReferralForm.F3210,
      routing: 'RIVO, Stop 6579 AUSC',
      tin: '912701234',
      tinType: TinType.ITIN,
      taxPeriod: '202312',
      mft: '32',
      remarks: 'TP has been authenticated during a face to face meeting with the Revenue Officer',
      additionalComments: "A return is on MFT 32 due to the TPP process and may be the TP's valid return.",
      attachments: [
        { title: 'Signed return', documentType: 'Form 1040', pageCount: 2, description: null, signedReturn: true },
        { title: 'Envelope', documentType: 'Envelope', pageCount: null, description: 'postmarked', signedReturn: false },
      ],
      authenticatedBy: 'FACE_TO_FACE',
    });
  });

  it('IRM 25.25.6.2.3(2): is only for a return on MFT 32', () => {
    expect(fieldErrorsOf(() => validate({ ...valid3210(), mft: '30' }))).toEqual([
      { field: 'form3210.mft', message: 'a Form 3210 goes to RIVO only for a return on MFT 32 (IRM 25.25.6.2.3(2))' },
    ]);
  });

  it("IRM 25.25.6.2.3(2): needs the taxpayer's signed return among the attachments", () => {
    const input = valid3210();
    input.attachments[0].signedReturn = false;
    expect(fieldErrorsOf(() => validate(input))).toEqual([
      { field: 'form3210.attachments', message: "the taxpayer's valid signed return must be among the attachments (IRM 25.25.6.2.3(2))" },
    ]);
  });

  it('IRM 25.25.6.2.3(1): records how the revenue officer authenticated the taxpayer, face to face or by telephone (international)', () => {
    expect(validate({ ...valid3210(), authenticatedBy: 'TELEPHONE_INTERNATIONAL' as never }).content).toMatchObject({
      authenticatedBy: 'TELEPHONE_INTERNATIONAL',
    });
    expect(fieldsOf(fieldErrorsOf(() => validate({ ...valid3210(), authenticatedBy: 'EMAIL' as never })))).toEqual([
      'form3210.authenticatedBy',
    ]);
  });

  it('requires at least one attachment', () => {
    expect(fieldErrorsOf(() => validate({ ...valid3210(), attachments: [] }))).toEqual([
      { field: 'form3210.attachments', message: 'at least one is required' },
    ]);
  });

  it('names the attachment item at fault', () => {
    const input = valid3210();
    input.attachments.push({ title: '', documentType: 'Form 1040', pageCount: 0 });
    expect(fieldErrorsOf(() => validate(input))).toEqual([
      { field: 'form3210.attachments[1].title', message: 'is required' },
      { field: 'form3210.attachments[1].pageCount', message: 'must be a whole number of at least 1' },
    ]);
  });

  it('requires routing, TIN, tax period, MFT and remarks', () => {
    const input = { ...valid3210(), routing: '', tin: '', taxPeriod: '', mft: '', remarks: '' };
    expect(fieldsOf(fieldErrorsOf(() => validate(input)))).toEqual([
      'form3210.routing',
      'form3210.tin',
      'form3210.taxPeriod',
      'form3210.mft',
      'form3210.remarks',
    ]);
  });

  it('rejects an over-long additional comment', () => {
    expect(fieldErrorsOf(() => validate({ ...valid3210(), additionalComments: 'z'.repeat(4001) }))).toEqual([
      { field: 'form3210.additionalComments', message: 'must be at most 4000 characters' },
    ]);
  });
});
