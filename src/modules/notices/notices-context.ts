import { NotificationAdminService } from '../../platform/notifications/notification-admin.service';
import { OrgContext } from '../org/org-context';

/** What the notice resolvers read of a request's context. */
export type NoticesContext = OrgContext & { services: { notifications: NotificationAdminService } };
