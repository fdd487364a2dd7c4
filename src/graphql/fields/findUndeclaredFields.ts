import { isObjectType, type GraphQLSchema } from 'graphql';
import { FIELD_REGISTRY } from './fieldRegistry.js';

/**
 * The fields of entity types (`Type.field`) that have neither a registry declaration nor an explicit resolver.
 * Such a field would answer null from a default resolver and be read by no plan: refuse it by name instead.
 */
export function findUndeclaredFields(
  schema: GraphQLSchema,
  explicitResolvers: Readonly<Record<string, object>>,
): string[] {
  return Object.values(schema.getTypeMap())
    .flatMap((type) => {
      if (!isObjectType(type) || !type.getInterfaces().some((implemented) => implemented.name === 'Entity')) return [];
      const declared = FIELD_REGISTRY[type.name] ?? {};
      const explicit = explicitResolvers[type.name] ?? {};
      return Object.keys(type.getFields())
        .filter((field) => !Object.hasOwn(declared, field) && !Object.hasOwn(explicit, field))
        .map((field) => `${type.name}.${field}`);
    })
    .sort();
}
