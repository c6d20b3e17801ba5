import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { type Checked, Problems, checkOptional, checked } from '../../../platform/validation/checked';
import { TinType, checkDln, checkMft, checkTaxPeriod, checkTin, maskTin } from '../../../platform/validation/identifiers';
import { ReferralForm } from './referral-form';
import { TEXT_MAX, checkText } from '../../../platform/validation/text';
import { IdentifierField } from '../../../platform/graphql/identifier-field';
import { isUuid } from '../../../platform/common/uuid';
import { RevenueOfficerAuthentication } from './form-3210';

/** Form 4442/e-4442, Inquiry Referral to RIVO (IRM 25.25.6). */

/** A category (queue) from the catalogue, already resolved from its code or an alias by the caller. */
export interface Category4442 {
  code: string;
  requiresDln: boolean;
  irmReference: string;
  firstCallWaitDays: number | null;
  archivedReturnNeedsDln: boolean;
  deletedMoreThanDays: number | null;
  requiresRoAuthentication: boolean;
}

/** Form 4442 content as stored (JSONB): normalized, full TIN, the category's canonical code. */
export interface Stored4442 {
  form: ReferralForm.F4442;
  category: string;
  tin: string;
  tinType: TinType;
  taxPeriod: string;
  mft: string | null;
  dln: string | null;
  remarks: string;
  taxpayerAuthenticated: boolean;
  dateOfFirstCall: string | null;
  followUpOfReferralId: string | null;
  /** The four below are absent on referrals stored before the categories' preconditions. */
  returnArchivedOrDeleted?: boolean;
  returnDeletedOn?: string | null;
  authenticatedBy?: RevenueOfficerAuthentication | null;
  returnIsTaxpayers?: boolean;
}

@InputType({ description: 'Form 4442/e-4442, Inquiry Referral (IRM 25.25.6)' })
export class Form4442Input {
  @Field(() => String, { description: "Category (queue) code or one of its aliases, e.g. 'RICS RIVO - TPP'" })
  category!: string;

  @IdentifierField()
  @Field(() => String, { description: "The taxpayer's TIN (SSN, ITIN or EIN; any punctuation); shown masked and sealed at rest" })
  tin!: string;

  @Field(() => TinType, { description: 'Which kind of TIN it is' })
  tinType!: TinType;

  @IdentifierField()
  @Field(() => String, { description: 'Tax period as YYYYMM: the year and month the period ends, e.g. 202412' })
  taxPeriod!: string;

  @IdentifierField()
  @Field(() => String, {
    nullable: true,
    description: 'Master file tax (MFT) code of the account, two digits, e.g. 01 (Form 941) or 02 (Form 1120)',
  })
  mft?: string | null;

  @IdentifierField()
  @Field(() => String, {
    nullable: true,
    description: 'DLN of the return (14 digits); required by the categories that act on one return',
  })
  dln?: string | null;

  @Field(() => String, { description: 'What happened and what is asked of RIVO; no TINs outside the TIN field' })
  remarks!: string;

  @Field(() => Boolean, { description: 'Must be true: the taxpayer is authenticated before any referral' })
  taxpayerAuthenticated!: boolean;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The date of the taxpayer's first call (calendar date, as the caller's records show it); not in the future",
  })
  dateOfFirstCall?: string | null;

  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'The earlier Form 4442 this one follows up after 60 days unresolved (IRM 25.25.6.6.4)',
  })
  followUpOfReferralId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'The return was archived or deleted: for RICS RIVO - TPP it is referred at once with authentication and its DLN (IRM 25.25.6.5.5.4(3))',
  })
  returnArchivedOrDeleted?: boolean;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'YYYY-MM-DD the return was deleted (TRDBV); RICS RIVO - UP 147 RC 8 needs more than 3 weeks since (IRM 25.25.6.6.4(5))',
  })
  returnDeletedOn?: string | null;

  @Field(() => RevenueOfficerAuthentication, {
    nullable: true,
    description:
      "How the revenue officer authenticated the taxpayer; required for a revenue officer's UP 126 RC 0 referral (IRM 25.25.6.2.3(1))",
  })
  authenticatedBy?: RevenueOfficerAuthentication | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "The sender states that the return is the taxpayer's; required for a revenue officer's UP 126 RC 0 referral (IRM 25.25.6.2.3(1))",
  })
  returnIsTaxpayers?: boolean;
}

