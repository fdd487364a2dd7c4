import type { AddSourceInput } from '../generated/resolversTypes.js';
import type { ChangeModel } from '../../models/ChangeModel.js';
import type { Database } from '../../neo4j/Database.js';
import { parseDraft } from './parseDraft.js';
import { toPath } from './toPath.js';
import { withoutNulls } from './withoutNulls.js';
import { writeDocument } from './writeDocument.js';

/**
 * Adds or updates a source: a seed document with a `source:` and nothing else. A `text` given is kept with the source
 * and must hold every excerpt already quoted from it.
 */
export async function addSource(db: Database, input: AddSourceInput, actor: string): Promise<ChangeModel> {
  const draft = {
    document: { source: withoutNulls(input) },
    fieldOf: (path: readonly PropertyKey[]) => `input.${toPath(path.slice(1))}`,
    problems: [],
  };
  const document = parseDraft(draft);
  return writeDocument({
    db,
    document,
    actor,
    operation: 'addSource',
    relationFields: [],
    namesField: 'input.title',
    fieldOf: draft.fieldOf,
  });
}
