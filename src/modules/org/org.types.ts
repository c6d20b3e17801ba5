import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { Role } from './role';

@InputType()
export class CreateBusinessFunctionInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  // String, not the TimeZone scalar: graphql-scalars' TimeZone refuses an inline literal without saying where, so a
  // wrong zone could not be named in fieldErrors; the org service checks it against the same IANA database.
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

  @Field(() => UUIDResolver)
  functionId!: string;

  @Field(() => UUIDResolver, { nullable: true })
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

  @Field(() => UUIDResolver, { nullable: true })
  functionId?: string;

  @Field(() => UUIDResolver, { nullable: true })
  managerId?: string | null;

  @Field(() => [Role], { nullable: true })
  roles?: Role[];

  @Field(() => Boolean, { nullable: true, description: 'false deactivates: the employee can no longer sign in' })
  active?: boolean;
}
