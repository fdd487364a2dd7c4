import { SingleBar } from 'cli-progress';

/** A progress bar over a known number of steps that also counts rows and shows their rate. */
export interface ProgressBar {
  start(total: number): void;
  /** Marks `steps` more steps done and `rows` more rows written. */
  advance(steps: number, rows?: number): void;
  /** Starts a named phase of `total` steps; rows and their rate keep counting from the start. */
  phase(name: string, total: number): void;
  /** Sets the steps done in the current phase. */
  update(steps: number): void;
  stop(): void;
}

/**
 * A terminal progress bar on stderr: steps done of total, rows written, rows per second and ETA. Redraws at most
 * a few times a second; when stderr is not a terminal it prints nothing until `stop`.
 */
export function createProgressBar(unit: string): ProgressBar {
  const bar = new SingleBar({
    format: `{phase}{bar} {percentage}% | {value}/{total} ${unit} | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
    barsize: 30,
    hideCursor: true,
    etaBuffer: 20,
    fps: 5,
    stream: process.stderr,
  });
  let rows = 0;
  let started = 0;
  let phase = '';
  const payload = () => ({
    phase,
    rows,
    rate: Math.round(rows / Math.max(0.001, (performance.now() - started) / 1000)),
  });
  return {
    start(total) {
      started = performance.now();
      bar.start(total, 0, payload());
    },
    advance(steps, more = 0) {
      rows += more;
      bar.increment(steps, payload());
    },
    phase(name, total) {
      phase = `${name} `;
      bar.setTotal(total);
      bar.update(0, payload());
    },
    update(steps) {
      bar.update(steps, payload());
    },
    stop() {
      bar.stop();
    },
  };
}
