import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PostalAddress, PostalAddressInput, type StoredAddress, checkAddress } from './address';
import { boundedListCost } from '../../../platform/graphql/page-cost';
import { type Checked, LIST_MAX, Problems, checkList, checked } from '../../../platform/validation/checked';
import { TinType, checkMft, checkPhone, checkTaxPeriod, checkTin, maskTin } from '../../../platform/validation/identifiers';
import { ReferralForm } from './referral-form';
import { TEXT_MAX, checkOptionalText, checkText } from '../../../platform/validation/text';
import { IdentifierField } from '../../../platform/graphql/identifier-field';

/**
 * Form 14566, BMF Identity Theft Referral: the items IRM 10.5.3.3.7.1(3) (note) requires.
 * Its first item, the BMF ID Theft Liaison information, is not input: the hub derives it from its
 * liaison assignment data.
 */

/** What the referral asks the receiving team to do; it decides the receiver. */
export enum Referral14566Purpose {
  EF_SCHEME_CHECK = 'EF_SCHEME_CHECK',
  CI_SCHEME_SEARCH = 'CI_SCHEME_SEARCH',
  CI_DETERMINATION_NOTICE = 'CI_DETERMINATION_NOTICE',
  CAWR_FALSE_INCOME_DOCUMENTS = 'CAWR_FALSE_INCOME_DOCUMENTS',
  SP_ENTITY_TC020 = 'SP_ENTITY_TC020',
  GENERAL_ACTION_REQUEST = 'GENERAL_ACTION_REQUEST',
}

registerEnumType(Referral14566Purpose, {
  name: 'Referral14566Purpose',
  description: 'What a Form 14566 asks of the receiving team',
  valuesConfig: {
    EF_SCHEME_CHECK: {
      description: 'RICS Entity Fabrication team: confirm BMF identity theft on the EIN (IRM 10.5.3.3.9)',
    },
    CI_SCHEME_SEARCH: {
      description: "Criminal Investigation, referral type (a): search CI's scheme database (IRM 10.5.3.3.10)",
    },
    CI_DETERMINATION_NOTICE: {
      description: 'Criminal Investigation, referral type (b): notice of a BMF identity theft determination (IRM 10.5.3.3.10)',
    },
    CAWR_FALSE_INCOME_DOCUMENTS: {
      description: 'CAWR: false income documents filed by identity thieves (IRM 10.5.3.3.11)',
    },
    SP_ENTITY_TC020: {
      description:
        'Submission Processing Entity: TC 020 on a fictitious EIN and "Identity Theft" on the second name line (IRM 10.5.3.3.12)',
    },
    GENERAL_ACTION_REQUEST: {
      description: "Another function's BMF ID theft liaison: actions on a case crossing functional lines (IRM 10.5.3.3.7)",
    },
  },
});

export interface StoredAffectedReturn {
  returnType: string;
  mft: string;
  taxPeriod: string;
}

export interface StoredContact {
  name: string;
  phone: string;
  fax: string;
}

/** Form 14566 content as stored (JSONB): normalized, full TINs. */
export interface Stored14566 {
  form: ReferralForm.F14566;
  business: { name: string; address: StoredAddress; ein: string };
  taxpayer: { name: string; address: StoredAddress; ssn: string };
  affectedReturns: StoredAffectedReturn[];
  completedResearch: string[];
  requestedActions: string;
  originatorContact: StoredContact;
  purpose: Referral14566Purpose;
  w2Findings: string | null;
}

@InputType({ description: 'The business whose identity was stolen' })
export class Form14566BusinessInput {
  @Field(() => String, { description: 'The business name as on the entity record (IRM 10.5.3.3.7.1(3) note)' })
  name!: string;

  @Field(() => PostalAddressInput, { description: "The business's address" })
  address!: PostalAddressInput;

  @IdentifierField()
  @Field(() => String, { description: '12-3456789 or 9 digits' })
  ein!: string;
}

@InputType({ description: "The business's responsible party" })
export class Form14566TaxpayerInput {
  @Field(() => String, { description: "The responsible party's name (IRM 10.5.3.3.7.1(3) note)" })
  name!: string;

  @Field(() => PostalAddressInput, { description: "The responsible party's address" })
  address!: PostalAddressInput;

  @IdentifierField()
  @Field(() => String, { description: '123-45-6789 or 9 digits' })
  ssn!: string;
}

@InputType({ description: 'A tax return and period affected by the identity theft' })
export class Form14566AffectedReturnInput {
  @Field(() => String, { description: "Return form number, e.g. '941', '1120', '1120-S'" })
  returnType!: string;

