/** Polls `condition` every `stepMs` until it holds; throws after `timeoutMs`. Resolves to the milliseconds it took. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  stepMs = 100,
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await condition()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
