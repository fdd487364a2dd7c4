import {
  buildSchema,
  execute,
  parse,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { memoizeBySelection } from '../../src/graphql/memoizeBySelection.js';

const schema = buildSchema(`
  type Item { id: ID! children(first: Int): [Item!]! }
  type Query { item(id: ID!): Item }
`);

/** Runs `document` with graphql-js; the `item` resolver derives a fresh object per call to `derive`. */
function runner(document: DocumentNode) {
  let derived = 0;
  const values: unknown[] = [];
  // graphql-js calls a root value's function with (args, context, info).
  const rootValue = {
    item: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
      values.push(memoizeBySelection(info, 'test', () => ({ call: ++derived })));
      return { id: 'x', children: [] };
    },
  };
  return {
    run: async (variableValues: Record<string, unknown>) => {
      const { errors } = await execute({ schema, document, rootValue, variableValues });
      expect(errors).toBeUndefined();
    },
    values,
    derivedCount: () => derived,
  };
}

describe('memoizeBySelection', () => {
  it('derives once for a document run again with other values of the field’s own arguments', async () => {
    const { run, values, derivedCount } = runner(
      parse('query($id: ID!) { item(id: $id) { id children(first: 2) { id } } }'),
    );
    await run({ id: 'a' });
    await run({ id: 'b' });
    expect(derivedCount()).toBe(1);
    expect(values[1]).toBe(values[0]);
  });

  it('derives again when a variable used below the field changes, and reuses each value', async () => {
    const { run, values, derivedCount } = runner(
      parse('query($n: Int) { item(id: "a") { children(first: $n) { id } } }'),
    );
    await run({ n: 1 });
    await run({ n: 2 });
    await run({ n: 1 });
    expect(derivedCount()).toBe(2);
    expect(values[1]).not.toBe(values[0]);
    expect(values[2]).toBe(values[0]);
  });

  it('follows fragment spreads and directives to the variables they use', async () => {
    const { run, derivedCount } = runner(
      parse(
        'query($deep: Boolean!) { item(id: "a") { ...F } } fragment F on Item { children { id ... @include(if: $deep) { children { id } } } }',
      ),
    );
    await run({ deep: true });
    await run({ deep: false });
    expect(derivedCount()).toBe(2);
  });

  it('keeps a value per type for a field an interface fragment shares between types', async () => {
    const shared = buildSchema(`
      interface Thing { parts: [ID!]! }
      type A implements Thing { parts: [ID!]! }
      type B implements Thing { parts: [ID!]! }
      type Query { things: [Thing!]! }
    `);
    const parentTypes: string[] = [];
    const parts = (_: unknown, __: unknown, ___: unknown, info: GraphQLResolveInfo) =>
      memoizeBySelection(info, 'test', () => {
        parentTypes.push(info.parentType.name);
        return [info.parentType.name];
      });
    const rootValue = { things: [{ __typename: 'A' }, { __typename: 'B' }, { __typename: 'A' }] };
    for (const type of ['A', 'B']) (shared.getType(type) as GraphQLObjectType).getFields().parts!.resolve = parts;
    const { data, errors } = await execute({
      schema: shared,
      document: parse('{ things { ...T } } fragment T on Thing { parts }'),
      rootValue,
    });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ things: [{ parts: ['A'] }, { parts: ['B'] }, { parts: ['A'] }] });
    expect(parentTypes).toEqual(['A', 'B']);
  });

  it('keeps the values of separate documents apart', async () => {
    const text = '{ item(id: "a") { id } }';
    const first = runner(parse(text));
    const second = runner(parse(text));
    await first.run({});
    await second.run({});
    expect(second.derivedCount()).toBe(1);
  });
});
