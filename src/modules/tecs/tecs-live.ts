import { DomainError } from '../../platform/common/errors';
import { LiveVisibility } from '../../platform/live/live-updates';
import { Caller } from '../org/caller';
import { TecsSubject } from './tecs-history.entity';
import { TecsReads } from './tecs-reads';

/** Live-update topics of TECS changes: a crossing reported, opened or dismissed; a lookout request moving on. */
export const TECS_LIVE_TOPICS: Partial<Record<TecsSubject, string>> = {
  [TecsSubject.CROSSING]: 'crossing',
  [TecsSubject.LOOKOUT]: 'lookout',
};

/**
 * Who hears of a TECS change: whoever may read the item, by the read itself (`CrossingService.get`,
 * `LookoutService.get`: coordinators, those on the case; FORBIDDEN or NOT_FOUND for anyone else). One set of
 * batched reads serves every subscriber of the change.
 */
export function tecsLiveVisibility(
  read: (caller: Caller, id: string, reads: TecsReads) => Promise<unknown>,
  newReads: () => TecsReads,
): LiveVisibility<Caller> {
  return async (ids) => {
    const reads = newReads();
    return async (caller) => {
      const seen: string[] = [];
      for (const id of ids) {
        try {
          await read(caller, id, reads);
          seen.push(id);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      return seen;
    };
  };
}
