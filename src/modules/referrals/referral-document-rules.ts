import { ConflictError, DomainError, ForbiddenError, InvalidInputError } from '../../platform/common/errors';
import { StoredDocument } from '../../platform/storage/stored-document.entity';
import { Caller } from '../org/caller';
import { ReferralForm } from './forms/referral-form';
import { ReferralHistoryEntry } from './referral-history.entity';
import { partiesOf } from './referral-parties';
import { ReferralAction, ReferralState, TERMINAL_STATES } from './referral-state';
import { Referral } from './referral.entity';

/**
 * Who may do what with a referral's documents, each rule once: the operation throws the refusal, the fields that
 * list the open actions (Referral.documentActions, Document.custodyActions) offer what has none. The referral is
 * one the caller may see (visibility is checked before, by ReferralService).
 */

/** Why the caller may not attach a document to the referral now; null when they may. */
export function attachRefusal(caller: Caller, referral: Referral): DomainError | null {
  if (partiesOf(caller, referral).size === 0) return new ForbiddenError('Only parties to the referral may attach documents to it');
  if (TERMINAL_STATES.includes(referral.state)) {
    return new ConflictError(
      `Referral ${referral.referenceNumber} is ${referral.state}: documents are attached to open referrals`,
      'WRONG_STATE',
    );
  }
  return null;
}

/**
 * Why the caller may not forward the referral's document to Submission Processing now (IRM 25.25.6.2.3(4)); null when
 * they may. `history` holds at least the referral's FORWARD_DOCUMENT_TO_SP entries (a document goes once).
 */
export function forwardRefusal(
  caller: Caller,
  referral: Referral,
  document: StoredDocument,
  history: readonly ReferralHistoryEntry[],
): DomainError | null {
  if (referral.form !== ReferralForm.F3210) {
    return InvalidInputError.single(
      'referralId',
      'only the documents of a Form 3210 are forwarded to Submission Processing (IRM 25.25.6.2.3(4))',
    );
  }
  if (referral.assigneeId !== caller.id) {
    return new ForbiddenError('Only the RIVO employee working the referral forwards its documents (IRM 25.25.6.2.3(4))');
  }
  if (referral.state !== ReferralState.WORKING) {
    return new ConflictError(
      `Referral ${referral.referenceNumber} is ${referral.state}: documents go to Submission Processing while RIVO works the control (WORKING, IRM 25.25.6.2.3(4))`,
      'WRONG_STATE',
    );
  }
  const earlier = history.find(
    (entry) => entry.action === ReferralAction.FORWARD_DOCUMENT_TO_SP && entry.details?.documentId === document.id,
  );
  if (earlier) {
    return new ConflictError(
      `Document ${document.id} was forwarded to Submission Processing at ${earlier.at.toISOString()}`,
      'ALREADY_EXISTS',
    );
  }
  return null;
}
