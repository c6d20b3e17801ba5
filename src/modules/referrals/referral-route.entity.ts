import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Employee } from '../org/employee.entity';
import { ReferralForm } from './forms/referral-form';

/** The purpose of a route that applies to every referral of its form (4442 and 3210 carry no purpose). */
export const ANY_PURPOSE = '*';

/**
 * Where a form goes, as reference data shipped by a migration and edited by admins: the receiving functions (by
 * their code, so the data holds on any installation) for a form and, for a 14566, its purpose (IRM 10.5.3.3.8(4),
 * 10.5.3.3.9-.12; IRM 25.25.6: a 4442 or 3210 goes to RIVO only), and the time frames that receiver is given.
 * A form and purpose without a route may go to any other function.
 */
@ObjectType('ReferralRoute', {
  description: 'Which functions a form (and, for a 14566, its purpose) may be filed to, and their time frames',
})
@Entity('referral_route')
export class ReferralRoute {
  @Field(() => ReferralForm, { description: 'The form the route is for' })
  @PrimaryColumn({ type: 'text' })
  form!: ReferralForm;

  /** ANY_PURPOSE for 4442/3210; a Referral14566Purpose value for a 14566. */
  @PrimaryColumn({ type: 'text' })
  purpose!: string;

  @Field(() => [String], {
    description: 'Codes of the functions that may receive it (e.g. RICS-RIVO); the function with one of these codes is the receiver',
  })
  @Column({ type: 'text', array: true, name: 'receiving_function_codes' })
  receivingFunctionCodes!: string[];

  @Field(() => Int, { nullable: true, description: 'Form 14566: acknowledge within this many business days of receipt' })
  @Column({ type: 'int', name: 'ack_business_days', nullable: true })
  ackBusinessDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Form 14566: acknowledge within this many calendar days of receipt (CAWR: 30)' })
  @Column({ type: 'int', name: 'ack_calendar_days', nullable: true })
  ackCalendarDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Form 14566: complete within this many calendar days of receipt (EF, CI: 30)' })
  @Column({ type: 'int', name: 'completion_calendar_days', nullable: true })
  completionCalendarDays!: number | null;

  @Field(() => String, { description: 'The IRM paragraph the route and its time frames come from' })
  @Column({ type: 'text', name: 'irm_reference' })
  irmReference!: string;

  @Field(() => Date, { description: 'When the route last changed (UTC)' })
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

/** One change of a route by an admin: append-only (a database trigger refuses UPDATE, DELETE and TRUNCATE). */
@ObjectType('ReferralRouteChange', { description: 'An admin change of a referral route, with the route before and after' })
@Entity('referral_route_change')
@Index(['form', 'purpose', 'at'])
export class ReferralRouteChange {
  @Field(() => ID, { description: "The change's id: a sequence number (not a UUID), increasing with time" })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  form!: ReferralForm;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'uuid', name: 'actor_id' })
  actorId!: string;

  @ManyToOne(() => Employee, { nullable: false })
  @JoinColumn({ name: 'actor_id' })
  actor?: Employee;

  @Field(() => Date, { description: 'When the admin changed the route (UTC)' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The route before the change; null when the change created it' })
  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { description: 'The route after the change' })
  @Column({ type: 'jsonb' })
  after!: Record<string, unknown>;
}
