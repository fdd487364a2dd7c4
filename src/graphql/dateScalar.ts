import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/**
 * Dates already found valid. Every date in an answer is checked again on its way out, and answers repeat the same
 * days, so a set lookup replaces most checks. Bounded: emptied when full.
 */
const validDates = new Set<string>();
const MAX_VALID_DATES = 10_000;

/** graphql-scalars' LocalDate rules (`YYYY-MM-DD`, a real calendar day) with a message that shows the format. */
function parseDate(value: unknown): string {
  if (typeof value === 'string' && validDates.has(value)) return value;
  try {
    const date = GraphQLLocalDate.parseValue(value) as string;
    if (validDates.size >= MAX_VALID_DATES) validDates.clear();
    validDates.add(date);
    return date;
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
