import { UUIDResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditKind {
  READ = 'READ',
  MUTATION = 'MUTATION',
  /** A full TIN was shown through an explicit unmask field. */
  UNMASK = 'UNMASK',
}
registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: 'What kind of access an audit entry records',
  valuesConfig: {
    READ: { description: 'A read of items carrying taxpayer or TECS data' },
    MUTATION: { description: 'A change (every mutation is audited)' },
    UNMASK: { description: 'A full TIN was shown through an explicit unmask field (unmaskedTins)' },
  },
});

/** Whether the access was allowed, or refused (FORBIDDEN, or NOT_FOUND for an item that exists). */
export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'Whether an access was allowed or refused',
  valuesConfig: {
    ALLOWED: { description: 'The access was allowed' },
    FORBIDDEN: { description: "Refused: the caller's roles do not allow the operation" },
    NOT_FOUND: { description: 'Refused: the item exists but the caller may not see it (answered like a missing item)' },
  },
});

/**
 * Append-only access audit: who read or changed which item carrying taxpayer or TECS data, which fields,
 * when, from where, and who was refused what. Database triggers refuse UPDATE, DELETE and TRUNCATE.
 */
@ObjectType({
  description:
    'One access to an item carrying taxpayer or TECS data, or one refusal: who, what, when, from where; append-only (readable by admins and auditors)',
})
@Entity('access_audit')
@Index('access_audit_at_idx', ['at'])
@Index('access_audit_actor_idx', ['actorId', 'at'])
@Index('access_audit_items_idx', ['itemIds'], { type: 'gin' })
@Index('access_audit_outcome_idx', ['outcome', 'at'])
export class AccessAuditEntry {
  @Field(() => ID, { description: "The entry's id: a sequence number (not a UUID), increasing with time" })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Field(() => Date, { description: 'When the access happened (UTC instant)' })
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'The id (UUID) of the employee who called; null when no employee could be identified',
  })
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Field(() => AuditKind, { description: 'A read, a change, or a full TIN shown' })
  @Column({ type: 'text' })
  kind!: AuditKind;

  @Field(() => String, { description: 'The GraphQL operation (root field), e.g. acknowledgeReferral' })
  @Column({ type: 'text' })
  operation!: string;

  @Field(() => [String], { description: 'The ids of the items read or changed (referrals, lookouts, crossings, OIs, ...)' })
  @Column({ type: 'text', array: true, name: 'item_ids' })
  itemIds!: string[];

  @Field(() => [String], { description: 'Fields read, or input fields given' })
  @Column({ type: 'text', array: true })
  fields!: string[];

  @Field(() => String, { description: "The HTTP request's x-request-id (given by the client or the hub), to find it in the logs" })
  @Column({ type: 'text', name: 'request_id' })
  requestId!: string;

  @Field(() => String, { description: "The caller's IP address, as seen through the configured trusted proxies" })
  @Column({ type: 'text', name: 'client_address' })
  clientAddress!: string;

  @Field(() => AuditOutcome, { description: 'Allowed, or how it was refused' })
  @Column({ type: 'text', default: AuditOutcome.ALLOWED })
  outcome!: AuditOutcome;
}
