import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXECUTORS, type ExecutorName } from './benchOperations.js';
import type { IncrementalReport, IncrementalRun } from './runIncrementalBench.js';
import type { BenchReport } from './runBench.js';
import type { LoadReport, MemorySample } from './runLoadBench.js';

const LABELS: Record<ExecutorName, string> = { ours: 'ours', neo4jGraphql: '@neo4j/graphql', raw: 'raw Cypher' };
const COLORS: Record<ExecutorName, string> = { ours: '#2f6fde', neo4jGraphql: '#e0862f', raw: '#7a7a7a' };

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
/** A ratio, or – where it has no value (JSON keeps a division by a throughput of 0 as null). */
const ratio = (value: number | null) => (value !== null && Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');

/** Writes `<name>.json`, `<name>.md` and `<name>.svg` into `directory`; returns the markdown. */
export async function writeReport(report: BenchReport, directory: string, name: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const markdown = toMarkdown(report);
  await writeFile(path.join(directory, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(directory, `${name}.md`), markdown);
  await writeFile(path.join(directory, `${name}.svg`), toSvg(report));
  return markdown;
}

/** Writes `<name>.json` and `<name>.md` of a `--load` run into `directory`; returns the markdown. */
export async function writeLoadReport(report: LoadReport, directory: string, name: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const mib = (value: number | null) => (value === null ? 'n/a' : `${value}`);
  const memory = (sample: MemorySample) => `${mib(sample.serverMiB)} / ${mib(sample.neo4jMiB)}`;
  const lines = [
    `# coopgraph under load, scale ${report.scale}`,
    '',
    `${report.date} · ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGiB} GiB · ${report.machine.platform}`,
    '',
    `Graph: ${report.graph.entities} entities, ${report.graph.relations} relations. Our server runs as deployed (\`src/index.ts\` in a process of its own, ${Object.entries(
      report.settings.serverEnv,
    )
      .map(([key, value]) => `${key}=${value}`)
      .join(
        ', ',
      )}); autocannon sends each operation from ${report.settings.connections} connections for ${report.settings.seconds} s and checks that every answer has data and no errors.`,
    '',
    '| op | requests | ops/s | errors | p50 ms | p90 ms | p99 ms | max ms | RSS MiB before (server / Neo4j) | peak | after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.operations.map(
      (operation) =>
        `| ${operation.id} | ${operation.requests} | ${operation.opsPerSecond.toFixed(1)} | ${operation.errors} | ${operation.latencyMs.p50} | ${operation.latencyMs.p90} | ${operation.latencyMs.p99} | ${operation.latencyMs.max} | ${memory(operation.before)} | ${memory(operation.peak)} | ${memory(operation.after)} |`,
    ),
    '',
    `Resident memory 5 s after the last run (server / Neo4j): ${memory(report.settled)} MiB.`,
    '',
    ...report.operations.map((operation) => `- ${operation.id}: ${operation.title}`),
    '',
    `Parameters: \`${JSON.stringify(report.parameters)}\``,
    '',
  ];
  const markdown = lines.join('\n');
  await writeFile(path.join(directory, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(directory, `${name}.md`), markdown);
  return markdown;
}

/** One line per operation with both p50 ratios, for `--quick`. */
export function summaryLines(report: BenchReport): string[] {
  return report.operations.map(
    (operation) =>
      `${operation.id} p50 ours ${ms(operation.executors.ours.p50Ms)} ms | ours/@neo4j/graphql ${ratio(operation.oursOverNeo4jGraphql)} | ours/raw ${ratio(operation.oursOverRaw)} | round trips ${EXECUTORS.map((executor) => operation.executors[executor].roundTrips).join('/')} — ${operation.title}`,
  );
}

function toMarkdown(report: BenchReport): string {
  const lines = [
    `# coopgraph benchmark, scale ${report.scale} (${report.mode})`,
    '',
    `${report.date} · ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGiB} GiB · ${report.machine.platform}`,
    '',
    `Versions: ${Object.entries(report.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}; NODE_ENV=${report.settings.nodeEnv || '(unset)'}${servingOf(report)}.`,
    '',
    `Graph: ${report.graph.entities} entities, ${report.graph.relations} relations; ${report.load.path === 'import' ? 'initial load through the importer' : 'bulk load'} ${report.load.rows} rows in ${report.load.seconds.toFixed(1)} s (${Math.round(report.load.rowsPerSecond)} rows/s${phasesOf(report)}).`,
    '',
    `Medians of ${report.settings.rounds} round(s); per round up to ${report.settings.samplesPerRound} sequential runs per executor for latency, alternating between the executors in every order in turn, and ${report.settings.throughputSeconds} s of autocannon at ${report.settings.connections} connections for throughput; the executors' throughput order rotates per round.`,
    '',
    '| op | executor | p50 ms | p95 ms | ops/s @16 | round trips | answer bytes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const operation of report.operations) {
    for (const executor of EXECUTORS) {
      const result = operation.executors[executor];
      lines.push(
        `| ${operation.id} | ${LABELS[executor]} | ${ms(result.p50Ms)} | ${ms(result.p95Ms)} | ${result.opsPerSecond.toFixed(1)} | ${result.roundTrips} | ${result.answerBytes} |`,
      );
    }
  }
  lines.push(
    '',
    '| op | what | ours / @neo4j/graphql (p50) | ours / raw (p50) | throughput ours / @neo4j/graphql |',
    '| --- | --- | ---: | ---: | ---: |',
  );
  for (const operation of report.operations) {
    lines.push(
      `| ${operation.id} | ${operation.title} | ${ratio(operation.oursOverNeo4jGraphql)} | ${ratio(operation.oursOverRaw)} | ${ratio(operation.throughputOursOverNeo4jGraphql)} |`,
    );
  }
  const idle = report.operations.some((operation) =>
    Object.values(operation.executors).some((result) => result.opsPerSecond === 0),
  );
  if (idle) {
    lines.push(
      '',
      `ops/s 0.0: no request finished within the ${report.settings.throughputSeconds} s throughput window at ${report.settings.connections} connections (each waits behind the others).`,
    );
  }
  lines.push('', `Parameters: \`${JSON.stringify(report.parameters)}\``, '');
  return lines.join('\n');
}

/** Grouped bars of p50 latency per operation on a log scale, one colour per executor. */
function toSvg(report: BenchReport): string {
  const width = 760;
  const height = 340;
  const left = 60;
  const bottom = 270;
  const top = 40;
  const values = report.operations.flatMap((operation) =>
    EXECUTORS.map((executor) => operation.executors[executor].p50Ms),
  );
  const lo = Math.log10(Math.max(0.1, Math.min(...values) / 2));
  const hi = Math.log10(Math.max(...values) * 1.5);
  const y = (value: number) => bottom - ((Math.log10(Math.max(value, 0.1)) - lo) / (hi - lo)) * (bottom - top);
  const group = (width - left - 20) / report.operations.length;
  const bar = (group - 20) / EXECUTORS.length;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="14">p50 latency (ms, log scale), scale ${report.scale}, ${report.machine.cores} cores</text>`,
  ];
  for (let exponent = Math.ceil(lo); exponent <= Math.floor(hi); exponent++) {
    const value = 10 ** exponent;
    parts.push(
      `<line x1="${left}" x2="${width - 20}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#ddd"/>`,
    );
    parts.push(`<text x="${left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${value}</text>`);
  }
  report.operations.forEach((operation, index) => {
    const x0 = left + index * group + 10;
    EXECUTORS.forEach((executor, position) => {
      const value = operation.executors[executor].p50Ms;
      const x = x0 + position * bar;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${(bottom - y(value)).toFixed(1)}" fill="${COLORS[executor]}"><title>${operation.id} ${LABELS[executor]}: ${ms(value)} ms</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x0 + (group - 20) / 2).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${operation.id}</text>`,
    );
  });
  EXECUTORS.forEach((executor, position) => {
    const x = left + position * 150;
    parts.push(`<rect x="${x}" y="${bottom + 34}" width="12" height="12" fill="${COLORS[executor]}"/>`);
    parts.push(`<text x="${x + 18}" y="${bottom + 44}">${LABELS[executor]}</text>`);
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

/** Our server's serving switches when a run turned one off; nothing for the default (and for older reports). */
function servingOf(report: BenchReport): string {
  const serving = report.settings.graphqlServing;
  if (serving === undefined || (serving.compiledExecution === 'on' && serving.http === 'node')) return '';
  return `; GRAPHQL_COMPILED_EXECUTION=${serving.compiledExecution}, GRAPHQL_HTTP=${serving.http}`;
}

/** The load's phases, `: CSV files 1.0 s, importer 2.0 s, …`, or nothing for reports without them. */
function phasesOf(report: BenchReport): string {
  const phases = Object.entries(report.load.phases ?? {});
  return phases.length === 0
    ? ''
    : `: ${phases.map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`).join(', ')}`;
}

/** Writes `<name>.json` and `<name>.md` of an `--incremental` run into `directory`; returns the markdown. */
export async function writeIncrementalReport(
  report: IncrementalReport,
  directory: string,
  name: string,
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const row = (label: string, run: IncrementalRun) =>
    `| ${label} | ${run.rows} | ${run.excerpts} / ${run.entities} / ${run.attributes} / ${run.relations} | ${run.seconds.toFixed(1)} | ${Math.round(run.rowsPerSecond)} | ${run.cpuSeconds.neo4j?.toFixed(1) ?? 'n/a'} / ${run.cpuSeconds.node.toFixed(1)} | ${load(run.loadBefore)} | ${load(run.loadAfter)} |`;
  const lines = [
    `# coopgraph incremental load, scale ${report.scale}`,
    '',
    `${report.date} · ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGiB} GiB · ${report.machine.platform}`,
    '',
    `The scale's generated documents loaded by \`bulkLoadDocuments\` (${report.concurrency} concurrent write transactions) into a fresh embedded Neo4j holding the curated seeds (${report.seeded.entities} entities, ${report.seeded.relations} relations), then again over the unchanged graph.`,
    '',
    '| run | rows | excerpts / entities / attributes / relations | s | rows/s | CPU s (Neo4j / Node) | load average before (1 / 5 / 15 min) | after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('into the seeded store', report.first),
    row('again, unchanged', report.second),
    '',
    `Graph after the load: ${report.first.digest.entities} entities, ${report.first.digest.excerpts} excerpts, ${report.first.digest.attributes} attributes, ${report.first.digest.relations} relations. The second run ${report.idempotent ? 'left the digest unchanged (idempotent)' : '**changed the digest**'}.`,
    '',
  ];
  const markdown = lines.join('\n');
  await writeFile(path.join(directory, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(directory, `${name}.md`), markdown);
  return markdown;
}
