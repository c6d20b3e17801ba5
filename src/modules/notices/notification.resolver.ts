import { UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { NoticesContext } from './notices-context';
import { Employee } from '../org/employee.entity';
import { NotificationMode } from '../../platform/notifications/notification-mode';
import { pageCost } from '../../platform/graphql/page-cost';
import { Notification } from '../../platform/notifications/notification.entity';
import { Connection, OrderInput, PageArgs } from '../../platform/graphql/connection';
import { FailedNotificationSortField, MAX_FAILED_PAGE, NEWEST_FAILED_FIRST } from '../../platform/notifications/notification-admin.service';

registerEnumType(FailedNotificationSortField, {
  name: 'FailedNotificationSortField',
  description: 'What the list of dead letters is ordered by (ties broken by id)',
  valuesConfig: { CREATED_AT: { description: 'When the notice was queued (UTC instant)' } },
});

@InputType({ description: 'The order of the dead letters (ties broken by id)' })
export class FailedNotificationOrderInput extends OrderInput(FailedNotificationSortField) {}

@ObjectType({ description: 'A page of notices (the Relay cursor connection spec)' })
export class NotificationConnection extends Connection(Notification, 'Notification') {}

@Resolver()
export class NotificationResolver {
  @Mutation(() => Employee, { description: 'Immediate notices, or a daily digest for the non-urgent ones' })
  setMyNotificationMode(
    @Arg('mode', () => NotificationMode, { description: 'How the caller wants non-urgent notices' }) mode: NotificationMode,
    @Ctx() ctx: NoticesContext,
  ): Promise<Employee> {
    return ctx.services.org.updateEmployee(ctx.caller.id, { notificationMode: mode });
  }

  @Query(() => NotificationConnection, {
    description: `Dead letters: notices rejected for good or out of retries, newest first by default; a page holds at most ${MAX_FAILED_PAGE}`,
    complexity: pageCost,
  })
  async failedNotifications(
    @Ctx() ctx: NoticesContext,
    @Arg('orderBy', () => FailedNotificationOrderInput, { nullable: true, description: 'The order (default: newest first)' })
    orderBy: FailedNotificationOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NotificationConnection> {
    return NotificationConnection.of(await ctx.services.notifications.failed(orderBy ?? NEWEST_FAILED_FIRST, page));
  }

  @Mutation(() => Notification, { description: 'Put a dead letter back in the outbox' })
  retryNotification(
    @Arg('id', () => UUIDResolver, { description: "The failed notice's id (UUID)" }) id: string,
    @Ctx() ctx: NoticesContext,
  ): Promise<Notification> {
    return ctx.services.notifications.retry(id);
  }
}
