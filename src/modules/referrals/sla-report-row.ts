import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

/** One row of the SLA report: the GraphQL answer and the service's result alike. */
@ObjectType({ description: 'Acknowledgment performance of a receiving function, or of one of its liaisons' })
export class SlaReportRow {
  @Field(() => UUIDResolver)
  functionId!: string;

  @Field(() => String)
  functionCode!: string;

  /** null: the row for the whole function; otherwise one liaison who acknowledged. */
  @Field(() => UUIDResolver, { nullable: true, description: 'null on the row for the whole function' })
  liaisonId!: string | null;

  @Field(() => String, { nullable: true })
  liaisonName!: string | null;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  acknowledgedOnTime!: number;

  @Field(() => Int)
  acknowledgedLate!: number;

  @Field(() => Int, { description: 'Not acknowledged and already past the acknowledgment due time' })
  unacknowledgedLate!: number;

  @Field(() => Number, { nullable: true })
  medianHoursToAcknowledge!: number | null;

  @Field(() => Int, { description: 'Open referrals of the function whose running clock has passed (function rows only)' })
  openBreaches!: number;
}
