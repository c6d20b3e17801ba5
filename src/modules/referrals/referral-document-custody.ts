import { EntityManager } from 'typeorm';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { appendReferralHistory } from './referral-history';
import { ReferralAction } from './referral-state';
import { Referral } from './referral.entity';

/** How documents of referrals are stored and named in upload URLs (`POST /documents/referral/<referral id>`). */
export const REFERRAL_DOCUMENT_OWNER = 'referral';

/** Where the custody steps send a document (the `to` of their history entries). */
export const SUBMISSION_PROCESSING = 'Submission Processing (SP)';
export const THE_SENDER = 'the sender';

/** The referral history entries that move a document (Document.custody reads them). */
export const CUSTODY_ACTIONS: readonly ReferralAction[] = [ReferralAction.FORWARD_DOCUMENT_TO_SP, ReferralAction.RETURN_DOCUMENT_TO_SENDER];

/**
 * IRM 25.25.6.2.3(3): "Return the Form 3210 or Form 4442 and attachments to the sender stating there is no TPP
 * involvement": in the transaction of that return, each document gets its RETURN_DOCUMENT_TO_SENDER entry (the
 * state is the one it is returned from).
 */
export async function returnDocumentsToSender(manager: EntityManager, referral: Referral, actorId: string, at: Date): Promise<void> {
  const documents = await manager.find(StoredDocument, {
    where: { ownerKind: REFERRAL_DOCUMENT_OWNER, ownerId: referral.id },
    order: { uploadedAt: 'ASC', id: 'ASC' },
  });
  await appendReferralHistory(
    manager,
    documents.map((document) => ({
      referralId: referral.id,
      action: ReferralAction.RETURN_DOCUMENT_TO_SENDER,
      details: { documentId: document.id, to: THE_SENDER },
      fromState: referral.state,
      toState: referral.state,
      actorId,
      at,
      note: null,
    })),
  );
}
