import { UUIDResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { LookupKey } from '../database/reference-lookup';

/** The arguments of a single-item query: the item's id or its reference number (exactly one). */
@ArgsType()
export class LookupArgs implements LookupKey {
  @Field(() => UUIDResolver, { nullable: true, description: "The item's id (give this or referenceNumber)" })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The reference number the hub issued, as people quote it on the phone and in e-mail, e.g. 14566-2026-000042 (case and surrounding blanks ignored)',
  })
  referenceNumber?: string | null;
}
