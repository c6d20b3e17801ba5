import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { sealedContentColumn } from './forms/sealed-content';
import { ReferralForm, StoredReferralContent } from './forms/form-content';
import { ReferralState } from './referral-state';

/**
 * One referral between functions, whatever the form. Due instants are stored (not derived on read)
 * so lists, filters and the SLA sweep can use indexes; `nextDueAt` is the earliest running clock.
 */
@ObjectType({
  description:
    'A referral: a Form 14566 (BMF identity theft, IRM 10.5.3.3.7), 4442 (inquiry, IRM 25.25.6) or 3210 (document transmittal) sent from one function to another, with its route, clocks and history',
})
@Entity('referral')
@Index('referral_open_next_due_idx', ['nextDueAt'], { where: `state NOT IN ('CLOSED', 'WITHDRAWN', 'RETURNED_NO_TPP')` })
@Index('referral_created_idx', ['createdAt', 'id'])
// Work queues read a function's referrals in one state, soonest due first (see the benchmark's EXPLAIN).
@Index('referral_originating_function_state_idx', ['originatingFunctionId', 'state', 'nextDueAt', 'submittedAt'])
@Index('referral_receiving_function_state_idx', ['receivingFunctionId', 'state', 'nextDueAt', 'submittedAt'])
@Index('referral_tin_hashes_idx', ['tinHashes'], { type: 'gin' })
@Index('referral_elevation_holders_idx', ['elevationHolderIds'], { type: 'gin' })
// The work queue's stand-in-reviewer branch: few referrals have one, so a small partial index.
@Index('referral_stand_in_reviewer_idx', ['standInReviewerId', 'nextDueAt'], { where: 'stand_in_reviewer_id IS NOT NULL' })
// A closure change finds the business-day clocks it may move by due time, in the one state running each (closure re-timing).
@Index('referral_review_clock_idx', ['reviewDueAt'], { where: `state = 'SUBMITTED'` })
@Index('referral_ack_clock_idx', ['ackDueAt'], { where: `state = 'FORWARDED'` })
export class Referral {
  @Field(() => UUIDResolver, { description: "The referral's id (UUID)" })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Human reference, e.g. 14566-2026-000042; safe to put in notices' })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => ReferralForm, { description: 'The form it was filed on' })
  @Column({ type: 'text' })
  form!: ReferralForm;

  @Field(() => ReferralState, { description: "Where it is on its form's route" })
  @Column({ type: 'text' })
  state!: ReferralState;

  /** Optimistic lock: a transition only applies to the version it read (concurrent actions → CONFLICT). */
  @Field(() => Int, {
    description: 'Incremented by every change: pass as expectedVersion to act only on the version you saw (else CONFLICT STALE_VERSION)',
  })
  @VersionColumn()
  version!: number;

  @Index()
  @Column({ type: 'uuid', name: 'originator_id' })
  originatorId!: string;

  @ManyToOne(() => Employee, { nullable: false })
  @JoinColumn({ name: 'originator_id' })
  originator?: Employee;

  @Column({ type: 'uuid', name: 'originating_function_id' })
  originatingFunctionId!: string;

  @ManyToOne(() => BusinessFunction, { nullable: false })
  @JoinColumn({ name: 'originating_function_id' })
  originatingFunction?: BusinessFunction;

  @Column({ type: 'uuid', name: 'receiving_function_id' })
  receivingFunctionId!: string;

  @ManyToOne(() => BusinessFunction, { nullable: false })
  @JoinColumn({ name: 'receiving_function_id' })
  receivingFunction?: BusinessFunction;

