import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.js';
import { FIELD_REGISTRY } from './fieldRegistry.js';
import { resolverOf } from './resolverOf.js';

/** The resolvers `FIELD_REGISTRY` implies, by type and field. */
export function registryResolvers(): Record<string, Record<string, GraphQLFieldResolver<never, Context, never>>> {
  return Object.fromEntries(
    Object.entries(FIELD_REGISTRY).map(([typeName, fields]) => [
      typeName,
      Object.fromEntries(
        Object.entries(fields).map(([fieldName, declaration]) => [fieldName, resolverOf(declaration)]),
      ),
    ]),
  );
}
