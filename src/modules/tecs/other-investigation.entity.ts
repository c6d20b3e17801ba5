import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { InvestigationKind, InvestigationOutcome, InvestigationState, LookoutDisposition } from './tecs-state';

/** An OI (other investigation) or courtesy investigation opened from a crossing and issued to a GM and RO. */
@ObjectType({
  description:
    'An OI (other investigation) or courtesy investigation the TECS coordinator opened from a crossing and issued to a GM and RO for action (IRM 5.1.18.13.7, seed 000); seen by those it was issued to and those on the TECS case',
})
@Entity('other_investigation')
@Index('other_investigation_open_due_idx', ['dueAt'], { where: `state = 'ISSUED'` })
export class OtherInvestigation {
  @Field(() => UUIDResolver, { description: 'The OI id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: "The hub's reference of the OI, e.g. OI-2026-000003; safe to put in notices" })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => InvestigationKind, { description: 'OI or courtesy investigation' })
  @Column({ type: 'text' })
  kind!: InvestigationKind;

  @Field(() => InvestigationState, { description: 'Issued (open) or closed' })
  @Column({ type: 'text' })
  state!: InvestigationState;

  @Field(() => Int, { description: 'Optimistic-locking version (changes on every reissue or closure)' })
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

  @Field(() => Date, {
    description:
      "When action is due (UTC instant): the date the coordinator set, else the taxpayer's planned departure, else OI_DUE_BUSINESS_DAYS (5 by default) business days after opening in the GM's function calendar; overdue OIs escalate up the GM's management chain (hub rule)",
  })
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

  @Field(() => Boolean, {
    description:
      'Copied from the crossing: the taxpayer leaves soon, so the OI notices go out at once (seed 000: time-sensitive, immediate action)',
  })
  @Column({ type: 'boolean', name: 'time_critical' })
  timeCritical!: boolean;

  @Field(() => [InvestigationOutcome], { nullable: true, description: 'What the OI achieved, given at closure; null while issued' })
  @Column({ type: 'text', array: true, nullable: true })
  outcomes!: InvestigationOutcome[] | null;

  @Field(() => LookoutDisposition, {
    nullable: true,
    description: 'Whether the taxpayer remains on the lookout or is to be removed, given at closure; null while issued',
  })
  @Column({ type: 'text', name: 'lookout_disposition', nullable: true })
  lookoutDisposition!: LookoutDisposition | null;

  @Field(() => Int, {
    description:
      "How far up the GM's management chain the overdue OI was escalated: 0 not overdue; n: past due (GM and RO told) and escalated to the n-th manager above the GM, one more per business day overdue (hub rule, like referrals)",
  })
  @Column({ type: 'int', name: 'escalation_level', default: 0 })
  escalationLevel!: number;

  @Field(() => Date, { description: 'When the coordinator opened and issued it (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'opened_at' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its GM or RO closed it (UTC instant); null while issued' })
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}
