import { Field, InputType } from 'type-graphql';
import { IdentifierField } from '../../platform/graphql/identifier-field';

@InputType({ description: 'The taxpayer whose disclosures are asked for' })
export class DisclosureAccountingTaxpayerInput {
  @IdentifierField()
  @Field(() => String, { description: "The taxpayer's TIN (matched through its keyed hash; never stored in clear)" })
  tin!: string;
}
