import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, OrderInput } from '../../platform/graphql/connection';
import { Employee } from './employee.entity';
import { EmployeeSortField } from './org.service';
import { Role } from './role';

@InputType({ description: 'A new business function (BOD or function such as Accounts Management or RICS RIVO); admins only' })
export class CreateBusinessFunctionInput {
  @Field(() => String, { description: 'Short stable code, unique, in capitals and hyphens, e.g. "AM" or "RICS-RIVO"' })
  code!: string;

  @Field(() => String, { description: 'Full name as employees know it, e.g. "Accounts Management"' })
  name!: string;

  // String, not the TimeZone scalar: graphql-scalars' TimeZone refuses an inline literal without saying where, so a
  // wrong zone could not be named in fieldErrors; the org service checks it against the same IANA database.
  @Field(() => String, { description: 'IANA time zone, e.g. America/New_York' })
  timeZone!: string;
}

@InputType({ description: 'A new employee of a function; admins only' })
export class CreateEmployeeInput {
  @Field(() => String, { description: 'Work e-mail address, unique (stored lower-case): the sign-in identity and where notices go' })
  email!: string;

  @Field(() => String, { description: 'Full name, as shown on referrals and in notices' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Work telephone number, if any (shown to colleagues on referrals)' })
  phone?: string | null;

  @Field(() => UUIDResolver, { description: "The id (UUID) of the employee's business function" })
  functionId!: string;

  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'The id (UUID) of their manager: the next link of the chain elevations climb (IRM 10.5.3.3.7.1(5) note); none at the top',
  })
  managerId?: string | null;

  @Field(() => [Role], {
    description: 'What they may do besides filing referrals (empty: a functional employee who files and works referrals)',
  })
  roles!: Role[];
}

@InputType({ description: 'Changes to an employee; only the fields given change; admins only' })
export class UpdateEmployeeInput {
  @Field(() => String, { nullable: true, description: 'New full name' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New work telephone number; null removes it' })
  phone?: string | null;

  @Field(() => UUIDResolver, { nullable: true, description: 'The id (UUID) of the business function they move to' })
  functionId?: string;

  @Field(() => UUIDResolver, { nullable: true, description: 'The id (UUID) of their new manager; null: nobody above them' })
  managerId?: string | null;

  @Field(() => [Role], { nullable: true, description: 'The roles they now have (replaces the list)' })
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
