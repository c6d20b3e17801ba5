import { InvalidInputError } from '../../platform/common/errors';
import { LIST_MAX, Problems } from '../../platform/validation/checked';
import { checkTin, TinType } from '../../platform/validation/identifiers';
import { checkText, TEXT_MAX } from '../../platform/validation/text';
import { CustomsAuditCertification } from './customs-request-state';
import { pastDateProblems } from './past-date';
import { CustomsRequestItemInput, RecordCustomsRequestInput } from './customs-request.types';

export interface ValidCustomsRequest {
  letterReference: string;
  receivedOn: string;
  taxpayerName: string;
  tin: string;
  tinType: TinType;
  items: { number: number; description: string; taxPeriod: string; purpose: string; necessity: string }[];
  recipientTitles: string[];
  auditCertification: CustomsAuditCertification;
}

/** What each element of 26 CFR 301.6103(l)(14)-1(b) is, for the message naming it when it is missing. */
const ELEMENT = {
  items: '(b)(1): the request must identify the particular items of return information to be disclosed',
  description: '(b)(1): the particular item of return information is required',
  taxpayerName: '(b)(2): the request must identify the particular taxpayer (name)',
  tin: '(b)(2): the request must identify the particular taxpayer (TIN)',
  tinType: '(b)(2): the request must identify the particular taxpayer (kind of TIN)',
  taxPeriod: '(b)(3): the taxable period or date the item relates to is required',
  purpose: '(b)(4): the particular purpose the item is needed for is required',
  necessity: '(b)(4): an explanation of how the item is necessary to accomplish that purpose is required',
  recipientTitles: '(b)(4): the request must designate by title the Customs officers and employees to whom disclosure is authorized',
  auditCertification:
    '(b)(4): the request must certify that Customs has initiated or intends to initiate a section 509 audit of the taxpayer, or that the taxpayer has a transactional or ownership relationship with the subject of such an audit',
} as const;

const blank = (value: string | null | undefined): boolean => value == null || value.trim() === '';

/**
 * The completeness check of a written Customs request: every element of 26 CFR 301.6103(l)(14)-1(b) present, each
 * missing one named (with its paragraph) in one BAD_USER_INPUT, before anything is written.
 */
export function validateCustomsRequest(input: RecordCustomsRequestInput, now: Date): ValidCustomsRequest {
  const problems = new Problems();
  const required = (value: string | null | undefined, field: string, missing: string, max: number = TEXT_MAX.short): string => {
    if (blank(value)) {
      problems.add(field, missing);
      return '';
    }
    return problems.take(checkText(value!, field, max));
  };
  const letterReference = required(input.letterReference, 'letterReference', "the written request's reference is required");
  const receivedOn = checkReceivedOn(input.receivedOn, now, problems);
  const taxpayerName = required(input.taxpayerName, 'taxpayerName', ELEMENT.taxpayerName);
  if (!input.tinType) problems.add('tinType', ELEMENT.tinType);
  const tin = blank(input.tin)
    ? (problems.add('tin', ELEMENT.tin), '')
    : input.tinType
      ? problems.take(checkTin(input.tin!, input.tinType, 'tin'))
      : '';
  const items = checkItems(input.items ?? [], problems, required);
  const titles = input.recipientTitles?.filter((title) => !blank(title)) ?? [];
  if (titles.length === 0) problems.add('recipientTitles', ELEMENT.recipientTitles);
  else if (titles.length > LIST_MAX) problems.add('recipientTitles', `at most ${LIST_MAX} titles`);
  const recipientTitles = titles.map((title, index) => problems.take(checkText(title, `recipientTitles[${index}]`, TEXT_MAX.short)));
  if (!input.auditCertification) problems.add('auditCertification', ELEMENT.auditCertification);
  if (problems.errors.length) throw new InvalidInputError(problems.errors);
  return {
    letterReference,
    receivedOn,
    taxpayerName,
    tin,
    tinType: input.tinType!,
    items,
    recipientTitles,
    auditCertification: input.auditCertification!,
  };
}

function checkItems(
  items: readonly CustomsRequestItemInput[],
  problems: Problems,
  required: (value: string | null | undefined, field: string, missing: string, max?: number) => string,
): ValidCustomsRequest['items'] {
  if (items.length === 0) problems.add('items', ELEMENT.items);
  if (items.length > LIST_MAX) problems.add('items', `at most ${LIST_MAX} items`);
  return items.slice(0, LIST_MAX).map((item, index) => {
    const path = `items[${index}]`;
    return {
      number: index + 1,
      description: required(item.description, `${path}.description`, ELEMENT.description, TEXT_MAX.narrative),
      taxPeriod: required(item.taxPeriod, `${path}.taxPeriod`, ELEMENT.taxPeriod),
      purpose: required(item.purpose, `${path}.purpose`, ELEMENT.purpose, TEXT_MAX.narrative),
      necessity: required(item.necessity, `${path}.necessity`, ELEMENT.necessity, TEXT_MAX.narrative),
    };
  });
}

/** The receipt date of the letter: required, a real date, not after today (UTC). */
function checkReceivedOn(raw: string | null | undefined, now: Date, problems: Problems): string {
  if (blank(raw)) problems.add('receivedOn', 'the date the written request was received is required');
  else problems.errors.push(...pastDateProblems(raw!, 'receivedOn', now));
  return raw ?? '';
}
