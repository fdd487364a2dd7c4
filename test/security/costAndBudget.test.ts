import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_MAX_COST, EXPORT_NETWORK_QUERY } from '../../src/export/createGraphqlLoadGraph.js';
import { DEFAULT_ABUSE_LIMITS } from '../../src/server/createAbuseLimits.js';
import { fieldCost } from '../../src/server/fieldCost.js';
import { loadSchema } from '../../src/server/loadSchema.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

/** Issue 20, repro 1: a network of 5,000 nodes, two levels of relations under each, sized by `$f`. */
const REPRO = `query($f:Int){ network(ids:["organization/ktz"], depth:3, limit:5000){ nodes { entity { relations(first:$f){ evidence { excerpt } to { relations(first:$f){ evidence { excerpt } to { id name } } } } } } } }`;
const REPRO_LITERAL = REPRO.replace('query($f:Int)', 'query').replaceAll('$f', '1000');

/** The explorer's operations, from the page's own module (plain JavaScript, served as is). */
const explorerQueries = Object.values(
  (await import('../../src/explorer/public/queries.js' as string)) as Record<string, string>,
);

const schema = makeExecutableSchema({ typeDefs: loadSchema() });
const costOf = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [fieldCost] });

describe('the cost estimate', () => {
  it('lets every example and explorer query through the default limit', () => {
    const examples = readdirSync('examples')
      .filter((file) => file.endsWith('.graphql'))
      .map((file) => readFileSync(`examples/${file}`, 'utf8'));
    expect(explorerQueries.length).toBeGreaterThanOrEqual(4);
    for (const query of [...examples, ...explorerQueries]) {
      expect(
        costOf(query, {
          ids: ['organization/ktz'],
          depth: 3,
          query: 'ktz',
          id: 'organization/ktz',
          from: 'organization/ktz',
          to: 'region/krasnogorsk',
        }),
      ).toBeLessThanOrEqual(DEFAULT_ABUSE_LIMITS.maxCost);
    }
  });

  it("fits the export's own query at its largest arguments in the exports' budget", () => {
    expect(costOf(EXPORT_NETWORK_QUERY, { ids: ['organization/ktz'], depth: 3, limit: 5000 })).toBeLessThanOrEqual(
      EXPORT_MAX_COST,
    );
  });

  it('counts a size argument the same whether literal, variable or default', () => {
    const literal = costOf('{ entity(id: "organization/ktz") { relations(first: 1000) { id } } }');
    expect(
      costOf('query($f: Int) { entity(id: "organization/ktz") { relations(first: $f) { id } } }', { f: 1000 }),
    ).toBe(literal);
    expect(costOf('{ entity(id: "organization/ktz") { relations { id } } }')).toBe(
      costOf('{ entity(id: "organization/ktz") { relations(first: 100) { id } } }'),
    );
    expect(
      costOf('query($l: Int) { network(ids: ["organization/ktz"], limit: $l) { nodes { id } } }', { l: 5000 }),
    ).toBe(costOf('{ network(ids: ["organization/ktz"], limit: 5000) { nodes { id } } }'));
    expect(costOf(REPRO, { f: 1000 })).toBe(costOf(REPRO_LITERAL));
  });
});

describe('the cost limit over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("refuses the issue's query with $f = 1000 with 400 before anything runs, as it refuses the literal", async () => {
    const variable = await postGraphQL(server.url, REPRO, { f: 1000 });
    const literal = await postGraphQL(server.url, REPRO_LITERAL);
    for (const response of [variable, literal]) {
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/estimated cost is \d+, above the limit of 200000/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', maxCost: 200_000 },
      });
      expect(response.extensions?.queryStats?.roundTrips).toBe(0);
    }
    expect(variable.errors?.[0]?.message).toBe(literal.errors?.[0]?.message);
  });

  it('refuses the same query at $f = 50, whose answer once took 38 MB', async () => {
    const response = await postGraphQL(server.url, REPRO, { f: 50 });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs a variable under the limit', async () => {
    const response = await postGraphQL<{ entity: { relations: { id: string }[] } }>(
      server.url,
      'query($f: Int) { entity(id: "event/krasnogorsk-business-forum-2025") { relations(first: $f) { id to { relations(first: $f) { id } } } } }',
      { f: 3 },
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data?.entity.relations).toHaveLength(3);
  });
});

describe('the read budget of a Database', () => {
  const driver = createDriver({ uri: sharedNeo4j().uri });
  afterAll(() => driver.close());
  const READ = 'MATCH (n:Entity) WHERE n.retractedAt IS NULL RETURN n.id AS id ORDER BY n.id LIMIT 20';

  it('counts every read of an operation and, once spent, refuses the next read without a round trip', async () => {
    const unbounded = createDatabase({ driver });
    await unbounded.read(READ);
    expect(unbounded.stats.bytesRead).toBe(0);
    const measuring = createDatabase({ driver, maxReadBytes: 1_000_000 });
    await measuring.read(READ);
    const oneRead = measuring.stats.bytesRead;
    expect(oneRead).toBeGreaterThan(20 * 10);

    const db = createDatabase({ driver, maxReadBytes: Math.floor(oneRead * 1.5) });
    expect(await db.read(READ)).toHaveLength(20);
    await expect(db.read(READ)).rejects.toMatchObject({ extensions: { code: 'RESPONSE_TOO_LARGE' } });
    const roundTrips = db.stats.roundTrips;
    await expect(db.read(READ)).rejects.toMatchObject({ extensions: { code: 'RESPONSE_TOO_LARGE' } });
    expect(db.stats.roundTrips).toBe(roundTrips);
  });
});

describe('the read budget over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: { maxReadBytes: 4_000 } });
  });
  afterAll(() => server.close());

  it('stops a query that reads past it and answers one RESPONSE_TOO_LARGE error, no data', async () => {
    // About 14 KB when answered in full.
    const response = await postGraphQL(
      server.url,
      `{ network(ids: ["event/krasnogorsk-business-forum-2025"], depth: 2, limit: 200) { nodes { id label entity { names { lang value } aliases } } edges { id label evidence { excerpt } } } }`,
    );
    expect(response.status).toBe(422);
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('limit of 4000 bytes'),
      extensions: { code: 'RESPONSE_TOO_LARGE', limitBytes: 4_000 },
    });
    expect(response.errors?.[0]?.message).toContain('ask for less');
  });

  it('answers what fits', async () => {
    const response = await postGraphQL(server.url, '{ entity(id: "organization/ktz") { id name } }');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ entity: { id: 'organization/ktz', name: expect.any(String) } });
  });
});
