import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TinType } from '../../platform/validation/identifiers';
import { Crossing } from './crossing.entity';
import { Lookout } from './lookout.entity';
import { pagedByParent } from '../../platform/graphql/page-cost';
import { CrossingDirection, InvestigationKind, InvestigationOutcome, LookoutDisposition, LookoutState } from './tecs-state';
import { IdentifierField } from '../../platform/graphql/identifier-field';
import { Connection, OrderInput } from '../../platform/graphql/connection';
import { OtherInvestigation } from './other-investigation.entity';
import { CrossingSortField, InvestigationSortField } from './tecs-orders';

const DHS_ONLY = 'disclosure needs DHS authorization';

@InputType({ description: 'A tax period the balance due is owed for, as on Form 6668 (e.g. 30/201312)' })
export class TaxPeriodInput {
  @IdentifierField()
  @Field(() => String, { description: 'Two-digit MFT (master file tax account code), e.g. 30 for Form 1040' })
  mft!: string;

  @IdentifierField()
  @Field(() => String, { description: 'The tax period as YYYYMM, its ending month (e.g. 201312); at most next year' })
  taxPeriod!: string;
}

@InputType({
  description:
    'Form 6668, TECS Entry Request: a revenue officer asks that a delinquent balance-due taxpayer be placed on the TECS lookout list (IRM 5.1.18.13.7, seed 000)',
})
export class LookoutRequestInput {
  @Field(() => String, { description: "The taxpayer's name, as DHS will match it" })
  taxpayerName!: string;

  @Field(() => LocalDateResolver, { description: "The taxpayer's date of birth (calendar date, not in the future); sealed at rest" })
  dateOfBirth!: string;

  @IdentifierField()
  @Field(() => String, { description: "The taxpayer's TIN (digits, dashes allowed); sealed at rest, shown back masked" })
  tin!: string;

  @Field(() => TinType, { description: 'The kind of TIN (SSN, ITIN or EIN)' })
  tinType!: TinType;

  @Field(() => String, { description: "The taxpayer's last known address" })
  address!: string;

  @Field(() => Boolean, {
    description: 'International (true) or domestic (false) taxpayer: both can be placed on the lookout list (seed 000)',
  })
  international!: boolean;

  @Field(() => String, { description: 'Balance due in U.S. dollars, a positive amount, e.g. "141000.00" ($ and commas allowed)' })
  balanceDue!: string;

  @Field(() => [TaxPeriodInput], { description: 'The tax periods the balance is owed for, at least one' })
  taxPeriods!: TaxPeriodInput[];

  @Field(() => String, {
    description:
      'Why contact cannot otherwise be made, and what is known of the travel (seed 000: a domestic taxpayer who travels frequently)',
  })
  contactFacts!: string;

  @Field(() => [String], { description: 'The lookout criteria (IRM 5.1.18.13.7.1) the case meets, at least one' })
  criteriaMet!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The closure code if the case is being closed with the request, e.g. "CNC – Unable to Contact"',
  })
  closureCode?: string | null;
}

@InputType({ description: 'Which lookout to move one step along its lifecycle, at which version, and why' })
export class LookoutTransitionInput {
  @Field(() => UUIDResolver, { description: 'The lookout' })
  lookoutId!: string;

  @Field(() => Int, { nullable: true, description: 'The version the caller saw; a newer one is a CONFLICT (STALE_VERSION)' })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required when returning, declining or asking for removal: the reason (kept in the TECS history, seed 000)',
  })
  note?: string | null;
}

@InputType({ description: 'A returned Form 6668 request sent again by the requesting revenue officer' })
export class ResubmitLookoutInput extends LookoutTransitionInput {
  @Field(() => LookoutRequestInput, { nullable: true, description: 'The corrected request; absent: sent again unchanged' })
  request?: LookoutRequestInput | null;
}

@InputType({ description: 'Criminal Investigation confirms the taxpayer is entered into TECS (seed 000)' })
export class ConfirmLookoutEntryInput extends LookoutTransitionInput {
  @IdentifierField()
  @Field(() => String, { description: 'The TECS record reference of the entry' })
  tecsRecordReference!: string;
}

