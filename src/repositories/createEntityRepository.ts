import type { Database } from '../neo4j/Database.js';
import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import type { ReadAheadCache } from '../models/ReadAheadCache.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { EntityKindName } from '../domain/entityKinds.js';
import type { RelationQuery } from '../domain/RelationQuery.js';
import { NO_INCLUDES, type EntityIncludes } from './EntityIncludes.js';
import type { ProjectionShape } from './ProjectionShape.js';
import {
  ENTITY_COLUMNS,
  entityProjection,
  toAttributeModel,
  toEntityModel,
  type EntityRow,
} from './entityProjection.js';
import {
  attributesSubquery,
  countrySubquery,
  createCypherScope,
  excerptsSubquery,
  includedEntity,
  includedSources,
  readIncluded,
  readSources,
  sourcesSubquery,
  relationsSubquery,
  includedRelationReader,
  toExcerptModel,
  EXCERPT_COLUMNS,
  INCLUDED_ATTRIBUTE_COLUMNS,
  INCLUDED_COLUMNS,
  INCLUDED_RELATION_COLUMNS,
  type ExcerptRow,
  type IncludedAttributeRow,
  type IncludedRelationRow,
  type IncludedRow,
} from './includeCypher.js';

/**
 * Batch reads by id; every method returns one entry per key, in key order, with one round trip per call. What a
 * read brings along beyond its answer (the entities at the other ends of relations, countries, quoted sources,
 * everything `includes` asks for) primes the request's `ReadAheadCache`, so that nested fields need no second read.
 */
export interface EntityRepository {
  findByIds(ids: readonly string[]): Promise<(EntityModel | null)[]>;
  /** Like `findByIds`, and in the same round trip everything `includes` asks for around each entity found. */
  findByIdsIncluding(ids: readonly string[], includes: EntityIncludes): Promise<(EntityModel | null)[]>;
  /** Every entity of one kind, by id; meant for small kinds such as sources. */
  findAllOfKind(kind: EntityKindName): Promise<EntityModel[]>;
  /** Excerpts by id; reads along the distinct unretracted sources they quote (a source is asked for by most clients). */
  findExcerptsByIds(ids: readonly string[]): Promise<(ExcerptModel | null)[]>;
  findAttributesByEntityIds(ids: readonly string[]): Promise<AttributeModel[][]>;
  /** All queries must share `types`, `direction` and `first`; callers group them. Reads along the other ends. */
  findRelations(queries: readonly RelationQuery[]): Promise<RelationModel[][]>;
  /** The country each region lies in, following `PART_OF` up to four levels; null when none or retracted. */
  findCountriesOfRegions(ids: readonly string[]): Promise<(EntityModel | null)[]>;
}

export function createEntityRepository(
  db: Database,
  shape: ProjectionShape,
  readAhead: ReadAheadCache,
): EntityRepository {
  return {
    async findByIds(ids) {
      const rows = await db.read<{ id: string; n: EntityRow }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id}) WHERE n.retractedAt IS NULL
         RETURN id, ${entityProjection('n', shape)} AS n`,
        { ids },
      );
      const byId = new Map(rows.map((row) => [row.id, toEntityModel(row.n)]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    async findByIdsIncluding(ids, includes) {
      const scope = createCypherScope(shape, { ids });
      const rows = await db.read<{ id: string; entity: IncludedRow; sources: EntityRow[] }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id}) WHERE n.retractedAt IS NULL
         WITH id, ${includedEntity('n', includes, scope)} AS entity
         RETURN id, entity, ${includedSources('[entity]', (row) => row, includes, scope)} AS sources`,
        scope.parameters,
      );
      const byId = new Map(rows.map((row) => [row.id, readIncluded(row.entity, includes, readAhead)]));
      for (const row of rows) readSources(row.sources, readAhead);
      return ids.map((id) => byId.get(id) ?? null);
    },

    async findAllOfKind(kind) {
      const rows = await db.read<{ row: EntityRow }>(
        `MATCH (n:Entity {kind: $kind}) WHERE n.retractedAt IS NULL RETURN ${entityProjection('n', shape)} AS row ORDER BY n.id`,
        { kind },
      );
      return rows.map(({ row }) => toEntityModel(row));
    },

    async findExcerptsByIds(ids) {
      const scope = createCypherScope(shape, { ids });
      const [row] = await db.read<{ excerpts: ExcerptRow[]; sources: EntityRow[] }>(
        `WITH ${excerptsSubquery('$ids', scope)} AS excerpts
         RETURN excerpts, ${sourcesSubquery(`[excerpt IN excerpts | ${EXCERPT_COLUMNS.at('excerpt', 'sourceId')}]`, scope)} AS sources`,
        scope.parameters,
      );
      readSources(row?.sources ?? [], readAhead);
      const excerpts = (row?.excerpts ?? []).map(toExcerptModel);
      const byId = new Map(excerpts.map((excerpt) => [excerpt.id, excerpt]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    async findAttributesByEntityIds(ids) {
      const rows = await db.read<{ id: string; attributes: IncludedAttributeRow[] }>(
        `UNWIND $ids AS id RETURN id, ${attributesSubquery('id', false, createCypherScope(shape))} AS attributes`,
        { ids },
      );
      const byEntity = new Map(
        rows.map((row) => [
          row.id,
          row.attributes.map((attribute) => toAttributeModel(INCLUDED_ATTRIBUTE_COLUMNS.read.attribute(attribute))),
        ]),
      );
      return ids.map((id) => byEntity.get(id) ?? []);
    },

    async findRelations(queries) {
      const [first] = queries;
      if (!first) return [];
      // The other end's projection rides along with each relation: one round trip per nesting level, not two.
      const scope = createCypherScope(shape, { ids: queries.map((query) => query.entityId) });
      const include = {
        types: first.types,
        direction: first.direction,
        first: first.first,
        evidence: false,
        end: NO_INCLUDES,
      };
      const rows = await db.read<{ id: string; relations: IncludedRelationRow[] }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id})
         RETURN id, ${relationsSubquery('n', include, scope)} AS relations`,
        scope.parameters,
      );
      const toRelation = includedRelationReader(include);
      const byId = new Map(
        rows.map((row) => {
          for (const relation of row.relations) {
            const end = INCLUDED_COLUMNS.read.entity(INCLUDED_RELATION_COLUMNS.read.end(relation));
            if (readAhead.entities.get(ENTITY_COLUMNS.read.id(end)) === undefined) {
              const model = toEntityModel(end);
              readAhead.entities.prime(model.id, model);
            }
          }
          return [row.id, row.relations.map((relation) => toRelation(relation, row.id))];
        }),
      );
      return queries.map((query) => byId.get(query.entityId) ?? []);
    },

    async findCountriesOfRegions(ids) {
      const rows = await db.read<{ id: string; country: IncludedRow | null }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id})
         RETURN id, ${countrySubquery('n', NO_INCLUDES, createCypherScope(shape))} AS country`,
        { ids },
      );
      const byId = new Map(
        rows.map((row) => {
          const country = row.country ? toEntityModel(INCLUDED_COLUMNS.read.entity(row.country)) : null;
          if (country) readAhead.entities.prime(country.id, country);
          return [row.id, country];
        }),
      );
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}
