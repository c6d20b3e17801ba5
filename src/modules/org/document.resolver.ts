import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DOCUMENTS_PATH } from '../../platform/storage/document.service';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Employee } from './employee.entity';
import { OrgContext } from './org-context';
import { Loaded } from '../../platform/live/cache-first-loader';

/** What every document shows whatever its owner (a referral, a Customs request): who uploaded it and where to fetch it. */
@Resolver(() => StoredDocument)
export class DocumentResolver {
  @FieldResolver(() => Employee, { description: 'Who uploaded the document' })
  uploadedBy(@Root() document: StoredDocument, @Ctx() ctx: OrgContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(document.uploadedById);
  }

  @FieldResolver(() => String, {
    description:
      'Where to download it (GET, bearer token; whoever may see its owner: parties to its referral, disclosure officers for a Customs request; every download audited)',
  })
  downloadPath(@Root() document: StoredDocument): string {
    return `${DOCUMENTS_PATH}/${document.id}`;
  }
}
