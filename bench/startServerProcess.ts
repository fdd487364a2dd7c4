import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../test/support/freePort.js';

/** Our server as deployed: the production entry point in a process of its own, so its memory can be read alone. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** The process's resident set size in bytes (Linux `/proc`), or null where that cannot be read. */
  rssBytes(): number | null;
  /** Sends SIGTERM and resolves once the process is gone. */
  stop(): Promise<void>;
}

/**
 * Starts `src/index.ts` under Node with `env` added to this process's environment, on a free port of 127.0.0.1,
 * and resolves once `/health` answers. Rejects with the process's last output when it exits before that.
 */
export async function startServerProcess(
  env: Record<string, string>,
  startTimeoutMs = 120_000,
): Promise<ServerProcess> {
  const root = path.resolve(import.meta.dirname, '..');
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_096));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited before it was ready: ${output.trim()}`);
    if (performance.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server was not ready within ${startTimeoutMs} ms: ${output.trim()}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid!,
    rssBytes: () => processRssBytes(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The resident set size of process `pid` in bytes, from `/proc/<pid>/status`; null where there is none. */
export function processRssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
