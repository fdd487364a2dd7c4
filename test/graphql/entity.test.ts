import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SOURCE_ID = 'source/2025-09-09-krasnogorsk-business-forum';

describe('Query.entity and Query.node', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('returns null for an unknown id without an error', async () => {
    const response = await postGraphQL(
      server.url,
      '{ entity(id: "organization/nope") { id } node(id: "nope") { id } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ entity: null, node: null });
  });

  it('resolves a node by id to its concrete type', async () => {
    const response = await postGraphQL(
      server.url,
      '{ node(id: "organization/ktz") { __typename id ... on Organization { legalForm } } }',
    );
    expect(response.data).toEqual({ node: { __typename: 'Organization', id: 'organization/ktz', legalForm: 'JSC' } });
  });

  it('names an entity in the asked language and falls back EN, RU, KK', async () => {
    const response = await postGraphQL<{ e: Record<string, string>; m: Record<string, string> }>(
      server.url,
      `{ e: entity(id: "organization/samruk-kazyna") { en: name(lang: EN) ru: name(lang: RU) kk: name(lang: KK) default: name }
         m: entity(id: "region/krasnogorsk") { kk: name(lang: KK) } }`,
    );
    expect(response.data!.e).toEqual({
      en: 'Samruk-Kazyna',
      ru: 'Самрук-Қазына',
      kk: 'Самұрық-Қазына',
      default: 'Samruk-Kazyna',
    });
    expect(response.data!.m.kk).toBe('Krasnogorsk');
  });

  it('lists names by language and aliases', async () => {
    const response = await postGraphQL<{ entity: { names: { lang: string; value: string }[]; aliases: string[] } }>(
      server.url,
      '{ entity(id: "organization/ktz") { names { lang value } aliases } }',
    );
    const { names, aliases } = response.data!.entity;
    expect(names.map((name) => name.lang)).toEqual(['EN', 'RU', 'KK']);
    expect(aliases).toEqual(expect.arrayContaining(['KTZ', 'КТЖ']));
  });

  it('gives figures with units, qualifiers and their verbatim evidence', async () => {
    const response = await postGraphQL<{
      entity: {
        attributes: {
          key: string;
          value: string;
          number: number | null;
          unit: string | null;
          qualifier: string | null;
          evidence: { excerpt: string; source: { id: string } }[];
        }[];
      };
    }>(
      server.url,
      '{ entity(id: "project/selyatino-transport-logistics-hub") { attributes { key value number unit qualifier evidence { excerpt source { id } } } } }',
    );
    const attributes = response.data!.entity.attributes;
    const byUnit = (unit: string) => attributes.find((attribute) => attribute.unit === unit);
    expect(byUnit('m²')).toMatchObject({
      number: 65000,
      evidence: [{ excerpt: 'Площадь объекта составит 65 тысяч квадратных метров', source: { id: SOURCE_ID } }],
    });
    expect(byUnit('jobs')).toMatchObject({ number: 1500 });
    expect(byUnit('RUB')).toMatchObject({ number: 14_000_000_000 });
    expect(attributes.find((attribute) => attribute.key === 'completionBy')).toMatchObject({
      value: '2026-04',
      qualifier: 'by',
    });
  });

  it('lists relations filtered by type and direction, capped by first', async () => {
    const response = await postGraphQL<{
      entity: { all: { type: string }[]; out: { type: string; from: { id: string } }[]; one: unknown[] };
    }>(
      server.url,
      `{ entity(id: "organization/slavtrans-service") {
           all: relations { type }
           out: relations(types: ["PARTY_TO"], direction: OUTGOING) { type from { id } }
           one: relations(first: 1) { id } } }`,
    );
    const { all, out, one } = response.data!.entity;
    expect(all.length).toBeGreaterThan(1);
    expect(out).toEqual([{ type: 'PARTY_TO', from: { id: 'organization/slavtrans-service' } }]);
    expect(one).toHaveLength(1);
  });

  it('refuses relations(first:) over 1000', async () => {
    const response = await postGraphQL(
      server.url,
      '{ entity(id: "organization/ktz") { relations(first: 1001) { id } } }',
    );
    expect(response.errors?.[0]).toMatchObject({
      message: 'Argument "first": expected an integer from 0 to 1000, got 1001.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('carries evidence with its source metadata on every entity', async () => {
    const response = await postGraphQL<{
      entity: {
        evidence: {
          excerpt: string;
          source: { id: string; title: string; publishedOn: string; language: string; contentSha256: string };
        }[];
      };
    }>(
      server.url,
      '{ entity(id: "organization/slavtrans-service") { evidence { excerpt source { id title publishedOn language contentSha256 } } } }',
    );
    const evidence = response.data!.entity.evidence.find((candidate) => candidate.source.id === SOURCE_ID);
    expect(evidence!.excerpt).toContain('Славтранс-Сервис');
    expect(evidence!.source).toMatchObject({
      id: SOURCE_ID,
      publishedOn: '2025-09-09',
      language: 'ru',
      contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('lists the sources the graph cites', async () => {
    const response = await postGraphQL<{ sources: { id: string }[] }>(server.url, '{ sources { id } }');
    expect(response.data!.sources.map((source) => source.id)).toContain(SOURCE_ID);
  });
});
