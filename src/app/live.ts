import { DataSource } from 'typeorm';
import { Caller } from '../modules/org/caller';
import { REFERRAL_LIVE_TOPIC, referralLiveVisibility } from '../modules/referrals/referral-live';
import { LiveUpdates } from '../platform/live/live-updates';
import { Services } from './services';

/** The console's live updates, each topic seen through its owning module's visibility rule. */
export function createLiveUpdates(databaseUrl: string, log: (message: string) => void, dataSource: DataSource, services: Services) {
  return new LiveUpdates<Caller>(databaseUrl, log).topic(
    REFERRAL_LIVE_TOPIC,
    referralLiveVisibility(dataSource, (caller, referral) => services.referrals.canSee(caller, referral)),
  );
}
