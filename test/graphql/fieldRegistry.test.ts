import { isObjectType, isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createExecutableSchema } from '../../src/graphql/createExecutableSchema.js';
import { FIELD_REGISTRY } from '../../src/graphql/fields/fieldRegistry.js';
import { loadSchema } from '../../src/server/loadSchema.js';

describe('the field registry', () => {
  it('declares or resolves every field of every entity type of the schema', () => {
    expect(() => createExecutableSchema(loadSchema())).not.toThrow();
  });

  it('refuses a schema whose new field has no entry, naming the field', () => {
    const forgotten = 'extend type Agreement { value: String } extend type Person { nickname: String }';
    expect(() => createExecutableSchema([...loadSchema(), forgotten])).toThrow(/Agreement\.value, Person\.nickname/);
  });

  it('names only types and fields the schema has', () => {
    const schema = createExecutableSchema(loadSchema());
    const stale = Object.entries(FIELD_REGISTRY).flatMap(([typeName, fields]) => {
      const type = schema.getType(typeName);
      if (!type || !(isObjectType(type) || isInterfaceType(type))) return [typeName];
      return Object.keys(fields)
        .filter((field) => !(field in type.getFields()))
        .map((field) => `${typeName}.${field}`);
    });
    expect(stale).toEqual([]);
  });
});