@InputType({
  description:
    'What DHS reports about a taxpayer on the lookout list crossing the border (IRM 5.1.18.13.7, seed 000); the DHS interface client only',
})
export class CrossingReportInput {
  @IdentifierField()
  @Field(() => String, { description: "DHS's id of the report: the same report twice creates one crossing" })
  dhsReportId!: string;

  @Field(() => UUIDResolver, { nullable: true, description: 'The lookout, when DHS quotes it; else matched by name and date of birth' })
  lookoutId?: string | null;

  @Field(() => String, { description: "The traveller's name" })
  taxpayerName!: string;

  @Field(() => LocalDateResolver, { description: "The traveller's date of birth (calendar date); sealed at rest" })
  dateOfBirth!: string;

  @Field(() => String, { description: 'Where the taxpayer crossed, e.g. the port of entry' })
  placeOfCrossing!: string;

  @Field(() => Date, { description: 'Date and time of crossing (UTC instant; at most a week in the future)' })
  crossedAt!: Date;

  @Field(() => CrossingDirection, { description: 'Into or out of the U.S.' })
  direction!: CrossingDirection;

  @IdentifierField()
  @Field(() => String, { description: 'The travel document number (e.g. passport number)' })
  documentNumber!: string;

  @Field(() => String, { nullable: true, description: `The taxpayer's U.S. employer, if known (${DHS_ONLY})` })
  usEmployer?: string | null;

  @Field(() => String, { nullable: true, description: `The taxpayer's U.S. address, if known (${DHS_ONLY})` })
  usAddress?: string | null;

  @IdentifierField()
  @Field(() => String, { nullable: true, description: `The taxpayer's U.S. phone number, if known (${DHS_ONLY})` })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: `Where the taxpayer is staying, e.g. a hotel (${DHS_ONLY})` })
  stayingAt?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: `When the taxpayer plans to leave (UTC instant, not before the crossing); makes the crossing time-critical when soon (${DHS_ONLY})`,
  })
  plannedDepartureAt?: Date | null;

  @Field(() => String, { nullable: true, description: `Where the taxpayer goes next, e.g. Mexico (${DHS_ONLY})` })
  nextDestination?: string | null;
}

@InputType({ description: 'The TECS coordinator opens an OI (or courtesy investigation) on ICS from a crossing (seed 000)' })
export class OpenInvestigationInput {
  @Field(() => UUIDResolver, { description: 'The crossing (status NEW)' })
  crossingId!: string;

  @Field(() => InvestigationKind, {
    defaultValue: InvestigationKind.OTHER_INVESTIGATION,
    description: 'OI or courtesy investigation',
  })
  kind!: InvestigationKind;

  @Field(() => UUIDResolver, { nullable: true, description: 'Link a flagged (unmatched) crossing to this active lookout' })
  lookoutId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When action is due (UTC instant, in the future); defaults to the planned departure, else OI_DUE_BUSINESS_DAYS business days in the GM's calendar",
  })
  dueAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A note for the GM and RO (kept in the TECS history)' })
  note?: string | null;
}

@InputType({
  description: 'Issue an OI to another GM and RO, e.g. a domestic RO near the port of entry (seed 000: the Miami example)',
})
export class ReissueInvestigationInput {
  @Field(() => UUIDResolver, { description: 'The OI (still ISSUED)' })
  investigationId!: string;

  @Field(() => UUIDResolver, { description: 'The group manager to issue it to (an employee holding the GM role)' })
  groupManagerId!: string;

  @Field(() => UUIDResolver, { description: 'The revenue officer to issue it to (an employee holding the RO role)' })
  revenueOfficerId!: string;

  @Field(() => String, { nullable: true, description: 'A note for the new GM and RO (kept in the TECS history)' })
  note?: string | null;
}

@InputType({ description: 'Its GM or RO closes an OI with what it achieved and what becomes of the lookout (seed 000)' })
export class CloseInvestigationInput {
  @Field(() => UUIDResolver, { description: 'The OI (still ISSUED)' })
  investigationId!: string;

  @Field(() => [InvestigationOutcome], { description: 'What the OI achieved, at least one' })
  outcomes!: InvestigationOutcome[];

