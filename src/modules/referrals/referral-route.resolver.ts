import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { Referral14566Purpose } from './forms/form-14566';
import { ReferralForm } from './forms/referral-form';
import { ANY_PURPOSE, ReferralRoute, ReferralRouteChange } from './referral-route.entity';
import { ReferralsContext } from './referrals-context';
import { Loaded } from '../../platform/live/cache-first-loader';

@InputType({ description: 'A route as an admin sets it: it replaces the route of the same form and purpose' })
class ReferralRouteInput {
  @Field(() => ReferralForm, { description: 'The form the route is for' })
  form!: ReferralForm;

  @Field(() => Referral14566Purpose, { nullable: true, description: 'Form 14566: the purpose the route is for; omitted for 4442 and 3210' })
  purpose?: Referral14566Purpose | null;

  @Field(() => [String], { description: 'Codes of the functions that may receive it, e.g. ["RICS-RIVO"]; each an active function' })
  receivingFunctionCodes!: string[];

  @Field(() => Int, { nullable: true, description: 'Form 14566: acknowledge within this many business days of receipt (1 to 366)' })
  ackBusinessDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Form 14566: acknowledge within this many calendar days of receipt (1 to 366)' })
  ackCalendarDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Form 14566: complete within this many calendar days of receipt (1 to 366)' })
  completionCalendarDays?: number | null;

  @Field(() => String, { description: 'The IRM paragraph the route comes from, e.g. "IRM 10.5.3.3.11(3)"' })
  irmReference!: string;
}

/** One route per form and 14566 purpose at most (4442, 3210 and every purpose). */
const MAX_ROUTES = 2 + Object.keys(Referral14566Purpose).length;
const MAX_CHANGE_PAGE = 500;
const MAX_RECEIVERS = 500;

/** The routes of the forms: read by everyone, changed by admins (each change kept with before and after). */
@Resolver(() => ReferralRoute)
export class ReferralRouteResolver {
  @Query(() => [ReferralRoute], {
    description: "Where each form (and each 14566 purpose) may be filed, with the receiver's time frames; any employee may read them",
    complexity: boundedListCost(MAX_ROUTES),
  })
  referralRoutes(@Ctx() ctx: ReferralsContext): Promise<ReferralRoute[]> {
    return ctx.services.routes.list();
  }

  @Query(() => [BusinessFunction], {
    description:
      "The functions the caller may file a referral of this form (and 14566 purpose) to, by code: the route's receivers, else any other active function (IRM 10.5.3.3.7.1); what fileReferral accepts as receivingFunctionId",
    complexity: pageCost,
  })
  referralReceivers(
    @Ctx() ctx: ReferralsContext,
    @Arg('form', () => ReferralForm, { description: 'The form to be filed' }) form: ReferralForm,
    @Arg('purpose', () => Referral14566Purpose, { nullable: true, description: 'Form 14566: its purpose' })
    purpose: Referral14566Purpose | undefined,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many functions, at most ${MAX_RECEIVERS}` }) first = 100,
  ): Promise<BusinessFunction[]> {
    return ctx.services.routes.receiversFor(ctx.caller.employee.functionId, form, purpose ?? null, checkPageSize(first, MAX_RECEIVERS));
  }

  @Mutation(() => ReferralRoute, {
    description:
      'Admin: set the route of a form (and 14566 purpose): its receivers and time frames. Applies to referrals filed (time frames: forwarded) from now on; see the README',
  })
  setReferralRoute(
    @Arg('input', () => ReferralRouteInput, { description: 'The route: form, purpose or category, receiving function and its time frames' })
    input: ReferralRouteInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<ReferralRoute> {
    return ctx.services.routes.set(ctx.caller, input);
  }

  @FieldResolver(() => Referral14566Purpose, {
    nullable: true,
    description: 'Form 14566: the purpose the route is for; null: any referral of the form',
  })
  purpose(@Root() route: ReferralRoute): string | null {
    return route.purpose === ANY_PURPOSE ? null : route.purpose;
  }

  @FieldResolver(() => [ReferralRouteChange], {
    description: `The admin changes of the route, oldest first (who, when, before, after); first: at most ${MAX_CHANGE_PAGE}`,
    complexity: pageCost,
  })
  changes(
    @Root() route: ReferralRoute,
    @Ctx() ctx: ReferralsContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many changes, oldest first' }) first = 50,
  ): Promise<ReferralRouteChange[]> {
    return ctx.services.routes.changesOf(route, checkPageSize(first, MAX_CHANGE_PAGE));
  }
}

@Resolver(() => ReferralRouteChange)
export class ReferralRouteChangeResolver {
  @FieldResolver(() => Employee, { nullable: true, description: 'The admin who made the change' })
  actor(@Root() change: ReferralRouteChange, @Ctx() ctx: ReferralsContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(change.actorId);
  }
}
