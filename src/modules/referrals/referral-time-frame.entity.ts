import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BusinessFunction } from '../org/business-function.entity';
import { ReferralForm } from './forms/form-content';

/**
 * Time frames of one receiving function for one form. They differ by receiver (IRM 10.5.3.3.7.1(4):
 * 3 business days to acknowledge; 10.5.3.3.11(3): CAWR acknowledges within 30 days), so they are data.
 * A function without a row uses the defaults in referral-clocks.ts.
 */
@ObjectType()
@Entity('referral_time_frame')
@Unique(['functionId', 'form'])
export class ReferralTimeFrame {
  @Field(() => UUIDResolver)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'function_id' })
  functionId!: string;

  @ManyToOne(() => BusinessFunction, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'function_id' })
  function?: BusinessFunction;

  @Field(() => ReferralForm)
  @Column({ type: 'text' })
  form!: ReferralForm;

  @Field(() => Int, { nullable: true, description: 'Acknowledge within this many business days of receipt' })
  @Column({ type: 'int', name: 'ack_business_days', nullable: true })
  ackBusinessDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Acknowledge within this many calendar days of receipt' })
  @Column({ type: 'int', name: 'ack_calendar_days', nullable: true })
  ackCalendarDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Complete within this many calendar days of receipt' })
  @Column({ type: 'int', name: 'completion_calendar_days', nullable: true })
  completionCalendarDays!: number | null;

  @Field(() => String)
  @Column({ type: 'text', name: 'irm_reference' })
  irmReference!: string;
}
