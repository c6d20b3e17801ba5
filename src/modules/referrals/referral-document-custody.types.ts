import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ReferralAction } from './referral-state';

@InputType({ description: 'A document of a Form 3210 that RIVO forwards to Submission Processing (IRM 25.25.6.2.3(4))' })
export class ForwardDocumentInput {
  @Field(() => UUIDResolver, { description: 'The Form 3210 referral, in WORKING state, checked out by the caller' })
  referralId!: string;

  @Field(() => UUIDResolver, { description: 'The document attached to that referral (usually the signed return), from Referral.documents' })
  documentId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Free text kept in the history entry, e.g. how it was batched (IRM 3.10.73.6(12)); no taxpayer data',
  })
  note?: string | null;
}

/** One referral history entry that moved a document (CUSTODY_ACTIONS), as Document.custody shows it. */
@ObjectType({ description: 'Where a document went after it was attached: one referral history entry that moved it' })
export class DocumentCustodyStep {
  @Field(() => ReferralAction, {
    description:
      'FORWARD_DOCUMENT_TO_SP (RIVO sent it to Submission Processing, IRM 25.25.6.2.3(4)) or RETURN_DOCUMENT_TO_SENDER ' +
      '(returned with the referral, "no TPP involvement", IRM 25.25.6.2.3(3))',
  })
  action!: ReferralAction;

  @Field(() => String, { description: 'Where it went: "Submission Processing (SP)" or "the sender" (the originator)' })
  to!: string;

  @Field(() => Date, { description: 'When the step was recorded (UTC instant)' })
  at!: Date;

  /** The employee who took the step (resolved to `by`). */
  actorId!: string;

  @Field(() => String, { nullable: true, description: 'The note given with the step, if any' })
  note!: string | null;
}