@ObjectType({ description: 'Form 4442/e-4442, Inquiry Referral' })
export class Form4442Content {
  @Field(() => ReferralForm, { description: 'The form of this content: always F4442' })
  form!: ReferralForm.F4442;

  @Field(() => String, { description: 'The code of the Form 4442 category (RIVO queue) it was filed in, e.g. RICS_RIVO_TPP' })
  category!: string;

  @Field(() => String, { description: 'Only the last four digits are shown' })
  tinMasked!: string;

  @Field(() => TinType, { description: 'Which kind of TIN it is' })
  tinType!: TinType;

  @Field(() => String, { description: 'Tax period as YYYYMM: the year and month the period ends, e.g. 202412' })
  taxPeriod!: string;

  @Field(() => String, { nullable: true, description: 'Master file tax (MFT) code of the account, two digits, where given' })
  mft!: string | null;

  @Field(() => String, { nullable: true, description: 'DLN of the return (14 digits), where given' })
  dln!: string | null;

  @Field(() => String, { description: 'What happened and what is asked of RIVO' })
  remarks!: string;

  @Field(() => Boolean, { description: 'The sender authenticated the taxpayer (always true: required to file)' })
  taxpayerAuthenticated!: boolean;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The date of the taxpayer's first call, where given (calendar date, as the sender wrote it)",
  })
  dateOfFirstCall!: string | null;

  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'The id (UUID) of the earlier Form 4442 this one follows up (IRM 25.25.6.6.4), where given',
  })
  followUpOfReferralId!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The return was archived or deleted; null on referrals filed before it was recorded',
  })
  returnArchivedOrDeleted!: boolean | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'YYYY-MM-DD the return was deleted, where given' })
  returnDeletedOn!: string | null;

  @Field(() => RevenueOfficerAuthentication, {
    nullable: true,
    description: 'How the revenue officer authenticated the taxpayer, where given',
  })
  authenticatedBy!: RevenueOfficerAuthentication | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "The sender stated that the return is the taxpayer's; null on referrals filed before it was recorded",
  })
  returnIsTaxpayers!: boolean | null;
}

function checkPastDate(raw: string, field: string, now: Date): Checked<string> {
  const text = raw.trim();
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    return checked(text, [{ field, message: 'must be a date written YYYY-MM-DD' }]);
  }
  return checked(text, text > now.toISOString().slice(0, 10) ? [{ field, message: 'cannot be in the future' }] : []);
}

function checkReferralId(raw: string, field: string): Checked<string> {
  const id = raw.trim().toLowerCase();
  return checked(id, isUuid(id) ? [] : [{ field, message: 'must be a referral ID' }]);
}

/**
 * Checks Form 4442 content. `category` is the catalogue entry the input's category resolved to, or
 * null when it matched none.
 */
