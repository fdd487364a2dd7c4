import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/freePort.js';

/** Runs `src/index.ts` as the `start` script does, and collects what it prints until it exits. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A regression would start Neo4j and hang in listen; it must not outlive the test.
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('a busy HTTP port', () => {
  let scratch: string;
  let blocker: net.Server;
  let port: number;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'coopgraph-busy-port-'));
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    await rm(scratch, { recursive: true, force: true });
  });

  it('is named in one sentence with the variable that moves it, before Neo4j is started', async () => {
    const dataDir = path.join(scratch, 'neo4j');
    const result = await runServer({
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      NEO4J_URI: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `coopgraph cannot start. Port ${port} on 127.0.0.1 is already in use: stop the program listening there, or set PORT to a free port (or HOST to another address).`,
    );
    expect(result.stdout).not.toContain('Neo4j is ready');
    // No Neo4j was started: it would have created its store.
    expect(existsSync(dataDir)).toBe(false);
  });
});
