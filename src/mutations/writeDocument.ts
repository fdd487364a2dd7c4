import { randomUUID } from 'node:crypto';
import { invalidInput } from '../errors.js';
import type { ChangeModel } from '../models/ChangeModel.js';
import type { Database } from '../neo4j/Database.js';
import { writeGraph } from '../repositories/writeGraph.js';
import { planGraphWrite } from '../seed/planGraphWrite.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import type { SourceDocument } from '../seed/sourceDocument.js';

export interface WriteDocumentOptions {
  db: Database;
  document: SourceDocument;
  actor: string;
  operation: string;
  /** Input field of each relation, by index in `document.relations`, for "unknown entity" errors. */
  relationFields: readonly string[];
  /**
   * True when the document only cites its source (already stored and checked): the source node is then left
   * untouched, so concurrent writes citing one source do not all queue for its lock.
   */
  citesStoredSource?: boolean;
}

const UNKNOWN_ENTITY = /^input: relations\[(\d+)\] \([^)]*\): unknown entity "([^"]+)"/;

/**
 * Plans and writes a validated document exactly as the seed loader does (`planGraphWrite` + `writeGraph`): one
 * write transaction, MERGE by id, one `(:Change)` record. Refusals (unknown entities, a kind that differs from the
 * stored one) become BAD_USER_INPUT naming the field.
 */
export async function writeDocument({ db, document, actor, operation, relationFields, citesStoredSource = false }: WriteDocumentOptions): Promise<ChangeModel> {
  const planned = planGraphWrite([{ file: 'input', document }]);
  const plan = citesStoredSource ? { ...planned, entities: planned.entities.filter((entity) => entity.id !== document.source.id) } : planned;
  const change: ChangeModel = {
    id: randomUUID(),
    actor,
    operation,
    at: new Date().toISOString(),
    entityIds: plan.entities.map((entity) => entity.id),
    relationIds: plan.relations.map((relation) => relation.id),
    attributeIds: plan.attributes.map((attribute) => attribute.id),
    reason: null,
  };
  try {
    await writeGraph(db, plan, { actor, operation, changeId: change.id, at: change.at });
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    throw invalidInput(
      error.problems.map((problem) => {
        const unknown = UNKNOWN_ENTITY.exec(problem);
        if (unknown) {
          const field = relationFields[Number(unknown[1])] ?? `relations[${unknown[1]}]`;
          return `${field}: unknown entity "${unknown[2]}": add it with upsertEntity first`;
        }
        return problem.replace(/^entity (\S+): kind/, 'kind of $1:');
      }),
    );
  }
  return change;
}
