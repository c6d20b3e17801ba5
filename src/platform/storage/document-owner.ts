import { EntityManager } from 'typeorm';
import { StoredDocument } from './stored-document.entity';

/**
 * What documents are attached to (a referral, a Customs request), registered by the module that owns
 * it: the owner's own rules decide who may attach and who may see, and the owner records each attachment in its
 * own history. The platform knows nothing else of it.
 */
export interface DocumentOwner<C> {
  /** Stored with each document and named in the upload URL, e.g. `referral` (lower case, no slash). */
  kind: string;
  /** Before any byte is read: throws unless the caller may attach to it now (NOT_FOUND for an owner they may not see). */
  checkAttach(caller: C, ownerId: string): Promise<void>;
  /** In the upload's transaction, once the document is stored: the owner's history entry. */
  recordAttachment(manager: EntityManager, caller: C, document: StoredDocument): Promise<void>;
  /** Throws (NOT_FOUND for an owner that exists) unless the caller may see the owner and so its documents. */
  checkRead(caller: C, ownerId: string): Promise<void>;
}
