import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection';
import { PastTravelRequest } from './past-travel-request.entity';
import { IdentifierField } from '../../platform/graphql/identifier-field';
import { TinType } from '../../platform/validation/identifiers';
import { CrossingDirection } from '../tecs/tecs-state';

@InputType({ description: "A revenue officer's request for a taxpayer's past travel to and from the U.S. (seed 000)" })
export class PastTravelRequestInput {
  @Field(() => String, { description: "The taxpayer's name" })
  taxpayerName!: string;

  @Field(() => LocalDateResolver, { description: "The taxpayer's date of birth (calendar date, not in the future); sealed at rest" })
  dateOfBirth!: string;

  @IdentifierField()
  @Field(() => String, { description: "The taxpayer's TIN; sealed at rest, never shown back in clear" })
  tin!: string;

  @Field(() => TinType, { description: 'The kind of TIN' })
  tinType!: TinType;

  @Field(() => LocalDateResolver, { description: 'First day of the travel asked about (calendar date, not in the future)' })
  travelFrom!: string;

  @Field(() => LocalDateResolver, {
    description: 'Last day of the travel asked about (calendar date, not before travelFrom, not in the future)',
  })
  travelTo!: string;

  @Field(() => String, { description: 'Why it is needed (the collection purpose)' })
  reason!: string;

  @Field(() => [Int], {
    nullable: true,
    description:
      'The tax years of the case (four digits each); without them the answer can go to the taxpayer only, not to a representative',
  })
  taxYears?: number[] | null;
}

@InputType({ description: 'Which past-travel request, at which version' })
export class PastTravelStepInput {
  @Field(() => UUIDResolver, { description: 'The past-travel request' })
  requestId!: string;

  @Field(() => Int, { nullable: true, description: 'The version the caller saw; a newer one is a CONFLICT (STALE_VERSION)' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Required when declining: why' })
  reason?: string | null;
}

@InputType({ description: 'One crossing of the taxpayer, as DHS reports it' })
export class PastTripInput {
  @Field(() => Date, { description: 'Date and time of crossing (UTC instant)' })
  crossedAt!: Date;

  @Field(() => String, { description: 'Place of crossing' })
  placeOfCrossing!: string;

  @Field(() => CrossingDirection, { description: 'Into or out of the U.S.' })
  direction!: CrossingDirection;

  @IdentifierField()
  @Field(() => String, { description: 'Travel document number' })
  documentNumber!: string;
}

@InputType({ description: "DHS's answer to a past-travel request (the DHS interface client)" })
export class AnswerPastTravelInput {
  @Field(() => UUIDResolver, { description: 'The past-travel request' })
  requestId!: string;

  @IdentifierField()
  @Field(() => String, { description: "DHS's reference of its answer" })
  dhsReference!: string;

  @Field(() => [PastTripInput], { description: 'The crossings in the period asked about (may be empty: no travel found)' })
  trips!: PastTripInput[];
}

@ObjectType({ description: 'A page of past-travel requests (the Relay cursor connection spec)' })
export class PastTravelRequestConnection extends Connection(PastTravelRequest, 'PastTravelRequest') {}
