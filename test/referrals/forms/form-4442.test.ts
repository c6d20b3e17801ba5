import 'reflect-metadata';
import { ReferralForm, validateReferralContent } from '../../../src/modules/referrals/forms/form-content';
import type { Category4442, Form4442Input } from '../../../src/modules/referrals/forms/form-4442';
import { TinType } from '../../../src/platform/validation/identifiers';
import { FREEZE_CATEGORY, NOW, TPP_CATEGORY, fieldErrorsOf, valid4442 } from './fixtures';

const validate = (form4442: Form4442Input, category: Category4442 | null = TPP_CATEGORY) =>
  validateReferralContent(ReferralForm.F4442, { form4442 }, { now: NOW, category4442: category });

const only = (field: string, message: string | RegExp) => [
  { field: `form4442.${field}`, message: typeof message === 'string' ? message : expect.stringMatching(message) },
];

describe('Form 4442 content', () => {
  it('accepts a complete referral and stores it normalized, with the canonical category code', () => {
    expect(validate(valid4442()).content).toEqual({
      form: ReferralForm.F4442,
      category: 'RICS_RIVO_TPP',
      tin: '123456789',
      tinType: TinType.SSN,
      taxPeriod: '202412',
      mft: '30',
      dln: '29211123456785',
      remarks: 'TP authenticated; process the return with the DLN given.',
      taxpayerAuthenticated: true,
      dateOfFirstCall: '2025-03-01',
      followUpOfReferralId: null,
      returnArchivedOrDeleted: false,
      returnDeletedOn: null,
      authenticatedBy: null,
      returnIsTaxpayers: false,
    });
  });

  it('stores absent optional items as null', () => {
    const input = { ...valid4442(), mft: null, dln: '  ', dateOfFirstCall: undefined };
    expect(validate(input, FREEZE_CATEGORY).content).toMatchObject({ mft: null, dln: null, dateOfFirstCall: null });
  });

  it('reports an unknown category', () => {
    expect(fieldErrorsOf(() => validate(valid4442(), null))).toEqual(only('category', 'is not a known Form 4442 category'));
  });

  it('reports a blank category as required only', () => {
    expect(fieldErrorsOf(() => validate({ ...valid4442(), category: ' ' }, null))).toEqual(only('category', 'is required'));
  });

  it('requires a DLN when the category needs one', () => {
    expect(fieldErrorsOf(() => validate({ ...valid4442(), dln: null }, TPP_CATEGORY))).toEqual(
      only('dln', 'is required for this category (IRM 25.25.6 (fixture))'),
    );
  });

  it('does not require a DLN when the category does not', () => {
    expect(validate({ ...valid4442(), dln: null }, FREEZE_CATEGORY).content).toMatchObject({ dln: null });
  });

  it.each(['2921112345678', '292111234567850'])('rejects the DLN %s', (dln) => {
    expect(fieldErrorsOf(() => validate({ ...valid4442(), dln }))).toEqual(only('dln', 'must be a DLN of 14 digits'));
  });

  it('refuses a referral for an unauthenticated taxpayer (IRM 25.25.6.6.4(2))', () => {
    expect(fieldErrorsOf(() => validate({ ...valid4442(), taxpayerAuthenticated: false }))).toEqual(
      only('taxpayerAuthenticated', /authenticated/),
    );
  });

  it('checks the TIN against its declared kind', () => {
    expect(fieldErrorsOf(() => validate({ ...valid4442(), tin: '123-55-6789', tinType: TinType.ITIN }))).toEqual(
      only('tin', /must start with 9/),
    );
  });

  it.each([
    ['taxPeriod', '202400', /month/],
    ['taxPeriod', '195912', /earlier than 1960/],
    ['taxPeriod', '202701', /later than 2026/],
    ['mft', '99', 'is not a valid MFT code'],
    ['dateOfFirstCall', '2025-02-30', 'must be a date written YYYY-MM-DD'],
    ['dateOfFirstCall', '03/01/2025', 'must be a date written YYYY-MM-DD'],
    ['dateOfFirstCall', '2025-06-16', 'cannot be in the future'],
    ['followUpOfReferralId', 'referral-42', 'must be a referral ID'],
    ['remarks', 'ok\u0008', /control characters/],
  ] as const)('rejects %s = %j', (field, value, message) => {
    expect(fieldErrorsOf(() => validate({ ...valid4442(), [field]: value }))).toEqual(only(field, message));
  });

  it('accepts a first call today and normalizes a follow-up referral ID', () => {
    const input = { ...valid4442(), dateOfFirstCall: '2025-06-15', followUpOfReferralId: ' 3F2504E0-4F89-41D3-9A0C-0305E82C3301 ' };
    expect(validate(input).content).toMatchObject({
      dateOfFirstCall: '2025-06-15',
      followUpOfReferralId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
  });

  it('reports every problem in one error', () => {
    const input = { ...valid4442(), tin: '000-00-0000', dln: null, remarks: '', taxpayerAuthenticated: false };
    expect(fieldErrorsOf(() => validate(input, null)).map((e) => e.field)).toEqual([
      'form4442.category',
      'form4442.tin',
      'form4442.tin',
      'form4442.tin',
      'form4442.remarks',
      'form4442.taxpayerAuthenticated',
    ]);
  });
});
