import { visit, type DocumentNode } from 'graphql';
import { SOURCE_METADATA, type ProjectionShape } from '../repositories/ProjectionShape.js';

const cache = new WeakMap<DocumentNode, ProjectionShape>();

/** The field names that read each optional value of `ProjectionShape`. */
const READERS: Record<string, keyof ProjectionShape> = {
  aliases: 'aliases',
  evidence: 'evidence',
  text: 'text',
  signedOn: 'signedOn',
  ...Object.fromEntries(SOURCE_METADATA.map((field) => [field, 'sourceMetadata' as const])),
};

/**
 * The values an operation in `document` can read: each only where a field that reads it is selected (`aliases`;
 * `evidence` of an entity, a relation, a party, an office or an attribute; a statement's `text`; an agreement's
 * `signedOn`; a source's metadata fields). Judged by field name anywhere in the document, fragments included, so it
 * never narrows too far.
 */
export function projectionShapeOf(document: DocumentNode): ProjectionShape {
  const cached = cache.get(document);
  if (cached) return cached;
  const shape: ProjectionShape = { aliases: false, evidence: false, text: false, signedOn: false, sourceMetadata: false };
  visit(document, {
    Field(node) {
      const reads = READERS[node.name.value];
      if (reads) shape[reads] = true;
    },
  });
  cache.set(document, shape);
  return shape;
}
