import { LocalDateResolver } from 'graphql-scalars';
import { TimeZoneScalar } from '../../platform/graphql/time-zone.scalar';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CountedDay, NonBusinessDay } from '../../platform/calendar/business-calendar';
import { boundedListCost } from '../../platform/graphql/page-cost';
import { ClockUnit, ReferralClock } from './referral-clocks';

registerEnumType(NonBusinessDay, {
  name: 'NonBusinessDay',
  description: 'Why a day was skipped when counting business days',
  valuesConfig: {
    WEEKEND: { description: 'Saturday or Sunday' },
    FEDERAL_HOLIDAY: { description: 'A U.S. federal holiday on its observed date (5 U.S.C. 6103)' },
    CLOSURE: { description: 'A closure in the closures calendar (executive-order day off, site closure) for this function' },
  },
});

/**
 * The days a business-day clock is priced at (query cost): the hub's business-day clocks run 3 to 10 business days
 * (IRM 10.5.3.3.7(3), 10.5.3.3.7.1(4), the functions' time frames), three weeks with weekends, holidays and closures.
 */
const EXPECTED_BUSINESS_DAY_WALK = 21;

@ObjectType({ description: 'One local day a clock was counted over: counted as its Nth day, or skipped and why' })
export class ClockDay implements CountedDay {
  @Field(() => LocalDateResolver, { description: 'The local date, YYYY-MM-DD, in the time zone of the explanation' })
  date!: string;

  @Field(() => Int, { nullable: true, description: 'Which day of the clock this was (1..length); null when skipped' })
  dayNumber!: number | null;

  @Field(() => NonBusinessDay, { nullable: true, description: 'Why a business-day clock skipped this day; null when counted' })
  skippedAs!: NonBusinessDay | null;

  @Field(() => String, { nullable: true, description: "The federal holiday's name, e.g. Thanksgiving Day, when skipped as one" })
  holiday!: string | null;
}

@ObjectType({
  description:
    'How a running clock of a referral got its due time, computed by the same calendar code as the due time: the day it ' +
    'started (never counted: IRM 10.5.3.3.7(3), 10.5.3.3.7.1(4)) and each day after it, counted or skipped, up to the due day',
})
export class ClockExplanation {
  @Field(() => ReferralClock, { description: 'The clock explained: review, acknowledgment or completion' })
  clock!: ReferralClock;

  @Field(() => ClockUnit, { description: 'Whether it counts business days or calendar days' })
  unit!: ClockUnit;

  @Field(() => Int, { description: 'How many days it counts (e.g. 3 business days to acknowledge a 14566)' })
  length!: number;

  @Field(() => TimeZoneScalar, { description: 'IANA time zone the days are local to: the function that must act' })
  timeZone!: string;

  @Field(() => Date, { description: 'When the clock started (submitted to review, received to acknowledge or complete), UTC' })
  startedAt!: Date;

  @Field(() => LocalDateResolver, { description: 'The local date it started on, YYYY-MM-DD (not counted)' })
  startedOn!: string;

  @Field(() => LocalDateResolver, { description: 'The last day counted, YYYY-MM-DD: the clock is due at its end' })
  lastDay!: string;

  @Field(() => [ClockDay], {
    description:
      'Business-day clocks: every day after the start up to the last day, in order, counted or skipped. ' +
      'Calendar-day clocks: empty, as every day from the start to the last day counts',
    complexity: boundedListCost(EXPECTED_BUSINESS_DAY_WALK),
  })
  days!: ClockDay[];

  @Field(() => Date, { description: 'The end (23:59:59.999 local) of the last counted day, UTC' })
  dueAt!: Date;
}
