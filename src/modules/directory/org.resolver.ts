import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
import { OPERATION_MIDDLEWARE } from '../auth/operation-middleware';
import { OrgContext } from '../org/org-context';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { LiaisonAssignment } from '../org/liaison-assignment.entity';
import {
  CreateBusinessFunctionInput,
  CreateEmployeeInput,
  EmployeeConnection,
  EmployeeOrderInput,
  UpdateEmployeeInput,
} from '../org/org.types';
import { BY_NAME, MAX_EMPLOYEE_PAGE } from '../org/org.service';
import { PageArgs } from '../../platform/graphql/connection';
import { UUIDResolver } from 'graphql-scalars';

/** Largest page of functions or liaisons. */
const MAX_ORG_PAGE = 500;

@UseMiddleware(...OPERATION_MIDDLEWARE)
@Resolver(() => Employee)
export class OrgResolver {
  @Query(() => Employee, { description: 'The signed-in employee' })
  me(@Ctx() ctx: OrgContext): Employee {
    return ctx.caller.employee;
  }

  @Query(() => [BusinessFunction], { description: `The business functions by code; first: at most ${MAX_ORG_PAGE}`, complexity: pageCost })
  businessFunctions(@Ctx() ctx: OrgContext, @Arg('first', () => Int, { defaultValue: 100 }) first = 100): Promise<BusinessFunction[]> {
    return ctx.services.org.functions(checkPageSize(first, MAX_ORG_PAGE));
  }

  @Query(() => EmployeeConnection, {
    description: `The function's employees, by name by default; a page holds at most ${MAX_EMPLOYEE_PAGE}`,
    complexity: pageCost,
  })
  async employees(
    @Arg('functionId', () => UUIDResolver, { description: 'The business function whose employees are listed' }) functionId: string,
    @Ctx() ctx: OrgContext,
    @Arg('orderBy', () => EmployeeOrderInput, { nullable: true, description: 'The order (default: by name, A to Z)' })
    orderBy: EmployeeOrderInput | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<EmployeeConnection> {
    return EmployeeConnection.of(await ctx.services.org.employeesOf(functionId, orderBy ?? BY_NAME, page));
  }

  @Query(() => [Employee], { description: `A function's BMF ID theft liaisons; first: at most ${MAX_ORG_PAGE}`, complexity: pageCost })
  liaisons(
    @Arg('functionId', () => ID) functionId: string,
    @Ctx() ctx: OrgContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<Employee[]> {
    return ctx.services.org.liaisonsOf(functionId, undefined, checkPageSize(first, MAX_ORG_PAGE));
  }

  @Mutation(() => BusinessFunction)
  createBusinessFunction(
    @Arg('input', () => CreateBusinessFunctionInput) input: CreateBusinessFunctionInput,
    @Ctx() ctx: OrgContext,
  ): Promise<BusinessFunction> {
    return ctx.services.org.createFunction(input);
  }

  @Mutation(() => Employee)
  createEmployee(@Arg('input', () => CreateEmployeeInput) input: CreateEmployeeInput, @Ctx() ctx: OrgContext): Promise<Employee> {
    return ctx.services.org.createEmployee(input);
  }

  @Mutation(() => Employee)
  updateEmployee(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput,
    @Ctx() ctx: OrgContext,
  ): Promise<Employee> {
    return ctx.services.org.updateEmployee(id, input);
  }

  @Mutation(() => LiaisonAssignment, { description: 'Make an employee a BMF ID theft liaison of a function' })
  assignLiaison(
    @Arg('functionId', () => ID) functionId: string,
    @Arg('employeeId', () => ID) employeeId: string,
    @Ctx() ctx: OrgContext,
  ): Promise<LiaisonAssignment> {
    return ctx.services.org.assignLiaison(functionId, employeeId);
  }

  @Mutation(() => Boolean)
  removeLiaison(
    @Arg('functionId', () => ID) functionId: string,
    @Arg('employeeId', () => ID) employeeId: string,
    @Ctx() ctx: OrgContext,
  ): Promise<boolean> {
    return ctx.services.org.removeLiaison(functionId, employeeId);
  }

  @FieldResolver(() => BusinessFunction, { name: 'function' })
  businessFunction(@Root() employee: Employee, @Ctx() ctx: OrgContext): Promise<BusinessFunction | null> {
    return ctx.loaders.businessFunction.load(employee.functionId);
  }

  @FieldResolver(() => Employee, { nullable: true, name: 'manager' })
  async managerEmployee(@Root() employee: Employee, @Ctx() ctx: OrgContext): Promise<Employee | null> {
    return employee.managerId ? ctx.loaders.employee.load(employee.managerId) : null;
  }

  @FieldResolver(() => [ID], { description: 'Functions this employee is a BMF ID theft liaison for' })
  liaisonForFunctionIds(@Root() employee: Employee, @Ctx() ctx: OrgContext): Promise<string[]> {
    return ctx.services.org.liaisonFunctionIdsOf(employee.id);
  }
}