  @Field(() => LookoutDisposition, { description: 'REMOVE starts the removal flow; REMAIN confirms the lookout stays' })
  lookoutDisposition!: LookoutDisposition;

  @Field(() => String, { nullable: true, description: 'A note for the coordinator (kept in the TECS history)' })
  note?: string | null;
}

@InputType({ description: 'The TECS coordinator records that a crossing needs no investigation' })
export class DismissCrossingInput {
  @Field(() => UUIDResolver, { description: 'The crossing (status NEW)' })
  crossingId!: string;

  @Field(() => String, { description: 'Why no investigation is needed, e.g. no active lookout (kept in the TECS history)' })
  reason!: string;
}

@InputType({ description: 'Narrows the lookout list; every criterion given must hold' })
export class LookoutListFilter {
  @Field(() => [LookoutState], { nullable: true, description: 'Only lookouts in these states (all when absent)' })
  states?: LookoutState[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only international (true) or only domestic (false) taxpayers (both when absent)' })
  international?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the taxpayer name' })
  nameContains?: string | null;

  @IdentifierField()
  @Field(() => String, { nullable: true, description: 'Exact TIN, matched by its keyed hash' })
  tin?: string | null;
}

@ObjectType({
  description: 'What the TECS coordinator must act on: crossings first (time-critical first), then requests; TECS coordinators only',
})
export class CoordinatorQueue {
  @Field(() => [Crossing], {
    complexity: pagedByParent,
    description: 'Crossings waiting (NEW): time-critical first, then soonest planned departure, then oldest',
  })
  crossings!: Crossing[];

  @Field(() => [Lookout], {
    complexity: pagedByParent,
    description:
      'Lookouts waiting for the coordinator, longest waiting first: requests to review (WITH_COORDINATOR) and removals to forward (REMOVAL_REQUESTED)',
  })
  lookouts!: Lookout[];
}

@ObjectType({
  description:
    'Only what may be disclosed to the taxpayer or their representative (IRM 5.1.18.13.7, seed 000); anything else needs DHS authorization; never to third parties',
})
export class TaxpayerDisclosure {
  @Field(() => String, { description: "The taxpayer's name, as DHS reported it" })
  taxpayerName!: string;

  @Field(() => LocalDateResolver, { description: "The taxpayer's date of birth (calendar date)" })
  dateOfBirth!: string;

  @Field(() => String, { description: 'Where the taxpayer crossed' })
  placeOfCrossing!: string;

  @Field(() => Date, { description: 'Date and time of crossing (UTC instant)' })
  crossedAt!: Date;

  @Field(() => String, { description: 'The travel document number' })
  documentNumber!: string;
}

registerEnumType(InvestigationSortField, {
  name: 'InvestigationSortField',
  description: 'What a list of OIs is ordered by (ties broken by id)',
  valuesConfig: {
    URGENCY: { description: 'Time-critical OIs before the others, each soonest due first (ascending; descending reverses both)' },
    DUE_AT: { description: 'When the OI is due (UTC instant)' },
  },
});

registerEnumType(CrossingSortField, {
  name: 'CrossingSortField',
  description: 'What a list of crossings is ordered by (ties broken by id)',
  valuesConfig: {
    CROSSED_AT: { description: 'When the taxpayer crossed the border, as DHS reported it (UTC instant)' },
    REFERENCE_NUMBER: { description: 'The reference number, as text' },
  },
});

@InputType({ description: 'The order of a list of OIs (ties broken by id)' })
export class InvestigationOrderInput extends OrderInput(InvestigationSortField) {}

@InputType({ description: 'The order of a list of crossings (ties broken by id)' })
export class CrossingOrderInput extends OrderInput(CrossingSortField) {}

@ObjectType({ description: 'A page of TECS lookouts (the Relay cursor connection spec)' })
export class LookoutConnection extends Connection(Lookout, 'Lookout') {}

@ObjectType({ description: 'A page of other investigations (OIs) (the Relay cursor connection spec)' })
export class OtherInvestigationConnection extends Connection(OtherInvestigation, 'OtherInvestigation') {}

@ObjectType({ description: 'A page of crossings reported by DHS (the Relay cursor connection spec)' })
export class CrossingConnection extends Connection(Crossing, 'Crossing') {}
