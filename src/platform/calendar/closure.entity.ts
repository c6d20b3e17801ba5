import { GraphQLJSONObject, LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from './business-calendar';

/**
 * A day (or run of days) the IRS is closed beyond the federal holidays: an executive-order day off
 * (nationwide, e.g. 2024-12-24) or a site closure for weather or an emergency (some functions). A
 * closure day in scope is not a business day for those functions. Removing one keeps the row
 * (`removedAt`) so the clock moves it caused stay explained.
 */
@ObjectType({ description: 'A day or run of days the IRS is closed beyond the federal holidays: executive-order day off or site closure' })
@Entity('closure')
@Index('closure_active_dates_idx', ['startDate', 'endDate'], { where: 'removed_at IS NULL' })
@Check('closure_dates_in_order', 'end_date >= start_date')
@Check('closure_scope', 'nationwide = (cardinality(function_ids) = 0)')
export class Closure {
  @Field(() => UUIDResolver, { description: "The closure's id (UUID)" })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalDateResolver, { description: 'First closed day, YYYY-MM-DD, local to each function in scope' })
  @Column({ type: 'date', name: 'start_date' })
  startDate!: LocalDate;

  @Field(() => LocalDateResolver, { description: 'Last closed day (inclusive), YYYY-MM-DD' })
  @Column({ type: 'date', name: 'end_date' })
  endDate!: LocalDate;

  @Field(() => Boolean, { description: 'Every function (e.g. an executive order); otherwise only `functions`' })
  @Column({ type: 'boolean' })
  nationwide!: boolean;

  /** The functions (sites) closed; empty when nationwide. */
  @Column({ type: 'uuid', array: true, name: 'function_ids', default: () => "'{}'" })
  functionIds!: string[];

  @Field(() => String, { description: 'e.g. "Executive Order 14xxx: Christmas Eve" or "Ogden campus closed: snow"' })
  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', name: 'created_by_id' })
  createdById!: string;

  // The org module's Employee, named rather than imported: the calendar knows no domain entity.
  @ManyToOne('Employee', { nullable: false })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: { id: string };

  @Field(() => Date, { description: 'When an admin added it (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Set when an admin removed it; a removed closure closes nothing' })
  @Column({ type: 'timestamptz', name: 'removed_at', nullable: true })
  removedAt!: Date | null;
}

export enum ClosureChangeKind {
  ADDED = 'ADDED',
  UPDATED = 'UPDATED',
  REMOVED = 'REMOVED',
}
registerEnumType(ClosureChangeKind, {
  name: 'ClosureChangeKind',
  description: 'What an admin did to a closure',
  valuesConfig: {
    ADDED: { description: 'The closure was added' },
    UPDATED: { description: 'Its dates, scope or reason were corrected' },
    REMOVED: { description: 'It was removed; the clocks it moved move back' },
  },
});

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): every add, correction and removal of a closure. */
@ObjectType({ description: 'One change of a closure and what it did to the open clocks' })
@Entity('closure_history')
@Index(['closureId', 'at'])
export class ClosureHistoryEntry {
  @Field(() => ID, { description: "The entry's id: a sequence number (not a UUID)" })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'closure_id' })
  closureId!: string;

  @ManyToOne(() => Closure, { nullable: false })
  @JoinColumn({ name: 'closure_id' })
  closure?: Closure;

  @Field(() => ClosureChangeKind, { description: 'What was done to the closure' })
  @Column({ type: 'text' })
  change!: ClosureChangeKind;

  @Column({ type: 'uuid', name: 'actor_id' })
  actorId!: string;

  @ManyToOne('Employee', { nullable: false })
  @JoinColumn({ name: 'actor_id' })
  actor?: { id: string };

  @Field(() => Date, { description: 'When the admin made the change (UTC instant)' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The closure before the change (null when added)' })
  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The closure after the change (null when removed)' })
  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Field(() => Int, { description: 'Open referral clocks whose due time this change moved' })
  @Column({ type: 'int', name: 'referral_clocks_moved' })
  referralClocksMoved!: number;

  @Field(() => Int, { description: 'Open OIs whose due time this change moved' })
  @Column({ type: 'int', name: 'investigations_moved' })
  investigationsMoved!: number;

  @Field(() => Int, { description: 'Recorded breaches withdrawn because the due time moved past now' })
  @Column({ type: 'int', name: 'breaches_withdrawn' })
  breachesWithdrawn!: number;
}

/**
 * One row (id 1) counting closure changes. Every transaction that starts a clock reads it under a
 * share lock and every closure change bumps it first, so a clock is never computed from closures
 * that are being changed, and each instance reloads its cached closures when the number moved.
 */
@Entity('closure_version')
@Check('closure_version_single_row', 'id = 1')
export class ClosureVersion {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'bigint', default: 0 })
  version!: string;
}
