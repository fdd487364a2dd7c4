import type { Database } from '../neo4j/Database.js';
import type { AttributeModel } from '../models/AttributeModel.js';
import type { EntityModel } from '../models/EntityModel.js';
import type { ExcerptModel } from '../models/ExcerptModel.js';
import type { RelationModel } from '../models/RelationModel.js';
import type { EntityKindName } from '../seed/sourceDocument.js';
import { assertNever } from '../assertNever.js';
import { ENTITY_PROJECTION, RELATION_PROJECTION, entityProjection, toEntityModel, toRelationModel, type EntityRow } from './entityProjection.js';

export type RelationDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relations of one entity to read: all of the given types (null: any), at most `first`. */
export interface RelationQuery {
  entityId: string;
  types: readonly string[] | null;
  direction: RelationDirection;
  first: number;
}

/** Relations of one entity together with the entities at their other ends (each once), so callers need no second read. */
export interface RelationsWithEnds {
  relations: RelationModel[];
  /** The other end of every relation, as `findByIds` would return it. */
  ends: EntityModel[];
}

/** Batch reads by id; every method returns one entry per key, in key order, with one round trip per call. */
export interface EntityRepository {
  findByIds(ids: readonly string[]): Promise<(EntityModel | null)[]>;
  /** Every entity of one kind, by id; meant for small kinds such as sources. */
  findAllOfKind(kind: EntityKindName): Promise<EntityModel[]>;
  /** Excerpts by id, plus the distinct unretracted sources they quote (for priming; a source is asked for by most clients). */
  findExcerptsByIds(ids: readonly string[]): Promise<{ excerpts: (ExcerptModel | null)[]; sources: EntityModel[] }>;
  findAttributesByEntityIds(ids: readonly string[]): Promise<AttributeModel[][]>;
  /** All queries must share `types`, `direction` and `first`; callers group them. */
  findRelations(queries: readonly RelationQuery[]): Promise<RelationsWithEnds[]>;
  /** The country each region lies in, following `PART_OF` up to four levels; null when none or retracted. */
  findCountriesOfRegions(ids: readonly string[]): Promise<(EntityModel | null)[]>;
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
      const rows = await db.read<{ x: ExcerptModel; source: EntityRow | null }>(
        `UNWIND $ids AS id MATCH (x:Excerpt {id: id})
         OPTIONAL MATCH (n:Entity {id: x.sourceId}) WHERE n.retractedAt IS NULL
         RETURN x {.id, .sourceId, .text} AS x, ${ENTITY_PROJECTION} AS source`,
        { ids },
      );
      const byId = new Map(rows.map(({ x }) => [x.id, x]));
      const sources = new Map(rows.flatMap(({ source }) => (source ? [[source.id, source] as const] : [])));
      return { excerpts: ids.map((id) => byId.get(id) ?? null), sources: [...sources.values()].map(toEntityModel) };
    },

    async findAttributesByEntityIds(ids) {
      const rows = await db.read<{ a: AttributeModel }>(
        `UNWIND $ids AS id
         MATCH (a:Attribute {entityId: id}) WHERE a.retractedAt IS NULL
         RETURN a {.id, .entityId, .key, .value, .number, .unit, .qualifier, .evidenceIds} AS a
         ORDER BY a.key, a.id`,
        { ids },
      );
      const byEntity = Map.groupBy(rows.map(({ a }) => ({ ...a, number: a.number ?? null, unit: a.unit ?? null, qualifier: a.qualifier ?? null })), (a) => a.entityId);
      return ids.map((id) => byEntity.get(id) ?? []);
    },

    async findRelations(queries) {
      const [first] = queries;
      if (!first) return [];
      // Types go into the pattern so that Neo4j expands only those (a hub has thousands of other relationships);
      // a name that is not a relation type matches nothing, as before.
      const types = first.types?.filter((type) => RELATION_TYPE.test(type)) ?? null;
      if (types !== null && types.length === 0) return queries.map(() => ({ relations: [], ends: [] }));
      // The other end's projection rides along with each relation: one round trip per nesting level, not two.
      const rows = await db.read<{ id: string; relations: { r: RelationModel; m: EntityRow }[] }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id})
         CALL (n) {
           MATCH ${relationPattern(first.direction, types)}
           WHERE r.retractedAt IS NULL AND m.retractedAt IS NULL
           RETURN r, m ORDER BY type(r), r.id LIMIT $first
         }
         RETURN id, collect({r: ${RELATION_PROJECTION}, m: ${entityProjection('m')}}) AS relations`,
        { ids: queries.map((query) => query.entityId), first: first.first },
      );
      const byId = new Map(
        rows.map((row) => {
          const ends = new Map(row.relations.map(({ m }) => [m.id, m]));
          return [row.id, { relations: row.relations.map(({ r }) => toRelationModel(r)), ends: [...ends.values()].map(toEntityModel) }];
        }),
      );
      return queries.map((query) => byId.get(query.entityId) ?? { relations: [], ends: [] });
    },

    async findCountriesOfRegions(ids) {
      // The nearest country; a retracted one reads as none, as `findByIds` would return it.
      const rows = await db.read<{ id: string; country: EntityRow | null }>(
        `UNWIND $ids AS id
         MATCH (n:Entity {id: id})
         OPTIONAL MATCH path = (n)-[:PART_OF*1..4]->(c:Country)
         WITH id, c, path ORDER BY length(path)
         WITH id, head(collect(c)) AS c
         RETURN id, CASE WHEN c IS NULL OR c.retractedAt IS NOT NULL THEN null ELSE ${entityProjection('c')} END AS country`,
        { ids },
      );
      const byId = new Map(rows.map((row) => [row.id, row.country ? toEntityModel(row.country) : null]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}

/** What a relation type looks like (`relationTypeSchema`); only such names are spliced into Cypher. */
const RELATION_TYPE = /^[A-Z][A-Z0-9_]{0,49}$/;

/**
 * The match pattern for one direction and set of types (null: any), seen from `n`. The direction is a closed
 * enum and the types are checked against RELATION_TYPE, never arbitrary user text.
 */
function relationPattern(direction: RelationDirection, types: readonly string[] | null): string {
  const r = types === null ? 'r' : `r:${types.join('|')}`;
  switch (direction) {
    case 'OUTGOING':
      return `(n)-[${r}]->(m:Entity)`;
    case 'INCOMING':
      return `(n)<-[${r}]-(m:Entity)`;
    case 'BOTH':
      return `(n)-[${r}]-(m:Entity)`;
    default:
      return assertNever(direction);
  }
}
