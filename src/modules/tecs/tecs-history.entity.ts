import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum TecsSubject {
  LOOKOUT = 'LOOKOUT',
  CROSSING = 'CROSSING',
  INVESTIGATION = 'INVESTIGATION',
  CASE = 'CASE',
}
registerEnumType(TecsSubject, { name: 'TecsSubject' });

/** Append-only history of the TECS workflow (lookouts, crossings, OIs, case history); a trigger forbids changes. */
@ObjectType()
@Entity('tecs_history')
@Index(['subjectId', 'at'])
export class TecsHistoryEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Field(() => TecsSubject)
  @Column({ type: 'text', name: 'subject_type' })
  subjectType!: TecsSubject;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'subject_id' })
  subjectId!: string;

  @Field(() => String)
  @Column({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'from_state', nullable: true })
  fromState!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'to_state', nullable: true })
  toState!: string | null;

  /** null when DHS (the machine client) or the hub acted. */
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
