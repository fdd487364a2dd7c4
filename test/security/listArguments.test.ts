import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_INCLUDES } from '../../src/repositories/EntityIncludes.js';
import { FULL_PROJECTION } from '../../src/repositories/ProjectionShape.js';
import { createCypherScope, fixedRelationTypes, relationsSubquery } from '../../src/repositories/includeCypher.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const names = (count: number) => Array.from({ length: count }, (_, index) => `TYPE_${index}`);

describe('relation types in Cypher', () => {
  const include = (types: readonly string[]) => ({
    types,
    direction: 'BOTH' as const,
    first: 10,
    evidence: false,
    end: NO_INCLUDES,
  });

  it("passes a client's types as a parameter, never as statement text", () => {
    const scope = createCypherScope(FULL_PROJECTION);
    const cypher = relationsSubquery('n', include(['PARTY_TO', 'SIGNED_AT']), scope);
    expect(cypher).not.toContain('PARTY_TO');
    expect(cypher).not.toContain('SIGNED_AT');
    expect(Object.values(scope.parameters)).toContainEqual(['PARTY_TO', 'SIGNED_AT']);
  });

  it("writes the schema fields' own types into the pattern", () => {
    const scope = createCypherScope(FULL_PROJECTION);
    expect(relationsSubquery('n', include(fixedRelationTypes(['SIGNED_AT', 'PARTY_TO'])), scope)).toContain(
      ':PARTY_TO|SIGNED_AT]',
    );
  });
});

describe('list arguments (issue 20, repro 4)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const RELATIONS = 'query($t: [String!]) { entity(id: "organization/ktz") { relations(types: $t) { id } } }';

  it('answers 20,000 relation types in a variable with BAD_USER_INPUT at once, naming the argument and the bound', async () => {
    const response = await postGraphQL(server.url, RELATIONS, { t: names(20_000) });
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      message: 'Argument "types": expected a list of at most 50 items, got 20000.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'types' },
    });
    // The entity alone was read: no statement was planned over the names.
    expect(response.extensions?.queryStats?.roundTrips).toBeLessThanOrEqual(1);
  });

  it('answers the same for a literal list', async () => {
    const literal = (count: number) =>
      `{ entity(id: "organization/ktz") { relations(types: [${names(count)
        .map((name) => `"${name}"`)
        .join(' ')}]) { id } } }`;
    const over = await postGraphQL(server.url, literal(51));
    expect(over.status).toBe(400);
    expect(over.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'types' },
      message: expect.stringContaining('at most 50'),
    });
    // 20,000 names do not get past the parser's token limit.
    const huge = await postGraphQL(server.url, literal(20_000));
    expect(huge.status).toBe(400);
    expect(huge.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('reads repeated types once, in one statement however they are given', async () => {
    const once = await postGraphQL<{ entity: { relations: { id: string }[] } }>(server.url, RELATIONS, {
      t: ['PARTY_TO'],
    });
    const repeated = await postGraphQL<{ entity: { relations: { id: string }[] } }>(server.url, RELATIONS, {
      t: Array.from({ length: 50 }, () => 'PARTY_TO'),
    });
    expect(repeated.errors).toBeUndefined();
    expect(once.data?.entity.relations.length).toBeGreaterThan(0);
    expect(repeated.data).toEqual(once.data);
    expect(repeated.extensions?.queryStats?.roundTrips).toBe(1);
  });

  it('bounds search kinds', async () => {
    const response = await postGraphQL(
      server.url,
      'query($k: [EntityKind!]) { search(query: "ktz", kinds: $k) { entity { id } } }',
      { k: Array.from({ length: 11 }, () => 'PERSON') },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'kinds' },
      message: expect.stringContaining('at most 10'),
    });
  });

  it('bounds network ids and reads repeated ids once', async () => {
    const many = await postGraphQL(server.url, 'query($ids: [ID!]!) { network(ids: $ids) { nodes { id } } }', {
      ids: Array.from({ length: 20_000 }, (_, index) => `organization/o-${index}`),
    });
    expect(many.status).toBe(400);
    expect(many.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'ids' },
      message: expect.stringContaining('at most 50'),
    });
    const twice = await postGraphQL<{ network: { nodes: { id: string }[] } }>(
      server.url,
      'query($ids: [ID!]!) { network(ids: $ids, limit: 1) { nodes { id } } }',
      {
        ids: ['organization/ktz', 'organization/ktz'],
      },
    );
    expect(twice.data?.network.nodes).toEqual([{ id: 'organization/ktz' }]);
  });
});
