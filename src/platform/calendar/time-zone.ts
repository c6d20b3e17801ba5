import { IANAZone } from 'luxon';

/** Zones found valid, kept: the check builds an Intl.DateTimeFormat, which costs most of a millisecond each time. */
const validZones = new Set<string>();

/** Whether `zone` names an IANA time zone (such as 'America/New_York') that this runtime knows. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string') return false;
  if (validZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  validZones.add(zone);
  return true;
}
