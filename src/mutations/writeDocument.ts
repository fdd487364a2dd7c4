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
  /** The input field that holds the entity's names, for "too many search keys" errors. Default `input.names`. */
  namesField?: string;
}

const RELATION_PROBLEM = /^input: relations\[(\d+)\] \([^)]*\): (unknown entity|retracted entity|retracted relation) "([^"]+)"/;
const RETRACTED = 'a retracted fact takes no new writes';

/**
 * Plans and writes a validated document exactly as the seed loader does (`planGraphWrite` + `writeGraph`): one
 * write transaction, MERGE by id, one `(:Change)` record. Refusals (unknown entities, a kind that differs from the
 * stored one, a retracted fact written to or related, more aliases or search keys than an entity may keep) become
 * BAD_USER_INPUT naming the field; nothing is written then, not even the change record.
 */
export async function writeDocument(options: WriteDocumentOptions): Promise<ChangeModel> {
  const { db, document, actor, operation, relationFields, citesStoredSource = false, namesField = 'input.names' } = options;
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
    await writeGraph(db, plan, { actor, operation, changeId: change.id, at: change.at }, { refuseRetracted: true });
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    throw invalidInput(
      error.problems.map((problem) => {
        const relation = RELATION_PROBLEM.exec(problem);
        if (relation) {
          const field = relationFields[Number(relation[1])] ?? `relations[${relation[1]}]`;
          const [kind, id] = [relation[2], relation[3]];
          if (kind === 'unknown entity') return `${field}: unknown entity "${id}": add it with upsertEntity first`;
          return `${field}: ${kind === 'retracted entity' ? 'entity' : 'relation'} "${id}" is retracted: ${RETRACTED}`;
        }
        return problem
          .replace(/^entity (\S+): retracted$/, `input.id: entity "$1" is retracted: ${RETRACTED}`)
          .replace(/^attribute (\S+): retracted$/, `input.attributes: attribute "$1" is retracted: ${RETRACTED}`)
          .replace(/^entity \S+: aliases:/, 'input.aliases:')
          .replace(/^entity \S+: names:/, `${namesField}:`)
          .replace(/^entity (\S+): kind/, 'kind of $1:');
      }),
    );
  }
  return change;
}
