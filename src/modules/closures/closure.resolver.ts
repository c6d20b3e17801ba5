import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { boundedListCost, pageCost } from '../../platform/graphql/page-cost';
import { ClosuresContext } from './closures-context';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { Closure, ClosureHistoryEntry } from '../../platform/calendar/closure.entity';
import { ClosureSortField, EARLIEST_CLOSURE_FIRST, MAX_CLOSURE_FUNCTIONS, MAX_CLOSURE_PAGE } from '../../platform/calendar/closure.service';
import { Connection, OrderInput, PageArgs } from '../../platform/graphql/connection';
import { Loaded } from '../../platform/live/cache-first-loader';

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

registerEnumType(ClosureSortField, {
  name: 'ClosureSortField',
  description: 'What a list of closures is ordered by (ties broken by id)',
  valuesConfig: { START_DATE: { description: 'The first closed day (local date, YYYY-MM-DD)' } },
});

@InputType({ description: 'The order of a list of closures (ties broken by id)' })
export class ClosureOrderInput extends OrderInput(ClosureSortField) {}

@ObjectType({ description: 'A page of closures (the Relay cursor connection spec)' })
export class ClosureConnection extends Connection(Closure, 'Closure') {}

/** Thin: closures are ClosureService's (admin-only changes are checked there and by the access policy). */
@Resolver(() => Closure)
export class ClosureResolver {
  @Query(() => ClosureConnection, {
    description: `Closures in force overlapping [from, to] (inclusive), earliest first by default; a page holds at most ${MAX_CLOSURE_PAGE}`,
    complexity: pageCost,
  })
  async closures(
    @Arg('from', () => LocalDateResolver, { description: 'First day of the period (local date, YYYY-MM-DD)' }) from: string,
    @Arg('to', () => LocalDateResolver, { description: 'Last day of the period (local date, YYYY-MM-DD, inclusive)' }) to: string,
    @Ctx() ctx: ClosuresContext,
    @Arg('orderBy', () => ClosureOrderInput, { nullable: true, description: 'The order (default: earliest start first)' })
    orderBy: ClosureOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ClosureConnection> {
    return ClosureConnection.of(await ctx.services.closures.list(from, to, orderBy ?? EARLIEST_CLOSURE_FIRST, page));
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
  createdBy(@Root() closure: Closure, @Ctx() ctx: ClosuresContext): Loaded<Employee | null> {
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
  actor(@Root() entry: ClosureHistoryEntry, @Ctx() ctx: ClosuresContext): Loaded<Employee | null> {
    return ctx.loaders.employee.load(entry.actorId);
  }
}
