import { DataSource } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { NotFoundError } from '../../platform/common/errors';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Caller } from '../org/caller';
import { REFERRAL_DOCUMENT_OWNER, SUBMISSION_PROCESSING } from './referral-document-custody';
import { appendReferralHistory } from './referral-history';
import { ReferralHistoryEntry } from './referral-history.entity';
import { forwardRefusal } from './referral-document-rules';
import { ReferralAction } from './referral-state';
import { Referral } from './referral.entity';
import { ReferralService } from './referral.service';

export interface ForwardDocumentCommand {
  referralId: string;
  documentId: string;
  note?: string | null;
}

/**
 * Custody steps of a referral's documents taken by the receiver: IRM 25.25.6.2.3(4), once RIVO controls a 3210 whose
 * return matches (or not) the one on MFT 32: "Detach the return from the Form 3210 and forward the return to
 * Submission Processing (SP) for processing". Recorded in the referral's history; the document stays in the hub.
 */
export class ReferralDocumentCustody {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly referrals: ReferralService,
  ) {}

  /** Only the RIVO employee working the 3210 (its assignee), only while the control is worked (WORKING), once per document. */
  forwardToSubmissionProcessing(caller: Caller, command: ForwardDocumentCommand): Promise<StoredDocument> {
    return this.dataSource.transaction(async (manager) => {
      const referral = await manager.findOne(Referral, { where: { id: command.referralId }, lock: { mode: 'pessimistic_write' } });
      if (!referral || !this.referrals.canSee(caller, referral)) throw new NotFoundError('Referral', command.referralId, referral !== null);
      const document = await manager.findOneBy(StoredDocument, {
        id: command.documentId,
        ownerKind: REFERRAL_DOCUMENT_OWNER,
        ownerId: referral.id,
      });
      if (!document) throw new NotFoundError('Document', command.documentId);
      const forwards = await manager.findBy(ReferralHistoryEntry, {
        referralId: referral.id,
        action: ReferralAction.FORWARD_DOCUMENT_TO_SP,
      });
      const refusal = forwardRefusal(caller, referral, document, forwards);
      if (refusal) throw refusal;
      await appendReferralHistory(manager, [
        {
          referralId: referral.id,
          action: ReferralAction.FORWARD_DOCUMENT_TO_SP,
          details: { documentId: document.id, to: SUBMISSION_PROCESSING },
          fromState: referral.state,
          toState: referral.state,
          actorId: caller.id,
          at: this.clock.now(),
          note: command.note?.trim() || null,
        },
      ]);
      return document;
    });
  }
}
