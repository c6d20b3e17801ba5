import { GraphQLTimeZone } from 'graphql-scalars';
import { isTimeZone } from '../../src/platform/calendar/time-zone';
import { TimeZoneScalar } from '../../src/platform/graphql/time-zone.scalar';

describe("TimeZone scalar (a function's time zone, in which its business days are counted)", () => {
  test('keeps the name, description and specification of graphql-scalars’ TimeZone, so the schema does not change', () => {
    expect(TimeZoneScalar.name).toBe(GraphQLTimeZone.name);
    expect(TimeZoneScalar.description).toBe(GraphQLTimeZone.description);
    expect(TimeZoneScalar.specifiedByURL).toBe(GraphQLTimeZone.specifiedByURL);
  });

  test('sends an IANA zone as it is, the second time from the zones already found valid', () => {
    expect(TimeZoneScalar.serialize('America/Chicago')).toBe('America/Chicago');
    expect(TimeZoneScalar.serialize('America/Chicago')).toBe('America/Chicago');
  });

  test('refuses to send what is not a zone, even after valid ones', () => {
    expect(() => TimeZoneScalar.serialize('Mars/Olympus')).toThrow(/IANA time zone/);
    expect(() => TimeZoneScalar.serialize(42)).toThrow();
  });

  test('checks input as the library does', () => {
    expect(TimeZoneScalar.parseValue('Europe/Paris')).toBe('Europe/Paris');
    expect(() => TimeZoneScalar.parseValue('Nowhere/Else')).toThrow(/IANA time zone/);
  });

  test('isTimeZone answers the same on a repeated question, valid or not', () => {
    for (let i = 0; i < 2; i++) {
      expect(isTimeZone('Pacific/Honolulu')).toBe(true);
      expect(isTimeZone('Pacific/Atlantis')).toBe(false);
      expect(isTimeZone(undefined)).toBe(false);
    }
  });
});
