import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Closure, ClosureChangeKind } from '../../platform/calendar/closure.entity';
import { ReferralClock } from './referral-clocks';
import { Referral } from './referral.entity';

/**
 * A referral clock moved by a closure change: which clock, from when to when. Written in the change's
 * transaction, at the `at` of its closure_history entry; append-only (a trigger refuses changes).
 */
@ObjectType({ description: "A closure change that moved one of the referral's clocks" })
@Entity('referral_closure_effect')
@Index(['referralId', 'at'])
export class ReferralClosureEffect {
  @Field(() => ID, { description: "The effect's id: a sequence number (not a UUID)" })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'referral_id' })
  referralId!: string;

  @ManyToOne(() => Referral, { nullable: false })
  @JoinColumn({ name: 'referral_id' })
  referral?: Referral;

  @Index()
  @Column({ type: 'uuid', name: 'closure_id' })
  closureId!: string;

  @ManyToOne(() => Closure, { nullable: false })
  @JoinColumn({ name: 'closure_id' })
  closure?: Closure;

  @Field(() => ClosureChangeKind, { description: 'Whether the closure was added, corrected or removed' })
  @Column({ type: 'text' })
  change!: ClosureChangeKind;

  @Field(() => ReferralClock, { description: 'The clock that moved' })
  @Column({ type: 'text' })
  clock!: ReferralClock;

  @Field(() => Date, { description: 'When the clock was due before the change (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'previous_due_at' })
  previousDueAt!: Date;

  @Field(() => Date, { description: 'When it is due after the change (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt!: Date;

  @Field(() => Date, { description: 'When the closure change was made (UTC instant)' })
  @Column({ type: 'timestamptz' })
  at!: Date;
}
