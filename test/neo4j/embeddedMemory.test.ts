import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { connectNeo4j, type Neo4jConnection } from '../../src/neo4j/connectNeo4j.js';
import { freePort } from '../support/freePort.js';

const MIB = 1024 * 1024;

describe('the embedded Neo4j memory settings', () => {
  let dataDir: string;
  let connection: Neo4jConnection;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-memory-'));
    // Sizes no default uses, so that reading them back proves they came from the environment.
    const config = loadConfig({
      NEO4J_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      NEO4J_PAGECACHE: '72m',
      NEO4J_HEAP: '320m',
    });
    connection = await connectNeo4j(config);
  });

  afterAll(async () => {
    await connection?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives Neo4j the page cache NEO4J_PAGECACHE names', async () => {
    const { records } = await connection.driver.executeQuery(
      "SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value",
    );
    expect(records.map((record) => record.get('value'))).toEqual(['72.00MiB']);
  });

  it('runs Neo4j in a JVM whose heap NEO4J_HEAP sizes', async () => {
    const { records } = await connection.driver.executeQuery(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap",
    );
    const heap = records[0]!.get('heap') as { init: number; max: number };
    // The collector keeps one survivor space out of the usable maximum, so `max` is a little under -Xmx.
    expect(heap.init).toBe(320 * MIB);
    expect(heap.max).toBeGreaterThan(0.85 * 320 * MIB);
    expect(heap.max).toBeLessThanOrEqual(320 * MIB);
  });
});
