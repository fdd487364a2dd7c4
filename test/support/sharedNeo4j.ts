import { inject } from 'vitest';

/** The environment variable through which the integration setup file hands a test file its claimed Neo4j. */
export const CLAIMED_NEO4J = 'COOPGRAPH_TEST_NEO4J';

/** The seeded Neo4j the running test file has claimed (`claimSharedNeo4j.ts`): no other running file uses it. */
export function sharedNeo4j(): { uri: string; dataDir: string } {
  const instance = inject('sharedNeo4j')[Number(process.env[CLAIMED_NEO4J])];
  if (!instance) throw new Error('no shared Neo4j is claimed: is test/support/claimSharedNeo4j.ts a setup file?');
  return instance;
}