export function checkForm4442(input: Form4442Input, path: string, now: Date, category: Category4442 | null): Checked<Stored4442> {
  const problems = new Problems();
  const field = (name: keyof Form4442Input): string => `${path}.${name}`;
  const categoryText = problems.take(checkText(input.category, field('category'), TEXT_MAX.short));
  if (categoryText !== '' && category === null) problems.add(field('category'), 'is not a known Form 4442 category');
  const tin = problems.take(checkTin(input.tin, input.tinType, field('tin')));
  const taxPeriod = problems.take(checkTaxPeriod(input.taxPeriod, field('taxPeriod'), now));
  const mft = problems.take(checkOptional(input.mft, (raw) => checkMft(raw, field('mft'))));
  const dln = problems.take(checkOptional(input.dln, (raw) => checkDln(raw, field('dln'))));
  const returnArchivedOrDeleted = input.returnArchivedOrDeleted ?? false;
  // Categories acting on one return need its DLN in the remarks (IRM 25.25.6.5.5.1(3), 25.25.6.5.5.4(3)).
  if (dln === null && (category?.requiresDln || (category?.archivedReturnNeedsDln && returnArchivedOrDeleted))) {
    problems.add(field('dln'), `is required for this category (${category.irmReference})`);
  }
  const remarks = problems.take(checkText(input.remarks, field('remarks'), TEXT_MAX.narrative));
  // The taxpayer is authenticated before any referral (IRM 25.25.6.6.4(2)).
  if (!input.taxpayerAuthenticated) {
    problems.add(field('taxpayerAuthenticated'), 'the taxpayer must be authenticated before a referral');
  }
  const dateOfFirstCall = problems.take(checkOptional(input.dateOfFirstCall, (raw) => checkPastDate(raw, field('dateOfFirstCall'), now)));
  if (category) checkFirstCallWait(category, dateOfFirstCall, returnArchivedOrDeleted, field('dateOfFirstCall'), now, problems);
  const returnDeletedOn = problems.take(checkOptional(input.returnDeletedOn, (raw) => checkPastDate(raw, field('returnDeletedOn'), now)));
  if (category) checkDeletedLongEnough(category, returnDeletedOn, field('returnDeletedOn'), now, problems);
  const authenticatedBy = input.authenticatedBy ?? null;
  const returnIsTaxpayers = input.returnIsTaxpayers ?? false;
  if (category?.requiresRoAuthentication) {
    if (authenticatedBy === null) {
      problems.add(
        field('authenticatedBy'),
        `the revenue officer authenticates the taxpayer face to face, or by telephone if international (${category.irmReference})`,
      );
    }
    if (!returnIsTaxpayers)
      problems.add(field('returnIsTaxpayers'), `must state that the return is the taxpayer's (${category.irmReference})`);
  }
  const followUpOfReferralId = problems.take(
    checkOptional(input.followUpOfReferralId, (raw) => checkReferralId(raw, field('followUpOfReferralId'))),
  );
  const content: Stored4442 = {
    form: ReferralForm.F4442,
    category: category?.code ?? categoryText,
    tin,
    tinType: input.tinType,
    taxPeriod,
    mft,
    dln,
    remarks,
    taxpayerAuthenticated: input.taxpayerAuthenticated,
    dateOfFirstCall,
    followUpOfReferralId,
    returnArchivedOrDeleted,
    returnDeletedOn,
    authenticatedBy,
    returnIsTaxpayers,
  };
  return checked(content, problems.errors);
}

const DAY_MS = 86_400_000;

/** Whole calendar days from a YYYY-MM-DD date to today (UTC). */
function daysSince(date: string, now: Date): number {
  return Math.floor((Date.parse(now.toISOString().slice(0, 10)) - Date.parse(date)) / DAY_MS);
}

/** RICS RIVO - TPP: file only after 9 weeks + 60 days from the first call, unless the return was archived or deleted (IRM 25.25.6.3.3(4), 25.25.6.5.5.4(3)). */
function checkFirstCallWait(
  category: Category4442,
  dateOfFirstCall: string | null,
  archivedOrDeleted: boolean,
  field: string,
  now: Date,
  problems: Problems,
): void {
  const wait = category.firstCallWaitDays;
  if (wait === null || (category.archivedReturnNeedsDln && archivedOrDeleted)) return;
  if (dateOfFirstCall === null) problems.add(field, `is required for this category (${category.irmReference})`);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(dateOfFirstCall) && daysSince(dateOfFirstCall, now) < wait) {
    problems.add(field, `this category is filed only ${wait} days after the first call (${category.irmReference})`);
  }
}

/** RICS RIVO - UP 147 RC 8: the return deleted for more than 3 weeks (IRM 25.25.6.6.4(5)). */
function checkDeletedLongEnough(category: Category4442, deletedOn: string | null, field: string, now: Date, problems: Problems): void {
  const days = category.deletedMoreThanDays;
  if (days === null) return;
  if (deletedOn === null) problems.add(field, `is required for this category (${category.irmReference})`);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(deletedOn) && daysSince(deletedOn, now) <= days) {
    problems.add(field, `the return must have been deleted for more than ${days} days (${category.irmReference})`);
  }
}

/** The output view: TIN masked. */
export function toForm4442View(stored: Stored4442): Form4442Content {
  const { tin, ...rest } = stored;
  return {
    ...rest,
    returnArchivedOrDeleted: stored.returnArchivedOrDeleted ?? null,
    returnDeletedOn: stored.returnDeletedOn ?? null,
    authenticatedBy: stored.authenticatedBy ?? null,
    returnIsTaxpayers: stored.returnIsTaxpayers ?? null,
    tinMasked: maskTin(tin, stored.tinType),
  };
}
