import { invalidInput } from '../../errors.js';
import type { Database } from '../../neo4j/Database.js';
import { findSourceDeclaration } from '../../repositories/findSourceDeclaration.js';

/** The source a mutation cites, as stored; BAD_USER_INPUT naming `field` when it was never added (or was retracted). */
export async function loadCitedSource(db: Database, sourceId: string, field: string) {
  const source = await findSourceDeclaration(db, sourceId);
  if (!source)
    throw invalidInput([`${field}: unknown source ${JSON.stringify(sourceId)}: add it with addSource first`]);
  return source;
}
