import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sealedColumn } from '../../platform/security/taxpayer-data-cipher';
import { CrossingDirection, CrossingStatus } from './tecs-state';

/**
 * A DHS report that a taxpayer is crossing into (or out of) the U.S. Kept whether or not it matches an
 * active lookout: an unmatched report is flagged for the coordinator, never dropped.
 */
@ObjectType()
@Entity('crossing')
@Index('crossing_queue_idx', ['status', 'receivedAt'])
export class Crossing {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** DHS's own id of the report: reporting it again returns this crossing instead of a second one. */
  @Field(() => String)
  @Column({ type: 'text', name: 'dhs_report_id', unique: true })
  dhsReportId!: string;

  @Field(() => String, { description: 'e.g. CR-2026-000004; safe to put in notices' })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => CrossingStatus)
  @Column({ type: 'text' })
  status!: CrossingStatus;

  @Index()
  @Column({ type: 'uuid', name: 'lookout_id', nullable: true })
  lookoutId!: string | null;

  @Field(() => Boolean, { description: 'No active lookout matched: the coordinator must look at it' })
  @Column({ type: 'boolean' })
  flagged!: boolean;

  @Field(() => String)
  @Column({ type: 'text', name: 'taxpayer_name' })
  taxpayerName!: string;

  /** As DHS reported it, sealed at rest. */
  @Column({ type: 'text', name: 'date_of_birth', transformer: sealedColumn })
  dateOfBirth!: string;

  @Field(() => String)
  @Column({ type: 'text', name: 'place_of_crossing' })
  placeOfCrossing!: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'crossed_at' })
  crossedAt!: Date;

  @Field(() => CrossingDirection)
  @Column({ type: 'text' })
  direction!: CrossingDirection;

  @Column({ type: 'text', name: 'document_number' })
  documentNumber!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'us_employer', nullable: true })
  usEmployer!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'us_address', nullable: true })
  usAddress!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the taxpayer is staying' })
  @Column({ type: 'text', name: 'staying_at', nullable: true })
  stayingAt!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'planned_departure_at', nullable: true })
  plannedDepartureAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'next_destination', nullable: true })
  nextDestination!: string | null;

  @Field(() => Boolean, { description: 'The taxpayer leaves soon: act at once' })
  @Column({ type: 'boolean', name: 'time_critical' })
  timeCritical!: boolean;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
