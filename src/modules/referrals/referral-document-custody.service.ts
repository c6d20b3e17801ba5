import { DataSource } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/common/errors';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Caller } from '../org/caller';
import { ReferralForm } from './forms/referral-form';
import { REFERRAL_DOCUMENT_OWNER, SUBMISSION_PROCESSING } from './referral-document-custody';
import { appendReferralHistory } from './referral-history';
import { ReferralHistoryEntry } from './referral-history.entity';
import { ReferralAction, ReferralState } from './referral-state';
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
      if (referral.form !== ReferralForm.F3210) {
        throw InvalidInputError.single(
          'referralId',
          'only the documents of a Form 3210 are forwarded to Submission Processing (IRM 25.25.6.2.3(4))',
        );
      }
      if (referral.assigneeId !== caller.id) {
        throw new ForbiddenError('Only the RIVO employee working the referral forwards its documents (IRM 25.25.6.2.3(4))');
      }
      if (referral.state !== ReferralState.WORKING) {
        throw new ConflictError(
          `Referral ${referral.referenceNumber} is ${referral.state}: documents go to Submission Processing while RIVO works the control (WORKING, IRM 25.25.6.2.3(4))`,
          'WRONG_STATE',
        );
      }
      const earlier = await manager
        .createQueryBuilder(ReferralHistoryEntry, 'entry')
        .where('entry.referral_id = :referralId AND entry.action = :action', {
          referralId: referral.id,
          action: ReferralAction.FORWARD_DOCUMENT_TO_SP,
        })
        .andWhere(`entry.details ->> 'documentId' = :documentId`, { documentId: document.id })
        .getOne();
      if (earlier) {
        throw new ConflictError(
          `Document ${document.id} was forwarded to Submission Processing at ${earlier.at.toISOString()}`,
          'ALREADY_EXISTS',
        );
      }
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
