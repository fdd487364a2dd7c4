import autocannon from 'autocannon';
import type { RequestStep } from './benchOperations.js';

/** Runs every step of an operation once, in order; resolves to the last answer. Throws on an error answer. */
export async function runOnce(baseUrl: string, steps: readonly RequestStep[]): Promise<unknown> {
  let previous: unknown = null;
  for (const step of steps) {
    const response = await fetch(`${baseUrl}${step.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(step.body(previous)),
    });
    const answer = (await response.json()) as { errors?: { message: string }[] };
    if (!response.ok || answer.errors?.length) {
      throw new Error(
        `${step.path} answered ${response.status}: ${answer.errors?.map((error) => error.message).join('; ') ?? 'no body'}`,
      );
    }
    previous = answer;
  }
  return previous;
}

/** Where one executor answers an operation: its base URL and the requests the operation takes there. */
export interface LatencyTarget {
  baseUrl: string;
  steps: readonly RequestStep[];
}

/**
 * Latencies in milliseconds, one list per target, of up to `samples` sequential runs each, stopping early after
 * `maxMs` (at least 3 each). Runs alternate between the targets, so a slow spell of a shared machine falls on all
 * of them alike instead of on whichever one it was measuring; and they go through every order of the targets in
 * turn, so that none always runs right after the same other one (whose garbage and warm caches it would inherit).
 */
export async function measureLatencies(
  targets: readonly LatencyTarget[],
  samples: number,
  maxMs: number,
): Promise<number[][]> {
  const latencies = targets.map((): number[] => []);
  const orders = permutations(targets.map((_, index) => index));
  const deadline = performance.now() + maxMs;
  for (let run = 0; run < samples && (run < 3 || performance.now() < deadline); run++) {
    for (const index of orders[run % orders.length]!) {
      const { baseUrl, steps } = targets[index]!;
      const started = performance.now();
      await runOnce(baseUrl, steps);
      latencies[index]!.push(performance.now() - started);
    }
  }
  return latencies;
}

/** Every order of `items`. */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * Operations per second with `connections` concurrent clients for `seconds`, by autocannon. An operation of
 * several steps is sent as an autocannon request sequence, each step built from the previous answer.
 */
export async function measureThroughput(
  baseUrl: string,
  steps: readonly RequestStep[],
  connections: number,
  seconds: number,
): Promise<{ opsPerSecond: number; errors: number }> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: steps.map((step, index) => ({
      method: 'POST',
      path: step.path,
      headers: { 'content-type': 'application/json' },
      ...(index === 0
        ? { body: JSON.stringify(step.body(null)) }
        : {
            setupRequest: (request: autocannon.Request, context: object) => ({
              ...request,
              body: JSON.stringify(step.body((context as { previous?: unknown }).previous ?? null)),
            }),
          }),
      ...(index < steps.length - 1
        ? {
            onResponse: (_status: number, body: string, context: object) => {
              (context as { previous?: unknown }).previous = JSON.parse(body) as unknown;
            },
          }
        : {}),
    })),
  });
  const errors = result.errors + result.non2xx + result.timeouts;
  // Completed requests over the run's length: per-second averages read 0 when single requests outlast a second.
  return { opsPerSecond: result.requests.total / result.duration / steps.length, errors };
}

/** The `fraction` quantile (0–1) of `values`, by nearest rank. */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
