import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      NEO4J_EMBEDDED_PORT: 7687,
      NEO4J_DATA_DIR: '.data/neo4j',
      SEED_ON_EMPTY: true,
    });
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it('accepts cluster and Aura URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).NEO4J_URI).toBe(
      'neo4j+s://abc.databases.neo4j.io',
    );
    expect(loadConfig({ NEO4J_URI: 'neo4j://core1:7687' }).NEO4J_URI).toBe('neo4j://core1:7687');
  });

  it('sizes the embedded Neo4j for the seed unless told otherwise, and names a bad size', () => {
    expect(loadConfig({})).toMatchObject({ NEO4J_PAGECACHE: '256m', NEO4J_HEAP: '1g' });
    expect(loadConfig({ NEO4J_PAGECACHE: '4g', NEO4J_HEAP: '4096m' })).toMatchObject({
      NEO4J_PAGECACHE: '4g',
      NEO4J_HEAP: '4096m',
    });
    expect(() => loadConfig({ NEO4J_HEAP: '4 GB' })).toThrow(/NEO4J_HEAP: expected a size such as 1g or 4096m/);
  });

  it('reports every bad variable on its own line, with the value received', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', SEED_ON_EMPTY: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(expect.stringMatching(/^PORT: expected a port number \(got "eighty"\)$/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^NEO4J_URI: expected a Neo4j URI .* \(got "http:\/\/localhost:7474"\)$/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^SEED_ON_EMPTY: expected true or false \(got "maybe"\)$/));
  });

  it('names the GraphQL IDE and the subscription limits it accepts', () => {
    expect(loadConfig({})).toMatchObject({
      GRAPHQL_IDE: 'graphiql',
      CHANGE_POLL_INTERVAL_MS: 1000,
      SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT: 10,
    });
    expect(() => loadConfig({ GRAPHQL_IDE: 'playground' })).toThrow(
      /GRAPHQL_IDE: expected graphiql, sandbox or off \(got "playground"\)/,
    );
    expect(() => loadConfig({ SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT: '0' })).toThrow(
      /SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT: expected a positive number of connections/,
    );
  });

  it('serves /graphql on the fast path unless switched off, and names the accepted values otherwise', () => {
    expect(loadConfig({})).toMatchObject({ GRAPHQL_COMPILED_EXECUTION: 'on', GRAPHQL_HTTP: 'node' });
    expect(loadConfig({ GRAPHQL_COMPILED_EXECUTION: 'off', GRAPHQL_HTTP: 'express' })).toMatchObject({
      GRAPHQL_COMPILED_EXECUTION: 'off',
      GRAPHQL_HTTP: 'express',
    });
    expect(() => loadConfig({ GRAPHQL_COMPILED_EXECUTION: 'false', GRAPHQL_HTTP: 'fastify' })).toThrow(
      /GRAPHQL_COMPILED_EXECUTION: expected on or off \(got "false"\)\n {2}GRAPHQL_HTTP: expected node or express \(got "fastify"\)/,
    );
  });
});
