import { inject } from 'vitest';
import { copyStore } from './copyStore.js';

/**
 * A fresh store directory holding a copy of a template the test run migrated (and seeded) once, so that a test's
 * Neo4j starts on it with nothing left to migrate or seed.
 */
export function copyNeo4jTemplate(seed: boolean, prefix: string): Promise<string> {
  const templates = inject('neo4jTemplates');
  return copyStore(seed ? templates.seeded : templates.empty, prefix);
}
