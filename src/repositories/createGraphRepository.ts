import type { Database } from '../neo4j/Database.js';
import type { NetworkModel } from '../models/NetworkModel.js';
import type { PathModel } from '../models/PathModel.js';
import {
  entityProjection,
  RELATION_COLUMNS,
  relationProjection,
  toEntityModel,
  toRelationModel,
  type EntityRow,
  type RelationRow,
} from './entityProjection.js';
import { FULL_PROJECTION, type ProjectionShape } from './ProjectionShape.js';
import { NO_NETWORK_FILTER, type NetworkFilter } from './NetworkFilter.js';
import { kindPrefix } from '../domain/entityKinds.js';
import { networkStatement, type NetworkPlan } from './networkStatement.js';

/** The longest path callers may ask for; the API checks arguments against it. */
export const MAX_PATH_HOPS = 8;

/** Whole-graph reads: shortest paths and neighbourhoods. */
export interface GraphRepository {
  /** A shortest path of at most `maxHops` relations, or null when the entities are not connected that closely. */
  findPath(fromId: string, toId: string, maxHops: number): Promise<PathModel | null>;
  /**
   * The entities within `depth` hops of `ids` and the relations among them. When there are more than `limit`,
   * the start entities and then the highest-degree entities are kept and `truncated` is true.
   */
  findNetwork(ids: readonly string[], depth: number, limit: number, filter?: NetworkFilter): Promise<NetworkModel>;
  /** Those of `ids` that name no entity, or a retracted one, in the order given. */
  findMissingIds(ids: readonly string[]): Promise<string[]>;
}

export interface GraphRepositoryOptions {
  networkPlan?: NetworkPlan;
}

export function createGraphRepository(
  db: Database,
  shape: ProjectionShape = FULL_PROJECTION,
  options: GraphRepositoryOptions = {},
): GraphRepository {
  const networkPlan = options.networkPlan ?? 'auto';
  return {
    async findPath(fromId, toId, maxHops) {
      const rows = await db.read<{ nodes: EntityRow[]; relations: RelationRow[] }>(
        `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
         WHERE a.retractedAt IS NULL AND b.retractedAt IS NULL
         CALL (a, b) {
           WITH a, b WHERE a = b
           RETURN [a] AS pathNodes, [] AS pathRelations
           UNION
           WITH a, b WHERE a <> b
           MATCH p = shortestPath((a)-[*..${MAX_PATH_HOPS}]-(b))
           WHERE all(r IN relationships(p) WHERE r.retractedAt IS NULL)
             AND all(n IN nodes(p) WHERE n:Entity AND n.retractedAt IS NULL)
           RETURN nodes(p) AS pathNodes, relationships(p) AS pathRelations
         }
         WITH pathNodes, pathRelations WHERE size(pathRelations) <= $maxHops
         RETURN [n IN pathNodes | ${entityProjection('n', shape)}] AS nodes, [r IN pathRelations | ${relationProjection('r', shape)}] AS relations`,
        { fromId, toId, maxHops },
      );
      const row = rows[0];
      if (!row) return null;
      return { entities: row.nodes.map(toEntityModel), relations: row.relations.map(toRelationModel) };
    },

    async findNetwork(ids, depth, limit, filter = NO_NETWORK_FILTER) {
      const [selection] = await db.read<{
        nodes: EntityRow[];
        relations: [RelationRow, string | null][];
        truncated: boolean;
      }>(networkStatement({ starts: ids.length, depth, filter, plan: networkPlan, shape }), {
        ids,
        limit,
        scan: networkPlan === 'scan',
        types: filter.types,
        prefixes: filter.kinds?.map(kindPrefix) ?? null,
        excludedPrefixes: filter.excludeKinds?.map(kindPrefix) ?? null,
        from: filter.from,
        to: filter.to,
      });
      if (!selection || selection.nodes.length === 0)
        return { entities: [], relations: [], truncated: false, relationDates: new Map() };
      return {
        entities: selection.nodes.map(toEntityModel),
        relations: selection.relations.map(([row]) => toRelationModel(row)),
        truncated: selection.truncated,
        relationDates: new Map(
          selection.relations.flatMap(([row, date]) => (date ? [[RELATION_COLUMNS.read.id(row), date] as const] : [])),
        ),
      };
    },

    async findMissingIds(ids) {
      const rows = await db.read<{ id: string }>(
        `UNWIND $ids AS id
         OPTIONAL MATCH (n:Entity {id: id}) WHERE n.retractedAt IS NULL
         WITH id, n WHERE n IS NULL
         RETURN id`,
        { ids },
      );
      const missing = new Set(rows.map((row) => row.id));
      return ids.filter((id) => missing.has(id));
    },
  };
}
