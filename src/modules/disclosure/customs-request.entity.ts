import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { boundedListCost } from '../../platform/graphql/page-cost';
import { LIST_MAX } from '../../platform/validation/checked';
import { sealedColumn } from '../../platform/security/taxpayer-data-cipher';
import { TinType } from '../../platform/validation/identifiers';
import { CustomsAuditCertification, CustomsItemDecision, CustomsRequestState, CustomsScreen } from './customs-request-state';

/** One requested item of return information, as Customs wrote it, and the officer's decision on it. */
@ObjectType({ description: 'One item of return information a Customs request asks for (paragraphs (b)(1), (b)(3), (b)(4))' })
export class CustomsRequestItem {
  @Field(() => Int, { description: 'The item number within the request, from 1' })
  number!: number;

  @Field(() => String, { description: '(b)(1): the particular item of return information requested' })
  description!: string;

  @Field(() => String, { description: '(b)(3): the taxable period or date the item relates to, as Customs wrote it' })
  taxPeriod!: string;

  @Field(() => String, { description: '(b)(4): the particular purpose the item is needed for' })
  purpose!: string;

  @Field(() => String, { description: '(b)(4): how the item is necessary to accomplish that purpose' })
  necessity!: string;

  @Field(() => CustomsItemDecision, { nullable: true, description: 'The decision on the item; null until decided' })
  decision!: CustomsItemDecision | null;

  @Field(() => String, { nullable: true, description: 'Why the item was denied (internal: never in the release letter)' })
  decisionReason!: string | null;

  @Field(() => UUIDResolver, { nullable: true, description: 'The disclosure officer who decided the item' })
  decidedById!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the item was decided (UTC instant)' })
  decidedAt!: Date | null;
}

/** One answer to a screen; the latest answer for a screen (and item) is the one that counts. */
@ObjectType({ description: 'A screen of 26 CFR 301.6103(l)(14)-1 answered by a disclosure officer, with why' })
export class CustomsScreenAnswer {
  @Field(() => CustomsScreen, { description: 'The screen (its paragraph)' })
  screen!: CustomsScreen;

  @Field(() => Int, { nullable: true, description: 'The item it was answered for ((c), (d)); null for the whole request ((a), (e))' })
  itemNumber!: number | null;

  @Field(() => Boolean, { description: 'true: the screen is passed (disclosure may go ahead as far as this paragraph goes)' })
  passed!: boolean;

  @Field(() => String, { description: 'Why (internal; an (e) refusal reason is never told to Customs)' })
  reason!: string;

  @Field(() => UUIDResolver, { description: 'The disclosure officer who answered' })
  answeredById!: string;

  @Field(() => Date, { description: 'When it was answered (UTC instant)' })
  answeredAt!: Date;
}

/** What was released to Customs, exactly: the record the release letter and the accounting are made from. */
@ObjectType({ description: 'The record of a release to Customs under IRC 6103(l)(14)' })
export class CustomsRelease {
  @Field(() => [Int], { description: 'The numbers of the items disclosed (the approved ones)' })
  itemNumbers!: number[];

  @Field(() => [String], {
    description: 'The Customs officers and employees the disclosure is authorized to, by title, as the request designated them',
  })
  recipientTitles!: string[];

  @Field(() => Date, { description: 'When the release was made (UTC instant)' })
  releasedAt!: Date;

  @Field(() => String, { description: 'The authority: IRC 6103(l)(14); 26 CFR 301.6103(l)(14)-1' })
  authority!: string;

  @Field(() => [String], { description: 'The use restrictions of paragraphs (f)–(j) as stated to Customs in the letter' })
  useRestrictions!: string[];

  @Field(() => UUIDResolver, { description: 'The second disclosure officer who approved and made the release (two-person rule)' })
  releasedById!: string;
}

/**
 * A written request from the Commissioner of Customs (today U.S. Customs and Border Protection) for return
 * information under 26 CFR 301.6103(l)(14)-1. The letter itself is kept by its reference; the TIN is sealed at rest.
 */
@ObjectType({ description: 'A written Customs request for return information under 26 CFR 301.6103(l)(14)-1; disclosure officers only' })
@Entity('customs_request')
@Index('customs_request_state_idx', ['state'])
@Index('customs_request_tin_hash_idx', ['tinHash'])
export class CustomsRequest {
  @Field(() => UUIDResolver, { description: 'The request id' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: "The hub's reference, e.g. CBP-2026-000001; safe to put in notices" })
  @Column({ type: 'text', name: 'reference_number', unique: true })
  referenceNumber!: string;

  @Field(() => CustomsRequestState, { description: 'Where the request stands' })
  @Column({ type: 'text' })
  state!: CustomsRequestState;

  @Field(() => Int, { description: 'Optimistic-locking version: pass it back as expectedVersion' })
  @VersionColumn()
  version!: number;

  @Field(() => String, { description: "Customs's reference of the written request (the letter is kept by this reference)" })
  @Column({ type: 'text', name: 'letter_reference' })
  letterReference!: string;

  @Field(() => LocalDateResolver, { description: 'The date the IRS received the written request (calendar date)' })
  @Column({ type: 'date', name: 'received_on' })
  receivedOn!: string;

  @Field(() => String, { description: '(b)(2): the particular taxpayer the return information relates to (name)' })
  @Column({ type: 'text', name: 'taxpayer_name' })
  taxpayerName!: string;

  /** (b)(2): sealed at rest (AES-GCM). */
  @Column({ type: 'text', transformer: sealedColumn })
  tin!: string;

  @Field(() => TinType, { description: 'The kind of TIN' })
  @Column({ type: 'text', name: 'tin_type' })
  tinType!: TinType;

  /** Keyed hash of the TIN, for the accounting of disclosures. */
  @Column({ type: 'text', name: 'tin_hash' })
  tinHash!: string;

  @Field(() => [CustomsRequestItem], {
    description: `The items requested, with the decision on each (at most ${LIST_MAX})`,
    complexity: boundedListCost(LIST_MAX),
  })
  @Column({ type: 'jsonb' })
  items!: CustomsRequestItem[];

  @Field(() => [String], { description: '(b)(4): the Customs officers and employees to whom disclosure is authorized, by title' })
  @Column({ type: 'text', array: true, name: 'recipient_titles' })
  recipientTitles!: string[];

  @Field(() => CustomsAuditCertification, { description: '(b)(4): what Customs certifies about the section 509 audit' })
  @Column({ type: 'text', name: 'audit_certification' })
  auditCertification!: CustomsAuditCertification;

  /** Every screen answer, oldest first; the latest per screen and item counts (GraphQL shows those: screenAnswers). */
  @Column({ type: 'jsonb', name: 'screen_answers' })
  screenAnswers!: CustomsScreenAnswer[];

  @Field(() => UUIDResolver, { description: 'The disclosure officer who recorded the request' })
  @Column({ type: 'uuid', name: 'recorded_by_id' })
  recordedById!: string;

  @Field(() => UUIDResolver, { nullable: true, description: 'The disclosure officer who concluded the review (first of the two persons)' })
  @Column({ type: 'uuid', name: 'concluded_by_id', nullable: true })
  concludedById!: string | null;

  @Field(() => CustomsRelease, { nullable: true, description: 'What was released, once released' })
  @Column({ type: 'jsonb', nullable: true })
  release!: CustomsRelease | null;

  @Field(() => Date, { description: 'When the request was recorded (UTC instant)' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the request last changed (UTC instant)' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
