import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { responseTooLarge } from '../errors.js';
import { approximateSize } from './approximateSize.js';
import type { WriteDeadline } from './createWriteDeadline.js';

/** Counts Cypher round trips, so that tests and benchmarks can see batching work, and what they read. */
export interface QueryStats {
  roundTrips: number;
  /** About how many bytes the reads returned (see `approximateSize`); counted only under a read budget. */
  bytesRead: number;
}

/**
 * The only door to Neo4j for repositories. Reads run in `executeRead` (routed to followers in a cluster), writes in
 * one `executeWrite` transaction each; integers come back as JavaScript numbers.
 */
export interface Database {
  /** Under a read budget, throws RESPONSE_TOO_LARGE once this Database has read more than `maxReadBytes`, and at once after. */
  read<T extends RecordShape>(cypher: string, parameters?: Record<string, unknown>): Promise<T[]>;
  /** Runs `work` as one write transaction: it lands whole or not at all. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: WriteOptions): Promise<T>;
  readonly stats: QueryStats;
  /** The read budget; undefined: none. */
  readonly maxReadBytes: number | undefined;
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
  /**
   * How much all reads together may return, in approximate bytes. Records are counted as they stream in and the
   * read past the budget is stopped (its transaction rolled back, its remaining records never fetched), so an
   * answer too large fails before it fills the heap. Omitted: no budget.
   */
  maxReadBytes?: number | undefined;
  /** Told when a session starts and ends its work, so pool use can be watched (the driver exposes no pool metric). */
  activeSessions?: { inc(): void; dec(): void } | undefined;
  /** The operation's: once it expires, writes no longer begin or commit. */
  deadline?: WriteDeadline | undefined;
}

/** Builds a Database with its own round-trip counter and read budget; build one per request. */
export function createDatabase({
  driver,
  database,
  timeoutMs,
  maxReadBytes,
  activeSessions,
  deadline,
}: DatabaseOptions): Database {
  const stats: QueryStats = { roundTrips: 0, bytesRead: 0 };
  const config = timeoutMs === undefined ? undefined : { timeout: timeoutMs };
  return {
    stats,
    maxReadBytes,
    async read<T extends RecordShape>(cypher: string, parameters: Record<string, unknown> = {}) {
      if (maxReadBytes !== undefined && stats.bytesRead > maxReadBytes) throw responseTooLarge(maxReadBytes);
      stats.roundTrips += 1;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      activeSessions?.inc();
      try {
        if (maxReadBytes === undefined) {
          const result = await session.executeRead((tx) => tx.run<T>(cypher, withIntegers(parameters)), config);
          return result.records.map((record) => record.toObject());
        }
        const before = stats.bytesRead;
        return await session.executeRead(async (tx) => {
          // A retried transaction starts its count over.
          stats.bytesRead = before;
          const rows: T[] = [];
          for await (const record of tx.run<T>(cypher, withIntegers(parameters))) {
            const row = record.toObject();
            stats.bytesRead += approximateSize(row);
            if (stats.bytesRead > maxReadBytes) throw responseTooLarge(maxReadBytes);
            rows.push(row);
          }
          return rows;
        }, config);
      } finally {
        activeSessions?.dec();
        await session.close();
      }
    },
    async write<T>(work: (tx: ManagedTransaction) => Promise<T>, options: WriteOptions = {}) {
      stats.roundTrips += 1;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      activeSessions?.inc();
      try {
        if (deadline)
          return await deadline.run(options.changeId ?? null, work, (guarded) => session.executeWrite(guarded, config));
        return await session.executeWrite(work, config);
      } finally {
        activeSessions?.dec();
        await session.close();
      }
    },
  };
}

/** Top-level whole numbers go to Neo4j as integers, which `LIMIT` and ranges require (JS numbers travel as floats). */
function withIntegers(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [
      key,
      typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value,
    ]),
  );
}
