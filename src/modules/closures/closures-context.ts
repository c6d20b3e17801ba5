import { ClosureService } from '../../platform/calendar/closure.service';
import { Caller } from '../org/caller';
import { OrgContext } from '../org/org-context';

/** What the closure admin resolvers read of a request's context. */
export type ClosuresContext = OrgContext & { services: { closures: ClosureService<Caller> } };
