import type { Database } from '../neo4j/Database.js';
import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { EntityKindName } from '../seed/sourceDocument.js';
import { assertNever } from '../assertNever.js';
import { ENTITY_PROJECTION, RELATION_PROJECTION, toEntityModel, toRelationModel, type EntityRow } from './entityProjection.js';

export type RelationDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relations of one entity to read: all of the given types (null: any), at most `first`. */
export interface RelationQuery {
  entityId: string;
  types: readonly string[] | null;
  direction: RelationDirection;
  first: number;
}

/** Batch reads by id; every method returns one entry per key, in key order, with one round trip per call. */
export interface EntityRepository {
  findByIds(ids: readonly string[]): Promise<(EntityModel | null)[]>;
  /** Every entity of one kind, by id; meant for small kinds such as sources. */
  findAllOfKind(kind: EntityKindName): Promise<EntityModel[]>;
  findExcerptsByIds(ids: readonly string[]): Promise<(ExcerptModel | null)[]>;
  findAttributesByEntityIds(ids: readonly string[]): Promise<AttributeModel[][]>;
  /** All queries must share `types`, `direction` and `first`; callers group them. */
  findRelations(queries: readonly RelationQuery[]): Promise<RelationModel[][]>;
  /** The country each region lies in, following `PART_OF` up to four levels. */
  findCountryIdsOfRegions(ids: readonly string[]): Promise<(string | null)[]>;
}

export function createEntityRepository(db: Database): EntityRepository {
  return {
    async findByIds(ids) {
      const rows = await db.read<{ id: string; n: EntityRow | null }>(
        `UNWIND $ids AS id
         OPTIONAL MATCH (n:Entity {id: id}) WHERE n.retractedAt IS NULL
         RETURN id, ${ENTITY_PROJECTION} AS n`,
        { ids },
      );
      const byId = new Map(rows.map((row) => [row.id, row.n ? toEntityModel(row.n) : null]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    async findAllOfKind(kind) {
      const rows = await db.read<{ n: EntityRow }>(
        `MATCH (n:Entity {kind: $kind}) WHERE n.retractedAt IS NULL RETURN ${ENTITY_PROJECTION} AS n ORDER BY n.id`,
        { kind },
      );
      return rows.map((row) => toEntityModel(row.n));
    },

    async findExcerptsByIds(ids) {
      const rows = await db.read<{ x: ExcerptModel }>(
        'UNWIND $ids AS id MATCH (x:Excerpt {id: id}) RETURN x {.id, .sourceId, .text} AS x',
        { ids },
      );
      const byId = new Map(rows.map(({ x }) => [x.id, x]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    async findAttributesByEntityIds(ids) {
      const rows = await db.read<{ a: AttributeModel }>(
        `UNWIND $ids AS id
         MATCH (a:Attribute {entityId: id}) WHERE a.retractedAt IS NULL
         RETURN a {.id, .entityId, .key, .value, .number, .unit, .qualifier, .evidenceIds} AS a
         ORDER BY a.key, a.id`,
        { ids },
      );
      const byEntity = groupBy(rows.map(({ a }) => ({ ...a, number: a.number ?? null, unit: a.unit ?? null, qualifier: a.qualifier ?? null })), (a) => a.entityId);
      return ids.map((id) => byEntity.get(id) ?? []);
    },

    async findRelations(queries) {
      const [first] = queries;
      if (!first) return [];
      const rows = await db.read<{ id: string; relations: RelationModel[] }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id})
         CALL (n) {
           MATCH ${relationPattern(first.direction)}
           WHERE ($types IS NULL OR type(r) IN $types) AND r.retractedAt IS NULL AND m.retractedAt IS NULL
           RETURN r ORDER BY type(r), r.id LIMIT $first
         }
         RETURN id, collect(${RELATION_PROJECTION}) AS relations`,
        { ids: queries.map((query) => query.entityId), types: first.types, first: first.first },
      );
      const byId = new Map(rows.map((row) => [row.id, row.relations.map(toRelationModel)]));
      return queries.map((query) => byId.get(query.entityId) ?? []);
    },

    async findCountryIdsOfRegions(ids) {
      const rows = await db.read<{ id: string; countryId: string | null }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id})
         OPTIONAL MATCH path = (n)-[:PART_OF*1..4]->(c:Country)
         WITH id, c, path ORDER BY length(path)
         RETURN id, head(collect(c.id)) AS countryId`,
        { ids },
      );
      const byId = new Map(rows.map((row) => [row.id, row.countryId]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}

/** The match pattern for one direction, seen from `n`; the direction is a closed enum, never user text. */
function relationPattern(direction: RelationDirection): string {
  switch (direction) {
    case 'OUTGOING':
      return '(n)-[r]->(m:Entity)';
    case 'INCOMING':
      return '(n)<-[r]-(m:Entity)';
    case 'BOTH':
      return '(n)-[r]-(m:Entity)';
    default:
      return assertNever(direction);
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
