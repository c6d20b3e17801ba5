import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { InvestigationKind, InvestigationOutcome, InvestigationState, LookoutDisposition } from './tecs-state';

/** An OI (other investigation) or courtesy investigation opened from a crossing and issued to a GM and RO. */
@ObjectType()
@Entity('other_investigation')
@Index('other_investigation_open_due_idx', ['dueAt'], { where: `state = 'ISSUED'` })
export class OtherInvestigation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'e.g. OI-2026-000003' })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => InvestigationKind)
  @Column({ type: 'text' })
  kind!: InvestigationKind;

  @Field(() => InvestigationState)
  @Column({ type: 'text' })
  state!: InvestigationState;

  @Field(() => Int)
  @VersionColumn()
  version!: number;

  @Column({ type: 'uuid', name: 'crossing_id', nullable: true })
  crossingId!: string | null;

  @Index()
  @Column({ type: 'uuid', name: 'lookout_id' })
  lookoutId!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Index()
  @Column({ type: 'uuid', name: 'group_manager_id' })
  groupManagerId!: string;

  @Index()
  @Column({ type: 'uuid', name: 'revenue_officer_id' })
  revenueOfficerId!: string;

  /** Everyone it was ever issued to (GMs and ROs): they keep access to the case. */
  @Column({ type: 'uuid', array: true, name: 'issued_to_ids' })
  issuedToIds!: string[];

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt!: Date;

  /**
   * Set when the due time was counted in business days (no departure date, no explicit due): that many
   * business days after opening in this function's calendar (the GM's at opening). Closures re-time only these.
   */
  @Column({ type: 'int', name: 'due_business_days', nullable: true })
  dueBusinessDays!: number | null;

  @Column({ type: 'uuid', name: 'due_function_id', nullable: true })
  dueFunctionId!: string | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean', name: 'time_critical' })
  timeCritical!: boolean;

  @Field(() => [InvestigationOutcome], { nullable: true })
  @Column({ type: 'text', array: true, nullable: true })
  outcomes!: InvestigationOutcome[] | null;

  @Field(() => LookoutDisposition, { nullable: true })
  @Column({ type: 'text', name: 'lookout_disposition', nullable: true })
  lookoutDisposition!: LookoutDisposition | null;

  /** SLA escalation level reached (0 none), like referrals. */
  @Field(() => Int)
  @Column({ type: 'int', name: 'escalation_level', default: 0 })
  escalationLevel!: number;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'opened_at' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}
