import type { FieldNode } from 'graphql';
import type { RelationDirection } from '../../domain/RelationQuery.js';
import type { AttributeModel } from '../../models/AttributeModel.js';
import type { ProjectionShape } from '../../repositories/ProjectionShape.js';
import { fixedRelationTypes } from '../../repositories/includeCypher.js';

/** A value of `ProjectionShape` a field needs read: fixed, or judged from the field's own selection. */
export type ProjectionNeed = keyof ProjectionShape | ((field: FieldNode) => keyof ProjectionShape | null);

/**
 * What one GraphQL field reads of the stored graph and how its value is shaped. The field's resolver, its part of
 * the look-ahead plan (`planIncludes`) and of the projection (`projectionShapeOf`) are all derived from this.
 */
export type FieldDeclaration =
  /** A value of the parent model, read with the parent (a node property where `projection` names one). */
  | { reads: 'model'; value: (parent: never, args: never) => unknown; projection?: ProjectionNeed }
  /** The first value of the parent entity's attribute `key`, shaped by `shape`. */
  | { reads: 'attribute'; key: string; shape: (value: string | null) => unknown }
  /** The parent entity's unretracted attributes, all of them or shaped into one value by `shape`. */
  | { reads: 'attributes'; shape?: (attributes: AttributeModel[]) => unknown }
  /** The relations of one shape: answered as the entities at their other ends, the first of them, or the relations. */
  | {
      reads: 'relations';
      types: readonly string[];
      direction: RelationDirection;
      answers: 'ends' | 'first end' | 'relations';
    }
  /** `relations(types, direction, first)`: relations of a shape the client gives. */
  | { reads: 'relations by arguments' }
  /** The nearest country a region lies in. */
  | { reads: 'country' }
  /** The excerpts behind the parent (its `evidenceIds`); `projection` names the value that holds those ids. */
  | { reads: 'evidence'; projection?: keyof ProjectionShape }
  /** The entity at one end of the parent relation (null where `id` gives none). */
  | { reads: 'end'; id: (parent: never) => string | null };

/** A value the parent model holds. */
export function modelValue<P, A = unknown>(
  value: (parent: P, args: A) => unknown,
  projection?: ProjectionNeed,
): FieldDeclaration {
  return {
    reads: 'model',
    value: value as (parent: never, args: never) => unknown,
    ...(projection ? { projection } : {}),
  };
}

/** The first value of an attribute, as a string unless `shape` says otherwise. */
export function attribute(key: string, shape: (value: string | null) => unknown = (value) => value): FieldDeclaration {
  return { reads: 'attribute', key, shape };
}

/** A value worked out from all of the entity's attributes, such as the most precise of several dates. */
export function fromAttributes(shape: (attributes: AttributeModel[]) => unknown): FieldDeclaration {
  return { reads: 'attributes', shape };
}

/** The entities at the other ends of relations of `types` in `direction`, sorted as the loaders key them. */
export function relatedEntities(types: readonly string[], direction: RelationDirection): FieldDeclaration {
  return { reads: 'relations', types: fixedRelationTypes(types), direction, answers: 'ends' };
}

/** The first entity at the other end of relations of `types` in `direction`, or null. */
export function firstRelatedEntity(types: readonly string[], direction: RelationDirection): FieldDeclaration {
  return { reads: 'relations', types: fixedRelationTypes(types), direction, answers: 'first end' };
}

/** The relations themselves; their type's `end` fields expose the other end. */
export function relations(types: readonly string[], direction: RelationDirection): FieldDeclaration {
  return { reads: 'relations', types: fixedRelationTypes(types), direction, answers: 'relations' };
}

/** The excerpts behind the parent. */
export function evidence(projection?: keyof ProjectionShape): FieldDeclaration {
  return { reads: 'evidence', ...(projection ? { projection } : {}) };
}

/** The entity whose id the parent holds. */
export function end<P>(id: (parent: P) => string | null): FieldDeclaration {
  return { reads: 'end', id: id as (parent: never) => string | null };
}
