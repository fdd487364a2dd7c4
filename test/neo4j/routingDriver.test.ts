import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

/**
 * The test run's Neo4j is reached through a `neo4j://` URI, so every test drives the routing driver that a cluster or
 * Aura needs: it asks the server for a routing table and sends reads and writes to the members the table names.
 */
describe('the routing driver the tests run on', () => {
  const uri = sharedNeo4j().uri;
  let driver: Driver;

  beforeAll(() => {
    driver = createDriver({ uri });
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('is given a neo4j:// URI and discovers the server through it', async () => {
    expect(new URL(uri).protocol).toBe('neo4j:');
    // Only a routing driver resolves its initial router through `resolver`; a direct (bolt://) one never calls it.
    const resolved: string[] = [];
    const probe = neo4j.driver(uri, undefined, {
      resolver: (address) => {
        resolved.push(address);
        return [address];
      },
    });
    try {
      const { records } = await probe.executeQuery('RETURN 1 AS one', {}, { routing: neo4j.routing.READ });
      expect(records[0]!.get('one')).toEqual(neo4j.int(1));
      expect(resolved).toContain(new URL(uri).host);
    } finally {
      await probe.close();
    }
  });

  it('gets a routing table from the embedded Neo4j naming it as router, reader and writer', async () => {
    const { records } = await driver.executeQuery(
      "CALL dbms.routing.getRoutingTable({}, 'neo4j') YIELD servers UNWIND servers AS server RETURN server.role AS role, server.addresses AS addresses",
    );
    const table = Object.fromEntries(records.map((record) => [record.get('role'), record.get('addresses')]));
    const address = new URL(uri).host;
    expect(table).toEqual({ ROUTE: [address], READ: [address], WRITE: [address] });
  });

  it('runs reads in read transactions and writes in write transactions, as routed', async () => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      // The server is told the access mode: a write inside a read transaction is refused, so nothing is written.
      const refused = await session.executeRead((tx) => tx.run('CREATE (probe) RETURN probe')).catch((e) => e);
      expect(refused).toBeInstanceOf(Neo4jError);
      expect((refused as Neo4jError).code).toBe('Neo.ClientError.Statement.AccessMode');
      const written = await session.executeWrite((tx) =>
        tx.run('CREATE (probe) WITH probe DELETE probe RETURN count(*) AS written'),
      );
      expect(written.records[0]!.get('written')).toBe(1);
    } finally {
      await session.close();
    }
    // The repositories' door to Neo4j reads and writes through the same routing driver.
    const database = createDatabase({ driver });
    const rows = await database.read<{ n: number }>('MATCH (e:Entity) RETURN count(e) AS n');
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
