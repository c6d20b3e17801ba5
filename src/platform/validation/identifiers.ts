import { registerEnumType } from 'type-graphql';
import type { FieldError } from '../common/errors';
import { type Checked, checked } from './checked';

/**
 * Validators and normalizers for the account identifiers and contact codes carried on referrals.
 * Messages never repeat the submitted value: a TIN must not travel back in an error.
 */

export enum TinType {
  SSN = 'SSN',
  ITIN = 'ITIN',
  EIN = 'EIN',
}

registerEnumType(TinType, {
  name: 'TinType',
  description: 'Kind of taxpayer identification number',
  valuesConfig: {
    SSN: { description: 'Social Security Number' },
    ITIN: { description: 'Individual Taxpayer Identification Number' },
    EIN: { description: 'Employer Identification Number' },
  },
});

const REQUIRED = 'is required';

function missing<T>(field: string, value: T): Checked<T> {
  return checked(value, [{ field, message: REQUIRED }]);
}

const SSN_LIKE_FORMAT = /^(?:\d{3}-\d{2}-\d{4}|\d{9})$/;
const EIN_FORMAT = /^(?:\d{2}-\d{7}|\d{9})$/;

// SSA: no area 000, 666 or 900–999, no group 00, no serial 0000.
function ssnProblems(tin: string): string[] {
  const area = Number(tin.slice(0, 3));
  const problems: string[] = [];
  if (area === 0 || area === 666 || area >= 900) {
    problems.push('SSN cannot start with 000, 666 or 900–999 (numbers starting with 9 are ITINs)');
  }
  if (tin.slice(3, 5) === '00') problems.push('SSN digits 4–5 cannot be 00');
  if (tin.slice(5) === '0000') problems.push('SSN last four digits cannot be 0000');
  return problems;
}

// IRS ITIN format: 9XX-XX-XXXX with digits 4–5 in 50–65, 70–88, 90–92 or 94–99.
const ITIN_MIDDLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [50, 65],
  [70, 88],
  [90, 92],
  [94, 99],
];

function itinProblems(tin: string): string[] {
  const problems: string[] = [];
  if (!tin.startsWith('9')) problems.push('ITIN must start with 9');
  const middle = Number(tin.slice(3, 5));
  if (!ITIN_MIDDLE_RANGES.some(([low, high]) => middle >= low && middle <= high)) {
    problems.push('ITIN digits 4–5 must be in 50–65, 70–88, 90–92 or 94–99');
  }
  return problems;
}

// EIN prefixes the IRS has never assigned (IRS "How EINs are assigned and valid EIN prefixes").
const INVALID_EIN_PREFIXES: ReadonlySet<string> = new Set([
  '00',
  '07',
  '08',
  '09',
  '17',
  '18',
  '19',
  '28',
  '29',
  '49',
  '69',
  '70',
  '78',
  '79',
  '89',
  '96',
  '97',
]);

function einProblems(tin: string): string[] {
  return INVALID_EIN_PREFIXES.has(tin.slice(0, 2)) ? ['EIN prefix (first two digits) is not a valid prefix'] : [];
}

const TIN_RULES: Record<TinType, { format: RegExp; example: string; problems: (tin: string) => string[] }> = {
  [TinType.SSN]: { format: SSN_LIKE_FORMAT, example: '123-45-6789 or 123456789', problems: ssnProblems },
  [TinType.ITIN]: { format: SSN_LIKE_FORMAT, example: '9XX-XX-XXXX or 9XXXXXXXX', problems: itinProblems },
  [TinType.EIN]: { format: EIN_FORMAT, example: '12-3456789 or 123456789', problems: einProblems },
};

/** Checks a TIN of the given kind; the normalized value is its 9 digits. */
export function checkTin(raw: string, type: TinType, field: string): Checked<string> {
  const text = raw.trim();
  if (text === '') return missing(field, '');
  const rule = TIN_RULES[type];
  const digits = text.replace(/-/g, '');
  if (!rule.format.test(text)) {
    return checked(digits, [{ field, message: `must be 9 digits, written ${rule.example}` }]);
  }
  return checked(
    digits,
    rule.problems(digits).map((message) => ({ field, message })),
  );
}

/** Shows only the last four digits (IRM 25.25.6: TPP letters show at most the last four of a TIN). */
export function maskTin(tin: string, type: TinType): string {
  const lastFour = tin.replace(/\D/g, '').slice(-4);
  return type === TinType.EIN ? `**-***${lastFour}` : `***-**-${lastFour}`;
}

/** Earliest tax period year accepted (product rule). */
const EARLIEST_TAX_PERIOD_YEAR = 1960;

