import { createHash } from 'node:crypto';
import type { Database } from '../neo4j/Database.js';

/** Counts and a content checksum of the graph's facts; equal digests mean equal graphs (audit records aside). */
export interface GraphDigest {
  entities: number;
  excerpts: number;
  attributes: number;
  relations: number;
  sha256: string;
}

/**
 * Reads every entity, excerpt, attribute and relation in a canonical order and hashes them. Labels are sorted:
 * `labels()` lists them in the order the store first saw each label, which differs between equal graphs loaded
 * differently (the offline importer, transactions in another order).
 */
export async function readGraphDigest(db: Database): Promise<GraphDigest> {
  const [row] = await db.read<{
    entities: unknown[];
    excerpts: unknown[];
    attributes: unknown[];
    relations: unknown[];
  }>(
    `CALL () { MATCH (n:Entity) WITH n ORDER BY n.id
               RETURN collect([n.id, n.kind, COLLECT { UNWIND labels(n) AS label RETURN label ORDER BY label }, n.nameEn, n.nameRu, n.nameKk, n.aliases, n.evidenceIds, n.text, n.searchKeys, n.retractedAt, n.degree]) AS entities }
     CALL () { MATCH (x:Excerpt) WITH x ORDER BY x.id RETURN collect([x.id, x.sourceId, x.text, x.retractedAt]) AS excerpts }
     CALL () { MATCH (a:Attribute) WITH a ORDER BY a.id
               RETURN collect([a.id, a.entityId, a.key, a.value, a.unit, a.qualifier, a.evidenceIds, a.retractedAt]) AS attributes }
     CALL () { MATCH (s:Entity)-[r]->(t:Entity) WITH s, r, t ORDER BY r.id
               RETURN collect([r.id, type(r), s.id, t.id, r.role, r.evidenceIds, r.retractedAt]) AS relations }
     RETURN entities, excerpts, attributes, relations`,
  );
  const content = row ?? { entities: [], excerpts: [], attributes: [], relations: [] };
  return {
    entities: content.entities.length,
    excerpts: content.excerpts.length,
    attributes: content.attributes.length,
    relations: content.relations.length,
    sha256: createHash('sha256').update(JSON.stringify(content)).digest('hex'),
  };
}
