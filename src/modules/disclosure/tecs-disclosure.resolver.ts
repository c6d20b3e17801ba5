import { UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { pageCost } from '../../platform/graphql/page-cost';
import { DisclosureContext } from './disclosure-context';
import { DhsDisclosureAuthorization, TecsDisclosure } from './tecs-disclosure.entity';
import { MAX_TECS_DISCLOSURE_PAGE } from './tecs-disclosure.service';
import { DiscloseTecsInformationInput, RecordDhsDisclosureAuthorizationInput, TecsDisclosureReceipt } from './tecs-disclosure.types';

const SEED = 'seed 000';

/** Thin: GraphQL to the TECS disclosure service, which checks the caller is on the case and the rules of seed 000. */
@Resolver(() => TecsDisclosure)
export class TecsDisclosureResolver {
  @Mutation(() => TecsDisclosureReceipt, {
    description: `Those on the TECS case: disclose facts of a crossing to the taxpayer or their representative and record it (${SEED}); the five facts freely, others only under a DHS authorization for that recipient, never to a third party (FORBIDDEN, audited)`,
  })
  discloseTecsInformation(
    @Arg('input', () => DiscloseTecsInformationInput, { description: 'The crossing, the recipient and the fields' })
    input: DiscloseTecsInformationInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<TecsDisclosureReceipt> {
    return ctx.services.tecsDisclosures.disclose(ctx.caller, input);
  }

  @Mutation(() => DhsDisclosureAuthorization, {
    description: `Those on the TECS case: record DHS's authorization to disclose further facts of a crossing to one recipient (${SEED})`,
  })
  recordDhsDisclosureAuthorization(
    @Arg('input', () => RecordDhsDisclosureAuthorizationInput, { description: 'The authorization as DHS gave it' })
    input: RecordDhsDisclosureAuthorizationInput,
    @Ctx() ctx: DisclosureContext,
  ): Promise<DhsDisclosureAuthorization> {
    return ctx.services.tecsDisclosures.recordAuthorization(ctx.caller, input);
  }

  @Query(() => [TecsDisclosure], {
    description: `Those on the TECS case: the recorded disclosures of the crossing, oldest first; first: at most ${MAX_TECS_DISCLOSURE_PAGE}`,
    complexity: pageCost,
  })
  tecsDisclosures(
    @Arg('crossingId', () => UUIDResolver, { description: 'The crossing' }) crossingId: string,
    @Ctx() ctx: DisclosureContext,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many, at most ${MAX_TECS_DISCLOSURE_PAGE}` }) first = 100,
  ): Promise<TecsDisclosure[]> {
    return ctx.services.tecsDisclosures.disclosuresOf(ctx.caller, crossingId, first);
  }

  @Query(() => [DhsDisclosureAuthorization], {
    description: `Those on the TECS case: the DHS authorizations recorded for the crossing, oldest first; first: at most ${MAX_TECS_DISCLOSURE_PAGE}`,
    complexity: pageCost,
  })
  dhsDisclosureAuthorizations(
    @Arg('crossingId', () => UUIDResolver, { description: 'The crossing' }) crossingId: string,
    @Ctx() ctx: DisclosureContext,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many, at most ${MAX_TECS_DISCLOSURE_PAGE}` }) first = 100,
  ): Promise<DhsDisclosureAuthorization[]> {
    return ctx.services.tecsDisclosures.authorizationsOf(ctx.caller, crossingId, first);
  }
}
