import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { NoticesContext } from './notices-context';
import { Employee } from '../org/employee.entity';
import { NotificationMode } from '../../platform/notifications/notification-mode';
import { pageCost } from '../../platform/graphql/page-cost';
import { Notification } from '../../platform/notifications/notification.entity';

@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver()
export class NotificationResolver {
  @Mutation(() => Employee, { description: 'Immediate notices, or a daily digest for the non-urgent ones' })
  setMyNotificationMode(
    @Arg('mode', () => NotificationMode, { description: 'How the caller wants non-urgent notices' }) mode: NotificationMode,
    @Ctx() ctx: NoticesContext,
  ): Promise<Employee> {
    return ctx.services.org.updateEmployee(ctx.caller.id, { notificationMode: mode });
  }

  @Query(() => [Notification], {
    description: 'Dead letters: notices rejected for good or out of retries; first: at most 500',
    complexity: pageCost,
  })
  failedNotifications(@Ctx() ctx: NoticesContext, @Arg('first', () => Int, { defaultValue: 100 }) first = 100): Promise<Notification[]> {
    return ctx.services.notifications.failed(first);
  }

  @Mutation(() => Notification, { description: 'Put a dead letter back in the outbox' })
  retryNotification(
    @Arg('id', () => UUIDResolver, { description: "The failed notice's id (UUID)" }) id: string,
    @Ctx() ctx: NoticesContext,
  ): Promise<Notification> {
    return ctx.services.notifications.retry(id);
  }
}
