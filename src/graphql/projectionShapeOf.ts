import { visit, type DocumentNode } from 'graphql';
import type { ProjectionShape } from '../repositories/ProjectionShape.js';

const cache = new WeakMap<DocumentNode, ProjectionShape>();

/**
 * The lists an operation in `document` can read: `aliases` only where a field of that name is selected, evidence ids
 * only where an `evidence` field is (of an entity, a relation, a party, an office or an attribute). Judged by field
 * name anywhere in the document, fragments included, so it never narrows too far.
 */
export function projectionShapeOf(document: DocumentNode): ProjectionShape {
  const cached = cache.get(document);
  if (cached) return cached;
  const shape: ProjectionShape = { aliases: false, evidence: false };
  visit(document, {
    Field(node) {
      if (node.name.value === 'aliases') shape.aliases = true;
      if (node.name.value === 'evidence') shape.evidence = true;
    },
  });
  cache.set(document, shape);
  return shape;
}
