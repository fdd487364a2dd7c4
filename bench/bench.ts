/**
 * `npm run bench [-- --scale N[,M…]] [--quick] [--load-path import|transactional]`: generates each scale graph
 * (default scale 10; 1 with --quick), loads it into a fresh embedded Neo4j (through Neo4j's offline importer unless
 * told otherwise) and measures Q1–Q6 through our API, @neo4j/graphql and raw Cypher. Writes
 * `bench/results/scale-N.{json,md,svg}` (quick runs: `bench/results/tmp/`) and prints one line per operation; with
 * several scales also `scales-N-M.md`, our p50 side by side. `--load` instead runs Q1 and Q3 from 64 connections
 * for 20 s each against our server in its own process (default scale 100; with --quick scale 1 for 3 s) and writes
 * `bench/results/load-scale-N.{json,md}`. `--incremental [--concurrency N]` instead loads the scale (default 10) into a
 * store holding the curated seeds through the transactional loader, then again unchanged, and writes
 * `bench/results/incremental-scale-N[-cN].{json,md}`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareScales } from './compareScales.js';
import { runBench, type BenchReport } from './runBench.js';
import { LOAD_PATHS, type LoadPath } from './startScaleDatabase.js';
import { runIncrementalBench } from './runIncrementalBench.js';
import { runLoadBench } from './runLoadBench.js';
import { summaryLines, writeIncrementalReport, writeLoadReport, writeReport } from './writeReport.js';

const USAGE =
  'Usage: npm run bench [-- --scale N[,M…]] [--quick] [--load-path import|transactional] [--load | --incremental [--concurrency N]]';

async function main(): Promise<number> {
  let values: {
    scale?: string;
    quick?: boolean;
    'load-path'?: string;
    load?: boolean;
    incremental?: boolean;
    concurrency?: string;
  };
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string' },
        quick: { type: 'boolean' },
        'load-path': { type: 'string' },
        load: { type: 'boolean' },
        incremental: { type: 'boolean' },
        concurrency: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  const quick = values.quick ?? false;
  const load = values.load ?? false;
  const scales = (values.scale ?? (quick ? '1' : load ? '100' : '10')).split(',').map((part) => Number(part.trim()));
  if (scales.some((scale) => !(scale > 0) || !Number.isFinite(scale))) {
    console.error(
      `--scale expects positive numbers separated by commas, got ${JSON.stringify(values.scale)}. ${USAGE}`,
    );
    return 2;
  }
  const loadPath = values['load-path'] ?? 'import';
  if (!(LOAD_PATHS as readonly string[]).includes(loadPath)) {
    console.error(`--load-path expects import or transactional, got ${JSON.stringify(loadPath)}. ${USAGE}`);
    return 2;
  }
  const incremental = values.incremental ?? false;
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && (!incremental || !Number.isSafeInteger(concurrency) || concurrency < 1)) {
    console.error(
      `--concurrency expects a positive whole number with --incremental, got ${JSON.stringify(values.concurrency)}. ${USAGE}`,
    );
    return 2;
  }
  const root = path.resolve(import.meta.dirname, '..');
  const directory = path.join(root, 'bench/results', quick ? 'tmp' : '');
  if (incremental) {
    if (load || scales.length > 1) {
      console.error(`--incremental runs one scale without --load, got ${JSON.stringify(values.scale)}. ${USAGE}`);
      return 2;
    }
    const report = await runIncrementalBench({
      scale: scales[0]!,
      dataDir: path.join(root, '.data', `scale-${scales[0]}`),
      concurrency,
      progress: process.stderr.isTTY,
      log: (line) => console.error(line),
    });
    const name = `incremental-scale-${scales[0]}${concurrency === undefined ? '' : `-c${concurrency}`}${quick ? '-quick' : ''}`;
    console.log(await writeIncrementalReport(report, directory, name));
    console.log(`Report: ${path.join(directory, name)}.{json,md}`);
    return report.idempotent ? 0 : 1;
  }
  if (load) {
    if (scales.length > 1) {
      console.error(`--load runs one scale, got ${JSON.stringify(values.scale)}. ${USAGE}`);
      return 2;
    }
    const started = performance.now();
    const report = await runLoadBench({
      scale: scales[0]!,
      connections: 64,
      seconds: quick ? 3 : 20,
      dataDir: path.join(root, '.data', `scale-${scales[0]}`),
      log: (line) => console.error(line),
    });
    const name = `load-scale-${scales[0]}${quick ? '-quick' : ''}`;
    console.log(await writeLoadReport(report, directory, name));
    console.log(
      `Report: ${path.join(directory, name)}.{json,md} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    // A run in which no request finished (all still queued when it ended) shows nothing: it fails too.
    return report.operations.some((operation) => operation.errors > 0 || operation.requests === 0) ? 1 : 0;
  }
  const reports: BenchReport[] = [];
  for (const scale of scales) {
    const started = performance.now();
    const report = await runBench({
      scale,
      quick,
      dataDir: path.join(root, '.data', `scale-${scale}`),
      loadPath: loadPath as LoadPath,
      log: (line) => console.error(line),
    });
    const name = `scale-${scale}${quick ? '-quick' : ''}`;
    await writeReport(report, directory, name);
    for (const line of summaryLines(report)) console.log(line);
    console.log(
      `Report: ${path.join(directory, name)}.{json,md,svg} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    reports.push(report);
  }
  if (reports.length > 1) {
    const comparison = compareScales(reports);
    const name = `scales-${scales.join('-')}${quick ? '-quick' : ''}.md`;
    await writeFile(path.join(directory, name), comparison);
    console.log(comparison);
    console.log(`Comparison: ${path.join(directory, name)}`);
  }
  return 0;
}

process.exitCode = await main();
