/** Whether an error means every pooled Neo4j connection stayed busy for the whole acquisition timeout. */
export function isPoolExhausted(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause.message.startsWith('Connection acquisition timed out')) return true;
  }
  return false;
}
