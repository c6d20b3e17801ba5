import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { HubContext } from '../../app/context';
import { Employee } from '../org/employee.entity';
import { NotificationMode } from '../org/role';
import { Referral } from '../referrals/referral.entity';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
import { Notification } from '../../platform/notifications/notification.entity';

@ObjectType({ description: 'Acknowledgment performance of a receiving function, or of one of its liaisons' })
export class SlaReportRow {
  @Field(() => ID)
  functionId!: string;

  @Field(() => String)
  functionCode!: string;

  @Field(() => ID, { nullable: true, description: 'null on the row for the whole function' })
  liaisonId!: string | null;

  @Field(() => String, { nullable: true })
  liaisonName!: string | null;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  acknowledgedOnTime!: number;

  @Field(() => Int)
  acknowledgedLate!: number;

  @Field(() => Int, { description: 'Not acknowledged and already past the acknowledgment due time' })
  unacknowledgedLate!: number;

  @Field(() => Number, { nullable: true })
  medianHoursToAcknowledge!: number | null;

  @Field(() => Int, { description: 'Open referrals of the function whose running clock has passed (function rows only)' })
  openBreaches!: number;
}

/** Rows of one SLA report answer (functions × liaisons); the download has no limit. */
const MAX_SLA_REPORT_ROWS = 1000;

@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver()
export class NotificationResolver {
  @Mutation(() => Employee, { description: 'Immediate notices, or a daily digest for the non-urgent ones' })
  setMyNotificationMode(@Arg('mode', () => NotificationMode) mode: NotificationMode, @Ctx() ctx: HubContext): Promise<Employee> {
    return ctx.services.org.updateEmployee(ctx.caller.id, { notificationMode: mode });
  }

  @Query(() => [Referral], { description: 'Referrals visible to you whose running clock has passed, longest overdue first', complexity: pageCost })
  overdueReferrals(@Ctx() ctx: HubContext, @Arg('first', () => Int, { defaultValue: 50 }) first = 50): Promise<Referral[]> {
    return ctx.services.referralQueries.overdue(ctx.caller, first, ctx.clock.now());
  }

  @Query(() => [SlaReportRow], {
    description: `Per receiving function and per liaison, for referrals received in [from, to); first: at most ${MAX_SLA_REPORT_ROWS} rows`,
    complexity: pageCost,
  })
  slaReport(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: HubContext,
    @Arg('functionId', () => ID, { nullable: true }) functionId?: string,
    @Arg('first', () => Int, { defaultValue: 200 }) first = 200,
  ): Promise<SlaReportRow[]> {
    return ctx.services.slaReport.report(from, to, functionId ?? null, ctx.clock.now(), checkPageSize(first, MAX_SLA_REPORT_ROWS));
  }

  @Query(() => [Notification], { description: 'Dead letters: notices rejected for good or out of retries; first: at most 500', complexity: pageCost })
  failedNotifications(@Ctx() ctx: HubContext, @Arg('first', () => Int, { defaultValue: 100 }) first = 100): Promise<Notification[]> {
    return ctx.services.notifications.failed(first);
  }

  @Mutation(() => Notification, { description: 'Put a dead letter back in the outbox' })
  retryNotification(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Notification> {
    return ctx.services.notifications.retry(id);
  }
}
