/**
 * `npm run bench:hostile [-- --scale 5] [--concurrency 10] [--waves 3] [--rss-mb 1024] [--health-ms 1000]`: the memory
 * budget of issue 20. Loads the scale graph into a fresh Neo4j, starts the server as a child process and fires
 * waves of the repro-1 query (`$f = 1000`) and worst-case exports (`depth=3, limit=5000`) at it over loopback,
 * `concurrency` of each at once. Prints the server's peak RSS and slowest `/health` answer against the bounds and
 * exits 1 if either is passed (or the server dies); the load stops early past twice the RSS bound.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runHostileLoad } from './runHostileLoad.js';

const USAGE =
  'Usage: npm run bench:hostile [-- --scale 5] [--concurrency 10] [--waves 3] [--rss-mb 1024] [--health-ms 1000]';

async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string' },
        concurrency: { type: 'string' },
        waves: { type: 'string' },
        'rss-mb': { type: 'string' },
        'health-ms': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  const numbers: Record<string, number> = {};
  for (const [name, fallback] of [
    ['scale', 5],
    ['concurrency', 10],
    ['waves', 3],
    ['rss-mb', 1024],
    ['health-ms', 1000],
  ] as const) {
    const value = Number(values[name] ?? fallback);
    if (!(value > 0) || !Number.isFinite(value)) {
      console.error(`--${name} expects a positive number, got ${JSON.stringify(values[name])}. ${USAGE}`);
      return 2;
    }
    numbers[name] = value;
  }
  const scale = numbers['scale']!;
  const rssBoundMb = numbers['rss-mb']!;
  const healthBoundMs = numbers['health-ms']!;
  const started = performance.now();
  const result = await runHostileLoad({
    scale,
    dataDir: path.resolve(import.meta.dirname, '..', '.data', `scale-${scale}`),
    concurrency: numbers['concurrency']!,
    waves: numbers['waves']!,
    rssBoundMb,
    healthBoundMs,
    abortAboveMb: 2 * rssBoundMb,
    deadlineMs: 180_000,
    log: (line) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`),
  });
  console.log(`Answers: ${JSON.stringify(result.outcomes)}`);
  if (result.crashed) console.log(`Server died: ${result.crashed}`);
  const verdict = (passed: boolean) => (passed ? 'PASS' : 'FAIL');
  const rssNote = result.aborted ? ` (load stopped past ${2 * rssBoundMb} MB)` : '';
  console.log(
    `Max server RSS:      ${result.maxRssMb} MB${rssNote}, bound ${rssBoundMb} MB: ${verdict(result.rssPassed)}`,
  );
  console.log(
    `Max /health latency: ${result.maxHealthMs} ms over ${result.healthProbes} probes, bound ${healthBoundMs} ms: ${verdict(result.healthPassed)}`,
  );
  return result.rssPassed && result.healthPassed ? 0 : 1;
}

process.exitCode = await main();
