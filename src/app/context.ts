import { Caller } from '../modules/auth/caller';
import { Clock } from '../platform/common/clock';
import { Services } from './services';
import { Loaders } from './loaders';

export interface HubContext {
  caller: Caller;
  clock: Clock;
  services: Services;
  loaders: Loaders;
  /** For the access audit: the request id (also returned as X-Request-Id) and the client address. */
  request: { id: string; clientAddress: string };
}
