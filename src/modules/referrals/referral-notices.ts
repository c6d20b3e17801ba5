import { NoticeComposer, REFERRAL_NOTICE_SUBJECT } from '../../platform/notifications/notice-composer';
import { REFERRAL_FORM_NAMES } from './forms/referral-form';
import { ReferralNoticeKind } from './referral-notice-kinds';
import { Referral } from './referral.entity';

/** What a digest line says for each referral notice it carries (hub text, never free text). */
const DIGEST_SUMMARY: Partial<Record<ReferralNoticeKind, string>> = {
  REFERRAL_FILED: 'Filed with your function: waiting for your review',
  REFERRAL_RETURNED_INCOMPLETE: 'Returned to you as incomplete',
  REFERRAL_FORWARDED: 'Forwarded to your function: acknowledge it',
  REFERRAL_RETURNED_TO_LIAISON: 'Returned to your function as incomplete',
  REFERRAL_ACKNOWLEDGED: 'Acknowledged by the receiving function',
  REFERRAL_ASSIGNED: 'Assigned to you',
  REFERRAL_COMPLETED: 'Completed: actions taken are documented',
  REFERRAL_RETURNED_NO_TPP: 'Returned: no TPP involvement',
  REFERRAL_ELEVATION_RESOLVED: 'Disagreement resolved',
  REFERRAL_WITHDRAWN: 'Withdrawn by the originator',
  REFERRAL_CLOSED: 'Closed by the originator',
};

/** How referral notices name their referral (reference, form and state, never content) and how they are sent. */
export function registerReferralNotices(composer: NoticeComposer): void {
  composer.registerKinds({
    ...Object.fromEntries(Object.entries(DIGEST_SUMMARY).map(([kind, digestSummary]) => [kind, { digestSummary }])),
    // A disagreement sent up the chain asks someone to act now.
    REFERRAL_ELEVATED: { highPriority: true },
  });
  composer.registerSubject(REFERRAL_NOTICE_SUBJECT, async (manager, id) => {
    const referral = await manager.findOneByOrFail(Referral, { id });
    return {
      referenceNumber: referral.referenceNumber,
      formName: REFERRAL_FORM_NAMES[referral.form].name,
      state: referral.state,
      path: `/referrals/${referral.id}`,
    };
  });
}
