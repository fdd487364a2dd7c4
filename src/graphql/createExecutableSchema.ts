import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { findUndeclaredFields } from './fields/findUndeclaredFields.js';
import { explicitResolvers, resolvers } from './resolvers/resolvers.js';

/**
 * The executable schema of `typeDefs` with every resolver; throws naming each field of an entity type that neither
 * the field registry nor an explicit resolver answers.
 */
export function createExecutableSchema(typeDefs: readonly string[]): GraphQLSchema {
  const schema = makeExecutableSchema({ typeDefs: [...typeDefs], resolvers });
  const undeclared = findUndeclaredFields(schema, explicitResolvers as Record<string, object>);
  if (undeclared.length > 0) {
    throw new Error(
      `fields without a declaration in FIELD_REGISTRY (src/graphql/fields/fieldRegistry.ts) or an explicit resolver: ${undeclared.join(', ')}`,
    );
  }
  return schema;
}
