import { Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { CalendarFeedContext } from './calendar-feed-context';

@ObjectType({ description: "A person's iCalendar feed of the deadlines they must meet (no taxpayer data in it)" })
export class CalendarFeed {
  @Field(() => String, {
    description:
      'The URL to subscribe to in a calendar client (it carries the feed token: shown only now, keep it private; revoke it if it leaks)',
  })
  url!: string;

  @Field(() => Date, { description: 'When this feed URL was created (UTC instant)' })
  createdAt!: Date;
}

@Resolver()
export class CalendarFeedResolver {
  @Mutation(() => CalendarFeed, {
    description:
      'Any employee: a new URL for your calendar feed (due times of the referrals you must act on); any earlier URL stops working',
  })
  createMyCalendarFeed(@Ctx() ctx: CalendarFeedContext): Promise<CalendarFeed> {
    return ctx.services.calendarFeeds.create(ctx.caller);
  }

  @Mutation(() => Boolean, { description: 'Any employee: revoke your calendar feed at once; false if you had none' })
  revokeMyCalendarFeed(@Ctx() ctx: CalendarFeedContext): Promise<boolean> {
    return ctx.services.calendarFeeds.revoke(ctx.caller);
  }
}
