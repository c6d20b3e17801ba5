import { DataSource } from 'typeorm';
import { Caller } from '../modules/org/caller';
import { REFERRAL_LIVE_TOPIC, referralLiveVisibility } from '../modules/referrals/referral-live';
import { LiveUpdates } from '../platform/live/live-updates';
import { TECS_LIVE_TOPICS, tecsLiveVisibility } from '../modules/tecs/tecs-live';
import { createTecsLoaders } from '../modules/tecs/tecs-reads';
import { Services } from './services';

/** The console's live updates, each topic seen through its owning module's visibility rule; the caches of reference data hear their tables' changes. */
export function createLiveUpdates(databaseUrl: string, log: (message: string) => void, dataSource: DataSource, services: Services) {
  const tecsReads = () => createTecsLoaders(dataSource.manager).tecsReads;
  const live = new LiveUpdates<Caller>(databaseUrl, log);
  for (const [topic, watcher] of [...services.org.watchers, ...services.routes.watchers]) live.watch(topic, watcher);
  return live
    .topic(
      REFERRAL_LIVE_TOPIC,
      referralLiveVisibility(dataSource, (caller, referral) => services.referrals.canSee(caller, referral)),
    )
    .topic(
      TECS_LIVE_TOPICS.CROSSING!,
      tecsLiveVisibility((caller, id, reads) => services.crossings.get(caller, id, reads), tecsReads),
    )
    .topic(
      TECS_LIVE_TOPICS.LOOKOUT!,
      tecsLiveVisibility((caller, id, reads) => services.lookouts.get(caller, id, reads), tecsReads),
    );
}
