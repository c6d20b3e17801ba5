import { registerEnumType } from 'type-graphql';
import { Crossing } from '../tecs/crossing.entity';
import { PastTravelRequest, PastTrip } from './past-travel-request.entity';

/** The facts of a DHS crossing report that may be disclosed outside the IRS (seed 000). */
export enum TecsDisclosureField {
  TAXPAYER_NAME = 'TAXPAYER_NAME',
  DATE_OF_BIRTH = 'DATE_OF_BIRTH',
  PLACE_OF_CROSSING = 'PLACE_OF_CROSSING',
  CROSSED_AT = 'CROSSED_AT',
  DOCUMENT_NUMBER = 'DOCUMENT_NUMBER',
  DIRECTION = 'DIRECTION',
  US_EMPLOYER = 'US_EMPLOYER',
  US_ADDRESS = 'US_ADDRESS',
  PHONE = 'PHONE',
  STAYING_AT = 'STAYING_AT',
  PLANNED_DEPARTURE_AT = 'PLANNED_DEPARTURE_AT',
  NEXT_DESTINATION = 'NEXT_DESTINATION',
}

const NEEDS_DHS = 'Needs a DHS authorization for this recipient';

registerEnumType(TecsDisclosureField, {
  name: 'TecsDisclosureField',
  description:
    'A fact of a DHS crossing report; the first five may be disclosed to the taxpayer or their representative, any other needs authorization from DHS (seed 000)',
  valuesConfig: {
    TAXPAYER_NAME: { description: "The taxpayer's name (disclosable to the taxpayer or representative)" },
    DATE_OF_BIRTH: { description: 'Date of birth (disclosable to the taxpayer or representative)' },
    PLACE_OF_CROSSING: { description: 'Place of crossing (disclosable to the taxpayer or representative)' },
    CROSSED_AT: { description: 'Date and time of crossing (disclosable to the taxpayer or representative)' },
    DOCUMENT_NUMBER: { description: 'Travel document number (disclosable to the taxpayer or representative)' },
    DIRECTION: { description: `Inbound or outbound. ${NEEDS_DHS}` },
    US_EMPLOYER: { description: `U.S. employer DHS reported. ${NEEDS_DHS}` },
    US_ADDRESS: { description: `U.S. address DHS reported. ${NEEDS_DHS}` },
    PHONE: { description: `Phone number DHS reported. ${NEEDS_DHS}` },
    STAYING_AT: { description: `Where the taxpayer is staying. ${NEEDS_DHS}` },
    PLANNED_DEPARTURE_AT: { description: `Planned departure. ${NEEDS_DHS}` },
    NEXT_DESTINATION: { description: `Next destination. ${NEEDS_DHS}` },
  },
});

/** Seed 000: "Taxpayer's name, date of birth, place of crossing, date and time of crossing, and document number can be disclosed". */
export const DISCLOSABLE_WITHOUT_DHS: readonly TecsDisclosureField[] = [
  TecsDisclosureField.TAXPAYER_NAME,
  TecsDisclosureField.DATE_OF_BIRTH,
  TecsDisclosureField.PLACE_OF_CROSSING,
  TecsDisclosureField.CROSSED_AT,
  TecsDisclosureField.DOCUMENT_NUMBER,
];

/** The value of each field in a crossing, as text (instants in ISO 8601 UTC); null when DHS did not report it. */
export const TECS_FIELD_VALUE: Readonly<Record<TecsDisclosureField, (crossing: Crossing) => string | null>> = {
  TAXPAYER_NAME: (c) => c.taxpayerName,
  DATE_OF_BIRTH: (c) => c.dateOfBirth,
  PLACE_OF_CROSSING: (c) => c.placeOfCrossing,
  CROSSED_AT: (c) => c.crossedAt.toISOString(),
  DOCUMENT_NUMBER: (c) => c.documentNumber,
  DIRECTION: (c) => c.direction,
  US_EMPLOYER: (c) => c.usEmployer,
  US_ADDRESS: (c) => c.usAddress,
  PHONE: (c) => c.phone,
  STAYING_AT: (c) => c.stayingAt,
  PLANNED_DEPARTURE_AT: (c) => c.plannedDepartureAt?.toISOString() ?? null,
  NEXT_DESTINATION: (c) => c.nextDestination,
};

/**
 * The fields a past-travel answer holds (seed 000: "information housed in TECS on past travel"): the taxpayer named on
 * the request, and each trip DHS reported (one value per trip, in DHS's order).
 */
export const PAST_TRAVEL_FIELD_VALUES: Readonly<
  Partial<Record<TecsDisclosureField, (request: PastTravelRequest, trips: readonly PastTrip[]) => string[]>>
> = {
  TAXPAYER_NAME: (r) => [r.taxpayerName],
  DATE_OF_BIRTH: (r) => [r.dateOfBirth],
  PLACE_OF_CROSSING: (_, trips) => trips.map((t) => t.placeOfCrossing),
  CROSSED_AT: (_, trips) => trips.map((t) => new Date(t.crossedAt).toISOString()),
  DOCUMENT_NUMBER: (_, trips) => trips.map((t) => t.documentNumber),
  DIRECTION: (_, trips) => trips.map((t) => t.direction),
};

/** Who TECS information is disclosed to. */
export enum TecsRecipientKind {
  TAXPAYER = 'TAXPAYER',
  REPRESENTATIVE = 'REPRESENTATIVE',
  THIRD_PARTY = 'THIRD_PARTY',
}

registerEnumType(TecsRecipientKind, {
  name: 'TecsRecipientKind',
  description: 'Who TECS information would be disclosed to (seed 000: never to third parties)',
  valuesConfig: {
    TAXPAYER: { description: 'The taxpayer in person' },
    REPRESENTATIVE: {
      description: "The taxpayer's representative, with an authority on file (Form 2848 or 8821) covering the case's tax years",
    },
    THIRD_PARTY: { description: 'Anyone else: always refused (FORBIDDEN) and the attempt is in the access audit' },
  },
});

/** The form on file that authorizes a representative. */
export enum RepresentativeAuthorityForm {
  F2848 = 'F2848',
  F8821 = 'F8821',
}

registerEnumType(RepresentativeAuthorityForm, {
  name: 'RepresentativeAuthorityForm',
  description: "The form on file that makes someone the taxpayer's representative for disclosure",
  valuesConfig: {
    F2848: { description: 'Form 2848, Power of Attorney and Declaration of Representative' },
    F8821: { description: 'Form 8821, Tax Information Authorization' },
  },
});

/** The authority of every TECS disclosure recorded here. */
export const TECS_DISCLOSURE_AUTHORITY = 'TECS disclosure rules (IRM passport/TECS cases text, seed 000)';
