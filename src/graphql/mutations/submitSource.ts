import { invalidInput } from '../../errors.js';
import type { SubmitSourceInput } from '../generated/resolversTypes.js';
import type { ChangeModel } from '../../models/ChangeModel.js';
import type { Database } from '../../neo4j/Database.js';
import { findStoredNames, type StoredNames } from '../../repositories/findStoredNames.js';
import type { DocumentDraft } from './DocumentDraft.js';
import { howKnown } from './howKnown.js';
import { parseDraft } from './parseDraft.js';
import { attributeField, toAttributeDrafts } from './toAttributeDrafts.js';
import { toPath } from './toPath.js';
import { withoutNulls } from './withoutNulls.js';
import { writeDocument } from './writeDocument.js';

const RELATION_FIELD: Record<string, string> = { from: 'fromId', to: 'toId', evidence: 'excerpts' };
/** A long article states a few hundred facts; a bound keeps one transaction's size in reach of the write timeout. */
export const MAX_SUBMITTED_ENTITIES = 500;
export const MAX_SUBMITTED_RELATIONS = 1000;

/**
 * Restates `submitSource` as one seed document. An entity given without names keeps the stored ones (`stored`), so
 * merging a proposal into a known entity adds aliases and evidence without renaming it.
 */
export function toSubmissionDraft(input: SubmitSourceInput, stored: ReadonlyMap<string, StoredNames>): DocumentDraft {
  const problems: string[] = [];
  const entities = (input.entities ?? []).map((entity, index) => {
    const field = `input.entities[${index}]`;
    const { id, kind, names, aliases, text, excerpts, attributes } = entity;
    let kept: StoredNames['names'] | undefined;
    if (names === null || names === undefined) {
      const known = stored.get(id);
      if (!known)
        problems.push(`${field}.names: expected names: the graph holds no entity "${id}" whose names could be kept`);
      else if (known.kind !== kind)
        problems.push(`${field}.kind: expected ${known.kind}, the stored kind of "${id}", got ${kind}`);
      // An unknown entity is refused above; its id stands in as a name so that no second problem names the field.
      kept = known?.names ?? { en: id };
    }
    return {
      id,
      kind,
      names: kept ?? withoutNulls(names!),
      aliases: aliases ?? [],
      ...(text === null || text === undefined ? {} : { text }),
      evidence: excerpts,
      attributes: toAttributeDrafts(attributes, `${field}.attributes`, problems),
    };
  });
  const relations = (input.relations ?? []).map(({ type, fromId, toId, role, excerpts, ...known }) => ({
    type,
    from: fromId,
    to: toId,
    ...(role === null || role === undefined ? {} : { role }),
    evidence: excerpts,
    ...howKnown(known),
  }));
  return {
    document: { source: withoutNulls(input.source), entities, relations },
    fieldOf: (path) => submissionField(path),
    problems,
  };
}

/** Maps a path in the submission's seed document back to the input field. */
function submissionField(path: readonly PropertyKey[]): string {
  const [section, index, name, ...rest] = path;
  if (section === undefined) return 'input';
  if (section === 'source') return `input.${toPath(path)}`;
  const base = `input.${String(section)}[${String(index)}]`;
  if (name === undefined) return base;
  if (section === 'entities' && name === 'attributes') return attributeField(`${base}.attributes`, rest);
  const renamed =
    name === 'evidence' ? 'excerpts' : section === 'relations' ? (RELATION_FIELD[String(name)] ?? name) : name;
  return `${base}.${toPath([renamed, ...rest])}`;
}

/**
 * Writes a reviewed text whole: the source, its entities (new, updated, or known ones keeping their names) and
 * relations, in one transaction with one change record.
 */
export async function submitSource(db: Database, input: SubmitSourceInput, actor: string): Promise<ChangeModel> {
  const [entityCount, relationCount] = [input.entities?.length ?? 0, input.relations?.length ?? 0];
  if (entityCount > MAX_SUBMITTED_ENTITIES)
    throw invalidInput([`input.entities: expected at most ${MAX_SUBMITTED_ENTITIES} entities, got ${entityCount}`]);
  if (relationCount > MAX_SUBMITTED_RELATIONS)
    throw invalidInput([
      `input.relations: expected at most ${MAX_SUBMITTED_RELATIONS} relations, got ${relationCount}`,
    ]);
  const keptIds = (input.entities ?? [])
    .filter((entity) => entity.names === null || entity.names === undefined)
    .map((entity) => entity.id);
  const draft = toSubmissionDraft(input, await findStoredNames(db, keptIds));
  const document = parseDraft(draft);
  return writeDocument({
    db,
    document,
    actor,
    operation: 'submitSource',
    relationFields: document.relations.map((_, index) => `input.relations[${index}]`),
    namesField: 'input.entities',
    fieldOf: draft.fieldOf,
  });
}
