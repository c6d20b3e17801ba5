import { AuditedContext } from '../platform/audit/audited-request';
import { ClosuresContext } from '../modules/closures/closures-context';
import { NoticesContext } from '../modules/notices/notices-context';
import { OrgContext } from '../modules/org/org-context';
import { ReferralsContext } from '../modules/referrals/referrals-context';
import { TecsContext } from '../modules/tecs/tecs-context';
import { DisclosureContext } from '../modules/disclosure/disclosure-context';
import { CalendarFeedContext } from '../modules/calendar-feed/calendar-feed-context';
import { Loaders } from './loaders';
import { Services } from './services';

/** A request's context: every module's slice at once (the context factory in hub-server.ts builds it). */
export type HubContext = OrgContext &
  ReferralsContext &
  TecsContext &
  ClosuresContext &
  NoticesContext &
  DisclosureContext &
  CalendarFeedContext &
  AuditedContext & {
    services: Services;
    loaders: Loaders;
  };
