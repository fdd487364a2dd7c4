import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { superviseNlpWorker } from '../src/nlp/superviseNlpWorker.js';
import { loadConfig } from '../src/config.js';
import { createServer } from '../src/server/createServer.js';
import {
  benchOperations,
  EXECUTORS,
  findBenchParameters,
  type BenchParameters,
  type ExecutorName,
} from './benchOperations.js';
import { createCountingDriver } from './createCountingDriver.js';
import { measureLatencies, measureThroughput, median, quantile, runOnce } from './measureOperation.js';
import type { BenchServer } from './startNeo4jGraphqlServer.js';
import { startNeo4jGraphqlServer } from './startNeo4jGraphqlServer.js';
import { startRawCypherServer } from './startRawCypherServer.js';
import { startScaleDatabase, type LoadPath, type ScaleLoad } from './startScaleDatabase.js';
import { describeMachine, type Machine } from './describeMachine.js';

export interface BenchOptions {
  scale: number;
  quick: boolean;
  /** Where generated documents are kept between runs. */
  dataDir: string;
  /** How the empty store is loaded: Neo4j's offline importer (default) or transactions. */
  loadPath?: LoadPath;
  log: (line: string) => void;
}

/** One executor's numbers for one operation: medians over rounds. */
export interface ExecutorResult {
  p50Ms: number;
  p95Ms: number;
  opsPerSecond: number;
  roundTrips: number;
  /** Size of one answer, to show the executors answer alike. */
  answerBytes: number;
  samples: number;
  throughputErrors: number;
}

export interface OperationResult {
  id: string;
  title: string;
  executors: Record<ExecutorName, ExecutorResult>;
  /** p50 ratios; below 1 means ours is faster. */
  oursOverNeo4jGraphql: number;
  oursOverRaw: number;
  throughputOursOverNeo4jGraphql: number;
}

export interface BenchReport {
  date: string;
  mode: 'quick' | 'full';
  machine: Machine;
  versions: Record<string, string>;
  scale: number;
  graph: { entities: number; relations: number };
  /** The initial load; `path` and `phases` are absent in reports older than the importer (transactional). */
  load: {
    seconds: number;
    rows: number;
    rowsPerSecond: number;
    path?: ScaleLoad['path'];
    phases?: ScaleLoad['phases'];
  };
  /**
   * `nodeEnv`: the servers' NODE_ENV (`npm run bench` sets production, as a deployment would). `graphqlServing`: our
   * server's GRAPHQL_COMPILED_EXECUTION and GRAPHQL_HTTP, taken from the environment (absent in older reports: on, node).
   */
  settings: {
    rounds: number;
    samplesPerRound: number;
    throughputSeconds: number;
    connections: number;
    nodeEnv: string;
    graphqlServing?: { compiledExecution: 'on' | 'off'; http: 'node' | 'express' };
  };
  parameters: BenchParameters;
  operations: OperationResult[];
}

