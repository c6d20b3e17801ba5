import { OrgContext } from '../org/org-context';
import { CalendarFeedService } from './calendar-feed.service';

/** What the calendar feed resolver reads of a request's context. */
export type CalendarFeedContext = OrgContext & { services: { calendarFeeds: CalendarFeedService } };
