import autocannon from 'autocannon';
import { benchOperations, findBenchParameters, type BenchParameters } from './benchOperations.js';
import { runOnce } from './measureOperation.js';
import { processRssBytes, startServerProcess } from './startServerProcess.js';
import { startScaleDatabase } from './startScaleDatabase.js';
import { describeMachine, type Machine } from './describeMachine.js';

export interface LoadBenchOptions {
  scale: number;
  /** Concurrent connections and seconds per operation. */
  connections: number;
  seconds: number;
  dataDir: string;
  log: (line: string) => void;
}

/** Resident memory of our server and of Neo4j, in MiB; null where it cannot be read. */
export interface MemorySample {
  serverMiB: number | null;
  neo4jMiB: number | null;
}

/** One operation under load. */
export interface LoadResult {
  id: string;
  title: string;
  requests: number;
  opsPerSecond: number;
  /** Connection errors, timeouts, non-2xx answers and answers with GraphQL errors or no data. */
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  before: MemorySample;
  /** The highest resident memory seen during the run (sampled every 250 ms). */
  peak: MemorySample;
  after: MemorySample;
}

export interface LoadReport {
  date: string;
  mode: 'load';
  machine: Machine;
  scale: number;
  graph: { entities: number; relations: number };
  settings: { connections: number; seconds: number; nodeEnv: string; serverEnv: Record<string, string> };
  parameters: BenchParameters;
  operations: LoadResult[];
  /** After every run, a few seconds later: what stayed. */
  settled: MemorySample;
}

/** Q1 and Q3: the agreement list and the hub neighbourhood a frontend asks for most. */
const LOADED_OPERATIONS = ['Q1', 'Q3'];

/**
 * The server as deployed (production entry point, its own process) and every pool large enough for the clients:
 * rate limiting is off because all connections come from one address, and the text-analysis worker is not needed.
 */
const serverEnv = (uri: string, connections: number): Record<string, string> => ({
  NODE_ENV: 'production',
  NEO4J_URI: uri,
  LOG_LEVEL: 'warn',
  SEED_ON_EMPTY: 'false',
  NLP_ENABLED: 'false',
  RATE_LIMIT_ENABLED: 'false',
  NEO4J_MAX_POOL_SIZE: String(connections),
});

/**
 * Loads the scale graph into a fresh Neo4j, starts our server in a process of its own and sends Q1, then Q3, from
 * `connections` concurrent clients for `seconds` each (autocannon), checking every answer. Reports latency
 * quantiles, errors, and the resident memory of the server and of Neo4j before, during and after each run.
 */
export async function runLoadBench(options: LoadBenchOptions): Promise<LoadReport> {
  const database = await startScaleDatabase({
    scale: options.scale,
    dataDir: options.dataDir,
    progress: process.stderr.isTTY,
    log: options.log,
  });
  const env = serverEnv(database.neo4j.uri, options.connections);
  const server = await startServerProcess(env).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const mebibytes = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 2 ** 20));
  const sample = (): MemorySample => ({
    serverMiB: mebibytes(server.rssBytes()),
    neo4jMiB: mebibytes(database.neo4j.pid === null ? null : processRssBytes(database.neo4j.pid)),
  });
  try {
    const parameters = await findBenchParameters(database.driver);
    options.log(`Parameters: ${JSON.stringify(parameters)}`);
    const operations: LoadResult[] = [];
    for (const operation of benchOperations(parameters).filter((candidate) =>
      LOADED_OPERATIONS.includes(candidate.id),
    )) {
      const [step] = operation.steps.ours;
      for (let warm = 0; warm < 3; warm++) await runOnce(server.url, operation.steps.ours);
      const before = sample();
      const peak = { ...before };
      const sampler = setInterval(() => {
        const now = sample();
        peak.serverMiB = Math.max(peak.serverMiB ?? 0, now.serverMiB ?? 0);
        peak.neo4jMiB = Math.max(peak.neo4jMiB ?? 0, now.neo4jMiB ?? 0);
      }, 250);
      // autocannon answers a thenable without `finally`.
      const result = await Promise.resolve(
        autocannon({
          url: `${server.url}${step!.path}`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(step!.body(null)),
          connections: options.connections,
          duration: options.seconds,
          // Queueing behind 63 others on two cores takes seconds; a request still unanswered after a minute fails.
          timeout: 60,
          verifyBody: (body) => answeredWithData(String(body)),
        }),
      ).finally(() => clearInterval(sampler));
      const after = sample();
      const errors = result.errors + result.timeouts + result.non2xx + result.mismatches;
      const line = `${operation.id} @${options.connections}: ${result.requests.total} requests, ${errors} errors, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; server RSS ${before.serverMiB} → ${after.serverMiB} MiB (peak ${peak.serverMiB}), Neo4j ${before.neo4jMiB} → ${after.neo4jMiB} MiB`;
      options.log(line);
      operations.push({
        id: operation.id,
        title: operation.title,
        requests: result.requests.total,
        opsPerSecond: result.requests.total / result.duration,
        errors,
        latencyMs: {
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        before,
        peak,
        after,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    return {
      date: new Date().toISOString(),
      mode: 'load',
      machine: describeMachine(),
      scale: options.scale,
      graph: { entities: database.manifest.entities, relations: database.manifest.relations },
      settings: {
        connections: options.connections,
        seconds: options.seconds,
        nodeEnv: env.NODE_ENV!,
        serverEnv: Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NEO4J_URI')),
      },
      parameters,
      operations,
      settled: sample(),
    };
  } finally {
    await server.stop();
    await database.close();
  }
}

/** Whether a GraphQL answer has data and no errors. */
function answeredWithData(body: string): boolean {
  try {
    const answer = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return answer.data !== undefined && answer.data !== null && !answer.errors?.length;
  } catch {
    return false;
  }
}
