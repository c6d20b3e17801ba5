import 'reflect-metadata';
import type { FieldError } from '../../../src/platform/common/errors';
import { InvalidInputError } from '../../../src/platform/common/errors';
import type { Form14566Input } from '../../../src/modules/referrals/forms/form-14566';
import { Referral14566Purpose } from '../../../src/modules/referrals/forms/form-14566';
import type { Category4442, Form4442Input } from '../../../src/modules/referrals/forms/form-4442';
import { type Form3210Input, RevenueOfficerAuthentication } from '../../../src/modules/referrals/forms/form-3210';
import { TinType } from '../../../src/platform/validation/identifiers';

/** A fixed clock: tax periods up to 2026 are allowed. */
export const NOW = new Date('2025-06-15T15:00:00Z');

export const TPP_CATEGORY: Category4442 = {
  code: 'RICS_RIVO_TPP',
  requiresDln: true,
  irmReference: 'IRM 25.25.6 (fixture)',
  firstCallWaitDays: null,
  archivedReturnNeedsDln: false,
  deletedMoreThanDays: null,
  requiresRoAuthentication: false,
};
export const FREEZE_CATEGORY: Category4442 = {
  code: 'RICS_RIVO_UNRESOLVED_MODULE_FREEZE',
  requiresDln: false,
  irmReference: 'IRM 25.25.6 (fixture)',
  firstCallWaitDays: null,
  archivedReturnNeedsDln: false,
  deletedMoreThanDays: null,
  requiresRoAuthentication: false,
};

export function valid14566(): Form14566Input {
  return {
    business: {
      name: '  Acme Widgets LLC ',
      address: { line1: '100 Main St', line2: '  ', city: 'Washington', state: 'dc', zip: '20001-1234' },
      ein: '12-3456789',
    },
    taxpayer: {
      name: 'Jane Q. Owner',
      address: { line1: '5 Elm Rd', line2: 'Apt 2', city: 'Ogden', state: 'UT', zip: '84201' },
      ssn: '123-45-6789',
    },
    affectedReturns: [
      { returnType: '941', mft: '01', taxPeriod: '202403' },
      { returnType: '1120-s', mft: '02', taxPeriod: '202312' },
    ],
    completedResearch: ['BMFOL: no prior filings', 'NAMEE: EIN assigned 2023, no CP 575 on file'],
    requestedActions: 'Please confirm whether the EIN was used to file fraudulent returns.\r\nCheck the scheme list.',
    originatorContact: { name: 'Pat Examiner', phone: '(202) 555-0143', fax: '+1 202.555.0199' },
    purpose: Referral14566Purpose.EF_SCHEME_CHECK,
    w2Findings: null,
  };
}

export function valid4442(): Form4442Input {
  return {
    category: 'RICS RIVO - TPP',
    tin: '123-45-6789',
    tinType: TinType.SSN,
    taxPeriod: '202412',
    mft: '30',
    dln: '29211-123-45678-5',
    remarks: 'TP authenticated; process the return with the DLN given.',
    taxpayerAuthenticated: true,
    dateOfFirstCall: '2025-03-01',
    followUpOfReferralId: null,
  };
}

export function valid3210(): Form3210Input {
  return {
    routing: 'RIVO, Stop 6579 AUSC',
    tin: '912-70-1234',
    tinType: TinType.ITIN,
    taxPeriod: '202312',
    mft: '32',
    remarks: 'TP has been authenticated during a face to face meeting with the Revenue Officer',
    additionalComments: "A return is on MFT 32 due to the TPP process and may be the TP's valid return.",
    attachments: [{ title: 'Signed return', documentType: 'Form 1040', pageCount: 2, description: null, signedReturn: true }],
    authenticatedBy: RevenueOfficerAuthentication.FACE_TO_FACE,
  };
}

/** The field errors `act` throws; fails the test when it throws nothing or something else. */
export function fieldErrorsOf(act: () => unknown): FieldError[] {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).fieldErrors;
  }
  throw new Error('expected an InvalidInputError, but nothing was thrown');
}

/** The fields named by `errors`, in order. */
export function fieldsOf(errors: FieldError[]): string[] {
  return errors.map((e) => e.field);
}
