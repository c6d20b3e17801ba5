import { GraphQLJSONObject, UUIDResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a disclosure history entry is about. */
export enum DisclosureSubject {
  CUSTOMS_REQUEST = 'CUSTOMS_REQUEST',
  PAST_TRAVEL_REQUEST = 'PAST_TRAVEL_REQUEST',
}

registerEnumType(DisclosureSubject, {
  name: 'DisclosureSubject',
  description: 'What a disclosure history entry is about',
  valuesConfig: {
    CUSTOMS_REQUEST: { description: 'A written Customs request (26 CFR 301.6103(l)(14)-1)' },
    PAST_TRAVEL_REQUEST: { description: "A revenue officer's request to DHS for a taxpayer's past travel (seed 000)" },
  },
});

/** Append-only history of the disclosure workflows (a trigger forbids changes); notes may hold internal reasons. */
@ObjectType({
  description:
    'One step of a Customs request (disclosure officers) or a past-travel request (its RO, their GM, TECS coordinators), as recorded (append-only)',
})
@Entity('disclosure_history')
@Index(['subjectId', 'at'])
export class DisclosureHistoryEntry {
  @Field(() => ID, { description: 'The entry id (a number, ascending in the order written; not a UUID)' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Field(() => DisclosureSubject, { description: 'What the entry is about' })
  @Column({ type: 'text', name: 'subject_type' })
  subjectType!: DisclosureSubject;

  @Field(() => UUIDResolver, { description: 'The Customs request or past-travel request' })
  @Column({ type: 'uuid', name: 'subject_id' })
  subjectId!: string;

  @Field(() => String, { description: 'The action, e.g. RECORDED, SCREEN_ANSWERED, ITEM_DECIDED, RELEASED, REQUESTED, ANSWERED' })
  @Column({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'The state before (null when the item was created)' })
  @Column({ type: 'text', name: 'from_state', nullable: true })
  fromState!: string | null;

  @Field(() => String, { description: 'The state after' })
  @Column({ type: 'text', name: 'to_state' })
  toState!: string;

  @Field(() => UUIDResolver, { description: 'Who acted (an employee, or the DHS interface client)' })
  @Column({ type: 'uuid', name: 'actor_id' })
  actorId!: string;

  @Field(() => Date, { description: 'When (UTC instant)' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The reason or note given (internal)' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What the step changed (item numbers, screen, decision); never a TIN' })
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
