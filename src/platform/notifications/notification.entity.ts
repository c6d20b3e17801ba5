import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum NotificationStatus {
  /** Waiting for (or being retried by) the delivery worker. */
  PENDING = 'PENDING',
  /** Held for the recipient's daily digest. */
  DIGEST_PENDING = 'DIGEST_PENDING',
  SENT = 'SENT',
  /** Sent as part of a digest notification. */
  DIGESTED = 'DIGESTED',
  /** Dead letter: rejected permanently or out of retries; an admin can retry it. */
  FAILED = 'FAILED',
}
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'Where a notice is in delivery',
  valuesConfig: {
    PENDING: { description: 'Waiting for (or being retried by) the delivery worker' },
    DIGEST_PENDING: { description: "Held for the recipient's daily digest" },
    SENT: { description: 'Accepted by the mail server' },
    DIGESTED: { description: 'Sent as part of a daily digest' },
    FAILED: { description: 'Dead letter: refused for good or out of retries; an admin can retry it' },
  },
});

/**
 * The outbox row of one notice to one person, written in the same transaction as the change that
 * causes it. It names the referral, never its content: notices carry no taxpayer data.
 */
@ObjectType({ description: 'One notice (e-mail) to one employee, from the outbox; names the referral or case, never taxpayer data' })
@Entity('notification')
@Index('notification_status_recipient_idx', ['status', 'recipientId'])
export class Notification {
  @Field(() => UUIDResolver, { description: "The notice's id (UUID)" })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'What the notice is about, e.g. REFERRAL_FORWARDED or SLA_BREACH' })
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid', name: 'recipient_id' })
  recipientId!: string;

  // The org module's Employee and the referrals module's Referral, named rather than imported: notifications
  // know no domain entity.
  @ManyToOne('Employee', { nullable: false })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: { id: string };

  @Index()
  @Column({ type: 'uuid', name: 'referral_id', nullable: true })
  referralId!: string | null;

  @ManyToOne('Referral', { nullable: true })
  @JoinColumn({ name: 'referral_id' })
  referral?: { id: string } | null;

  /** A notice about something other than a referral (a TECS lookout, crossing or investigation). */
  @Column({ type: 'text', name: 'subject_type', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'uuid', name: 'subject_id', nullable: true })
  subjectId!: string | null;

  /** Urgent notices (breaches, escalations, elevations, reminders) are never held for a digest. */
  @Field(() => Boolean, {
    description: 'Urgent notices (breaches, escalations, reminders) are sent at once even to employees on the daily digest',
  })
  @Column({ type: 'boolean' })
  urgent!: boolean;

  @Field(() => NotificationStatus, { description: 'Where it is in delivery' })
  @Column({ type: 'text' })
  status!: NotificationStatus;

  /** Safe facts for the template: the clock, its due instant, an escalation level. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  facts!: NotificationFacts;

  @Field(() => Int, { description: 'Delivery attempts made so far' })
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Field(() => String, { nullable: true, description: "The mail server's last refusal, if any" })
  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Field(() => String, { nullable: true, description: 'The Message-ID header of the e-mail sent; null until sent' })
  @Column({ type: 'text', name: 'message_id', nullable: true })
  messageId!: string | null;

  /** The digest notification that carried this one. */
  @Column({ type: 'uuid', name: 'digest_id', nullable: true })
  digestId!: string | null;

  /** The delivery attempt that holds the notice now (claimed, being sent); null when none does. */
  @Column({ type: 'uuid', name: 'claim_token', nullable: true })
  claimToken!: string | null;

  /** When that claim lapses (the database's clock): a worker that died mid-send holds it no longer. */
  @Column({ type: 'timestamptz', name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;

  @Field(() => Date, { description: 'When it was written to the outbox (UTC instant), with the change that caused it' })
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the mail server accepted it (UTC instant); null until then' })
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}

export interface NotificationFacts {
  clock?: string;
  dueAt?: string;
  escalationLevel?: number;
  actorId?: string;
}
