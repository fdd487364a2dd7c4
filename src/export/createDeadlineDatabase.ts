import { operationTimedOut } from '../errors.js';
import { createDatabase, type Database, type DatabaseOptions } from '../neo4j/Database.js';

export interface DeadlineDatabaseOptions extends DatabaseOptions {
  /** Time the whole piece of work may take, from now; every transaction gets what is left of it. */
  timeoutMs: number;
  /** Aborted when the work is no longer wanted (its answer timed out, its client left). */
  signal: AbortSignal;
}

/**
 * A Database for one piece of work with one deadline: each transaction is given only the time left, so that Neo4j
 * terminates it at the deadline, and once the deadline passed or `signal` aborted no transaction starts (they fail
 * with OPERATION_TIMEOUT). Per-transaction timeouts alone would let a chain of reads run for a multiple of the limit.
 */
export function createDeadlineDatabase({ timeoutMs, signal, ...options }: DeadlineDatabaseOptions): Database {
  const deadline = Date.now() + timeoutMs;
  const stats = { roundTrips: 0 };
  const next = (): Database => {
    const left = deadline - Date.now();
    if (signal.aborted || left <= 0) throw operationTimedOut(timeoutMs);
    stats.roundTrips += 1;
    return createDatabase({ ...options, timeoutMs: left });
  };
  return {
    stats,
    read: async (cypher, parameters) => next().read(cypher, parameters),
    write: async (work) => next().write(work),
  };
}