  @IdentifierField()
  @Field(() => String, { description: 'Master file tax (MFT) code of the account, two digits, e.g. 01 (Form 941) or 02 (Form 1120)' })
  mft!: string;

  @IdentifierField()
  @Field(() => String, { description: 'Tax period as YYYYMM: the year and month the period ends, e.g. 202412' })
  taxPeriod!: string;
}

@InputType({ description: "The originator's contact information" })
export class Form14566ContactInput {
  @Field(() => String, { description: "The originator's name, for the receiving team to call back" })
  name!: string;

  @IdentifierField()
  @Field(() => String, { description: "The originator's US telephone number, 10 digits (punctuation allowed)" })
  phone!: string;

  @IdentifierField()
  @Field(() => String, { description: "The originator's US fax number, 10 digits (punctuation allowed)" })
  fax!: string;
}

@InputType({ description: 'Form 14566, BMF Identity Theft Referral (IRM 10.5.3.3.7.1)' })
export class Form14566Input {
  @Field(() => Form14566BusinessInput, { description: 'The business whose identity was stolen: name, address, EIN' })
  business!: Form14566BusinessInput;

  @Field(() => Form14566TaxpayerInput, { description: "The business's responsible party: name, address, SSN" })
  taxpayer!: Form14566TaxpayerInput;

  @Field(() => [Form14566AffectedReturnInput], {
    description: 'The tax returns and periods affected, at least one (IRM 10.5.3.3.7.1(3) note)',
  })
  affectedReturns!: Form14566AffectedReturnInput[];

  @Field(() => [String], { description: 'Detailed list of completed research, at least one item' })
  completedResearch!: string[];

  @Field(() => String, { description: 'Detailed explanation of the requested actions' })
  requestedActions!: string;

  @Field(() => Form14566ContactInput, { description: "The originator's name, telephone and fax (IRM 10.5.3.3.7.1(3) note)" })
  originatorContact!: Form14566ContactInput;

  @Field(() => Referral14566Purpose, {
    description: 'What the receiving team is asked to do; it decides the receiving team and its time frames',
  })
  purpose!: Referral14566Purpose;

  @Field(() => String, {
    nullable: true,
    description: 'Whether the W-2 recipients filed returns with that income, and any identity theft on their accounts (IRM 10.5.3.3.8(3))',
  })
  w2Findings?: string | null;
}

@ObjectType({ description: 'The business whose identity was stolen' })
export class Form14566Business {
  @Field(() => String, { description: 'The business name as on the entity record (IRM 10.5.3.3.7.1(3) note)' })
  name!: string;

  @Field(() => PostalAddress, { description: "The business's address" })
  address!: PostalAddress;

  @Field(() => String, { description: 'Only the last four digits are shown' })
  einMasked!: string;
}

@ObjectType({ description: "The business's responsible party" })
export class Form14566Taxpayer {
  @Field(() => String, { description: "The responsible party's name (IRM 10.5.3.3.7.1(3) note)" })
  name!: string;

  @Field(() => PostalAddress, { description: "The responsible party's address" })
  address!: PostalAddress;

  @Field(() => String, { description: 'Only the last four digits are shown' })
  ssnMasked!: string;
}

@ObjectType({ description: 'A tax return and period affected by the identity theft' })
export class Form14566AffectedReturn implements StoredAffectedReturn {
  @Field(() => String, { description: "Return form number, e.g. '941', '1120', '1120-S'" })
  returnType!: string;

  @Field(() => String, { description: 'Two-digit MFT (master file tax) code' })
  mft!: string;

  @Field(() => String, { description: 'Tax period as YYYYMM: the year and month the period ends, e.g. 202412' })
  taxPeriod!: string;
}

@ObjectType({ description: "The originator's contact information" })
export class Form14566Contact implements StoredContact {
  @Field(() => String, { description: "The originator's name, for the receiving team to call back" })
  name!: string;

  @Field(() => String, { description: "The originator's US telephone number, 10 digits" })
  phone!: string;

  @Field(() => String, { description: "The originator's US fax number, 10 digits" })
  fax!: string;
}

@ObjectType({ description: 'Form 14566, BMF Identity Theft Referral' })
export class Form14566Content {
  @Field(() => ReferralForm, { description: 'The form of this content: always F14566' })
  form!: ReferralForm.F14566;

  @Field(() => Form14566Business, { description: 'The business whose identity was stolen: name, address, EIN' })
  business!: Form14566Business;

  @Field(() => Form14566Taxpayer, { description: "The business's responsible party: name, address, SSN" })
  taxpayer!: Form14566Taxpayer;

  @Field(() => [Form14566AffectedReturn], { complexity: boundedListCost(LIST_MAX), description: 'The tax returns and periods affected' })
  affectedReturns!: Form14566AffectedReturn[];

