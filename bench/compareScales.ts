import type { BenchReport } from './runBench.js';

/** The operations whose cost must not grow with the graph (issue 18, goal 3), and the bound on their growth. */
export const SCALE_INVARIANT_OPERATIONS = ['Q1', 'Q2', 'Q4', 'Q6'] as const;
export const MAX_GROWTH = 1.5;

/**
 * A markdown table of our p50 per operation at each scale, side by side, with the ratio of the largest scale to
 * the smallest; the operations that should not grow are marked against MAX_GROWTH.
 */
export function compareScales(reports: readonly BenchReport[]): string {
  const sorted = [...reports].sort((a, b) => a.scale - b.scale);
  const smallest = sorted[0]!;
  const largest = sorted.at(-1)!;
  const lines = [
    `# Our p50 by scale: ${sorted.map((report) => report.scale).join(' vs ')}`,
    '',
    `| op | ${sorted.map((report) => `p50 ms @${report.scale}`).join(' | ')} | ${largest.scale}/${smallest.scale} | goal |`,
    `| --- | ${sorted.map(() => '---:').join(' | ')} | ---: | --- |`,
  ];
  for (const operation of smallest.operations) {
    const p50s = sorted.map(
      (report) => report.operations.find((candidate) => candidate.id === operation.id)?.executors.ours.p50Ms,
    );
    const [first, last] = [p50s[0], p50s.at(-1)];
    const growth = first !== undefined && last !== undefined ? last / first : null;
    const bounded = (SCALE_INVARIANT_OPERATIONS as readonly string[]).includes(operation.id);
    lines.push(
      `| ${operation.id} | ${p50s.map((p50) => (p50 === undefined ? '–' : p50.toFixed(1))).join(' | ')} | ${
        growth === null ? '–' : `${growth.toFixed(2)}×`
      } | ${bounded ? `≤ ${MAX_GROWTH}× ${growth !== null && growth <= MAX_GROWTH ? 'met' : 'missed'}` : ''} |`,
    );
  }
  lines.push(
    '',
    `Loads: ${sorted
      .map(
        (report) =>
          `scale ${report.scale} ${report.load.rows} rows in ${report.load.seconds.toFixed(1)} s (${Math.round(report.load.rowsPerSecond)} rows/s, ${report.load.path ?? 'transactional'})`,
      )
      .join('; ')}.`,
    '',
  );
  return lines.join('\n');
}
