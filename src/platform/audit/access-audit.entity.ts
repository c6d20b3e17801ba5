import { UUIDResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditKind {
  READ = 'READ',
  MUTATION = 'MUTATION',
  /** A full TIN was shown through an explicit unmask field. */
  UNMASK = 'UNMASK',
}
registerEnumType(AuditKind, { name: 'AuditKind' });

/** Whether the access was allowed, or refused (FORBIDDEN, or NOT_FOUND for an item that exists). */
export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

/**
 * Append-only access audit: who read or changed which item carrying taxpayer or TECS data, which fields,
 * when, from where, and who was refused what. Database triggers refuse UPDATE, DELETE and TRUNCATE.
 */
@ObjectType()
@Entity('access_audit')
@Index('access_audit_at_idx', ['at'])
@Index('access_audit_actor_idx', ['actorId', 'at'])
@Index('access_audit_items_idx', ['itemIds'], { type: 'gin' })
@Index('access_audit_outcome_idx', ['outcome', 'at'])
export class AccessAuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => UUIDResolver, { nullable: true })
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Field(() => AuditKind)
  @Column({ type: 'text' })
  kind!: AuditKind;

  @Field(() => String, { description: 'The GraphQL operation (root field), e.g. acknowledgeReferral' })
  @Column({ type: 'text' })
  operation!: string;

  @Field(() => [String])
  @Column({ type: 'text', array: true, name: 'item_ids' })
  itemIds!: string[];

  @Field(() => [String], { description: 'Fields read, or input fields given' })
  @Column({ type: 'text', array: true })
  fields!: string[];

  @Field(() => String)
  @Column({ type: 'text', name: 'request_id' })
  requestId!: string;

  @Field(() => String)
  @Column({ type: 'text', name: 'client_address' })
  clientAddress!: string;

  @Field(() => AuditOutcome)
  @Column({ type: 'text', default: AuditOutcome.ALLOWED })
  outcome!: AuditOutcome;
}
