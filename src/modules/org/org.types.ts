import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, OrderInput } from '../../platform/graphql/connection';
import { Employee } from './employee.entity';
import { EmployeeSortField } from './org.service';
import { Role } from './role';

@InputType()
export class CreateBusinessFunctionInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. America/New_York' })
  timeZone!: string;
}

@InputType()
export class CreateEmployeeInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ID)
  functionId!: string;

  @Field(() => ID, { nullable: true })
  managerId?: string | null;

  @Field(() => [Role])
  roles!: Role[];
}

@InputType()
export class UpdateEmployeeInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ID, { nullable: true })
  functionId?: string;

  @Field(() => ID, { nullable: true })
  managerId?: string | null;

  @Field(() => [Role], { nullable: true })
  roles?: Role[];

  @Field(() => Boolean, { nullable: true, description: 'false deactivates: the employee can no longer sign in' })
  active?: boolean;
}

registerEnumType(EmployeeSortField, {
  name: 'EmployeeSortField',
  description: 'What a list of employees is ordered by (ties broken by id)',
  valuesConfig: { NAME: { description: 'The display name, as text' } },
});

@InputType({ description: 'The order of a list of employees (ties broken by id)' })
export class EmployeeOrderInput extends OrderInput(EmployeeSortField) {}

@ObjectType({ description: 'A page of employees (the Relay cursor connection spec)' })
export class EmployeeConnection extends Connection(Employee, 'Employee') {}
