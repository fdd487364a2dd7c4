import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from './support/postGraphQL.js';
import { startTestServer, type TestServer } from './support/startTestServer.js';

const EXAMPLES = path.resolve('examples');

/** What each example must show a journalist; every file in examples/ needs an entry. */
const EXPECTATIONS: Record<string, (data: any) => void> = {
  'who-signed-with-ktz.graphql': (data) => {
    const [agreement] = data.agreements.edges.map((edge: any) => edge.node);
    expect(data.agreements.totalCount).toBe(1);
    expect(agreement.signedAt.id).toBe('event/spief-2024');
    expect(agreement.parties.map((p: any) => p.party.id).sort()).toEqual([
      'organization/government-of-moscow-oblast',
      'organization/ktz',
      'organization/samruk-kazyna',
    ]);
    expect(agreement.parties[0].evidence[0].source.id).toBe('source/2025-09-09-krasnogorsk-business-forum');
  },
  'krasnogorsk-forum.graphql': (data) => {
    const event = data.entity;
    // The article bounds the forum's day by its dateline and never states it.
    expect(event.date).toBeNull();
    expect(event.dateAsKnown).toMatchObject({
      precision: 'DAY',
      earliest: null,
      latest: '2025-09-09',
      basis: 'INFERRED',
    });
    expect(event.location.id).toBe('region/krasnogorsk');
    expect(event.agreements.map((a: any) => a.id).sort()).toEqual([
      'agreement/agrohub-trilateral-agreement',
      'agreement/moscow-oblast-almaty-oblast-cooperation-memorandum',
    ]);
    expect(event.statements.length).toBeGreaterThanOrEqual(3);
    expect(event.attributes).toContainEqual(
      expect.objectContaining({ key: 'openingParticipants', value: '100', qualifier: 'more than', basis: 'STATED' }),
    );
  },
  'slavtrans-to-samruk.graphql': (data) => {
    expect(data.path.nodes[0].id).toBe('organization/slavtrans-service');
    expect(data.path.nodes.at(-1).id).toBe('organization/samruk-kazyna');
    expect(data.path.relations).toHaveLength(data.path.length);
    for (const relation of data.path.relations) expect(relation.evidence.length).toBeGreaterThan(0);
  },
  'everything-vorobyov-said.graphql': (data) => {
    const person = data.search[0].entity;
    expect(person.id).toBe('person/andrey-vorobyov');
    expect(person.offices[0].title).toBe('Governor of Moscow Oblast');
    expect(person.statements.map((s: any) => s.text)).toContainEqual(
      expect.stringContaining('Мы рады всем, кто планирует свое развитие'),
    );
  },
  'network-around-ktz.graphql': (data) => {
    const ids = new Set(data.network.nodes.map((node: any) => node.id));
    expect(ids.has('organization/samruk-kazyna')).toBe(true);
    expect(data.network.nodes.find((node: any) => node.id === 'organization/ktz').label).toBe('Қазақстан темір жолы');
    for (const edge of data.network.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  },
};

describe('examples/', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('has an expectation for every example file', async () => {
    const files = (await readdir(EXAMPLES)).filter((file) => file.endsWith('.graphql')).sort();
    expect(files).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  it.each(Object.keys(EXPECTATIONS))('answers %s without errors and with what it promises', async (file) => {
    const response = await postGraphQL(server.url, await readFile(path.join(EXAMPLES, file), 'utf8'));
    expect(response.errors).toBeUndefined();
    EXPECTATIONS[file]!(response.data);
  });
});
