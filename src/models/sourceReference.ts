import type { EntityModel } from './EntityModel.js';

/**
 * A source known only by its id, for selections of `Evidence.source` that ask for nothing more (see
 * `ProjectionShape.evidenceSources`). Its other values are empty, as for any value an operation does not read.
 */
export function sourceReference(id: string): EntityModel {
  return {
    id,
    kind: 'SOURCE',
    names: { en: null, ru: null, kk: null },
    aliases: [],
    evidenceIds: [],
    text: null,
    signedOn: null,
    source: null,
  };
}
