import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/** `Date`: an ISO-8601 calendar date (`2025-09-09`), validated by graphql-scalars' LocalDate rules. */
export const dateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'An ISO-8601 calendar date such as `2025-09-09`.',
});
