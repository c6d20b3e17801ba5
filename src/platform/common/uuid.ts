import { UUIDResolver } from 'graphql-scalars';

/**
 * Every id of the hub (employees, referrals, lookouts, …) is a UUID. GraphQL checks them with the schema's UUID
 * scalar; ids that arrive another way (a URL, a token's subject, a sign-in form) get the same check here.
 */
export function isUuid(value: string): boolean {
  try {
    UUIDResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
}
