import { EntityManager } from 'typeorm';
import { ForbiddenError } from '../../platform/common/errors';
import { DocumentOwner } from '../../platform/storage/document-owner';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Caller } from '../org/caller';
import { CustomsRequest } from './customs-request.entity';
import { CUSTOMS_DOCUMENT_ATTACHED, CUSTOMS_REQUEST_DOCUMENT_OWNER, mayKeepCustomsDocuments } from './customs-request-document-kind';
import { CustomsRequestService } from './customs-request.service';
import { DisclosureHistoryEntry, DisclosureSubject } from './disclosure-history.entity';

/**
 * Customs requests as owners of documents: the written request of the Commissioner of Customs (26 CFR
 * 301.6103(l)(14)-1(b)) and any later correspondence are kept with the request. Whoever may read the request (the
 * access policy's `customsRequest` entry: disclosure officers) attaches and downloads them; others get FORBIDDEN.
 * Attaching is open in every state, since correspondence may follow a release or a denial. Each attachment is an
 * entry of the request's append-only disclosure history. Documents never go into notices or the release letter.
 */
export function customsRequestDocumentOwner(customsRequests: CustomsRequestService): DocumentOwner<Caller> {
  const mayRead = async (caller: Caller, requestId: string): Promise<void> => {
    if (!mayKeepCustomsDocuments(caller)) {
      throw new ForbiddenError('Only disclosure officers see a Customs request and its documents (26 CFR 301.6103(l)(14)-1)');
    }
    await customsRequests.get(requestId);
  };
  return {
    kind: CUSTOMS_REQUEST_DOCUMENT_OWNER,
    checkAttach: mayRead,
    async recordAttachment(manager: EntityManager, caller, document: StoredDocument) {
      // Locked: the entry records the state the request was in when the document arrived.
      const request = await manager.findOneOrFail(CustomsRequest, { where: { id: document.ownerId }, lock: { mode: 'pessimistic_write' } });
      await manager.save(
        manager.create(DisclosureHistoryEntry, {
          subjectType: DisclosureSubject.CUSTOMS_REQUEST,
          subjectId: request.id,
          action: CUSTOMS_DOCUMENT_ATTACHED,
          details: { documentId: document.id, mediaType: document.mediaType, size: document.size, sha256: document.sha256 },
          fromState: request.state,
          toState: request.state,
          actorId: caller.id,
          at: document.uploadedAt,
          note: null,
        }),
      );
    },
    checkRead: mayRead,
  };
}
