import { isInterfaceType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { SOURCE_METADATA, type ProjectionShape } from '../repositories/ProjectionShape.js';

const cache = new WeakMap<DocumentNode, ProjectionShape>();

/** The field names that read each optional value of `ProjectionShape`, but for `evidence`, which depends on its type. */
const READERS: Record<string, keyof ProjectionShape> = {
  aliases: 'aliases',
  text: 'text',
  signedOn: 'signedOn',
  ...Object.fromEntries(SOURCE_METADATA.map((field) => [field, 'sourceMetadata' as const])),
};

/**
 * The values an operation in `document` can read: each only where a field that reads it is selected (`aliases`;
 * `evidence` of an entity, or of a relation, party, office or participation; a statement's `text`; an agreement's
 * `signedOn`; a source's metadata fields). Judged by field name anywhere in the document, fragments included, and
 * for `evidence` by the type it is selected on, so it never narrows too far. Cached per document.
 */
export function projectionShapeOf(schema: GraphQLSchema, document: DocumentNode): ProjectionShape {
  const cached = cache.get(document);
  if (cached) return cached;
  const shape: ProjectionShape = { aliases: false, entityEvidence: false, relationEvidence: false, text: false, signedOn: false, sourceMetadata: false };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if (name !== 'evidence') {
          const reads = READERS[name];
          if (reads) shape[reads] = true;
          return;
        }
        const parent = typeInfo.getParentType();
        const onEntity = parent && (parent.name === 'Entity' || ((isObjectType(parent) || isInterfaceType(parent)) && parent.getInterfaces().some((type) => type.name === 'Entity')));
        shape[onEntity ? 'entityEvidence' : 'relationEvidence'] = true;
      },
    }),
  );
  cache.set(document, shape);
  return shape;
}
