import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A Form 4442 / e-4442 referral category (queue) at RIVO, IRM 25.25.6. The catalogue is data; the
 * manual spells several names more than one way (IVO was renamed RIVO), so each category has one
 * canonical name and any number of aliases accepted on input.
 */
@ObjectType('ReferralCategory')
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

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
