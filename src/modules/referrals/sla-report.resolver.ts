import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver, UseMiddleware } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { Referral } from './referral.entity';
import { ReferralsContext } from './referrals-context';
import { SlaReportRow } from './sla-report-row';

/** Rows of one SLA report answer (functions × liaisons); the download has no limit. */
const MAX_SLA_REPORT_ROWS = 1000;

/** The referral SLA follow-up: what is overdue, and how receiving functions acknowledge. */
@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver()
export class SlaReportResolver {
  @Query(() => [Referral], {
    description: 'Referrals visible to you whose running clock has passed, longest overdue first',
    complexity: pageCost,
  })
  overdueReferrals(@Ctx() ctx: ReferralsContext, @Arg('first', () => Int, { defaultValue: 50 }) first = 50): Promise<Referral[]> {
    return ctx.services.referralQueries.overdue(ctx.caller, first, ctx.clock.now());
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
