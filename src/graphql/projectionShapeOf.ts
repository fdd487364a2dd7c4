import {
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
} from 'graphql';
import { EMPTY_PROJECTION, SOURCE_METADATA, type ProjectionShape } from '../repositories/ProjectionShape.js';

const cache = new WeakMap<DocumentNode, ProjectionShape>();

/** The field names that read each optional value of `ProjectionShape`, but for `evidence`, which depends on its type. */
const READERS: Record<string, keyof ProjectionShape> = {
  aliases: 'aliases',
  text: 'text',
  signedOn: 'signedOn',
  ...Object.fromEntries(SOURCE_METADATA.map((field) => [field, 'sourceMetadata' as const])),
};

/**
 * The values an operation in `document` can read: each only where a field that reads it is selected (`names`, or
 * any field given a `lang`; `aliases`; `evidence` of an entity, or of a relation, party, office or participation; a
 * relation's `id`; a statement's `text`; an agreement's `signedOn`; a source's metadata fields; an
 * `Evidence.source` selection of more than `id`). Judged by field name anywhere in the document, fragments
 * included, and for `evidence`, `source` and `id` by the type they are selected on, so it never narrows too far.
 * Cached per document.
 */
export function projectionShapeOf(schema: GraphQLSchema, document: DocumentNode): ProjectionShape {
  const cached = cache.get(document);
  if (cached) return cached;
  const shape: ProjectionShape = { ...EMPTY_PROJECTION };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if (name === 'names' || node.arguments?.some((argument) => argument.name.value === 'lang')) shape.localizedNames = true;
        if (name === 'id' && typeInfo.getParentType()?.name === 'Relation') shape.relationIds = true;
        if (name === 'source' && typeInfo.getParentType()?.name === 'Evidence') {
          if (!selectsOnlyId(node)) shape.evidenceSources = true;
          return;
        }
        if (name !== 'evidence') {
          const reads = READERS[name];
          if (reads) shape[reads] = true;
          return;
        }
        const parent = typeInfo.getParentType();
        // A type it cannot tell (validation refuses such documents) keeps both.
        if (!parent || isEntityType(parent)) shape.entityEvidence = true;
        if (!parent || !isEntityType(parent)) shape.relationEvidence = true;
      },
    }),
  );
  cache.set(document, shape);
  return shape;
}

/** A selection of `id` and `__typename` alone, without fragments: answerable from a reference. */
function selectsOnlyId(field: FieldNode): boolean {
  return (field.selectionSet?.selections ?? []).every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value === 'id' || selection.name.value === '__typename'),
  );
}

/** The `Entity` interface or a type implementing it. */
function isEntityType(type: GraphQLCompositeType): boolean {
  return type.name === 'Entity' || ((isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((implemented) => implemented.name === 'Entity'));
}