/** Checks a tax period `YYYYMM`: month 01–12, year from 1960 to the year after `now`'s (UTC) year. */
export function checkTaxPeriod(raw: string, field: string, now: Date): Checked<string> {
  const text = raw.trim();
  if (text === '') return missing(field, '');
  if (!/^\d{6}$/.test(text)) return checked(text, [{ field, message: 'must be a tax period written YYYYMM' }]);
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4));
  const latestYear = now.getUTCFullYear() + 1;
  const errors: FieldError[] = [];
  if (month < 1 || month > 12) errors.push({ field, message: 'month must be 01–12' });
  if (year < EARLIEST_TAX_PERIOD_YEAR) {
    errors.push({ field, message: `year cannot be earlier than ${EARLIEST_TAX_PERIOD_YEAR}` });
  }
  if (year > latestYear) errors.push({ field, message: `year cannot be later than ${latestYear}` });
  return checked(text, errors);
}

/**
 * Master File Tax (MFT) codes accepted on referrals, from IRS Document 6209 (IDRS processing codes).
 * IMF (individual) and BMF (business) lists; e.g. 30 = Form 1040 module, 32 = returns moved off MFT 30
 * as identity theft (IRM 25.25.6.7(1)), 01 = Form 941, 02 = Form 1120. Add codes here when needed.
 */
export const VALID_MFT_CODES: { readonly imf: readonly string[]; readonly bmf: readonly string[] } = {
  imf: ['29', '30', '31', '32', '35', '55'],
  bmf: [
    '01',
    '02',
    '03',
    '04',
    '05',
    '06',
    '07',
    '08',
    '09',
    '10',
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '33',
    '34',
    '36',
    '37',
    '40',
    '44',
    '46',
    '47',
    '49',
    '50',
    '51',
    '52',
    '58',
    '60',
    '61',
    '63',
    '64',
    '67',
    '74',
    '76',
    '77',
    '78',
  ],
};

const MFT_CODES: ReadonlySet<string> = new Set([...VALID_MFT_CODES.imf, ...VALID_MFT_CODES.bmf]);

/** Checks a two-digit MFT code against {@link VALID_MFT_CODES}. */
export function checkMft(raw: string, field: string): Checked<string> {
  const text = raw.trim();
  if (text === '') return missing(field, '');
  if (!/^\d{2}$/.test(text)) return checked(text, [{ field, message: 'must be a two-digit MFT code' }]);
  return checked(text, MFT_CODES.has(text) ? [] : [{ field, message: 'is not a valid MFT code' }]);
}

/** Checks a Document Locator Number: 14 digits, spaces and dashes allowed; normalized to the digits. */
export function checkDln(raw: string, field: string): Checked<string> {
  const digits = raw.replace(/[\s-]/g, '');
  if (digits === '') return missing(field, '');
  return checked(digits, /^\d{14}$/.test(digits) ? [] : [{ field, message: 'must be a DLN of 14 digits' }]);
}

/** The document code of a DLN: its 4th and 5th digits. */
export function dlnDocumentCode(dln: string): string {
  return dln.slice(3, 5);
}

/** Checks a US (NANP) telephone or fax number; punctuation and a leading 1 / +1 are allowed; normalized to 10 digits. */
export function checkPhone(raw: string, field: string): Checked<string> {
  const text = raw.trim();
  if (text === '') return missing(field, '');
  const digits = text.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (!/^[\d\s().+-]+$/.test(text) || national.length !== 10) {
    return checked(national, [{ field, message: 'must be a US telephone number of 10 digits' }]);
  }
  // NANP: neither the area code nor the exchange starts with 0 or 1.
  if (/^[01]/.test(national) || /^[01]/.test(national.slice(3))) {
    return checked(national, [{ field, message: 'is not a valid US telephone number' }]);
  }
  return checked(national);
}

/** USPS state codes: the states, DC, the territories, the freely associated states and military (AA/AE/AP). */
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'DC',
  'AS',
  'GU',
  'MP',
  'PR',
  'VI',
  'FM',
  'MH',
  'PW',
  'AA',
  'AE',
  'AP',
]);

/** Checks a two-letter USPS state code; normalized to upper case. */
export function checkState(raw: string, field: string): Checked<string> {
  const code = raw.trim().toUpperCase();
  if (code === '') return missing(field, '');
  return checked(code, US_STATE_CODES.has(code) ? [] : [{ field, message: 'must be a two-letter USPS state code' }]);
}

/** Checks a ZIP code of 5 or 9 digits (`12345`, `12345-6789`, `123456789`); normalized to the digits. */
export function checkZip(raw: string, field: string): Checked<string> {
  const text = raw.trim();
  if (text === '') return missing(field, '');
  const valid = /^\d{5}(?:-?\d{4})?$/.test(text);
  return checked(text.replace('-', ''), valid ? [] : [{ field, message: 'must be a ZIP code of 5 or 9 digits' }]);
}
