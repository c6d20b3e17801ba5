import { DateTime } from 'luxon';
import { FieldError, InvalidInputError } from '../../platform/common/errors';
import { LIST_MAX, Problems } from '../../platform/validation/checked';
import { checkMft, checkTaxPeriod, checkTin } from '../../platform/validation/identifiers';
import { checkOptionalText, checkText, TEXT_MAX } from '../../platform/validation/text';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { LookoutRequestInput } from './tecs.types';

export interface ValidLookoutRequest {
  taxpayerName: string;
  taxpayerNameKey: string;
  dateOfBirth: string;
  dateOfBirthHash: string;
  tin: string;
  tinHash: string;
  tinType: LookoutRequestInput['tinType'];
  address: string;
  international: boolean;
  balanceDueCents: number;
  taxPeriods: { mft: string; taxPeriod: string }[];
  contactFacts: string;
  criteriaMet: string[];
  closureCode: string | null;
}

/** Upper-case, single-spaced: how names are compared with DHS reports. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** YYYY-MM-DD, a real date, not in the future and not more than 120 years ago. */
export function checkDateOfBirth(raw: string, field: string, now: Date): FieldError[] {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? DateTime.fromISO(raw, { zone: 'UTC' }) : null;
  if (!date?.isValid) return [{ field, message: 'must be a date YYYY-MM-DD' }];
  const today = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('day');
  if (date > today || date < today.minus({ years: 120 })) return [{ field, message: 'is not a plausible date of birth' }];
  return [];
}

const MONEY = /^\d{1,12}(\.\d{2})?$/;

/** Form 6668 content: every problem reported at once, field by field. */
export function validateLookoutRequest(input: LookoutRequestInput, now: Date, path: string): ValidLookoutRequest {
  const problems = new Problems();
  const taxpayerName = problems.take(checkText(input.taxpayerName, `${path}.taxpayerName`, TEXT_MAX.short));
  problems.errors.push(...checkDateOfBirth(input.dateOfBirth, `${path}.dateOfBirth`, now));
  const tin = problems.take(checkTin(input.tin, input.tinType, `${path}.tin`));
  const address = problems.take(checkText(input.address, `${path}.address`, TEXT_MAX.short * 2));
  const balance = input.balanceDue.replace(/[$,\s]/g, '');
  if (!MONEY.test(balance) || Number(balance) <= 0)
    problems.add(`${path}.balanceDue`, 'must be a positive amount in dollars, e.g. 141000.00');
  if (input.taxPeriods.length === 0) problems.add(`${path}.taxPeriods`, 'at least one is required');
  if (input.taxPeriods.length > LIST_MAX) problems.add(`${path}.taxPeriods`, `at most ${LIST_MAX} are allowed`);
  const taxPeriods = input.taxPeriods.map((p, i) => ({
    mft: problems.take(checkMft(p.mft, `${path}.taxPeriods[${i}].mft`)),
    taxPeriod: problems.take(checkTaxPeriod(p.taxPeriod, `${path}.taxPeriods[${i}].taxPeriod`, now)),
  }));
  const contactFacts = problems.take(checkText(input.contactFacts, `${path}.contactFacts`, TEXT_MAX.narrative));
  if (input.criteriaMet.length === 0) problems.add(`${path}.criteriaMet`, 'name at least one lookout criterion the case meets');
  const criteriaMet = input.criteriaMet.map((c, i) => problems.take(checkText(c, `${path}.criteriaMet[${i}]`, TEXT_MAX.short)));
  const closureCode = problems.take(checkOptionalText(input.closureCode, `${path}.closureCode`, TEXT_MAX.short));
  if (problems.errors.length) throw new InvalidInputError(problems.errors);
  return {
    taxpayerName,
    taxpayerNameKey: nameKey(taxpayerName),
    dateOfBirth: input.dateOfBirth,
    dateOfBirthHash: taxpayerDataCipher().hash(input.dateOfBirth),
    tin,
    tinHash: taxpayerDataCipher().hash(tin),
    tinType: input.tinType,
    address,
    international: input.international,
    balanceDueCents: Math.round(Number(balance) * 100),
    taxPeriods,
    contactFacts,
    criteriaMet,
    closureCode,
  };
}
