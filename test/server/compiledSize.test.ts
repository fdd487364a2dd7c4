import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledSize } from '../../src/server/compiledSize.js';

const schema = buildSchema(`
  interface Named { name: String! next: Named }
  type Person implements Named { name: String! next: Named born: Int }
  type Place implements Named { name: String! next: Named }
  type Query { person: Person named: Named }
`);
const sizeOf = (query: string, operationName: string | null = null, limit = 1_000_000) =>
  compiledSize(schema, parse(query), operationName, limit);

describe('compiledSize', () => {
  it('counts each selected field once below a field of an object type', () => {
    expect(sizeOf('{ person { name born } }')).toBe(3);
  });

  it('counts the selection below an interface field once for every type it may be', () => {
    expect(sizeOf('{ named { name } }')).toBe(3);
    expect(sizeOf('{ named { name next { name } } }')).toBe(1 + 2 * (2 + 2 * 1));
  });

  it('counts fragments only for the types they apply to', () => {
    expect(sizeOf('{ named { ... on Person { born } ...Place } } fragment Place on Place { name }')).toBe(3);
    expect(sizeOf('{ named { ... on Named { name } } }')).toBe(3);
  });

  it('stops counting at the limit, and knows no size for an operation not in the document', () => {
    const level = (depth: number): string => (depth === 0 ? 'name' : `next { ${level(depth - 1)} }`);
    expect(sizeOf(`{ named { ${level(30)} } }`, null, 1_000)).toBe(1_000);
    expect(sizeOf('query A { person { name } }', 'B')).toBeNull();
    expect(sizeOf('query A { person { name } }', 'A')).toBe(2);
  });
});
