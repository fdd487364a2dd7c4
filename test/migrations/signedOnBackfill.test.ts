import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/migrations/runMigrations.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';

// What agreements sort and filter by, straight from the attributes: the bounds of the first unretracted signedOn
// attribute by id.
const FROM_ATTRIBUTES = `MATCH (n:Agreement)
  WITH n, COLLECT { MATCH (x:Attribute {entityId: n.id, key: 'signedOn'}) WHERE x.retractedAt IS NULL
                    RETURN x ORDER BY x.id LIMIT 1 }[0] AS x
  RETURN n.id AS id, x.latest AS signedOn, x.earliest AS signedEarliest ORDER BY id`;
const FROM_PROPERTY =
  'MATCH (n:Agreement) RETURN n.id AS id, n.signedOn AS signedOn, n.signedEarliest AS signedEarliest ORDER BY id';

describe('migrations 4 and 6: signing bounds on agreement nodes', () => {
  let neo4j: IsolatedNeo4j;
  beforeAll(async () => {
    neo4j = await startIsolatedNeo4j();
  });
  afterAll(() => neo4j?.close());

  const rows = async (query: string) =>
    (await neo4j.driver.executeQuery(query)).records.map((record) => record.toObject());

  it('is kept by the seed writers and backfilled for a graph written before it', async () => {
    const expected = await rows(FROM_ATTRIBUTES);
    expect(expected.some((row) => row.signedOn !== null)).toBe(true);
    expect(await rows(FROM_PROPERTY)).toEqual(expected);

    // A store from before migrations 4 and 6: no properties, no record of them.
    await neo4j.driver.executeQuery('MATCH (n:Agreement) REMOVE n.signedOn, n.signedEarliest');
    await neo4j.driver.executeQuery('MATCH (m:Migration) WHERE m.version IN [4, 6] DELETE m');
    expect(await runMigrations(neo4j.driver)).toEqual([4, 6]);
    expect(await rows(FROM_PROPERTY)).toEqual(expected);
    const { records } = await neo4j.driver.executeQuery(
      "SHOW INDEXES YIELD name, state WHERE name = 'agreement_signed_on' RETURN state",
    );
    expect(records[0]?.get('state')).toBe('ONLINE');
  });
});
