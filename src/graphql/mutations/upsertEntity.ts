import type { UpsertEntityInput } from '../generated/resolversTypes.js';
import type { ChangeModel } from '../../models/ChangeModel.js';
import type { Database } from '../../neo4j/Database.js';
import type { DocumentDraft } from './DocumentDraft.js';
import { loadCitedSource } from './loadCitedSource.js';
import { parseDraft } from './parseDraft.js';
import { attributeField, toAttributeDrafts } from './toAttributeDrafts.js';
import { toPath } from './toPath.js';
import { withoutNulls } from './withoutNulls.js';
import { writeDocument } from './writeDocument.js';

/** Restates `upsertEntity`'s input as a seed document with one entity. */
export function toEntityDraft(input: UpsertEntityInput, source: unknown): DocumentDraft {
  const problems: string[] = [];
  const { evidence, attributes, names, aliases, text, id, kind } = input;
  return {
    document: {
      source,
      entities: [
        {
          id,
          kind,
          names: withoutNulls(names),
          aliases: aliases ?? [],
          ...(text === null || text === undefined ? {} : { text }),
          evidence: evidence.excerpts,
          attributes: toAttributeDrafts(attributes, 'input.attributes', problems),
        },
      ],
    },
    fieldOf: entityField('input'),
    problems,
  };
}

/** Maps a path inside `entities[0]` of a draft back to the input field under `prefix`. */
export function entityField(prefix: string) {
  return (path: readonly PropertyKey[]): string => {
    const [, , name, ...rest] = path;
    if (name === 'evidence') return `${prefix}.evidence.excerpts${rest.length > 0 ? `[${String(rest[0])}]` : ''}`;
    if (name === 'attributes') return attributeField(`${prefix}.attributes`, rest);
    return `${prefix}.${toPath(path.slice(2))}`;
  };
}

/** Adds or updates one entity with its names, aliases and attributes; the cited source must exist. */
export async function upsertEntity(db: Database, input: UpsertEntityInput, actor: string): Promise<ChangeModel> {
  const source = await loadCitedSource(db, input.evidence.sourceId, 'input.evidence.sourceId');
  const draft = toEntityDraft(input, source);
  const document = parseDraft(draft);
  return writeDocument({
    db,
    document,
    actor,
    operation: 'upsertEntity',
    relationFields: [],
    citesStoredSource: true,
    fieldOf: draft.fieldOf,
  });
}
