import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only history of a Customs request (a trigger forbids changes); notes may hold internal reasons. */
@ObjectType({ description: 'One step of a Customs request, as recorded (append-only); disclosure officers only' })
@Entity('customs_request_history')
@Index(['requestId', 'at'])
export class CustomsRequestHistoryEntry {
  @Field(() => ID, { description: 'The entry id (ascending in the order written)' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Field(() => ID, { description: 'The Customs request' })
  @Column({ type: 'uuid', name: 'request_id' })
  requestId!: string;

  @Field(() => String, { description: 'The action, e.g. RECORDED, SCREEN_ANSWERED, ITEM_DECIDED, RELEASED' })
  @Column({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'The state before (null when the request was recorded)' })
  @Column({ type: 'text', name: 'from_state', nullable: true })
  fromState!: string | null;

  @Field(() => String, { description: 'The state after' })
  @Column({ type: 'text', name: 'to_state' })
  toState!: string;

  @Field(() => ID, { description: 'The disclosure officer who acted' })
  @Column({ type: 'uuid', name: 'actor_id' })
  actorId!: string;

  @Field(() => Date, { description: 'When (UTC instant)' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The reason or note the officer gave (internal)' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What the step changed (item numbers, screen, decision); never a TIN' })
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
