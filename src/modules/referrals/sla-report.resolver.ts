import { UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
import { ReferralConnection, WorkQueueOrderInput } from './referral.types';
import { MAX_PAGE_SIZE, SOONEST_DUE_FIRST } from './referral-query.service';
import { PageArgs } from '../../platform/graphql/connection';
import { ReferralsContext } from './referrals-context';
import { SlaReportRow } from './sla-report-row';

/** Rows of one SLA report answer (functions × liaisons); the download has no limit. */
const MAX_SLA_REPORT_ROWS = 1000;

/** The referral SLA follow-up: what is overdue, and how receiving functions acknowledge. */
@Resolver()
export class SlaReportResolver {
  @Query(() => ReferralConnection, {
    description: `Referrals visible to you whose running clock has passed (by default longest overdue first); a page holds at most ${MAX_PAGE_SIZE}`,
    complexity: pageCost,
  })
  async overdueReferrals(
    @Ctx() ctx: ReferralsContext,
    @Arg('orderBy', () => WorkQueueOrderInput, {
      nullable: true,
      description: 'The order (default: soonest due first, i.e. longest overdue first)',
    })
    orderBy: WorkQueueOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ReferralConnection> {
    return ReferralConnection.of(
      await ctx.services.referralQueries.overdue(ctx.caller, orderBy ?? SOONEST_DUE_FIRST, page, ctx.clock.now()),
    );
  }

  @Query(() => [SlaReportRow], {
    description: `Per receiving function and per liaison, for referrals received in [from, to); first: at most ${MAX_SLA_REPORT_ROWS} rows`,
    complexity: pageCost,
  })
  slaReport(
    @Arg('from', () => Date, { description: 'Start of the period, inclusive (UTC instant)' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period, exclusive (UTC instant)' }) to: Date,
    @Ctx() ctx: ReferralsContext,
    @Arg('functionId', () => UUIDResolver, {
      nullable: true,
      description: 'Only this receiving function (UUID); all functions when omitted',
    })
    functionId?: string,
    @Arg('first', () => Int, { defaultValue: 200, description: 'How many rows to answer (default 200)' }) first = 200,
  ): Promise<SlaReportRow[]> {
    return ctx.services.slaReport.report(from, to, functionId ?? null, ctx.clock.now(), checkPageSize(first, MAX_SLA_REPORT_ROWS));
  }
}
