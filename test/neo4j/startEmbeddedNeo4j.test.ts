import { cp, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAUNCHER_DIR, startEmbeddedNeo4j } from '../../src/neo4j/startEmbeddedNeo4j.js';
import { PortInUseError } from '../../src/neo4j/PortInUseError.js';
import { StartupError } from '../../src/neo4j/StartupError.js';
import { freePort } from '../support/freePort.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

describe('startEmbeddedNeo4j', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-launcher-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('names a missing java and how to fix it', async () => {
    const start = startEmbeddedNeo4j({
      dataDir: path.join(scratch, 'a'),
      port: await freePort(),
      startTimeoutMs: 60_000,
      javaCommand: 'java-that-does-not-exist',
    });
    await expect(start).rejects.toThrow(StartupError);
    await expect(start).rejects.toThrow(
      /^Java was not found \(tried "java-that-does-not-exist"\): install a JDK 17 or newer .* or set NEO4J_URI/,
    );
  });

  it('names a missing Maven Wrapper when the launcher must be built', async () => {
    const launcherDir = path.join(scratch, 'launcher');
    await cp(path.join(LAUNCHER_DIR, 'pom.xml'), path.join(launcherDir, 'pom.xml'));
    await cp(path.join(LAUNCHER_DIR, 'src'), path.join(launcherDir, 'src'), { recursive: true });
    const start = startEmbeddedNeo4j({
      dataDir: path.join(scratch, 'b'),
      port: await freePort(),
      startTimeoutMs: 60_000,
      launcherDir,
    });
    await expect(start).rejects.toThrow(
      /^The Maven Wrapper was not found \(tried ".*launcher\/mvnw"\): restore it with "git checkout -- neo4j\/mvnw neo4j\/.mvn", or set NEO4J_URI/,
    );
  });

  it('names a busy port and the variable that moves it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const start = startEmbeddedNeo4j({ dataDir: path.join(scratch, 'c'), port, startTimeoutMs: 60_000 });
      await expect(start).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use: stop the program listening there, or set NEO4J_EMBEDDED_PORT to a free port`,
      );
      // Tests pick another port on this class of error (startOnFreePort).
      await expect(start).rejects.toThrow(PortInUseError);
    } finally {
      blocker.close();
    }
  });

  it('names a store locked by another process and the variable that moves it', async () => {
    const dataDir = sharedNeo4j().dataDir;
    await expect(startEmbeddedNeo4j({ dataDir, port: await freePort(), startTimeoutMs: 120_000 })).rejects.toThrow(
      `The Neo4j store in ${dataDir} is locked by another process: stop the other coopgraph or Neo4j using it, or set NEO4J_DATA_DIR to another directory.`,
    );
  });

  it('gives up with a clear sentence when Neo4j is not ready in time', async () => {
    const dataDir = path.join(scratch, 'slow');
    await expect(startEmbeddedNeo4j({ dataDir, port: await freePort(), startTimeoutMs: 500 })).rejects.toThrow(
      `Neo4j did not become ready within 1 s: see ${path.join(dataDir, 'logs/debug.log')}, or raise NEO4J_START_TIMEOUT_MS on a slow machine.`,
    );
  });
});