/**
 * Starts a fresh Neo4j with the scale graph, our server, a `@neo4j/graphql` server and the raw Cypher server over
 * it, then measures Q1–Q6 through all three: latency at concurrency 1 (runs alternating between the executors in
 * every order, `measureLatencies`) and throughput at 16, in rounds whose throughput order rotates, reporting the
 * median of the rounds. Stops everything it started.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const settings = options.quick
    ? { rounds: 1, samplesPerRound: 15, throughputSeconds: 1, connections: 16, maxLatencyMs: 6_000 }
    : { rounds: 5, samplesPerRound: 40, throughputSeconds: 5, connections: 16, maxLatencyMs: 24_000 };
  const database = await startScaleDatabase({
    scale: options.scale,
    dataDir: options.dataDir,
    progress: process.stderr.isTTY,
    ...(options.loadPath === undefined ? {} : { loadPath: options.loadPath }),
    log: options.log,
  });
  // The serving switches come from the environment, so that a run can measure what turning one off costs.
  const { GRAPHQL_COMPILED_EXECUTION: compiledExecution, GRAPHQL_HTTP: http } = loadConfig();
  const servers: BenchServer[] = [];
  // Search goes through the text-analysis worker, as in production; its lemma keys are written before measuring.
  const nlp = superviseNlpWorker();
  try {
    // Q5 nests seven levels and asks for 100 agreements: above the default cost limit meant for anonymous clients.
    const ours = createServer({
      driver: database.driver,
      logger: pino({ level: 'silent' }),
      production: true,
      exposeQueryStats: true,
      limits: { maxCost: 1_000_000, maxDepth: 20 },
      operationTimeoutMs: 60_000,
      nlp,
      compiledExecution: compiledExecution === 'on',
      graphqlHttp: http,
    });
    await ours.start();
    if (await nlp.whenStarted()) options.log(`Wrote lemma keys of ${await ours.refreshSearchLemmas()} entities.`);
    else options.log(`The text-analysis worker did not start (${nlp.status().reason}): search runs on written forms.`);
    const oursUrl = (await ours.listen(0)).url;
    servers.push({ url: oursUrl, close: () => ours.stop() });
    const neo4jGraphqlDriver = createCountingDriver(database.driver);
    const rawDriver = createCountingDriver(database.driver);
    const neo4jGraphql = await startNeo4jGraphqlServer(neo4jGraphqlDriver.driver);
    servers.push(neo4jGraphql);
    const raw = await startRawCypherServer(rawDriver.driver);
    servers.push(raw);
    const urls: Record<ExecutorName, string> = { ours: oursUrl, neo4jGraphql: neo4jGraphql.url, raw: raw.url };

    const parameters = await findBenchParameters(database.driver);
    options.log(`Parameters: ${JSON.stringify(parameters)}`);
    const operations = benchOperations(parameters);

    // Warm up every plan cache and JIT, and count round trips on a quiet system.
    const roundTrips = new Map<string, number>();
    const answerBytes = new Map<string, number>();
    for (const operation of operations) {
      for (const executor of EXECUTORS) {
        const steps = operation.steps[executor];
        for (let warm = 0; warm < 3; warm++) await runOnce(urls[executor], steps);
        const before = executor === 'neo4jGraphql' ? neo4jGraphqlDriver.count() : rawDriver.count();
        const answer = (await runOnce(urls[executor], steps)) as {
          extensions?: { queryStats?: { roundTrips: number } };
        };
        const after = executor === 'neo4jGraphql' ? neo4jGraphqlDriver.count() : rawDriver.count();
        roundTrips.set(
          `${operation.id}/${executor}`,
          executor === 'ours' ? (answer.extensions?.queryStats?.roundTrips ?? Number.NaN) : after - before,
        );
        answerBytes.set(`${operation.id}/${executor}`, JSON.stringify(answer).length);
      }
    }

    const rounds = new Map<string, { p50: number[]; p95: number[]; ops: number[]; samples: number; errors: number }>();
    for (let round = 0; round < settings.rounds; round++) {
      for (const operation of operations) {
        const order = EXECUTORS.map((_, index) => EXECUTORS[(index + round) % EXECUTORS.length]!);
        const latencies = await measureLatencies(
          order.map((executor) => ({ baseUrl: urls[executor], steps: operation.steps[executor] })),
          settings.samplesPerRound,
          settings.maxLatencyMs,
        );
        for (const [index, executor] of order.entries()) {
          const key = `${operation.id}/${executor}`;
          const throughput = await measureThroughput(
            urls[executor],
            operation.steps[executor],
            settings.connections,
            settings.throughputSeconds,
          );
          const entry = rounds.get(key) ?? { p50: [], p95: [], ops: [], samples: 0, errors: 0 };
          entry.p50.push(median(latencies[index]!));
          entry.p95.push(quantile(latencies[index]!, 0.95));
          entry.ops.push(throughput.opsPerSecond);
          entry.samples += latencies[index]!.length;
          entry.errors += throughput.errors;
          rounds.set(key, entry);
        }
      }
      options.log(`Round ${round + 1} of ${settings.rounds} done.`);
    }

    const results: OperationResult[] = operations.map((operation) => {
      const executors = Object.fromEntries(
        EXECUTORS.map((executor) => {
          const key = `${operation.id}/${executor}`;
          const entry = rounds.get(key)!;
          return [
            executor,
            {
              p50Ms: median(entry.p50),
              p95Ms: median(entry.p95),
              opsPerSecond: median(entry.ops),
              roundTrips: roundTrips.get(key)!,
              answerBytes: answerBytes.get(key)!,
              samples: entry.samples,
              throughputErrors: entry.errors,
            },
          ];
        }),
      ) as Record<ExecutorName, ExecutorResult>;
      return {
        id: operation.id,
        title: operation.title,
        executors,
        oursOverNeo4jGraphql: executors.ours.p50Ms / executors.neo4jGraphql.p50Ms,
        oursOverRaw: executors.ours.p50Ms / executors.raw.p50Ms,
        throughputOursOverNeo4jGraphql: executors.ours.opsPerSecond / executors.neo4jGraphql.opsPerSecond,
      };
    });

    const { records } = await database.driver.executeQuery(
      'CALL dbms.components() YIELD name, versions RETURN versions[0] AS version',
    );
    return {
      date: new Date().toISOString(),
      mode: options.quick ? 'quick' : 'full',
      machine: describeMachine(),
      versions: {
        node: process.version,
        neo4j: String(records[0]?.get('version') ?? 'unknown'),
        '@neo4j/graphql': packageVersion('@neo4j/graphql'),
        'neo4j-driver': packageVersion('neo4j-driver'),
        '@apollo/server': packageVersion('@apollo/server'),
        graphql: packageVersion('graphql'),
        autocannon: packageVersion('autocannon'),
      },
      scale: options.scale,
      graph: { entities: database.manifest.entities, relations: database.manifest.relations },
      load: database.load,
      settings: {
        rounds: settings.rounds,
        samplesPerRound: settings.samplesPerRound,
        throughputSeconds: settings.throughputSeconds,
        connections: settings.connections,
        nodeEnv: process.env.NODE_ENV ?? '',
        graphqlServing: { compiledExecution, http },
      },
      parameters,
      operations: results,
    };
  } finally {
    for (const server of servers.reverse()) await server.close();
    await nlp.stop();
    await database.close();
  }
}

function packageVersion(name: string): string {
  const file = path.resolve(import.meta.dirname, '../node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
