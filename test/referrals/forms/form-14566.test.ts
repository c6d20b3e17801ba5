import 'reflect-metadata';
import { ReferralForm, validateReferralContent } from '../../../src/modules/referrals/forms/form-content';
import type { Form14566Input } from '../../../src/modules/referrals/forms/form-14566';
import { Referral14566Purpose } from '../../../src/modules/referrals/forms/form-14566';
import { NOW, fieldErrorsOf, fieldsOf, valid14566 } from './fixtures';

const validate = (form14566: Form14566Input) =>
  validateReferralContent(ReferralForm.F14566, { form14566 }, { now: NOW, category4442: null });

describe('Form 14566 content', () => {
  it('accepts a complete referral and stores it normalized', () => {
    expect(validate(valid14566()).content).toEqual({
      form: ReferralForm.F14566,
      business: {
        name: 'Acme Widgets LLC',
        address: { line1: '100 Main St', line2: null, city: 'Washington', state: 'DC', zip: '200011234' },
        ein: '123456789',
      },
      taxpayer: {
        name: 'Jane Q. Owner',
        address: { line1: '5 Elm Rd', line2: 'Apt 2', city: 'Ogden', state: 'UT', zip: '84201' },
        ssn: '123456789',
      },
      affectedReturns: [
        { returnType: '941', mft: '01', taxPeriod: '202403' },
        { returnType: '1120-S', mft: '02', taxPeriod: '202312' },
      ],
      completedResearch: ['BMFOL: no prior filings', 'NAMEE: EIN assigned 2023, no CP 575 on file'],
      requestedActions: 'Please confirm whether the EIN was used to file fraudulent returns.\nCheck the scheme list.',
      originatorContact: { name: 'Pat Examiner', phone: '2025550143', fax: '2025550199' },
      purpose: Referral14566Purpose.EF_SCHEME_CHECK,
      w2Findings: null,
    });
  });

  it('keeps the optional W-2 findings, trimmed', () => {
    const input = { ...valid14566(), w2Findings: '  Two W-2 recipients did not file.  ' };
    expect(validate(input).content).toMatchObject({ w2Findings: 'Two W-2 recipients did not file.' });
  });

  // IRM 10.5.3.3.7.1(3) note: every item is required.
  const required: Array<[string, (input: Form14566Input) => void]> = [
    ['business.name', (i) => (i.business.name = ' ')],
    ['business.address.line1', (i) => (i.business.address.line1 = '')],
    ['business.address.city', (i) => (i.business.address.city = '')],
    ['business.address.state', (i) => (i.business.address.state = '')],
    ['business.address.zip', (i) => (i.business.address.zip = '')],
    ['business.ein', (i) => (i.business.ein = '')],
    ['taxpayer.name', (i) => (i.taxpayer.name = '\n')],
    ['taxpayer.address.line1', (i) => (i.taxpayer.address.line1 = '')],
    ['taxpayer.address.city', (i) => (i.taxpayer.address.city = '')],
    ['taxpayer.address.state', (i) => (i.taxpayer.address.state = '')],
    ['taxpayer.address.zip', (i) => (i.taxpayer.address.zip = '')],
    ['taxpayer.ssn', (i) => (i.taxpayer.ssn = '')],
    ['affectedReturns', (i) => (i.affectedReturns = [])],
    ['affectedReturns[1].returnType', (i) => (i.affectedReturns[1].returnType = '')],
    ['affectedReturns[1].mft', (i) => (i.affectedReturns[1].mft = '')],
    ['affectedReturns[1].taxPeriod', (i) => (i.affectedReturns[1].taxPeriod = '')],
    ['completedResearch', (i) => (i.completedResearch = [])],
    ['completedResearch[1]', (i) => (i.completedResearch[1] = '  ')],
    ['requestedActions', (i) => (i.requestedActions = '')],
    ['originatorContact.name', (i) => (i.originatorContact.name = '')],
    ['originatorContact.phone', (i) => (i.originatorContact.phone = '')],
    ['originatorContact.fax', (i) => (i.originatorContact.fax = '')],
  ];

  it.each(required)('reports a missing %s under exactly that field', (path, remove) => {
    const input = valid14566();
    remove(input);
    expect(fieldErrorsOf(() => validate(input))).toEqual([{ field: `form14566.${path}`, message: expect.stringMatching(/required/) }]);
  });

  it('reports every problem in one error, in field order', () => {
    const input = valid14566();
    input.business.name = '';
    input.business.ein = '07-1234567';
    input.taxpayer.ssn = '666-12-3456';
    input.taxpayer.address.state = 'ZZ';
    input.affectedReturns[0].mft = '99';
    input.affectedReturns[1].taxPeriod = '202413';
    input.originatorContact.fax = '555-0199';
    expect(fieldsOf(fieldErrorsOf(() => validate(input)))).toEqual([
      'form14566.business.name',
      'form14566.business.ein',
      'form14566.taxpayer.address.state',
      'form14566.taxpayer.ssn',
      'form14566.affectedReturns[0].mft',
      'form14566.affectedReturns[1].taxPeriod',
      'form14566.originatorContact.fax',
    ]);
  });

  it('never echoes a TIN in the error', () => {
    const input = valid14566();
    input.taxpayer.ssn = '666-12-3456';
    input.business.ein = '07-1234567';
    try {
      validate(input);
      throw new Error('expected an error');
    } catch (error) {
      expect((error as Error).message).not.toMatch(/3456|4567/);
    }
  });

  it('rejects a malformed return type', () => {
    const input = valid14566();
    input.affectedReturns[0].returnType = '941 quarterly';
    expect(fieldsOf(fieldErrorsOf(() => validate(input)))).toEqual(['form14566.affectedReturns[0].returnType']);
  });

  it('rejects control characters and over-long text', () => {
    const input = valid14566();
    input.business.name = 'Acme\u0000Widgets';
    input.requestedActions = 'x'.repeat(4001);
    input.taxpayer.name = 'y'.repeat(201);
    expect(fieldErrorsOf(() => validate(input))).toEqual([
      { field: 'form14566.business.name', message: expect.stringMatching(/control characters/) },
      { field: 'form14566.taxpayer.name', message: 'must be at most 200 characters' },
      { field: 'form14566.requestedActions', message: 'must be at most 4000 characters' },
    ]);
  });

  it('accepts text exactly at the limits', () => {
    const input = valid14566();
    input.taxpayer.name = 'y'.repeat(200);
    input.requestedActions = 'x'.repeat(4000);
    expect(() => validate(input)).not.toThrow();
  });

  it('limits the number of research items', () => {
    const input = valid14566();
    input.completedResearch = Array.from({ length: 101 }, (_, n) => `step ${n}`);
    expect(fieldErrorsOf(() => validate(input))).toEqual([{ field: 'form14566.completedResearch', message: 'at most 100 are allowed' }]);
  });
});
