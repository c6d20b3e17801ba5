import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum SlaEventKind {
  REMINDER = 'REMINDER',
  BREACH = 'BREACH',
  ESCALATION = 'ESCALATION',
}

/**
 * One SLA event of one clock, recorded once: the unique key makes a second sweep (or a second
 * instance) insert nothing, so nothing is notified twice. A restarted clock has a new due instant.
 */
@Entity('referral_sla_event')
@Unique('referral_sla_event_once', ['referralId', 'clock', 'dueAt', 'kind', 'level'])
export class ReferralSlaEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'referral_id' })
  referralId!: string;

  @Column({ type: 'text' })
  clock!: string;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt!: Date;

  @Column({ type: 'text' })
  kind!: SlaEventKind;

  /** 0 for reminders and breaches; n for the n-th manager up the chain. */
  @Column({ type: 'int', default: 0 })
  level!: number;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
