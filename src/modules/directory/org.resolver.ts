import { UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../platform/common/page-size';
import { pageCost } from '../../platform/graphql/page-cost';
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
import { Loaded } from '../../platform/live/cache-first-loader';

/** Largest page of functions or liaisons. */
const MAX_ORG_PAGE = 500;

@Resolver(() => Employee)
export class OrgResolver {
  @Query(() => Employee, { description: 'The signed-in employee' })
  me(@Ctx() ctx: OrgContext): Employee {
    return ctx.caller.employee;
  }

  @Query(() => [BusinessFunction], { description: `The business functions by code; first: at most ${MAX_ORG_PAGE}`, complexity: pageCost })
  businessFunctions(
    @Ctx() ctx: OrgContext,
    @Arg('first', () => Int, { defaultValue: 100, description: 'How many functions to answer, 1 to 500 (default 100)' }) first = 100,
  ): Promise<BusinessFunction[]> {
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
    @Arg('functionId', () => UUIDResolver, { description: 'The business function whose BMF ID theft liaisons are listed' })
    functionId: string,
    @Ctx() ctx: OrgContext,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many liaisons, at most ${MAX_ORG_PAGE}` }) first = 50,
  ): Promise<Employee[]> {
    return ctx.services.org.liaisonsOf(functionId, undefined, checkPageSize(first, MAX_ORG_PAGE));
  }

  @Mutation(() => BusinessFunction, { description: 'Admins: add a business function (code unique, IANA time zone for its business days)' })
  createBusinessFunction(
    @Arg('input', () => CreateBusinessFunctionInput, { description: 'Code, name and time zone of the new function' })
    input: CreateBusinessFunctionInput,
    @Ctx() ctx: OrgContext,
  ): Promise<BusinessFunction> {
    return ctx.services.org.createFunction(input);
  }

  @Mutation(() => Employee, { description: 'Admins: add an employee (e-mail unique)' })
  createEmployee(
    @Arg('input', () => CreateEmployeeInput, { description: 'E-mail, name, function, manager and roles of the new employee' })
    input: CreateEmployeeInput,
    @Ctx() ctx: OrgContext,
  ): Promise<Employee> {
    return ctx.services.org.createEmployee(input);
  }

  @Mutation(() => Employee, { description: 'Admins: change an employee (name, phone, function, manager, roles) or deactivate them' })
  updateEmployee(
    @Arg('id', () => UUIDResolver, { description: "The employee's id (UUID)" }) id: string,
    @Arg('input', () => UpdateEmployeeInput, { description: 'The fields that change; fields left out keep their value' })
    input: UpdateEmployeeInput,
    @Ctx() ctx: OrgContext,
  ): Promise<Employee> {
    return ctx.services.org.updateEmployee(id, input);
  }

  @Mutation(() => LiaisonAssignment, { description: 'Make an employee a BMF ID theft liaison of a function' })
  assignLiaison(
    @Arg('functionId', () => UUIDResolver, { description: 'The id (UUID) of the function they become a liaison of' }) functionId: string,
    @Arg('employeeId', () => UUIDResolver, { description: 'The id (UUID) of the employee' }) employeeId: string,
    @Ctx() ctx: OrgContext,
  ): Promise<LiaisonAssignment> {
    return ctx.services.org.assignLiaison(functionId, employeeId);
  }

  @Mutation(() => Boolean, { description: "Admins: end an employee's liaison assignment for a function; true if there was one" })
  removeLiaison(
    @Arg('functionId', () => UUIDResolver, { description: 'The id (UUID) of the function' }) functionId: string,
    @Arg('employeeId', () => UUIDResolver, { description: 'The id (UUID) of the liaison' }) employeeId: string,
    @Ctx() ctx: OrgContext,
  ): Promise<boolean> {
    return ctx.services.org.removeLiaison(functionId, employeeId);
  }

  @FieldResolver(() => BusinessFunction, { name: 'function', description: 'The business function the employee belongs to' })
  businessFunction(@Root() employee: Employee, @Ctx() ctx: OrgContext): Loaded<BusinessFunction | null> {
    return ctx.loaders.businessFunction.load(employee.functionId);
  }

  @FieldResolver(() => Employee, {
    nullable: true,
    name: 'manager',
    description: 'Their manager, the next link of the management chain elevations climb (IRM 10.5.3.3.7.1(5) note); null at the top',
  })
  managerEmployee(@Root() employee: Employee, @Ctx() ctx: OrgContext): Loaded<Employee | null> {
    return employee.managerId ? ctx.loaders.employee.load(employee.managerId) : null;
  }

  @FieldResolver(() => [UUIDResolver], { description: 'Functions this employee is a BMF ID theft liaison for' })
  liaisonForFunctionIds(@Root() employee: Employee, @Ctx() ctx: OrgContext): Promise<string[]> {
    return ctx.services.org.liaisonFunctionIdsOf(employee.id);
  }
}
