import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { createDatabase, type Database } from '../../src/neo4j/Database.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

/** Audits the loaded graph directly, so that a loader bug cannot hide behind the API. */
describe('provenance of the loaded graph', () => {
  let driver: Driver;
  let db: Database;
  beforeAll(() => {
    driver = createDriver({ uri: sharedNeo4j().uri });
    db = createDatabase({ driver });
  });
  afterAll(() => driver.close());

  it('has no entity, attribute or relation without evidence', async () => {
    const [row] = await db.read<{ entities: string[]; attributes: string[]; relations: string[] }>(
      `CALL () { MATCH (n:Entity) WHERE n.kind <> 'SOURCE' AND size(coalesce(n.evidenceIds, [])) = 0 RETURN collect(n.id) AS entities }
       CALL () { MATCH (a:Attribute) WHERE size(coalesce(a.evidenceIds, [])) = 0 RETURN collect(a.id) AS attributes }
       CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE size(coalesce(r.evidenceIds, [])) = 0 RETURN collect(r.id) AS relations }
       RETURN entities, attributes, relations`,
    );
    expect(row).toEqual({ entities: [], attributes: [], relations: [] });
  });

  it('cites only excerpts that exist, of sources that exist', async () => {
    const [row] = await db.read<{ dangling: string[]; orphans: string[]; sources: number }>(
      `CALL () {
         MATCH (n) WHERE n:Entity OR n:Attribute
         UNWIND coalesce(n.evidenceIds, []) AS id
         OPTIONAL MATCH (x:Excerpt {id: id})
         WITH id, x WHERE x IS NULL
         RETURN collect(DISTINCT id) AS dangling
       }
       CALL () {
         MATCH (x:Excerpt) WHERE NOT EXISTS { MATCH (s:Source {id: x.sourceId}) }
         RETURN collect(x.id) AS orphans
       }
       CALL () { MATCH (s:Source) RETURN count(s) AS sources }
       RETURN dangling, orphans, sources`,
    );
    expect(row).toMatchObject({ dangling: [], orphans: [] });
    expect(row!.sources).toBeGreaterThanOrEqual(1);
  });
});
