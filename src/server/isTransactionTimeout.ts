import { Neo4jError } from 'neo4j-driver';

/** Whether Neo4j terminated a transaction for running longer than its timeout. */
export function isTransactionTimeout(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof Neo4jError && cause.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut'))
      return true;
  }
  return false;
}
