import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/createDriver.js';
import { createDatabase } from '../../src/neo4j/Database.js';
import { createGraphRepository } from '../../src/repositories/createGraphRepository.js';
import { MAX_NETWORK_DEPTH, type NetworkPlan } from '../../src/repositories/networkStatement.js';
import { FULL_PROJECTION } from '../../src/repositories/ProjectionShape.js';
import { sharedNeo4j } from '../support/sharedNeo4j.js';

const LIMITS = [3, 5000];

describe('network plans over the seeded graph', () => {
  let driver: Driver;
  let starts: string[];

  beforeAll(async () => {
    driver = createDriver({ uri: sharedNeo4j().uri });
    // The five highest-degree entities, then every twentieth by id: hubs (where the scan is chosen) and the rest.
    const { records } = await driver.executeQuery(
      `MATCH (n:Entity) WHERE n.retractedAt IS NULL
       WITH n ORDER BY COUNT { (n)--() } DESC, n.id
       RETURN n.id AS id`,
    );
    const ids = records.map((record) => record.get('id') as string);
    starts = [...ids.slice(0, 5), ...ids.toSorted().filter((_, index) => index % 20 === 0)];
  });
  afterAll(() => driver.close());

  const graph = (plan: NetworkPlan) =>
    createGraphRepository(createDatabase({ driver }), FULL_PROJECTION, { networkPlan: plan });

  it('keeps every entity’s degree equal to its number of relations, retracted ones included', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (n:Entity) WITH n, COUNT { (n)--() } AS counted
       RETURN count(n) AS entities, sum(counted) AS relationEnds,
              [x IN collect([n.id, n.degree, counted]) WHERE x[1] IS NULL OR x[1] <> x[2]] AS wrong`,
    );
    expect(records[0]!.get('wrong')).toEqual([]);
    expect(records[0]!.get('relationEnds')).toBeGreaterThan(records[0]!.get('entities'));
  });

  it('reads the same network by degree order as by walking it, around one start', async () => {
    const [walk, scan, auto] = [graph('expand'), graph('scan'), graph('auto')];
    let truncated = 0;
    for (const id of starts)
      for (let depth = 1; depth <= MAX_NETWORK_DEPTH; depth++)
        for (const limit of LIMITS) {
          const expected = await walk.findNetwork([id], depth, limit);
          const at = `${id}, depth ${depth}, limit ${limit}`;
          expect(await scan.findNetwork([id], depth, limit), at).toEqual(expected);
          expect(await auto.findNetwork([id], depth, limit), at).toEqual(expected);
          if (expected.truncated) truncated++;
        }
    // Both cut and uncut answers were compared.
    expect(truncated).toBeGreaterThan(0);
    expect(truncated).toBeLessThan(starts.length * MAX_NETWORK_DEPTH * LIMITS.length);
  });

  it('reads the same network both ways around several starts, and when no start exists', async () => {
    const [walk, scan, auto] = [graph('expand'), graph('scan'), graph('auto')];
    const sets = [starts.slice(0, 2), starts.slice(3, 6), [starts[0]!, 'organization/no-such-entity'], ['person/none']];
    for (const ids of sets)
      for (const limit of LIMITS) {
        const expected = await walk.findNetwork(ids, 2, limit);
        expect(await scan.findNetwork(ids, 2, limit), `${ids.join(', ')}, limit ${limit}`).toEqual(expected);
        expect(await auto.findNetwork(ids, 2, limit), `${ids.join(', ')}, limit ${limit}`).toEqual(expected);
      }
    expect((await scan.findNetwork(['person/none'], 2, 10)).entities).toEqual([]);
  });
});
