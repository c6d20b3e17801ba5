import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { Referral } from './referral.entity';
import { ReferralsContext } from './referrals-context';

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

/** The referral SLA follow-up: what is overdue, and how receiving functions acknowledge. */
@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver()
export class SlaReportResolver {
  @Query(() => [Referral], { description: 'Referrals visible to you whose running clock has passed, longest overdue first', complexity: pageCost })
  overdueReferrals(@Ctx() ctx: ReferralsContext, @Arg('first', () => Int, { defaultValue: 50 }) first = 50): Promise<Referral[]> {
    return ctx.services.referralQueries.overdue(ctx.caller, first, ctx.clock.now());
  }

  @Query(() => [SlaReportRow], {
    description: `Per receiving function and per liaison, for referrals received in [from, to); first: at most ${MAX_SLA_REPORT_ROWS} rows`,
    complexity: pageCost,
  })
  slaReport(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: ReferralsContext,
    @Arg('functionId', () => ID, { nullable: true }) functionId?: string,
    @Arg('first', () => Int, { defaultValue: 200 }) first = 200,
  ): Promise<SlaReportRow[]> {
    return ctx.services.slaReport.report(from, to, functionId ?? null, ctx.clock.now(), checkPageSize(first, MAX_SLA_REPORT_ROWS));
  }
}
