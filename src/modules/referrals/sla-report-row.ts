import { UUIDResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

/** One row of the SLA report: the GraphQL answer and the service's result alike. */
@ObjectType({ description: 'Acknowledgment performance of a receiving function, or of one of its liaisons' })
export class SlaReportRow {
  @Field(() => UUIDResolver, { description: 'The id (UUID) of the receiving function' })
  functionId!: string;

  @Field(() => String, { description: "The receiving function's code, e.g. RICS-RIVO" })
  functionCode!: string;

  /** null: the row for the whole function; otherwise one liaison who acknowledged. */
  @Field(() => UUIDResolver, { nullable: true, description: 'null on the row for the whole function' })
  liaisonId!: string | null;

  @Field(() => String, { nullable: true, description: "The liaison's name; null on the row for the whole function" })
  liaisonName!: string | null;

  @Field(() => Int, { description: 'Referrals received in the period' })
  received!: number;

  @Field(() => Int, { description: 'Of those, acknowledged by the acknowledgment due time' })
  acknowledgedOnTime!: number;

  @Field(() => Int, { description: 'Of those, acknowledged after the acknowledgment due time' })
  acknowledgedLate!: number;

  @Field(() => Int, { description: 'Not acknowledged and already past the acknowledgment due time' })
  unacknowledgedLate!: number;

  @Field(() => Number, {
    nullable: true,
    description:
      'Median elapsed hours from receipt to acknowledgment (wall-clock hours, not business hours); null when none was acknowledged',
  })
  medianHoursToAcknowledge!: number | null;

  @Field(() => Int, { description: 'Open referrals of the function whose running clock has passed (function rows only)' })
  openBreaches!: number;
}
