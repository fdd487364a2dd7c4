/**
 * `npm run bench [-- --scale N] [--quick]`: generates the scale graph (default scale 10; 1 with --quick), loads it
 * into a fresh embedded Neo4j and measures Q1–Q6 through our API, @neo4j/graphql and raw Cypher. Writes
 * `bench/results/scale-N.{json,md,svg}` (quick runs: `bench/results/tmp/`) and prints one line per operation.
 * `--load` instead runs Q1 and Q3 from 64 connections for 20 s each against our server in its own process
 * (default scale 100; with --quick scale 1 for 3 s) and writes `bench/results/load-scale-N.{json,md}`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './runBench.js';
import { runLoadBench } from './runLoadBench.js';
import { summaryLines, writeLoadReport, writeReport } from './writeReport.js';

const USAGE = 'Usage: npm run bench [-- --scale N] [--quick] [--load]';

async function main(): Promise<number> {
  let values: { scale?: string; quick?: boolean; load?: boolean };
  try {
    ({ values } = parseArgs({
      options: { scale: { type: 'string' }, quick: { type: 'boolean' }, load: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  const quick = values.quick ?? false;
  const load = values.load ?? false;
  const scale = Number(values.scale ?? (quick ? '1' : load ? '100' : '10'));
  if (!(scale > 0) || !Number.isFinite(scale)) {
    console.error(`--scale expects a positive number, got ${JSON.stringify(values.scale)}. ${USAGE}`);
    return 2;
  }
  const root = path.resolve(import.meta.dirname, '..');
  const started = performance.now();
  if (load) {
    const report = await runLoadBench({
      scale,
      connections: 64,
      seconds: quick ? 3 : 20,
      dataDir: path.join(root, '.data', `scale-${scale}`),
      log: (line) => console.error(line),
    });
    const directory = path.join(root, 'bench/results', quick ? 'tmp' : '');
    const name = `load-scale-${scale}${quick ? '-quick' : ''}`;
    console.log(await writeLoadReport(report, directory, name));
    console.log(
      `Report: ${path.join(directory, name)}.{json,md} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    // A run in which no request finished (all still queued when it ended) shows nothing: it fails too.
    return report.operations.some((operation) => operation.errors > 0 || operation.requests === 0) ? 1 : 0;
  }
  const report = await runBench({
    scale,
    quick,
    dataDir: path.join(root, '.data', `scale-${scale}`),
    log: (line) => console.error(line),
  });
  const directory = path.join(root, 'bench/results', quick ? 'tmp' : '');
  const name = `scale-${scale}${quick ? '-quick' : ''}`;
  await writeReport(report, directory, name);
  for (const line of summaryLines(report)) console.log(line);
  console.log(
    `Report: ${path.join(directory, name)}.{json,md,svg} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  return 0;
}

process.exitCode = await main();
