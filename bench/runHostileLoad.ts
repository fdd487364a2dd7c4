import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../test/support/freePort.js';
import { startScaleDatabase, type ScaleDatabaseOptions } from './startScaleDatabase.js';

/** Repro 1 of issue 20: relations of relations of a depth-3 network, with `first` passed as a variable. */
export const REPRO_1_QUERY =
  'query($f:Int){ network(ids:["organization/syn-0"], depth:3, limit:5000){ nodes { entity { relations(first:$f){ evidence { excerpt } to { relations(first:$f){ evidence { excerpt } to { id name } } } } } } } }';

const EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'cytoscape'] as const;

export interface HostileLoadOptions {
  /** Scale of the synthetic graph (5: about 5,000 entities, 25,000 relations). */
  scale: number;
  /** Where the generated documents are kept; reused when they were generated for the same scale. */
  dataDir: string;
  /** Repro-1 queries in flight at once, and as many worst-case exports beside them. */
  concurrency: number;
  /** Rounds of `concurrency` queries and exports; the run also ends at `deadlineMs`. */
  waves: number;
  /** The documented bound on the server's resident memory. */
  rssBoundMb: number;
  /** The documented bound on a `/health` answer under the load. */
  healthBoundMs: number;
  /** The load stops (and fails) once the server passes this much RSS, so a run cannot take the machine down. */
  abortAboveMb: number;
  /** The whole load phase ends by then, whatever is still in flight. */
  deadlineMs: number;
  /** `$f` of the repro-1 query. */
  first?: number;
  /** Where Neo4j runs; by default an embedded Neo4j of its own. */
  startNeo4j?: ScaleDatabaseOptions['startNeo4j'];
  log?: (line: string) => void;
}

export interface HostileLoadResult {
  /** Peak resident memory of the server process (VmHWM), in MB. */
  maxRssMb: number;
  /** Slowest `/health` answer during the load, in ms (a probe gives up after 5 s). */
  maxHealthMs: number;
  healthProbes: number;
  /** Answers by kind, status and error code, such as `graphql 400 BAD_USER_INPUT` or `export/gexf 200`. */
  outcomes: Record<string, number>;
  /** Why the server process ended during the load, if it did. */
  crashed: string | null;
  /** True when the load was stopped for passing `abortAboveMb`. */
  aborted: boolean;
  rssPassed: boolean;
  healthPassed: boolean;
}

/**
 * Starts Neo4j with the scale graph and the server as a child process (`node --import tsx src/index.ts`, production
 * mode, rate limits off so one address can send the load), fires waves of repro-1 queries and worst-case exports
 * over loopback, and samples the server's RSS from /proc and `/health`'s latency meanwhile. Linux only.
 */
export async function runHostileLoad(options: HostileLoadOptions): Promise<HostileLoadResult> {
  const log = options.log ?? (() => {});
  const database = await startScaleDatabase({
    scale: options.scale,
    dataDir: options.dataDir,
    progress: false,
    pageCache: '256m',
    startNeo4j: options.startNeo4j,
    log,
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startServer(database.neo4j.uri, port);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  let crashed: string | null = null;
  server.once('exit', (code, signal) => {
    crashed = `the server exited (${signal ?? `code ${code}`}): ${output.join('').trim().split('\n').slice(-3).join(' | ')}`;
  });
  try {
    await waitForHealth(url, () => crashed);
    log(
      `Server ready at ${url} (pid ${server.pid}); load: ${options.waves} waves of ${options.concurrency} repro-1 queries and ${options.concurrency} exports.`,
    );
    const pid = server.pid!;
    const stop = new AbortController();
    let maxRssKb = 0;
    let aborted = false;
    let maxHealthMs = 0;
    let healthProbes = 0;
    const sampleMemory = async () => {
      while (!stop.signal.aborted && !crashed) {
        const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
        const peak = Math.max(kilobytes(status, 'VmHWM'), kilobytes(status, 'VmRSS'));
        maxRssKb = Math.max(maxRssKb, peak);
        if (peak > options.abortAboveMb * 1024) {
          aborted = true;
          log(`RSS ${Math.round(peak / 1024)} MB passed ${options.abortAboveMb} MB: stopping the load.`);
          stop.abort();
        }
        await sleep(50);
      }
    };
    const probeHealth = async () => {
      while (!stop.signal.aborted && !crashed) {
        const started = performance.now();
        await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) })
          .then((response) => response.arrayBuffer())
          .catch(() => undefined);
        maxHealthMs = Math.max(maxHealthMs, performance.now() - started);
        healthProbes += 1;
        await sleep(100);
      }
    };
    const outcomes: Record<string, number> = {};
    const count = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
    const load = async () => {
      const deadline = AbortSignal.any([stop.signal, AbortSignal.timeout(options.deadlineMs)]);
      for (let wave = 0; wave < options.waves && !deadline.aborted && !crashed; wave++) {
        const requests = Array.from({ length: options.concurrency }, (_, index) => [
          send(`${url}/graphql`, 'graphql', deadline, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: REPRO_1_QUERY, variables: { f: options.first ?? 1000 } }),
          }),
          send(
            `${url}/export/${EXPORT_FORMATS[index % EXPORT_FORMATS.length]}?ids=organization/syn-0&depth=3&limit=5000`,
            `export/${EXPORT_FORMATS[index % EXPORT_FORMATS.length]}`,
            deadline,
          ),
        ]).flat();
        for (const outcome of await Promise.all(requests)) count(outcome);
        log(`Wave ${wave + 1}: ${JSON.stringify(outcomes)}; peak RSS so far ${Math.round(maxRssKb / 1024)} MB.`);
      }
      stop.abort();
    };
    await Promise.all([sampleMemory(), probeHealth(), load()]);
    const maxRssMb = Math.round(maxRssKb / 1024);
    return {
      maxRssMb,
      maxHealthMs: Math.round(maxHealthMs),
      healthProbes,
      outcomes,
      crashed,
      aborted,
      rssPassed: !crashed && !aborted && maxRssMb <= options.rssBoundMb,
      healthPassed: !crashed && maxHealthMs <= options.healthBoundMs,
    };
  } finally {
    await stopServer(server);
    await database.close();
  }
}

/** The server as it runs in production, as its own process so its memory is its own. */
function startServer(neo4jUri: string, port: number): ChildProcess {
  const root = path.resolve(import.meta.dirname, '..');
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEO4J_URI: neo4jUri,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_EMPTY: 'false',
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitForHealth(url: string, crashed: () => string | null): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const reason = crashed();
    if (reason) throw new Error(`The server did not start: ${reason}`);
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`The server did not answer ${url}/health within 90 s.`);
}

/** Sends one request and reads its answer to the end without keeping it; returns `label status [code]`. */
async function send(url: string, label: string, signal: AbortSignal, init: RequestInit = {}): Promise<string> {
  try {
    const response = await fetch(url, { ...init, signal });
    const head: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of response.body ?? []) {
      if (bytes < 65_536) head.push(Buffer.from(chunk));
      bytes += chunk.length;
    }
    return `${label} ${response.status}${bytes < 65_536 ? errorCodeOf(Buffer.concat(head).toString()) : ''}`;
  } catch (error) {
    return `${label} ${signal.aborted ? 'stopped' : `failed (${(error as Error).cause ?? (error as Error).message})`}`;
  }
}

function errorCodeOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[]; error?: { code?: string } };
    const code = parsed.errors?.[0]?.extensions?.code ?? parsed.error?.code;
    return code ? ` ${code}` : '';
  } catch {
    return '';
  }
}

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    server.kill('SIGKILL');
    await exited;
  }
}
