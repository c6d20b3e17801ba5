import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IdentifierField } from '../../platform/graphql/identifier-field';
import { boundedListCost } from '../../platform/graphql/page-cost';
import { TecsDisclosure } from './tecs-disclosure.entity';
import { RepresentativeAuthorityForm, TecsDisclosureField, TecsRecipientKind } from './tecs-disclosure-state';

@InputType({ description: "The representative's authority on file (seed 000: disclosure to the taxpayer or their representative only)" })
export class RepresentativeAuthorityInput {
  @Field(() => RepresentativeAuthorityForm, { description: 'Form 2848 or Form 8821' })
  form!: RepresentativeAuthorityForm;

  @IdentifierField()
  @Field(() => String, { description: 'The reference of the authority on file (e.g. its CAF number or document locator)' })
  reference!: string;

  @Field(() => [Int], { description: "The tax years it covers (four digits each); they must include every tax year of the case's lookout" })
  taxYears!: number[];
}

@InputType({ description: 'Who TECS information is disclosed to' })
export class TecsRecipientInput {
  @Field(() => TecsRecipientKind, { description: 'Taxpayer, representative, or anyone else (always refused)' })
  kind!: TecsRecipientKind;

  @Field(() => String, { nullable: true, description: "The representative's name (required for a representative)" })
  name?: string | null;

  @Field(() => RepresentativeAuthorityInput, {
    nullable: true,
    description: "The representative's authority on file (required for a representative)",
  })
  authority?: RepresentativeAuthorityInput | null;
}

/** What TECS information is disclosed from: a crossing or an answered past-travel request, exactly one. */
@InputType({ description: 'What TECS information is disclosed from: a crossing or an answered past-travel request, exactly one' })
export class TecsSourceInput {
  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'The crossing (it must be matched to a lookout, so the taxpayer is known); give it or pastTravelRequestId, not both',
  })
  crossingId?: string | null;

  @Field(() => UUIDResolver, {
    nullable: true,
    description: 'An answered past-travel request (its name, date of birth and trips; seed 000); give it or crossingId, not both',
  })
  pastTravelRequestId?: string | null;
}

@InputType({
  description: 'A disclosure of facts of a DHS crossing report or a past-travel answer to the taxpayer or their representative',
})
export class DiscloseTecsInformationInput extends TecsSourceInput {
  @Field(() => TecsRecipientInput, { description: 'To whom' })
  recipient!: TecsRecipientInput;

  @Field(() => [TecsDisclosureField], {
    description: 'The fields disclosed: the five of seed 000, and others only under a DHS authorization for this recipient',
  })
  fields!: TecsDisclosureField[];
}

@InputType({ description: 'A DHS authorization to disclose further facts of a crossing or a past-travel answer to one recipient' })
export class RecordDhsDisclosureAuthorizationInput extends TecsSourceInput {
  @IdentifierField()
  @Field(() => String, { description: "DHS's reference of the authorization" })
  dhsReference!: string;

  @Field(() => TecsRecipientInput, {
    description: 'The recipient DHS authorized (taxpayer or representative; the authority is not needed here)',
  })
  recipient!: TecsRecipientInput;

  @Field(() => [TecsDisclosureField], { description: 'The fields DHS authorized' })
  fields!: TecsDisclosureField[];

  @Field(() => LocalDateResolver, { description: 'The date DHS gave the authorization (calendar date, not in the future)' })
  authorizedOn!: string;
}

@ObjectType({ description: 'One disclosed fact of a crossing or past-travel answer, as it is to be given to the recipient' })
export class TecsDisclosedValue {
  @Field(() => TecsDisclosureField, { description: 'The field' })
  field!: TecsDisclosureField;

  @Field(() => String, { nullable: true, description: 'Its value (instants in ISO 8601 UTC); null when DHS did not report it' })
  value!: string | null;
}

@ObjectType({ description: 'A recorded TECS disclosure and the values disclosed (the values are only in this answer)' })
export class TecsDisclosureReceipt {
  @Field(() => TecsDisclosure, { description: 'The record of the disclosure' })
  disclosure!: TecsDisclosure;

  @Field(() => [TecsDisclosedValue], {
    description: 'The values disclosed, field by field',
    complexity: boundedListCost(Object.keys(TecsDisclosureField).length),
  })
  values!: TecsDisclosedValue[];
}
