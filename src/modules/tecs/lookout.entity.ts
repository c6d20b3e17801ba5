import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { TinType } from '../../platform/validation/identifiers';
import { sealedColumn } from '../../platform/security/taxpayer-data-cipher';
import { LookoutState } from './tecs-state';

export interface StoredTaxPeriod {
  mft: string;
  taxPeriod: string;
}

/**
 * A taxpayer on (or asked onto) the TECS lookout list: the Form 6668 TECS Entry Request and what followed.
 * Holds taxpayer data; visible only to the roles on the case (see tecs-access.ts).
 */
@ObjectType({
  description:
    'A taxpayer on (or asked onto) the TECS lookout indicator list: the Form 6668 TECS Entry Request and what followed (IRM 5.1.18.13.7, seed 000); seen only by those on the TECS case (its RO and GM, the coordinator, CI once sent for entry, any GM/RO an OI was issued to)',
})
@Entity('lookout')
@Index('lookout_state_idx', ['state'])
@Index('lookout_identity_idx', ['taxpayerNameKey', 'dateOfBirthHash'])
@Index('lookout_tin_hash_idx', ['tinHash'])
export class Lookout {
  @Field(() => UUIDResolver, { description: 'The lookout id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: "The hub's reference of the Form 6668 request, e.g. 6668-2026-000007; safe to put in notices" })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => LookoutState, { description: 'Where the lookout stands' })
  @Column({ type: 'text' })
  state!: LookoutState;

  @Field(() => Int, { description: 'Optimistic-locking version: pass it back as expectedVersion' })
  @VersionColumn()
  version!: number;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Index()
  @Column({ type: 'uuid', name: 'revenue_officer_id' })
  revenueOfficerId!: string;

  @Index()
  @Column({ type: 'uuid', name: 'group_manager_id' })
  groupManagerId!: string;

  @Field(() => String, {
    description: "The taxpayer's name as the revenue officer gave it (DHS reports are matched on it with the date of birth)",
  })
  @Column({ type: 'text', name: 'taxpayer_name' })
  taxpayerName!: string;

  /** Upper-case, single-spaced name for matching DHS reports. */
  @Column({ type: 'text', name: 'taxpayer_name_key' })
  taxpayerNameKey!: string;

  /** YYYY-MM-DD, sealed at rest. */
  @Column({ type: 'text', name: 'date_of_birth', transformer: sealedColumn })
  dateOfBirth!: string;

  /** Keyed hash of the date of birth, for matching DHS reports. */
  @Column({ type: 'text', name: 'date_of_birth_hash' })
  dateOfBirthHash!: string;

  /** Sealed at rest (AES-GCM). */
  @Column({ type: 'text', transformer: sealedColumn })
  tin!: string;

  /** Keyed hash of the TIN, for exact-match search. */
  @Column({ type: 'text', name: 'tin_hash' })
  tinHash!: string;

  @Field(() => TinType, { description: 'The kind of TIN (the TIN itself: tinMasked, or unmaskedTin, audited)' })
  @Column({ type: 'text', name: 'tin_type' })
  tinType!: TinType;

  @Field(() => String, { description: "The taxpayer's last known address" })
  @Column({ type: 'text' })
  address!: string;

  @Field(() => Boolean, {
    description: 'International (true) or domestic (false) taxpayer: both can be placed on the lookout list (seed 000)',
  })
  @Column({ type: 'boolean' })
  international!: boolean;

  @Column({ type: 'bigint', name: 'balance_due_cents', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  balanceDueCents!: number;

  @Column({ type: 'jsonb', name: 'tax_periods' })
  taxPeriods!: StoredTaxPeriod[];

  @Field(() => String, {
    description:
      'Why contact cannot otherwise be made, and what is known of the travel (seed 000: a domestic taxpayer who travels frequently outside the U.S.)',
  })
  @Column({ type: 'text', name: 'contact_facts' })
  contactFacts!: string;

  @Field(() => [String], { description: 'The lookout criteria (IRM 5.1.18.13.7.1) the request says the case meets, as the RO stated them' })
  @Column({ type: 'text', array: true, name: 'criteria_met' })
  criteriaMet!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The closure code when the case is closed with the request, e.g. CNC – Unable to Contact, International TC 530 CC 06',
  })
  @Column({ type: 'text', name: 'closure_code', nullable: true })
  closureCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The TECS record reference CI gave when confirming the entry; null before' })
  @Column({ type: 'text', name: 'tecs_record_reference', nullable: true })
  tecsRecordReference!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the GM returned it to the RO, or why the coordinator found it does not meet the criteria (documented, seed 000)',
  })
  @Column({ type: 'text', name: 'return_reason', nullable: true })
  returnReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When CI confirmed the entry into TECS (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'entered_at', nullable: true })
  enteredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When CI confirmed the removal from TECS (UTC instant); null while on the list' })
  @Column({ type: 'timestamptz', name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  @Field(() => Date, { description: 'When the revenue officer filed the request (UTC instant)' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the lookout last changed (UTC instant)' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
