import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RepresentativeAuthorityForm, TecsDisclosureField, TecsRecipientKind } from './tecs-disclosure-state';

/**
 * DHS's authorization to disclose facts of a crossing beyond the five of seed 000, to one recipient
 * ("Any additional information requires authorization from DHS"). Never changed once recorded.
 */
@ObjectType({
  description:
    'A DHS authorization to disclose more facts of a crossing or past-travel answer to one recipient (seed 000: any additional information requires authorization from DHS); seen by those on the TECS case',
})
@Entity('dhs_disclosure_authorization')
@Index(['crossingId'])
@Index('dhs_disclosure_authorization_past_travel_idx', ['pastTravelRequestId'])
export class DhsDisclosureAuthorization {
  @Field(() => UUIDResolver, { description: 'The authorization id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => UUIDResolver, { nullable: true, description: 'The crossing it applies to (null when it is of a past-travel answer)' })
  @Column({ type: 'uuid', name: 'crossing_id', nullable: true })
  crossingId!: string | null;

  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'The answered past-travel request it applies to (null when it is of a crossing)',
  })
  @Column({ type: 'uuid', name: 'past_travel_request_id', nullable: true })
  pastTravelRequestId!: string | null;

  @Field(() => String, { description: "DHS's reference of the authorization" })
  @Column({ type: 'text', name: 'dhs_reference' })
  dhsReference!: string;

  @Field(() => TecsRecipientKind, { description: 'Taxpayer or representative' })
  @Column({ type: 'text', name: 'recipient_kind' })
  recipientKind!: TecsRecipientKind;

  @Field(() => String, { nullable: true, description: "The representative's name (null for the taxpayer)" })
  @Column({ type: 'text', name: 'recipient_name', nullable: true })
  recipientName!: string | null;

  /** How the recipient is matched: the kind, and the representative's name in upper case, single-spaced. */
  @Column({ type: 'text', name: 'recipient_key' })
  recipientKey!: string;

  @Field(() => [TecsDisclosureField], { description: 'The further fields DHS authorized' })
  @Column({ type: 'text', array: true })
  fields!: TecsDisclosureField[];

  @Field(() => LocalDateResolver, { description: 'The date DHS gave the authorization (calendar date)' })
  @Column({ type: 'date', name: 'authorized_on' })
  authorizedOn!: string;

  @Field(() => UUIDResolver, { description: 'Who recorded it' })
  @Column({ type: 'uuid', name: 'recorded_by_id' })
  recordedById!: string;

  @Field(() => Date, { description: 'When it was recorded (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}

/** One disclosure of TECS information to the taxpayer or their representative (append-only). */
@ObjectType({
  description:
    'A disclosure of TECS information to the taxpayer or their representative (seed 000), as recorded (append-only); seen by those on the TECS case',
})
@Entity('tecs_disclosure')
@Index(['crossingId', 'disclosedAt'])
@Index('tecs_disclosure_past_travel_idx', ['pastTravelRequestId', 'disclosedAt'])
export class TecsDisclosure {
  @Field(() => UUIDResolver, { description: 'The disclosure id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => UUIDResolver, { nullable: true, description: 'The crossing whose facts were disclosed (null for a past-travel answer)' })
  @Column({ type: 'uuid', name: 'crossing_id', nullable: true })
  crossingId!: string | null;

  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'The answered past-travel request whose facts were disclosed (null for a crossing)',
  })
  @Column({ type: 'uuid', name: 'past_travel_request_id', nullable: true })
  pastTravelRequestId!: string | null;

  /** The lookout the crossing matched (null for a past-travel answer, which names the taxpayer itself). */
  @Column({ type: 'uuid', name: 'lookout_id', nullable: true })
  lookoutId!: string | null;

  @Field(() => TecsRecipientKind, { description: 'Taxpayer or representative' })
  @Column({ type: 'text', name: 'recipient_kind' })
  recipientKind!: TecsRecipientKind;

  @Field(() => String, { nullable: true, description: "The representative's name (null for the taxpayer)" })
  @Column({ type: 'text', name: 'recipient_name', nullable: true })
  recipientName!: string | null;

  @Field(() => RepresentativeAuthorityForm, { nullable: true, description: "The representative's authority on file" })
  @Column({ type: 'text', name: 'authority_form', nullable: true })
  authorityForm!: RepresentativeAuthorityForm | null;

  @Field(() => String, { nullable: true, description: 'The reference of that authority (e.g. the CAF or the form on file)' })
  @Column({ type: 'text', name: 'authority_reference', nullable: true })
  authorityReference!: string | null;

  @Field(() => [Int], { description: 'The tax years the authority covers (empty for the taxpayer)' })
  @Column({ type: 'int', array: true, name: 'authority_tax_years' })
  authorityTaxYears!: number[];

  @Field(() => [TecsDisclosureField], { description: 'The fields disclosed' })
  @Column({ type: 'text', array: true })
  fields!: TecsDisclosureField[];

  @Field(() => [UUIDResolver], { description: 'The DHS authorizations the further fields were disclosed under' })
  @Column({ type: 'uuid', array: true, name: 'dhs_authorization_ids' })
  dhsAuthorizationIds!: string[];

  @Field(() => UUIDResolver, { description: 'The IRS employee who disclosed' })
  @Column({ type: 'uuid', name: 'disclosed_by_id' })
  disclosedById!: string;

  @Field(() => Date, { description: 'When (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'disclosed_at' })
  disclosedAt!: Date;
}
