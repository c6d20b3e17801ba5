import { CoreReferralHub1795611822242 } from './1795611822242-CoreReferralHub';

/** Every migration, oldest first. Add each new one here (the CLI generates the file, not this entry). */
export const MIGRATIONS = [CoreReferralHub1795611822242];
