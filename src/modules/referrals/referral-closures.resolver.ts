import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Closure } from '../../platform/calendar/closure.entity';
import { MAX_CLOSURE_PAGE } from '../../platform/calendar/closure.service';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
import { ReferralClosureEffect } from './referral-closure-effect.entity';
import { Referral } from './referral.entity';
import { ReferralsContext } from './referrals-context';

@Resolver(() => ReferralClosureEffect)
export class ReferralClosureEffectResolver {
  @FieldResolver(() => Closure, { nullable: true, description: 'The closure (removedAt is set if it was removed since)' })
  closure(@Root() effect: ReferralClosureEffect, @Ctx() ctx: ReferralsContext): Promise<Closure | null> {
    return ctx.loaders.closure.load(effect.closureId);
  }
}

/** Referral.closuresApplied lives here so the referral resolver stays about the lifecycle. */
@Resolver(() => Referral)
export class ReferralClosuresResolver {
  @FieldResolver(() => [ReferralClosureEffect], {
    description: `The closure changes that moved this referral's clocks, oldest first; first: at most ${MAX_CLOSURE_PAGE}`,
    complexity: pageCost,
  })
  async closuresApplied(
    @Root() referral: Referral,
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many changes to answer, oldest first (default 20)' }) first = 20,
  ): Promise<ReferralClosureEffect[]> {
    return (await ctx.loaders.closureEffects.load(referral.id)).slice(0, checkPageSize(first, MAX_CLOSURE_PAGE));
  }
}
