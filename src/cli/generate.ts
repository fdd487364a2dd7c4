/**
 * `npm run generate -- --scale N [--out DIR]`: writes the deterministic synthetic cooperation graph of scale N
 * (about N × 1,000 entities and N × 5,000 relations) as seed-format JSON documents with their source texts.
 * DIR defaults to `.data/scale-N`. Exit 2 with one line on bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeScaleGraph } from '../generate/writeScaleGraph.js';
import { createProgressBar } from '../bulk/createProgressBar.js';

const USAGE = 'Usage: npm run generate -- --scale N [--out DIR]';

async function main(): Promise<number> {
  let values: { scale?: string; out?: string };
  try {
    ({ values } = parseArgs({ options: { scale: { type: 'string' }, out: { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  const scale = Number(values.scale ?? '1');
  if (!(scale > 0) || !Number.isFinite(scale)) {
    console.error(`--scale expects a positive number, got ${JSON.stringify(values.scale)}. ${USAGE}`);
    return 2;
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  const outDir = path.resolve(base, values.out ?? `.data/scale-${scale}`);
  const started = performance.now();
  const bar = createProgressBar('documents');
  const manifest = await writeScaleGraph(scale, outDir, (done, total, rows) => {
    if (done === 1) bar.start(total);
    bar.advance(1, rows);
  });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Wrote ${manifest.counts.documents} documents with ${manifest.entities} entities and ${manifest.relations} relations to ${manifest.documentsDir} in ${seconds.toFixed(1)} s.`,
  );
  return 0;
}

process.exitCode = await main();
