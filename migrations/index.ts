import { CoreReferralHub1795611822242 } from './1795611822242-CoreReferralHub';
import { NotificationsAndSla1795612695047 } from './1795612695047-NotificationsAndSla';
import { TecsLookouts1795613870846 } from './1795613870846-TecsLookouts';

/** Every migration, oldest first. Add each new one here (the CLI generates the file, not this entry). */
export const MIGRATIONS = [CoreReferralHub1795611822242, NotificationsAndSla1795612695047, TecsLookouts1795613870846];
