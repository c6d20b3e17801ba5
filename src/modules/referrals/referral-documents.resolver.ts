import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
import { DOCUMENTS_PATH } from '../../platform/storage/document.service';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Employee } from '../org/employee.entity';
import { ReferralsContext } from './referrals-context';
import { Referral } from './referral.entity';

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
    // The parent referral was already checked for visibility; batch the documents of a page.
    return (await ctx.loaders.documents.load(referral.id)).slice(0, checkPageSize(first, MAX_DOCUMENT_PAGE));
  }
}

@Resolver(() => StoredDocument)
export class DocumentResolver {
  @FieldResolver(() => Employee, { description: 'Who uploaded the document' })
  async uploadedBy(@Root() document: StoredDocument, @Ctx() ctx: ReferralsContext): Promise<Employee | null> {
    return ctx.loaders.employee.load(document.uploadedById);
  }

  @FieldResolver(() => String, {
    description: 'Where to download it (GET, bearer token; parties to its referral only; every download audited)',
  })
  downloadPath(@Root() document: StoredDocument): string {
    return `${DOCUMENTS_PATH}/${document.id}`;
  }
}
