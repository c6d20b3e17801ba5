import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Employee } from '../org/employee.entity';
import { ReferralAction, ReferralState } from './referral-state';
import { Referral } from './referral.entity';

/** Append-only: a database trigger rejects UPDATE and DELETE (see the migration). */
@ObjectType({
  description: 'One step in the life of a referral: who did what, when, from which state to which; never changed once written',
})
@Entity('referral_history')
@Index(['referralId', 'at'])
export class ReferralHistoryEntry {
  @Field(() => ID, { description: "The entry's id: a sequence number (not a UUID), increasing with time" })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'referral_id' })
  referralId!: string;

  @ManyToOne(() => Referral, { nullable: false })
  @JoinColumn({ name: 'referral_id' })
  referral?: Referral;

  @Field(() => ReferralAction, { description: 'The step taken: a transition of the route, or an entry the hub records itself' })
  @Column({ type: 'text' })
  action!: ReferralAction;

  @Field(() => ReferralState, { nullable: true, description: 'The state before the step; null for the filing' })
  @Column({ type: 'text', name: 'from_state', nullable: true })
  fromState!: ReferralState | null;

  @Field(() => ReferralState, { description: 'The state after the step (the same as before for entries that change no state)' })
  @Column({ type: 'text', name: 'to_state' })
  toState!: ReferralState;

  /** null for the hub itself (SLA breaches and escalations). */
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => Employee, { nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: Employee;

  @Field(() => Date, { description: 'When it happened (UTC instant)' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The note given with the step, if any' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Action-specific facts, e.g. missing items, the assignee, elevation holders; never taxpayer data. */
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'What the step recorded besides the note, by action (e.g. missingItems, actionsTaken, the elevation level, the document id)',
  })
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
