import { UUIDResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What kind of disclosure outside the IRS an accounting entry records. */
export enum DisclosureKind {
  CUSTOMS_RELEASE = 'CUSTOMS_RELEASE',
  TECS_DISCLOSURE = 'TECS_DISCLOSURE',
}

registerEnumType(DisclosureKind, {
  name: 'DisclosureKind',
  description: 'What kind of disclosure outside the IRS an accounting entry records',
  valuesConfig: {
    CUSTOMS_RELEASE: { description: 'Return information released to Customs (CBP) under IRC 6103(l)(14)' },
    TECS_DISCLOSURE: { description: 'Facts of a DHS crossing report disclosed to the taxpayer or their representative (seed 000)' },
  },
});

/**
 * One disclosure of return or TECS information outside the IRS: what, to whom, when, under which authority.
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); found by the keyed hash of the taxpayer's TIN.
 */
@ObjectType({
  description:
    'One disclosure of return or TECS information outside the IRS (append-only accounting of disclosures); disclosure officers, auditors and admins',
})
@Entity('disclosure_accounting')
@Index('disclosure_accounting_tin_idx', ['tinHash', 'disclosedAt'])
export class DisclosureAccountingEntry {
  @Field(() => ID, { description: 'The entry id (a number, ascending in the order written; not a UUID)' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  /** Keyed hash of the taxpayer's TIN (never the TIN itself). */
  @Column({ type: 'text', name: 'tin_hash' })
  tinHash!: string;

  @Field(() => DisclosureKind, { description: 'What kind of disclosure' })
  @Column({ type: 'text' })
  kind!: DisclosureKind;

  @Field(() => UUIDResolver, {
    description: 'The hub item the disclosure was made from: the Customs request, the crossing or the answered past-travel request',
  })
  @Column({ type: 'uuid', name: 'source_id' })
  sourceId!: string;

  @Field(() => String, { description: "The hub's reference of that item, e.g. CBP-2026-000001" })
  @Column({ type: 'text', name: 'source_reference' })
  sourceReference!: string;

  @Field(() => String, { description: 'To whom: the agency and the recipients by title, or the person and their capacity' })
  @Column({ type: 'text' })
  recipient!: string;

  @Field(() => [String], { description: 'What was disclosed: the items of return information or the TECS fields' })
  @Column({ type: 'text', array: true })
  information!: string[];

  @Field(() => String, { description: 'Under which authority (e.g. IRC 6103(l)(14); 26 CFR 301.6103(l)(14)-1)' })
  @Column({ type: 'text' })
  authority!: string;

  @Field(() => UUIDResolver, { description: 'The IRS employee who made the disclosure' })
  @Column({ type: 'uuid', name: 'disclosed_by_id' })
  disclosedById!: string;

  @Field(() => Date, { description: 'When the disclosure was made (UTC instant)' })
  @Column({ type: 'timestamptz', name: 'disclosed_at' })
  disclosedAt!: Date;
}
