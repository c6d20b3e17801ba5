import { GraphQLScalarType } from 'graphql';
import { GraphQLTimeZone } from 'graphql-scalars';
import { isTimeZone } from '../calendar/time-zone';

/**
 * graphql-scalars' TimeZone, whose check of every value it sends builds two Intl.DateTimeFormat objects (a tenth of a
 * work-queue request's time); a zone already found valid is sent as it is. Inputs are checked as the library does.
 */
export const TimeZoneScalar = new GraphQLScalarType({
  ...GraphQLTimeZone.toConfig(),
  serialize: (value) => (isTimeZone(value) ? value : GraphQLTimeZone.serialize(value)),
});
