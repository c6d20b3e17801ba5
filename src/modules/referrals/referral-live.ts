import { DataSource, In } from 'typeorm';
import { LiveVisibility } from '../../platform/live/live-updates';
import { Caller } from '../org/caller';
import { Referral } from './referral.entity';

/** Live-update topic of referral changes (filed, moved on, assigned, breached, escalated). */
export const REFERRAL_LIVE_TOPIC = 'referral';

/** Who hears of a referral change: whoever may see the referral (ReferralService.canSee), nobody else. */
export function referralLiveVisibility(
  dataSource: DataSource,
  canSee: (caller: Caller, referral: Referral) => boolean,
): LiveVisibility<Caller> {
  return async (ids) => {
    const referrals = await dataSource.manager.find(Referral, {
      select: {
        id: true,
        originatorId: true,
        assigneeId: true,
        originatingFunctionId: true,
        receivingFunctionId: true,
        elevationHolderIds: true,
      },
      where: { id: In(ids) },
    });
    return (caller) => referrals.filter((referral) => canSee(caller, referral)).map((referral) => referral.id);
  };
}
