import { ApolloServer, type GraphQLResponse } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompiledExecutionGateway } from '../../src/server/createCompiledExecutionGateway.js';

const schema = makeExecutableSchema({
  typeDefs: `
    interface Named { name: String! next: Named }
    type Person implements Named { name: String! next: Named born: Int }
    type Place implements Named { name: String! next: Named }
    type Query {
      named(first: Int!): [Named!]!
      chain: Named
      refused: String
      failing: String
      missing: String!
    }
  `,
  resolvers: {
    Named: { __resolveType: (value: { born?: number }) => ('born' in value ? 'Person' : 'Place') },
    Query: {
      named: (_: unknown, { first }: { first: number }) =>
        [{ name: 'Ada', born: 1815 }, { name: 'Almaty' }].slice(0, first),
      refused: () => {
        throw new GraphQLError('not for you', { extensions: { code: 'FORBIDDEN' } });
      },
      failing: async () => {
        throw new Error('connection lost');
      },
      missing: () => null,
      chain: () => ({ name: 'Ada', born: 1815 }),
    },
    Person: { next: () => ({ name: 'Almaty' }) },
    Place: { next: () => ({ name: 'Ada', born: 1815 }) },
  },
});

describe('createCompiledExecutionGateway', () => {
  const originals: unknown[] = [];
  const server = new ApolloServer({
    gateway: createCompiledExecutionGateway({ schema }),
    formatError: (formatted, error) => {
      originals.push(unwrapResolverError(error));
      return formatted;
    },
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const runOnce = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const response: GraphQLResponse = await server.executeOperation({ query, variables, operationName });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, ...response.body.singleResult };
  };
  /** The second answer, compiled where the operation is compiled at all, after checking it equals the first, interpreted. */
  const run = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const interpreted = await runOnce(query, variables, operationName);
    const compiled = await runOnce(query, variables, operationName);
    expect(compiled).toEqual(interpreted);
    return compiled;
  };

  it('answers as graphql-js does, with variables, fragments and abstract types', async () => {
    const query = 'query Q($first: Int!) { named(first: $first) { __typename name ... on Person { born } } }';
    const expected = await execute({ schema, document: parse(query), variableValues: { first: 2 } });
    expect(await run(query, { first: 2 })).toMatchObject({ data: expected.data });
    expect((await run(query, { first: 1 })).data).toEqual({
      named: [{ __typename: 'Person', name: 'Ada', born: 1815 }],
    });
  });

  it('answers bad variables with BAD_USER_INPUT and status 400, in graphql-js words', async () => {
    const { status, errors } = await run('query Q($first: Int!) { named(first: $first) { name } }', { first: 'two' });
    expect(status).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Variable "\$first" got invalid value "two"; Int cannot represent/),
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });

  it('keeps the code, path and original error of what resolvers throw', async () => {
    const { data, errors } = await run('{ refused failing }');
    expect(data).toEqual({ refused: null, failing: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'not for you',
        path: ['refused'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'FORBIDDEN' },
      }),
      expect.objectContaining({
        message: 'connection lost',
        path: ['failing'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ]);
    expect(originals.slice(-2).map((error) => (error as Error).message)).toEqual(['not for you', 'connection lost']);
  });

  it('reports a null in a non-null field', async () => {
    const { data, errors } = await run('{ missing }');
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ path: ['missing'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
  });

  it('runs an operation too large to compile through graphql-js', async () => {
    // Twenty levels of an interface with two types: a compiled form would spell out a million selections.
    const level = (depth: number): string => (depth === 0 ? 'name' : `name next { ${level(depth - 1)} }`);
    const { data, errors } = await run(`{ chain { ${level(20)} } }`);
    expect(errors).toBeUndefined();
    let node = (data as { chain: { name: string; next: unknown } }).chain;
    for (let depth = 0; depth < 20; depth++) node = node.next as typeof node;
    expect(node.name).toBe('Ada');
  });

  it('names an unknown operation as graphql-js does', async () => {
    const { status, errors } = await run('query A { refused } query B { refused }', undefined, 'C');
    expect(status).toBe(400);
    expect(errors).toEqual([expect.objectContaining({ message: 'Unknown operation named "C".' })]);
  });
});
