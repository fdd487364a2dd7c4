/**
 * Why a call to Neo4j failed, in a few words a client may read: the first line of the message, with the database's
 * address left out.
 */
export function describeNeo4jFailure(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (message.includes('ECONNREFUSED')) return 'connection refused';
  if (message.startsWith('Connection acquisition timed out')) return 'no connection within the acquisition timeout';
  return message
    .replace(/\b(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+/g, 'the database')
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?/g, 'the database')
    .replace(/\blocalhost(?::\d+)?/g, 'the database');
}
