import os from 'node:os';

/**
 * How many integration test files run at once, each on a seeded Neo4j of its own: one more than the cores, up to 4.
 * Files wait on browsers, servers and timers as well as the CPU, and each more store plans the same queries again:
 * on 2 cores a run took 333 s with 2 workers, 286 s with 3 and 323 s with 4.
 */
export const INTEGRATION_WORKERS = Math.min(4, os.availableParallelism() + 1);
