import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { EMPTY_PROJECTION, type ProjectionShape } from '../repositories/ProjectionShape.js';
import { declarationOf, declarationsNamed } from './fields/fieldRegistry.js';

const cache = new WeakMap<DocumentNode, ProjectionShape>();

/**
 * The values an operation in `document` can read: each one some selected field declares (`FIELD_REGISTRY`), plus
 * every name wherever a field is given a `lang`. Judged by the type each field is selected on, fragments
 * included; a field on a type it cannot tell (validation refuses such documents) counts for every type that has
 * it, so it never narrows too far. Cached per document.
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
        if (node.arguments?.some((argument) => argument.name.value === 'lang')) shape.localizedNames = true;
        const parent = typeInfo.getParentType();
        const declaration = parent ? declarationOf(parent.name, name) : undefined;
        for (const candidate of parent ? (declaration ? [declaration] : []) : declarationsNamed(name)) {
          const projection = 'projection' in candidate ? candidate.projection : undefined;
          const need = typeof projection === 'function' ? projection(node) : projection;
          if (need) shape[need] = true;
        }
      },
    }),
  );
  cache.set(document, shape);
  return shape;
}
