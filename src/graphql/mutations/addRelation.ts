import type { AddRelationInput } from '../generated/resolversTypes.js';
import type { ChangeModel } from '../../models/ChangeModel.js';
import type { Database } from '../../neo4j/Database.js';
import { contentId } from '../../seed/planGraphWrite.js';
import { howKnown } from './howKnown.js';
import { loadCitedSource } from './loadCitedSource.js';
import { parseDraft } from './parseDraft.js';
import { toPath } from './toPath.js';
import { writeDocument } from './writeDocument.js';

const FIELD: Record<string, string> = {
  type: 'type',
  from: 'fromId',
  to: 'toId',
  role: 'role',
  evidence: 'evidence.excerpts',
};

/** Adds a relation between two existing entities; the same type, ends and role name the same relation. */
export async function addRelation(
  db: Database,
  input: AddRelationInput,
  actor: string,
): Promise<{ relationId: string; change: ChangeModel }> {
  const source = await loadCitedSource(db, input.evidence.sourceId, 'input.evidence.sourceId');
  const { type, fromId, toId, role, evidence } = input;
  const relationDraft = {
    type,
    from: fromId,
    to: toId,
    ...(role === null || role === undefined ? {} : { role }),
    evidence: evidence.excerpts,
    ...howKnown(input),
  };
  const fieldOf = (path: readonly PropertyKey[]) => {
    const [, , name, ...rest] = path;
    return `input.${FIELD[String(name)] ?? toPath(path.slice(2))}${rest.length > 0 ? `[${String(rest[0])}]` : ''}`;
  };
  const document = parseDraft({ document: { source, relations: [relationDraft] }, fieldOf, problems: [] });
  const relation = document.relations[0]!;
  const change = await writeDocument({
    db,
    document,
    actor,
    operation: 'addRelation',
    relationFields: ['input'],
    citesStoredSource: true,
    fieldOf,
  });
  return { relationId: contentId('relation', relation.type, relation.from, relation.to, relation.role), change };
}
