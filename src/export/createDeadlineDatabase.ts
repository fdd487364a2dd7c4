import { operationTimedOut, responseTooLarge } from '../errors.js';
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
 * A read budget (`maxReadBytes`) holds for all reads together, as in a Database of one request.
 */
export function createDeadlineDatabase({
  timeoutMs,
  signal,
  maxReadBytes,
  ...options
}: DeadlineDatabaseOptions): Database {
  const deadline = Date.now() + timeoutMs;
  const stats = { roundTrips: 0, bytesRead: 0 };
  const next = (): Database => {
    const left = deadline - Date.now();
    if (signal.aborted || left <= 0) throw operationTimedOut(timeoutMs);
    if (maxReadBytes !== undefined && stats.bytesRead > maxReadBytes) throw responseTooLarge(maxReadBytes);
    stats.roundTrips += 1;
    return createDatabase({
      ...options,
      timeoutMs: left,
      maxReadBytes: maxReadBytes === undefined ? undefined : maxReadBytes - stats.bytesRead,
    });
  };
  return {
    stats,
    maxReadBytes,
    read: async (cypher, parameters) => {
      const db = next();
      try {
        return await db.read(cypher, parameters);
      } finally {
        stats.bytesRead += db.stats.bytesRead;
      }
    },
    write: async (work, options) => next().write(work, options),
  };
}
