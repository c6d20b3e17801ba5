import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TinType } from '../../platform/validation/identifiers';
import { Crossing } from './crossing.entity';
import { Lookout } from './lookout.entity';
import { pagedByParent } from '../../platform/graphql/page-cost';
import { CrossingDirection, InvestigationKind, InvestigationOutcome, LookoutDisposition, LookoutState } from './tecs-state';
import { IdentifierField } from '../../platform/graphql/identifier-field';
import { Connection, OrderInput } from '../../platform/graphql/connection';
import { OtherInvestigation } from './other-investigation.entity';
import { CrossingSortField, InvestigationSortField } from './tecs-orders';

@InputType()
export class TaxPeriodInput {
  @IdentifierField()
  @Field(() => String, { description: 'Two-digit MFT, e.g. 30' })
  mft!: string;

  @IdentifierField()
  @Field(() => String, { description: 'YYYYMM' })
  taxPeriod!: string;
}

@InputType({ description: 'Form 6668, TECS Entry Request' })
export class LookoutRequestInput {
  @Field(() => String)
  taxpayerName!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  dateOfBirth!: string;

  @IdentifierField()
  @Field(() => String)
  tin!: string;

  @Field(() => TinType)
  tinType!: TinType;

  @Field(() => String)
  address!: string;

  @Field(() => Boolean, { description: 'International (true) or domestic taxpayer' })
  international!: boolean;

  @Field(() => String, { description: 'Balance due in dollars, e.g. "141000.00"' })
  balanceDue!: string;

  @Field(() => [TaxPeriodInput])
  taxPeriods!: TaxPeriodInput[];

  @Field(() => String, { description: 'Why contact cannot otherwise be made; travel facts' })
  contactFacts!: string;

  @Field(() => [String], { description: 'The lookout criteria (IRM 5.1.18.13.7.1) the case meets' })
  criteriaMet!: string[];

  @Field(() => String, { nullable: true, description: 'Closure code if the case is being closed, e.g. "CNC – Unable to Contact"' })
  closureCode?: string | null;
}

@InputType()
export class LookoutTransitionInput {
  @Field(() => ID)
  lookoutId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Required when returning or declining: the reason' })
  note?: string | null;
}

@InputType()
export class ResubmitLookoutInput extends LookoutTransitionInput {
  @Field(() => LookoutRequestInput, { nullable: true })
  request?: LookoutRequestInput | null;
}

@InputType()
export class ConfirmLookoutEntryInput extends LookoutTransitionInput {
  @IdentifierField()
  @Field(() => String, { description: 'The TECS record reference' })
  tecsRecordReference!: string;
}

@InputType({ description: 'What DHS reports about a taxpayer on the lookout list crossing the border' })
export class CrossingReportInput {
  @IdentifierField()
  @Field(() => String, { description: "DHS's id of the report: the same report twice creates one crossing" })
  dhsReportId!: string;

  @Field(() => ID, { nullable: true, description: 'The lookout, when DHS quotes it' })
  lookoutId?: string | null;

  @Field(() => String)
  taxpayerName!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  dateOfBirth!: string;

  @Field(() => String)
  placeOfCrossing!: string;

  @Field(() => Date)
  crossedAt!: Date;

  @Field(() => CrossingDirection)
  direction!: CrossingDirection;

  @IdentifierField()
  @Field(() => String)
  documentNumber!: string;

  @Field(() => String, { nullable: true })
  usEmployer?: string | null;

  @Field(() => String, { nullable: true })
  usAddress?: string | null;

  @IdentifierField()
  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  stayingAt?: string | null;

  @Field(() => Date, { nullable: true })
  plannedDepartureAt?: Date | null;

  @Field(() => String, { nullable: true })
  nextDestination?: string | null;
}

@InputType()
export class OpenInvestigationInput {
  @Field(() => ID)
  crossingId!: string;

  @Field(() => InvestigationKind, { defaultValue: InvestigationKind.OTHER_INVESTIGATION })
  kind!: InvestigationKind;

  @Field(() => ID, { nullable: true, description: 'Link a flagged (unmatched) crossing to this lookout' })
  lookoutId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to the planned departure, else OI_DUE_BUSINESS_DAYS business days' })
  dueAt?: Date | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ReissueInvestigationInput {
  @Field(() => ID)
  investigationId!: string;

  @Field(() => ID)
  groupManagerId!: string;

  @Field(() => ID)
  revenueOfficerId!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class CloseInvestigationInput {
  @Field(() => ID)
  investigationId!: string;

  @Field(() => [InvestigationOutcome])
  outcomes!: InvestigationOutcome[];

  @Field(() => LookoutDisposition, { description: 'REMOVE starts the removal flow; REMAIN confirms the lookout stays' })
  lookoutDisposition!: LookoutDisposition;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class DismissCrossingInput {
  @Field(() => ID)
  crossingId!: string;

  @Field(() => String)
  reason!: string;
}

@InputType()
export class LookoutListFilter {
  @Field(() => [LookoutState], { nullable: true })
  states?: LookoutState[] | null;

  @Field(() => Boolean, { nullable: true })
  international?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the taxpayer name' })
  nameContains?: string | null;

  @IdentifierField()
  @Field(() => String, { nullable: true, description: 'Exact TIN, matched by its keyed hash' })
  tin?: string | null;
}

@ObjectType({ description: 'What the TECS coordinator must act on: crossings first (time-critical first), then requests' })
export class CoordinatorQueue {
  @Field(() => [Crossing], { complexity: pagedByParent })
  crossings!: Crossing[];

  @Field(() => [Lookout], { complexity: pagedByParent })
  lookouts!: Lookout[];
}

@ObjectType({ description: 'Only what may be disclosed to the taxpayer or their representative; anything else needs DHS authorization' })
export class TaxpayerDisclosure {
  @Field(() => String)
  taxpayerName!: string;

  @Field(() => String)
  dateOfBirth!: string;

  @Field(() => String)
  placeOfCrossing!: string;

  @Field(() => Date)
  crossedAt!: Date;

  @Field(() => String)
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
