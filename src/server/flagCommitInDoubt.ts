import { Neo4jError } from 'neo4j-driver';
import { commitInDoubt } from '../errors.js';
import type { Database } from '../neo4j/Database.js';
import { WriteDeadlineExpired } from '../neo4j/createWriteDeadline.js';

/**
 * Wraps a Database so that a write whose commit was sent but never answered (Neo4j died or the connection broke
 * during COMMIT, a kill -9 for instance) fails saying so (`commitInDoubt`) instead of a plain "unavailable": such a
 * write may have landed, and saying it failed would be false. A write that failed before its commit, or that Neo4j
 * refused (a client error rolls it back), keeps its own error.
 */
export function flagCommitInDoubt(db: Database): Database {
  return {
    ...db,
    async write(work, options) {
      // Sticky across the driver's retries: once any attempt reached its commit, a later failure cannot say it failed.
      let commitSent = false;
      try {
        return await db.write(async (tx) => {
          const result = await work(tx);
          commitSent = true;
          return result;
        }, options);
      } catch (error) {
        if (commitSent && !isRolledBack(error)) throw commitInDoubt();
        throw error;
      }
    },
  };
}

/**
 * The transaction was rolled back: Neo4j answered with a client error (constraint, timeout, bad query), or the
 * request's write deadline stopped the work after it returned and before its COMMIT was sent.
 */
function isRolledBack(error: unknown): boolean {
  return (
    error instanceof WriteDeadlineExpired || (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.'))
  );
}
