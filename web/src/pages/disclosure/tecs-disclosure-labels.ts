import type { PastTravelState, TecsDisclosureField, TecsRecipientKind } from '../../gql/graphql';

/** Seed 000: the five facts that may go to the taxpayer or their representative without DHS. */
export const FIVE_FACTS: [TecsDisclosureField, string][] = [
  ['TAXPAYER_NAME', 'Taxpayer name'],
  ['DATE_OF_BIRTH', 'Date of birth'],
  ['PLACE_OF_CROSSING', 'Place of crossing'],
  ['CROSSED_AT', 'Date and time of crossing'],
  ['DOCUMENT_NUMBER', 'Document number'],
];

/** "Any additional information requires authorization from DHS" (seed 000). */
export const DHS_ONLY_FACTS: [TecsDisclosureField, string][] = [
  ['DIRECTION', 'Direction'],
  ['US_EMPLOYER', 'U.S. employer'],
  ['US_ADDRESS', 'U.S. address'],
  ['PHONE', 'Phone'],
  ['STAYING_AT', 'Staying at'],
  ['PLANNED_DEPARTURE_AT', 'Planned departure'],
  ['NEXT_DESTINATION', 'Next destination'],
];

/** A TECS field in words; anything else (an item of return information released to Customs) as it is. */
export const fieldName = (field: TecsDisclosureField | string): string =>
  [...FIVE_FACTS, ...DHS_ONLY_FACTS].find(([f]) => f === field)?.[1] ?? field;

/** Who may receive TECS information: never a third party (seed 000), so the console does not offer one. */
export const RECIPIENTS: [TecsRecipientKind, string][] = [
  ['TAXPAYER', 'The taxpayer'],
  ['REPRESENTATIVE', 'Their representative (Form 2848 or 8821 on file)'],
];

/** Where a past-travel request stands, in words. */
export const PAST_TRAVEL_STATES: Record<PastTravelState, string> = {
  REQUESTED: 'Requested',
  WITH_DHS: 'With DHS',
  ANSWERED: 'Answered',
  DECLINED: 'Declined',
};
