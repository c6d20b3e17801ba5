import { UUIDResolver } from 'graphql-scalars';

/**
 * Every id of the hub (employees, referrals, lookouts, …) is a UUID. GraphQL checks them with the schema's UUID
 * scalar; ids that arrive another way (a URL, a token's subject, a sign-in form) get the same check here.
 */
export function isUuid(value: string): boolean {
  // Only a UUID's length (36, or 38 in braces) can pass: free text, checked for ids in every audited mutation's
  // arguments, skips the scalar's check, which throws (and builds an error with its stack) on every miss.
  if (value.length !== 36 && value.length !== 38) return false;
  try {
    UUIDResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
}
