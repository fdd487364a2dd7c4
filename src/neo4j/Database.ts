import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import type { WriteDeadline } from './createWriteDeadline.js';

/** Counts Cypher round trips, so that tests and benchmarks can see batching work. */
export interface QueryStats {
  roundTrips: number;
}

/**
 * The only door to Neo4j for repositories. Reads run in `executeRead` (routed to followers in a cluster), writes in
 * one `executeWrite` transaction each; integers come back as JavaScript numbers.
 */
export interface Database {
  read<T extends RecordShape>(cypher: string, parameters?: Record<string, unknown>): Promise<T[]>;
  /** Runs `work` as one write transaction: it lands whole or not at all. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: WriteOptions): Promise<T>;
  readonly stats: QueryStats;
}

export interface WriteOptions {
  /** The audit change the transaction records: a timed-out answer names it when the write may still land. */
  changeId?: string | undefined;
}

export interface DatabaseOptions {
  driver: Driver;
  /** Omitted: the server's default database. */
  database?: string | undefined;
  /** Neo4j terminates a transaction running longer than this; omitted: the server's limit (none by default). */
  timeoutMs?: number | undefined;
  /** The operation's: once it expires, writes no longer begin or commit. */
  deadline?: WriteDeadline | undefined;
}

/** Builds a Database with its own round-trip counter; build one per request. */
export function createDatabase({ driver, database, timeoutMs, deadline }: DatabaseOptions): Database {
  const stats: QueryStats = { roundTrips: 0 };
  const config = timeoutMs === undefined ? undefined : { timeout: timeoutMs };
  return {
    stats,
    async read<T extends RecordShape>(cypher: string, parameters: Record<string, unknown> = {}) {
      stats.roundTrips += 1;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run<T>(cypher, withIntegers(parameters)), config);
        return result.records.map((record) => record.toObject());
      } finally {
        await session.close();
      }
    },
    async write<T>(work: (tx: ManagedTransaction) => Promise<T>, options: WriteOptions = {}) {
      stats.roundTrips += 1;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        if (deadline) return await deadline.run(options.changeId ?? null, work, (guarded) => session.executeWrite(guarded, config));
        return await session.executeWrite(work, config);
      } finally {
        await session.close();
      }
    },
  };
}

/** Top-level whole numbers go to Neo4j as integers, which `LIMIT` and ranges require (JS numbers travel as floats). */
function withIntegers(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [key, typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value]),
  );
}