  @Index()
  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => Employee, { nullable: true })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Employee | null;

  /** Form 4442 category code (catalogue in referral_category). */
  @Column({ type: 'text', name: 'category_code', nullable: true })
  categoryCode!: string | null;

  /** A follow-up 4442 after 60 days unresolved links to the earlier one (IRM 25.25.6.6.4). */
  @Column({ type: 'uuid', name: 'follow_up_of_id', nullable: true })
  followUpOfId!: string | null;

  /** Form-specific content, validated per form; its TINs are sealed at rest (AES-GCM), never put in notices. */
  @Column({ type: 'jsonb', transformer: sealedContentColumn })
  content!: StoredReferralContent;

  /** Keyed hashes (HMAC) of the content's TINs: exact-match search without the TINs in clear. */
  @Column({ type: 'text', array: true, name: 'tin_hashes', default: () => "'{}'" })
  tinHashes!: string[];

  @Field(() => Date, { description: 'When the originating liaison last received it (start of the review clock)' })
  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Incomplete referrals go back within 3 workdays of receipt (IRM 10.5.3.3.7(3))' })
  @Column({ type: 'timestamptz', name: 'review_due_at', nullable: true })
  reviewDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the receiving function received it' })
  @Column({ type: 'timestamptz', name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Acknowledge within 3 business days of receipt (IRM 10.5.3.3.7.1(4)) unless the receiver has its own time frame',
  })
  @Column({ type: 'timestamptz', name: 'ack_due_at', nullable: true })
  ackDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the receiving function acknowledged receipt (UTC instant); null before' })
  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: '30 days from receipt for 14566 (IRM 10.5.3.3.7.1(5)); the category time frame for 4442',
  })
  @Column({ type: 'timestamptz', name: 'completion_due_at', nullable: true })
  completionDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was completed (UTC instant); null before' })
  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed, withdrawn or returned for good (UTC instant); null while open' })
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The earliest due instant among the clocks running now' })
  @Column({ type: 'timestamptz', name: 'next_due_at', nullable: true })
  nextDueAt!: Date | null;

  /** Documented by the receiving employee (IRM 10.5.3.3.7.1(6)). */
  @Field(() => [String], { nullable: true, description: 'Actions taken, documented by the receiving employee' })
  @Column({ type: 'text', array: true, name: 'actions_taken', nullable: true })
  actionsTaken!: string[] | null;

  @Field(() => String, { nullable: true, description: 'How it ended, e.g. ADDED_TO_SCHEME_LIST or RTN2PROC' })
  @Column({ type: 'text', name: 'resolution_code', nullable: true })
  resolutionCode!: string | null;

  /** 0: no disagreement; 1: with the liaisons; n ≥ 2: n-1 levels up each management chain. */
  @Field(() => Int, { description: '0 none, 1 with the liaisons, n>=2 that many-1 levels up each management chain' })
  @Column({ type: 'int', name: 'elevation_level', default: 0 })
  elevationLevel!: number;

  @Column({ type: 'uuid', array: true, name: 'elevation_holder_ids', default: () => "'{}'" })
  elevationHolderIds!: string[];

  /**
   * The other referral filed with this one in one step: a 14566 finding with IMF implications goes to both CI and
   * the EF team (IRM 10.5.3.3.8(4)). No foreign key: both rows are inserted in one transaction, each naming the other.
   */
  @Column({ type: 'uuid', name: 'linked_referral_id', nullable: true })
  linkedReferralId!: string | null;

  /**
   * Separation of duties: a liaison does not review a referral they filed. When the originator is the only liaison
   * of the originating function, their manager reviews it instead (set at filing; null otherwise).
   */
  @Column({ type: 'uuid', name: 'stand_in_reviewer_id', nullable: true })
  standInReviewerId!: string | null;

  /** When the SLA sweep must look at this referral next (reminder, breach or next escalation step). */
  @Index('referral_sla_check_idx', { where: 'sla_check_at IS NOT NULL' })
  @Column({ type: 'timestamptz', name: 'sla_check_at', nullable: true })
  slaCheckAt!: Date | null;

  @Field(() => Date, { description: 'When it was filed (UTC instant)' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed (UTC instant)' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
