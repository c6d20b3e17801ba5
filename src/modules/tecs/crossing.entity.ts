import { UUIDResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sealedColumn } from '../../platform/security/taxpayer-data-cipher';
import { CrossingDirection, CrossingStatus } from './tecs-state';

/**
 * A DHS report that a taxpayer is crossing into (or out of) the U.S. Kept whether or not it matches an
 * active lookout: an unmatched report is flagged for the coordinator, never dropped.
 */
@ObjectType({
  description:
    'A DHS report that a taxpayer is crossing into (or out of) the U.S. (IRM 5.1.18.13.7, seed 000); seen by those on the TECS case. Only name, date of birth, place, date and time of crossing and document number may be disclosed to the taxpayer or their representative; never to third parties',
})
@Entity('crossing')
@Index('crossing_queue_idx', ['status', 'receivedAt'])
export class Crossing {
  @Field(() => UUIDResolver, { description: 'The crossing id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** DHS's own id of the report: reporting it again returns this crossing instead of a second one. */
  @Field(() => String, { description: "DHS's own id of the report (reporting it again returns this crossing)" })
  @Column({ type: 'text', name: 'dhs_report_id', unique: true })
  dhsReportId!: string;

  @Field(() => String, { description: 'e.g. CR-2026-000004; safe to put in notices' })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => CrossingStatus, { description: 'Where the report stands with the TECS coordinator' })
  @Column({ type: 'text' })
  status!: CrossingStatus;

  @Index()
  @Column({ type: 'uuid', name: 'lookout_id', nullable: true })
  lookoutId!: string | null;

  @Field(() => Boolean, {
    description: 'No active lookout matched the name and date of birth: kept and flagged for the coordinator, never dropped',
  })
  @Column({ type: 'boolean' })
  flagged!: boolean;

  @Field(() => String, { description: "The traveller's name as DHS reported it (disclosable to the taxpayer or representative)" })
  @Column({ type: 'text', name: 'taxpayer_name' })
  taxpayerName!: string;

  /** As DHS reported it, sealed at rest. */
  @Column({ type: 'text', name: 'date_of_birth', transformer: sealedColumn })
  dateOfBirth!: string;

  @Field(() => String, {
    description: 'Where the taxpayer crossed, e.g. the port of entry (disclosable to the taxpayer or representative)',
  })
  @Column({ type: 'text', name: 'place_of_crossing' })
  placeOfCrossing!: string;

  @Field(() => Date, { description: 'Date and time of crossing (UTC instant; disclosable to the taxpayer or representative)' })
  @Column({ type: 'timestamptz', name: 'crossed_at' })
  crossedAt!: Date;

  @Field(() => CrossingDirection, { description: 'Into or out of the U.S. (disclosure needs DHS authorization)' })
  @Column({ type: 'text' })
  direction!: CrossingDirection;

  @Column({ type: 'text', name: 'document_number' })
  documentNumber!: string;

  @Field(() => String, {
    nullable: true,
    description: "The taxpayer's U.S. employer, when DHS reported it (a possible levy source; disclosure needs DHS authorization)",
  })
  @Column({ type: 'text', name: 'us_employer', nullable: true })
  usEmployer!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The taxpayer's U.S. address, when DHS reported it (disclosure needs DHS authorization)",
  })
  @Column({ type: 'text', name: 'us_address', nullable: true })
  usAddress!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The taxpayer's U.S. phone number, when DHS reported it (disclosure needs DHS authorization)",
  })
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the taxpayer is staying, e.g. a hotel, when DHS reported it (disclosure needs DHS authorization)',
  })
  @Column({ type: 'text', name: 'staying_at', nullable: true })
  stayingAt!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the taxpayer plans to leave, when DHS reported it (UTC instant); the OI is due by then (disclosure needs DHS authorization)',
  })
  @Column({ type: 'timestamptz', name: 'planned_departure_at', nullable: true })
  plannedDepartureAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the taxpayer goes next, e.g. Mexico, when DHS reported it (disclosure needs DHS authorization)',
  })
  @Column({ type: 'text', name: 'next_destination', nullable: true })
  nextDestination!: string | null;

  @Field(() => Boolean, {
    description:
      'The taxpayer leaves within TECS_TIME_CRITICAL_DAYS days (7 by default) of the report: first in the queue, notices sent at once (seed 000: time-sensitive information)',
  })
  @Column({ type: 'boolean', name: 'time_critical' })
  timeCritical!: boolean;

  @Field(() => Date, { description: 'When the hub received the report from DHS (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
