import type { GraphQLFieldResolver } from 'graphql';
import { requireIntInRange } from '../../errors.js';
import { assertNever } from '../../domain/assertNever.js';
import type { EntityModel } from '../../models/EntityModel.js';
import type { Context } from '../context.js';
import { boundedList } from '../boundedList.js';
import {
  loadAttributes,
  loadAttributeValue,
  loadCountry,
  loadEntityById,
  loadEvidence,
  loadFieldRelations,
  loadFirstRelated,
  loadRelated,
  loadRelations,
  whenLoaded,
} from '../resolvers/loading.js';
import type { FieldDeclaration } from './FieldDeclaration.js';
import { GENERIC_RELATIONS_FIRST, MAX_RELATION_TYPES } from './relationLimits.js';

type Resolver = GraphQLFieldResolver<never, Context, never>;

interface RelationsArguments {
  types?: readonly string[] | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null;
  first?: number | null;
}

/** The resolver a declaration implies: it loads what the declaration reads, through the request's loaders. */
export function resolverOf(declaration: FieldDeclaration): Resolver {
  switch (declaration.reads) {
    case 'model':
      return declaration.value;
    case 'attribute':
      return (entity: EntityModel, _, context) =>
        whenLoaded(loadAttributeValue(context, entity.id, declaration.key), declaration.shape);
    case 'attributes': {
      const { shape } = declaration;
      if (shape) return (entity: EntityModel, _, context) => whenLoaded(loadAttributes(context, entity.id), shape);
      return (entity: EntityModel, _, context) => loadAttributes(context, entity.id);
    }
    case 'relations':
      switch (declaration.answers) {
        case 'ends':
          return (entity: EntityModel, _, context) => loadRelated(context, entity.id, declaration);
        case 'first end':
          return (entity: EntityModel, _, context) => loadFirstRelated(context, entity.id, declaration);
        case 'relations':
          return (entity: EntityModel, _, context) => loadFieldRelations(context, entity.id, declaration);
        default:
          return assertNever(declaration.answers);
      }
    case 'relations by arguments':
      return (entity: EntityModel, { types, direction, first }: RelationsArguments, context) =>
        loadRelations(
          context,
          entity.id,
          types ? boundedList('types', types, MAX_RELATION_TYPES) : null,
          direction ?? 'BOTH',
          requireIntInRange('first', first ?? GENERIC_RELATIONS_FIRST.default, 0, GENERIC_RELATIONS_FIRST.max),
        );
    case 'country':
      return (region: EntityModel, _, context) => loadCountry(context, region.id);
    case 'evidence':
      return (parent: { evidenceIds: readonly string[] }, _, context) => loadEvidence(context, parent.evidenceIds);
    case 'end':
      return (parent, _, context) => {
        const id = declaration.id(parent);
        return id === null ? null : loadEntityById(context, id);
      };
    default:
      return assertNever(declaration);
  }
}
