import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';
import { DOCUMENTS_PATH } from '../../platform/storage/document.service';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Employee } from '../org/employee.entity';
import { CUSTODY_ACTIONS, REFERRAL_DOCUMENT_OWNER } from './referral-document-custody';
import { DocumentCustodyAction, ReferralDocumentAction } from './referral-document-actions';
import { attachRefusal, forwardRefusal } from './referral-document-rules';
import { DocumentCustodyStep, ForwardDocumentInput } from './referral-document-custody.types';
import { ReferralsContext } from './referrals-context';
import { Referral } from './referral.entity';
import { Loaded } from '../../platform/live/cache-first-loader';

/** Largest page of a referral's documents. */
const MAX_DOCUMENT_PAGE = 100;

@Resolver(() => Referral)
export class ReferralDocumentsResolver {
  @FieldResolver(() => [StoredDocument], {
    description:
      'Documents attached to the referral (for a Form 3210 the transmitted documents, IRM 25.25.6.2.3), oldest first; ' +
      `attach with POST ${DOCUMENTS_PATH}/referral/{referralId}; first: at most ${MAX_DOCUMENT_PAGE}`,
    complexity: pageCost,
  })
  async documents(
    @Root() referral: Referral,
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many documents, at most ${MAX_DOCUMENT_PAGE}` }) first = 20,
  ): Promise<StoredDocument[]> {
    // The parent referral was already checked for visibility; batch the documents of a page. Their custodyActions
    // read this referral: primed, it costs no second read.
    ctx.loaders.referral.prime(referral.id, referral);
    return (await ctx.loaders.documents.load(referral.id)).slice(0, checkPageSize(first, MAX_DOCUMENT_PAGE));
  }

  @FieldResolver(() => [ReferralDocumentAction], {
    description:
      'What the caller may do now with the documents of the referral: ATTACH while it is open and the caller is a party to it ' +
      '(the rule POST /documents/referral/{referralId} applies to the upload); offer only these',
  })
  documentActions(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): ReferralDocumentAction[] {
    return attachRefusal(ctx.caller, referral) ? [] : [ReferralDocumentAction.ATTACH];
  }
}

/** What a referral's documents show besides what every document shows (org/document.resolver.ts). */
@Resolver(() => StoredDocument)
export class DocumentCustodyFieldResolver {
  @FieldResolver(() => [DocumentCustodyStep], {
    description:
      'Where the document went after it was attached, oldest first: forwarded to Submission Processing by RIVO ' +
      '(IRM 25.25.6.2.3(4)), returned to the sender with its referral (IRM 25.25.6.2.3(3)); empty while it stays with the referral',
    // Each custody action happens at most once to a document (a second forward is ALREADY_EXISTS, a return ends the referral).
    complexity: boundedListCost(CUSTODY_ACTIONS.length),
  })
  async custody(@Root() document: StoredDocument, @Ctx() ctx: ReferralsContext): Promise<DocumentCustodyStep[]> {
    // Only a referral's documents move (a Customs request keeps its own); reached through their referral, already
    // checked for visibility; its history is batched.
    if (document.ownerKind !== REFERRAL_DOCUMENT_OWNER) return [];
    return (await ctx.loaders.history.load(document.ownerId))
      .filter((entry) => CUSTODY_ACTIONS.includes(entry.action) && entry.details?.documentId === document.id)
      .map((entry) => ({ action: entry.action, to: String(entry.details!.to), at: entry.at, actorId: entry.actorId!, note: entry.note }));
  }

  @FieldResolver(() => [DocumentCustodyAction], {
    description:
      'The custody steps the caller may take with the document now, by the rules the steps apply: ' +
      'FORWARD_TO_SUBMISSION_PROCESSING for the RIVO employee working its Form 3210 (assignee, WORKING) until it is forwarded ' +
      '(IRM 25.25.6.2.3(4)); empty for the documents of other owners; offer only these',
  })
  async custodyActions(@Root() document: StoredDocument, @Ctx() ctx: ReferralsContext): Promise<DocumentCustodyAction[]> {
    if (document.ownerKind !== REFERRAL_DOCUMENT_OWNER) return [];
    // Reached through its referral, already checked for visibility; the referral and its history are batched.
    const [referral, history] = await Promise.all([
      ctx.loaders.referral.load(document.ownerId),
      ctx.loaders.history.load(document.ownerId),
    ]);
    return referral && !forwardRefusal(ctx.caller, referral, document, history)
      ? [DocumentCustodyAction.FORWARD_TO_SUBMISSION_PROCESSING]
      : [];
  }
}

/** The custody steps people record (operations: the policy, argument and audit middleware run around them). */
@Resolver()
export class DocumentCustodyResolver {
  @Mutation(() => StoredDocument, {
    description:
      'The RIVO employee working a Form 3210 (its assignee, WORKING state) records that a document of it, the signed return, ' +
      'was detached and forwarded to Submission Processing for processing (IRM 25.25.6.2.3(4)); once per document; ' +
      'a referral history entry FORWARD_DOCUMENT_TO_SP, shown in Document.custody',
  })
  forwardDocumentToSubmissionProcessing(
    @Arg('input', () => ForwardDocumentInput, { description: 'The 3210 referral, the document and an optional note' })
    input: ForwardDocumentInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<StoredDocument> {
    return ctx.services.referralDocumentCustody.forwardToSubmissionProcessing(ctx.caller, input);
  }
}

@Resolver(() => DocumentCustodyStep)
export class DocumentCustodyStepResolver {
  @FieldResolver(() => Employee, { description: 'The employee who took the step' })
  by(@Root() step: DocumentCustodyStep, @Ctx() ctx: ReferralsContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(step.actorId);
  }
}
