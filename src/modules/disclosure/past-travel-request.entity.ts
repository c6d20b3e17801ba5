import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { boundedListCost } from '../../platform/graphql/page-cost';
import { sealedColumn } from '../../platform/security/taxpayer-data-cipher';
import { LIST_MAX } from '../../platform/validation/checked';
import { TinType } from '../../platform/validation/identifiers';
import { CrossingDirection } from '../tecs/tecs-state';

/** Where a past-travel request stands. */
export enum PastTravelState {
  REQUESTED = 'REQUESTED',
  WITH_DHS = 'WITH_DHS',
  ANSWERED = 'ANSWERED',
  DECLINED = 'DECLINED',
}

registerEnumType(PastTravelState, {
  name: 'PastTravelState',
  description: "Where a revenue officer's request for a taxpayer's past travel stands (seed 000)",
  valuesConfig: {
    REQUESTED: { description: 'With the TECS coordinator' },
    WITH_DHS: { description: 'Sent by the coordinator to DHS' },
    ANSWERED: { description: 'DHS answered (the trips are on the request)' },
    DECLINED: { description: 'The coordinator did not send it to DHS (reason in the history)' },
  },
});

/** One trip DHS reported in its answer. */
@ObjectType({ description: 'One crossing of the taxpayer DHS reported in answer to a past-travel request' })
export class PastTrip {
  @Field(() => Date, { description: 'Date and time of crossing (UTC instant)' })
  crossedAt!: Date;

  @Field(() => String, { description: 'Place of crossing' })
  placeOfCrossing!: string;

  @Field(() => CrossingDirection, { description: 'Into or out of the U.S.' })
  direction!: CrossingDirection;

  @Field(() => String, { description: 'Travel document number' })
  documentNumber!: string;
}

/**
 * A revenue officer's request for TECS information on a taxpayer's past travel to and from the U.S. (seed 000), sent
 * through the TECS coordinator to DHS and answered by the DHS client. Visible to the RO, their GM and the coordinators.
 */
@ObjectType({
  description:
    "A revenue officer's request for a taxpayer's past travel, through the TECS coordinator to DHS (IRM 5.1.18.13.7, seed 000); seen by the requesting RO, their GM and the TECS coordinators (the DHS client: those sent to DHS, through pastTravelRequestsWithDhs)",
})
@Entity('past_travel_request')
@Index('past_travel_request_state_idx', ['state'])
export class PastTravelRequest {
  @Field(() => UUIDResolver, { description: 'The request id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'e.g. PT-2026-000001; safe to put in notices' })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => PastTravelState, { description: 'Where the request stands' })
  @Column({ type: 'text' })
  state!: PastTravelState;

  @Field(() => Int, { description: 'Optimistic-locking version: pass it back as expectedVersion' })
  @VersionColumn()
  version!: number;

  @Field(() => String, { description: "The taxpayer's name" })
  @Column({ type: 'text', name: 'taxpayer_name' })
  taxpayerName!: string;

  /** YYYY-MM-DD, sealed at rest. */
  @Column({ type: 'text', name: 'date_of_birth', transformer: sealedColumn })
  dateOfBirth!: string;

  /** Sealed at rest (AES-GCM). */
  @Column({ type: 'text', transformer: sealedColumn })
  tin!: string;

  @Field(() => TinType, { description: 'The kind of TIN' })
  @Column({ type: 'text', name: 'tin_type' })
  tinType!: TinType;

  /** Keyed hash of the TIN. */
  @Index()
  @Column({ type: 'text', name: 'tin_hash' })
  tinHash!: string;

  @Field(() => LocalDateResolver, { description: 'First day of the travel asked about (calendar date)' })
  @Column({ type: 'date', name: 'travel_from' })
  travelFrom!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the travel asked about (calendar date)' })
  @Column({ type: 'date', name: 'travel_to' })
  travelTo!: string;

  @Field(() => [Int], {
    description:
      "The tax years of the case (four digits each); a representative's authority must cover them all before the answer is disclosed to them",
  })
  @Column({ type: 'int', array: true, name: 'tax_years', default: () => "'{}'" })
  taxYears!: number[];

  @Field(() => String, { description: 'Why the revenue officer needs it (the collection purpose)' })
  @Column({ type: 'text' })
  reason!: string;

  @Field(() => UUIDResolver, { description: 'The requesting revenue officer' })
  @Index()
  @Column({ type: 'uuid', name: 'revenue_officer_id' })
  revenueOfficerId!: string;

  @Field(() => UUIDResolver, { description: "The revenue officer's group manager when the request was made" })
  @Index()
  @Column({ type: 'uuid', name: 'group_manager_id' })
  groupManagerId!: string;

  @Field(() => String, { nullable: true, description: "DHS's reference of its answer" })
  @Column({ type: 'text', name: 'dhs_reference', nullable: true })
  dhsReference!: string | null;

  @Field(() => [PastTrip], {
    nullable: true,
    description: `The trips DHS reported (at most ${LIST_MAX}); null until answered`,
    complexity: boundedListCost(LIST_MAX),
  })
  @Column({ type: 'jsonb', nullable: true })
  trips!: PastTrip[] | null;

  @Field(() => Date, { description: 'When the request was made (UTC instant)' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed (UTC instant)' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
