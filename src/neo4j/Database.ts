import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';

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
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  readonly stats: QueryStats;
}

export interface DatabaseOptions {
  driver: Driver;
  /** Omitted: the server's default database. */
  database?: string | undefined;
  /** Neo4j terminates a transaction running longer than this; omitted: the server's limit (none by default). */
  timeoutMs?: number | undefined;
  /** Told when a session starts and ends its work, so pool use can be watched (the driver exposes no pool metric). */
  activeSessions?: { inc(): void; dec(): void } | undefined;
}

/** Builds a Database with its own round-trip counter; build one per request. */
export function createDatabase({ driver, database, timeoutMs, activeSessions }: DatabaseOptions): Database {
  const stats: QueryStats = { roundTrips: 0 };
  const config = timeoutMs === undefined ? undefined : { timeout: timeoutMs };
  return {
    stats,
    async read<T extends RecordShape>(cypher: string, parameters: Record<string, unknown> = {}) {
      stats.roundTrips += 1;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      activeSessions?.inc();
      try {
        const result = await session.executeRead((tx) => tx.run<T>(cypher, withIntegers(parameters)), config);
        return result.records.map((record) => record.toObject());
      } finally {
        activeSessions?.dec();
        await session.close();
      }
    },
    async write<T>(work: (tx: ManagedTransaction) => Promise<T>) {
      stats.roundTrips += 1;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      activeSessions?.inc();
      try {
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
    Object.entries(parameters).map(([key, value]) => [key, typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value]),
  );
}
