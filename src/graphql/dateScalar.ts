import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/** graphql-scalars' LocalDate rules (`YYYY-MM-DD`, a real calendar day) with a message that shows the format. */
function parseDate(value: unknown): string {
  try {
    return GraphQLLocalDate.parseValue(value) as string;
  } catch {
    throw new GraphQLError(`Expected an ISO-8601 calendar date such as 2025-09-09, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

/** `Date`: an ISO-8601 calendar date such as `2025-09-09`. */
export const dateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'An ISO-8601 calendar date such as `2025-09-09`.',
  serialize: parseDate,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : print(ast)),
});
