import { rm } from 'node:fs/promises';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { PortInUseError } from '../../src/neo4j/PortInUseError.js';
import { copyNeo4jTemplate } from './copyNeo4jTemplate.js';
import { freePort } from './freePort.js';
import { connectToHost, startHostedNeo4j } from './neo4jHost.js';
import { waitFor } from './waitFor.js';

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(port, '127.0.0.1');
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

describe('the Neo4j host of the test run', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await copyNeo4jTemplate(false, 'coopgraph-host-');
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('answers a malformed or unknown command with ERROR and goes on serving the connection', async () => {
    const host = connectToHost(inject('neo4jHost'));
    try {
      expect(await host.send('START not-a-port 16m /nowhere')).toMatch(/^ERROR .*not-a-port/);
      expect(await host.send('START')).toMatch(/^ERROR /);
      expect(await host.send('RESTART 7687')).toBe('ERROR unknown command RESTART');
      expect(await host.send('STOP 1')).toBe('STOPPED');
    } finally {
      host.close();
    }
  });

  it('names a Bolt port that is taken as in use', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as net.AddressInfo;
      await expect(startHostedNeo4j(inject('neo4jHost'), dataDir, '16m', port)).rejects.toThrow(PortInUseError);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('stops the instances a client started when its connection closes, releasing their stores', async () => {
    const host = connectToHost(inject('neo4jHost'));
    const next = connectToHost(inject('neo4jHost'));
    try {
      const port = await freePort();
      expect(await host.send(`START ${port} 16m ${dataDir}`)).toBe('READY');
      const driver = createDriver({ uri: `neo4j://127.0.0.1:${port}` });
      await driver.verifyConnectivity().finally(() => driver.close());
      host.close();
      await waitFor(async () => !(await isListening(port)), 30_000);
      // The store is locked until its instance has shut down; another client can then start it.
      const again = await freePort();
      await waitFor(async () => (await next.send(`START ${again} 16m ${dataDir}`)) === 'READY', 30_000, 250);
      expect(await next.send(`STOP ${again}`)).toBe('STOPPED');
    } finally {
      host.close();
      next.close();
    }
  });
});