  @Field(() => [String], { description: 'Each item of research already completed (IRM 10.5.3.3.7.1(3) note)' })
  completedResearch!: string[];

  @Field(() => String, { description: 'The detailed explanation of the actions requested (IRM 10.5.3.3.7.1(3) note)' })
  requestedActions!: string;

  @Field(() => Form14566Contact, { description: "The originator's name, telephone and fax (IRM 10.5.3.3.7.1(3) note)" })
  originatorContact!: Form14566Contact;

  @Field(() => Referral14566Purpose, {
    description: 'What the receiving team is asked to do; it decides the receiving team and its time frames',
  })
  purpose!: Referral14566Purpose;

  @Field(() => String, { nullable: true, description: 'For CAWR: what was found on the false W-2s, where given (IRM 10.5.3.3.11)' })
  w2Findings!: string | null;
}

// A return form number such as 941, 1120-S, 990-EZ or CT-1.
const RETURN_TYPE_FORMAT = /^[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,4})?$/;

function checkReturnType(raw: string, field: string): Checked<string> {
  const text = raw.trim().toUpperCase();
  if (text === '') return checked(text, [{ field, message: 'is required' }]);
  return checked(text, RETURN_TYPE_FORMAT.test(text) ? [] : [{ field, message: "must be a return form number such as '941' or '1120-S'" }]);
}

function checkAffectedReturn(input: Form14566AffectedReturnInput, path: string, now: Date): Checked<StoredAffectedReturn> {
  const problems = new Problems();
  const value: StoredAffectedReturn = {
    returnType: problems.take(checkReturnType(input.returnType, `${path}.returnType`)),
    mft: problems.take(checkMft(input.mft, `${path}.mft`)),
    taxPeriod: problems.take(checkTaxPeriod(input.taxPeriod, `${path}.taxPeriod`, now)),
  };
  return checked(value, problems.errors);
}

/** Checks Form 14566 content; `path` prefixes every field path (e.g. `form14566`). */
export function checkForm14566(input: Form14566Input, path: string, now: Date): Checked<Stored14566> {
  const problems = new Problems();
  const { business, taxpayer, originatorContact: contact } = input;
  const content: Stored14566 = {
    form: ReferralForm.F14566,
    business: {
      name: problems.take(checkText(business.name, `${path}.business.name`, TEXT_MAX.short)),
      address: problems.take(checkAddress(business.address, `${path}.business.address`)),
      ein: problems.take(checkTin(business.ein, TinType.EIN, `${path}.business.ein`)),
    },
    taxpayer: {
      name: problems.take(checkText(taxpayer.name, `${path}.taxpayer.name`, TEXT_MAX.short)),
      address: problems.take(checkAddress(taxpayer.address, `${path}.taxpayer.address`)),
      ssn: problems.take(checkTin(taxpayer.ssn, TinType.SSN, `${path}.taxpayer.ssn`)),
    },
    affectedReturns: problems.take(
      checkList(input.affectedReturns, `${path}.affectedReturns`, (item, itemPath) => checkAffectedReturn(item, itemPath, now)),
    ),
    completedResearch: problems.take(
      checkList(input.completedResearch, `${path}.completedResearch`, (item, itemPath) => checkText(item, itemPath, TEXT_MAX.narrative)),
    ),
    requestedActions: problems.take(checkText(input.requestedActions, `${path}.requestedActions`, TEXT_MAX.narrative)),
    originatorContact: {
      name: problems.take(checkText(contact.name, `${path}.originatorContact.name`, TEXT_MAX.short)),
      phone: problems.take(checkPhone(contact.phone, `${path}.originatorContact.phone`)),
      fax: problems.take(checkPhone(contact.fax, `${path}.originatorContact.fax`)),
    },
    purpose: input.purpose,
    w2Findings: problems.take(checkOptionalText(input.w2Findings, `${path}.w2Findings`, TEXT_MAX.narrative)),
  };
  return checked(content, problems.errors);
}

/** The output view: TINs masked. */
export function toForm14566View(stored: Stored14566): Form14566Content {
  return {
    form: stored.form,
    business: {
      name: stored.business.name,
      address: stored.business.address,
      einMasked: maskTin(stored.business.ein, TinType.EIN),
    },
    taxpayer: {
      name: stored.taxpayer.name,
      address: stored.taxpayer.address,
      ssnMasked: maskTin(stored.taxpayer.ssn, TinType.SSN),
    },
    affectedReturns: stored.affectedReturns,
    completedResearch: stored.completedResearch,
    requestedActions: stored.requestedActions,
    originatorContact: stored.originatorContact,
    purpose: stored.purpose,
    w2Findings: stored.w2Findings,
  };
}
