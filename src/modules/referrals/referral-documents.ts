import { EntityManager } from 'typeorm';
import { ForbiddenError } from '../../platform/common/errors';
import { DocumentOwner } from '../../platform/storage/document-owner';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Caller } from '../org/caller';
import { Role } from '../org/role';
import { REFERRAL_DOCUMENT_OWNER } from './referral-document-custody';
import { attachRefusal } from './referral-document-rules';
import { appendReferralHistory } from './referral-history';
import { ReferralParty } from './referral-lifecycle';
import { partiesOf } from './referral-parties';
import { ReferralAction, ReferralState } from './referral-state';
import { Referral } from './referral.entity';
import { ReferralService } from './referral.service';

/**
 * Referrals as owners of documents: Form 3210 is a document transmittal (IRM 25.25.6.2.3) and 14566 and 4442
 * referrals carry supporting documents. Any party attaches while the referral is open (when filing and later, e.g.
 * RIVO asking for the envelope); whoever may see the referral (ReferralService.get, the one visibility rule) sees
 * and downloads its documents. Each attachment is a referral history entry. A referral returned "no TPP
 * involvement" went back to the sender with its attachments (IRM 25.25.6.2.3(3)): from then on only the sender's
 * side (the originator, their function's liaisons) and admins download them; RIVO keeps no copy.
 */
export function referralDocumentOwner(referrals: ReferralService): DocumentOwner<Caller> {
  return {
    kind: REFERRAL_DOCUMENT_OWNER,
    async checkAttach(caller, referralId) {
      const refusal = attachRefusal(caller, await referrals.get(caller, referralId));
      if (refusal) throw refusal;
    },
    async recordAttachment(manager: EntityManager, caller, document: StoredDocument) {
      // Locked and read again: the referral may have closed while the document was uploading.
      const referral = await manager.findOneOrFail(Referral, { where: { id: document.ownerId }, lock: { mode: 'pessimistic_write' } });
      const refusal = attachRefusal(caller, referral);
      if (refusal) throw refusal;
      await appendReferralHistory(manager, [
        {
          referralId: referral.id,
          action: ReferralAction.ATTACH_DOCUMENT,
          details: { documentId: document.id, mediaType: document.mediaType, size: document.size, sha256: document.sha256 },
          fromState: referral.state,
          toState: referral.state,
          actorId: caller.id,
          at: document.uploadedAt,
          note: null,
        },
      ]);
    },
    async checkRead(caller, referralId) {
      const referral = await referrals.get(caller, referralId);
      if (referral.state !== ReferralState.RETURNED_NO_TPP || caller.hasRole(Role.ADMIN)) return;
      const parties = partiesOf(caller, referral);
      if (!parties.has(ReferralParty.ORIGINATOR) && !parties.has(ReferralParty.ORIGINATING_LIAISON)) {
        throw new ForbiddenError(
          `Referral ${referral.referenceNumber} was returned with its documents to the sender, "no TPP involvement" (IRM 25.25.6.2.3(3))`,
        );
      }
    },
  };
}
