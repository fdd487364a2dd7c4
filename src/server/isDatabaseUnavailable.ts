import { Neo4jError } from 'neo4j-driver';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Whether an error means Neo4j cannot be reached right now (as opposed to a bad query, bad data or a busy pool). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof Neo4jError && UNAVAILABLE_CODES.has(cause.code)) return true;
    if ((cause as { code?: unknown }).code === 'ECONNREFUSED') return true;
  }
  return false;
}
