import { randomUUID } from 'node:crypto';
import { invalidInput } from '../../errors.js';
import type { ChangeModel } from '../../models/ChangeModel.js';
import type { Database } from '../../neo4j/Database.js';
import { writeGraph } from '../../repositories/writeGraph.js';
import { planGraphWrite } from '../../seed/planGraphWrite.js';
import { SeedValidationError } from '../../seed/SeedValidationError.js';
import type { WriteProblem } from '../../domain/WriteProblem.js';
import { WriteRefusedError } from '../../domain/WriteRefusedError.js';
import { assertNever } from '../../domain/assertNever.js';
import { quoteStart } from '../../domain/describeWriteProblem.js';
import { toPath } from './toPath.js';
import type { SourceDocument } from '../../seed/sourceDocument.js';

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
  /** The input field behind a path in `document` (the draft's `fieldOf`), for excerpts not in the source's text. */
  fieldOf?: (path: readonly PropertyKey[]) => string;
}

const RETRACTED = 'a retracted fact takes no new writes';

/**
 * Plans and writes a validated document exactly as the seed loader does (`planGraphWrite` + `writeGraph`): one
 * write transaction, MERGE by id, one `(:Change)` record. Refusals (unknown entities, a kind that differs from the
 * stored one, a retracted fact written to or related, more aliases or search keys than an entity may keep, an
 * excerpt that is not verbatim in the text kept for its source) become
 * BAD_USER_INPUT naming the field; nothing is written then, not even the change record.
 */
export async function writeDocument(options: WriteDocumentOptions): Promise<ChangeModel> {
  const {
    db,
    document,
    actor,
    operation,
    relationFields,
    citesStoredSource = false,
    namesField = 'input.names',
    fieldOf = (path) => toPath(path),
  } = options;
  const planned = planGraphWrite([{ file: 'input', document }]);
  const plan = citesStoredSource
    ? { ...planned, entities: planned.entities.filter((entity) => entity.id !== document.source.id) }
    : planned;
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
    if (error instanceof SeedValidationError) throw invalidInput(error.problems);
    if (!(error instanceof WriteRefusedError)) throw error;
    throw invalidInput(
      error.problems.map((problem) => describeForInput(problem, { relationFields, namesField, fieldOf })),
    );
  }
  return change;
}

/** A write problem named by the mutation's input fields. */
function describeForInput(
  problem: WriteProblem,
  fields: Required<Pick<WriteDocumentOptions, 'relationFields' | 'namesField' | 'fieldOf'>>,
): string {
  const { relationFields, namesField, fieldOf } = fields;
  const relationField = (index: number) => relationFields[index] ?? `relations[${index}]`;
  switch (problem.code) {
    case 'UNKNOWN_ENTITY':
      return `${relationField(problem.origin.index)}: unknown entity "${problem.entityId}": add it with upsertEntity first`;
    case 'RETRACTED_END':
      return `${relationField(problem.origin.index)}: entity "${problem.entityId}" is retracted: ${RETRACTED}`;
    case 'RETRACTED_RELATION':
      return `${relationField(problem.origin.index)}: relation "${problem.relationId}" is retracted: ${RETRACTED}`;
    case 'RETRACTED_ENTITY':
      return `input.id: entity "${problem.entityId}" is retracted: ${RETRACTED}`;
    case 'RETRACTED_ATTRIBUTE':
      return `input.attributes: attribute "${problem.attributeId}" is retracted: ${RETRACTED}`;
    case 'KIND_CHANGED':
      return `kind of ${problem.entityId}: ${problem.given} differs from the stored kind ${problem.stored}`;
    case 'TOO_MANY_ALIASES':
      return `input.aliases: expected at most ${problem.max} aliases, stored ones included (aliases only grow), got ${problem.count}`;
    case 'TOO_MANY_SEARCH_KEYS':
      return (
        `${namesField}: expected names and aliases of at most ${problem.max} characters in all as search keys, ` +
        `earlier names and aliases included (they stay searchable), got ${problem.characters}`
      );
    case 'EXCERPT_NOT_IN_TEXT':
      return (
        `${fieldOf(problem.origin.path)}: expected a verbatim excerpt of the text kept for ${problem.sourceId}, ` +
        `got ${quoteStart(problem.origin.excerpt)}: select it from the text instead of retyping it`
      );
    case 'TEXT_LACKS_STORED_EXCERPTS':
      return (
        `${fieldOf(['source', 'text'])}: expected a text containing every excerpt already quoted from ${problem.sourceId}, ` +
        `but ${problem.count} ${problem.count === 1 ? 'is' : 'are'} missing, such as ${problem.excerpts.map(quoteStart).join(', ')}`
      );
    default:
      return assertNever(problem);
  }
}
