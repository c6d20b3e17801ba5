import { CustomsItemDecision } from './customs-request-state';
import { CustomsRequest } from './customs-request.entity';

/**
 * The release letter to Customs, generated from the release record: the approved items only (no TIN, no taxpayer
 * name, no denied item's content, no internal reason), the recipients by title, the date, the authority and the
 * use restrictions of 26 CFR 301.6103(l)(14)-1(f)–(j).
 */
export function customsReleaseLetter(request: CustomsRequest): string {
  const release = request.release!;
  const approved = request.items.filter((item) => release.itemNumbers.includes(item.number));
  const notDisclosed = request.items.filter((item) => item.decision !== CustomsItemDecision.APPROVED).map((item) => item.number);
  const releasedOn = new Date(release.releasedAt).toISOString().slice(0, 10);
  return [
    'Department of the Treasury - Internal Revenue Service',
    'Disclosure of return information to U.S. Customs and Border Protection',
    '',
    `Our reference: ${request.referenceNumber}`,
    `Your written request: ${request.letterReference}, received ${request.receivedOn}`,
    `Date of release: ${releasedOn}`,
    `Authority: ${release.authority}`,
    '',
    'Items of return information disclosed:',
    ...approved.map((item) => `  ${item.number}. ${item.description} (taxable period or date: ${item.taxPeriod})`),
    ...(notDisclosed.length ? ['', `Items of your request not disclosed: ${notDisclosed.join(', ')}.`] : []),
    '',
    'Disclosure is authorized only to the following Customs officers and employees, designated by title in your request:',
    ...release.recipientTitles.map((title) => `  - ${title}`),
    '',
    'Use restrictions (26 CFR 301.6103(l)(14)-1(f)-(j)):',
    ...release.useRestrictions.map((restriction) => `  ${restriction}`),
    '',
  ].join('\n');
}
