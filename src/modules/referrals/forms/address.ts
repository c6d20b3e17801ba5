import { Field, InputType, ObjectType } from 'type-graphql';
import { type Checked, Problems, checked } from '../../../platform/validation/checked';
import { checkState, checkZip } from '../../../platform/validation/identifiers';
import { TEXT_MAX, checkOptionalText, checkText } from '../../../platform/validation/text';
import { IdentifierField } from '../../../platform/graphql/identifier-field';

/** A US postal address as stored: trimmed text, upper-case state, ZIP digits only. */
export interface StoredAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  zip: string;
}

@InputType({ description: 'A US postal address' })
export class PostalAddressInput {
  @Field(() => String, { description: 'Street address: number and street, or PO box' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Second address line (suite, floor), if any' })
  line2?: string | null;

  @Field(() => String, { description: 'City or town' })
  city!: string;

  @Field(() => String, { description: 'Two-letter USPS code, including DC and the territories' })
  state!: string;

  @IdentifierField()
  @Field(() => String, { description: '5 or 9 digits; a dash after the fifth digit is allowed' })
  zip!: string;
}

@ObjectType({ description: 'A US postal address' })
export class PostalAddress implements StoredAddress {
  @Field(() => String, { description: 'Street address: number and street, or PO box' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Second address line (suite, floor), if any' })
  line2!: string | null;

  @Field(() => String, { description: 'City or town' })
  city!: string;

  @Field(() => String, { description: 'Two-letter USPS state or territory code' })
  state!: string;

  @Field(() => String, { description: 'ZIP code digits (5 or 9)' })
  zip!: string;
}

export function checkAddress(input: PostalAddressInput, path: string): Checked<StoredAddress> {
  const problems = new Problems();
  const address: StoredAddress = {
    line1: problems.take(checkText(input.line1, `${path}.line1`, TEXT_MAX.short)),
    line2: problems.take(checkOptionalText(input.line2, `${path}.line2`, TEXT_MAX.short)),
    city: problems.take(checkText(input.city, `${path}.city`, TEXT_MAX.short)),
    state: problems.take(checkState(input.state, `${path}.state`)),
    zip: problems.take(checkZip(input.zip, `${path}.zip`)),
  };
  return checked(address, problems.errors);
}
