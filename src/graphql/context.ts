import { Caller } from '../auth/caller';
import { Clock } from '../common/clock';
import { Services } from '../services';
import { Loaders } from './loaders';

export interface HubContext {
  caller: Caller;
  clock: Clock;
  services: Services;
  loaders: Loaders;
}
