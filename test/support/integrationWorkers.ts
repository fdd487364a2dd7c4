import os from 'node:os';

/**
 * How many integration test files run at once, each on a seeded Neo4j of its own: one per core. The run is bound by
 * the CPU its Neo4js spend planning queries, and each more instance plans the same queries again.
 */
export const INTEGRATION_WORKERS = Math.min(4, os.availableParallelism());
