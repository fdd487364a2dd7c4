import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

/** What was thrown: a resolver's error, or the error Apollo wrapped (such as one thrown while creating the context). */
export function originalError(error: unknown): unknown {
  let current = unwrapResolverError(error);
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}
