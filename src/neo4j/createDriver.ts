import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverOptions {
  uri: string;
  username?: string;
  password?: string;
  /** Bounded so that a burst queues for at most `acquireTimeoutMs` and then fails clearly instead of hanging. */
  maxPoolSize?: number;
  acquireTimeoutMs?: number;
  /** How long a transaction is retried on transient errors (deadlocks, leader elections) before failing. */
  maxRetryMs?: number;
}

/** Creates a driver that returns plain JavaScript numbers, never neo4j Integers. */
export function createDriver({
  uri,
  username,
  password,
  maxPoolSize = 50,
  acquireTimeoutMs = 10_000,
  maxRetryMs = 5_000,
}: DriverOptions): Driver {
  const auth = password ? neo4j.auth.basic(username ?? 'neo4j', password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: maxPoolSize,
    connectionAcquisitionTimeout: acquireTimeoutMs,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: maxRetryMs,
    userAgent: 'coopgraph',
  });
}
