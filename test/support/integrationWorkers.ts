import os from 'node:os';

/**
 * How many integration test files run at once, each on a seeded Neo4j of its own. Most of a file's time is spent
 * waiting (on Neo4j, a child process, a browser), so one more worker than cores keeps both busy.
 */
export const INTEGRATION_WORKERS = Math.min(4, os.availableParallelism() + 1);
