import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { ClosuresContext } from './closures-context';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { Closure, ClosureHistoryEntry } from '../../platform/calendar/closure.entity';
import { MAX_CLOSURE_FUNCTIONS, MAX_CLOSURE_PAGE } from '../../platform/calendar/closure.service';

@InputType({ description: 'A closure: dates and scope. Nationwide (e.g. an executive order) or the functions (sites) closed.' })
export class ClosureInput {
  @Field(() => LocalDateResolver, { description: 'First closed day, YYYY-MM-DD' })
  startDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last closed day (inclusive); defaults to startDate' })
  endDate?: string | null;

  @Field(() => Boolean, { description: 'true: every function is closed; false: only the functions in functionIds' })
  nationwide!: boolean;

  @Field(() => [UUIDResolver], { nullable: true, description: 'The closed functions when not nationwide' })
  functionIds?: string[] | null;

  @Field(() => String, { description: 'Why, e.g. "Executive Order: Christmas Eve" or "Ogden campus closed: snow"' })
  reason!: string;
}

/** Thin: closures are ClosureService's (admin-only changes are checked there and by the access policy). */
@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver(() => Closure)
export class ClosureResolver {
  @Query(() => [Closure], {
    description: `Closures in force overlapping [from, to] (YYYY-MM-DD, inclusive), earliest first; first: at most ${MAX_CLOSURE_PAGE}`,
    complexity: pageCost,
  })
  closures(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: ClosuresContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): Promise<Closure[]> {
    return ctx.services.closures.list(from, to, checkPageSize(first, MAX_CLOSURE_PAGE));
  }

  @Mutation(() => Closure, { description: 'Admin: add a closure; every open clock it affects is re-timed in the same transaction' })
  addClosure(
    @Arg('input', () => ClosureInput, { description: 'The closed days, scope and reason' }) input: ClosureInput,
    @Ctx() ctx: ClosuresContext,
  ): Promise<Closure> {
    return ctx.services.closures.add(ctx.caller, input);
  }

  @Mutation(() => Closure, { description: 'Admin: correct a closure (dates, scope, reason); affected open clocks are re-timed' })
  updateClosure(
    @Arg('id', () => UUIDResolver, { description: "The closure's id (UUID)" }) id: string,
    @Arg('input', () => ClosureInput, { description: 'The whole corrected closure' }) input: ClosureInput,
    @Ctx() ctx: ClosuresContext,
  ): Promise<Closure> {
    return ctx.services.closures.update(ctx.caller, id, input);
  }

  @Mutation(() => Closure, { description: 'Admin: remove a closure; the clocks it moved move back (and may be breached at once)' })
  removeClosure(
    @Arg('id', () => UUIDResolver, { description: "The closure's id (UUID)" }) id: string,
    @Ctx() ctx: ClosuresContext,
  ): Promise<Closure> {
    return ctx.services.closures.remove(ctx.caller, id);
  }

  @FieldResolver(() => [BusinessFunction], {
    description: 'The closed functions; empty when nationwide',
    complexity: boundedListCost(MAX_CLOSURE_FUNCTIONS),
  })
  async functions(@Root() closure: Closure, @Ctx() ctx: ClosuresContext): Promise<BusinessFunction[]> {
    const functions = await ctx.loaders.businessFunction.loadMany(closure.functionIds);
    return functions.filter((f): f is BusinessFunction => f instanceof BusinessFunction);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The admin who entered it' })
  createdBy(@Root() closure: Closure, @Ctx() ctx: ClosuresContext): Promise<Employee | null> {
    return ctx.loaders.employee.load(closure.createdById);
  }

  @FieldResolver(() => [ClosureHistoryEntry], {
    description: `Every add, correction and removal, and what it did to open clocks, oldest first; first: at most ${MAX_CLOSURE_PAGE}`,
    complexity: pageCost,
  })
  history(
    @Root() closure: Closure,
    @Ctx() ctx: ClosuresContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many changes to answer, oldest first (default 20)' }) first = 20,
  ): Promise<ClosureHistoryEntry[]> {
    return ctx.services.closures.history(closure.id, checkPageSize(first, MAX_CLOSURE_PAGE));
  }
}

@Resolver(() => ClosureHistoryEntry)
export class ClosureHistoryResolver {
  @FieldResolver(() => Employee, { nullable: true, description: 'The admin who made the change' })
  actor(@Root() entry: ClosureHistoryEntry, @Ctx() ctx: ClosuresContext): Promise<Employee | null> {
    return ctx.loaders.employee.load(entry.actorId);
  }
}
