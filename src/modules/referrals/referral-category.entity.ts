import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../org/role';

/**
 * A Form 4442 / e-4442 referral category (queue) at RIVO, IRM 25.25.6. The catalogue is data; the
 * manual spells several names more than one way (IVO was renamed RIVO), so each category has one
 * canonical name and any number of aliases accepted on input.
 */
@ObjectType('ReferralCategory', {
  description: 'A Form 4442 category (RIVO queue) of IRM 25.25.6: what it is for, its time frame and what the referral must carry',
})
@Entity('referral_category')
export class ReferralCategory {
  @Field(() => String, { description: 'Stable code, e.g. RICS_RIVO_MFT_REVERSAL' })
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Canonical queue name, e.g. "RICS RIVO - MFT Reversal"' })
  @Column({ type: 'text', unique: true })
  name!: string;

  @Field(() => [String], { description: 'Other spellings accepted on input' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Field(() => String, { description: 'When to use this category' })
  @Column({ type: 'text' })
  trigger!: string;

  @Field(() => Boolean, { description: 'Whether the remarks must carry the DLN of the return' })
  @Column({ type: 'boolean', name: 'requires_dln', default: false })
  requiresDln!: boolean;

  @Field(() => Int, { nullable: true, description: 'Completion time frame in calendar days, where the IRM names one' })
  @Column({ type: 'int', name: 'completion_days', nullable: true })
  completionDays!: number | null;

  @Field(() => String, { nullable: true, description: 'What the taxpayer is told to allow' })
  @Column({ type: 'text', name: 'taxpayer_told', nullable: true })
  taxpayerTold!: string | null;

  @Field(() => String, { description: 'IRM paragraph the category comes from' })
  @Column({ type: 'text', name: 'irm_reference' })
  irmReference!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Calendar days that must have passed since the date of the first call before this category may be filed (dateOfFirstCall required), e.g. 123 = 9 weeks + 60 days for RICS RIVO - TPP; null: no wait. Cited by irmReference.',
  })
  @Column({ type: 'int', name: 'first_call_wait_days', nullable: true })
  firstCallWaitDays!: number | null;

  @Field(() => Boolean, {
    description:
      'An archived or deleted return is referred at once, without the first-call wait, when the taxpayer is authenticated and the DLN is given (IRM 25.25.6.5.5.4(3)).',
  })
  @Column({ type: 'boolean', name: 'archived_return_needs_dln', default: false })
  archivedReturnNeedsDln!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'The return must have been deleted for more than this many calendar days (returnDeletedOn required), e.g. 21 = more than 3 weeks for RICS RIVO - UP 147 RC 8; null: no such precondition. Cited by irmReference.',
  })
  @Column({ type: 'int', name: 'deleted_more_than_days', nullable: true })
  deletedMoreThanDays!: number | null;

  @Field(() => Role, { nullable: true, description: 'The only role that may file this category, e.g. REVENUE_OFFICER; null: any sender' })
  @Column({ type: 'text', name: 'originator_role', nullable: true })
  originatorRole!: Role | null;

  @Field(() => Boolean, {
    description:
      "The revenue officer records how the taxpayer was authenticated (face to face, or by telephone if international) and states that the return is the taxpayer's (IRM 25.25.6.2.3(1)-(2)).",
  })
  @Column({ type: 'boolean', name: 'requires_ro_authentication', default: false })
  requiresRoAuthentication!: boolean;

  @Field(() => Boolean, { description: 'false once retired: new referrals cannot use it' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
