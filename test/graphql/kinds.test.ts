import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

describe('kind-specific fields', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function query<T>(text: string): Promise<T> {
    const response = await postGraphQL<T>(server.url, text);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  it('walks a region up to its country', async () => {
    const data = await query<{ entity: { partOf: { id: string }[]; country: { id: string } } }>(
      '{ entity(id: "region/naro-fominsk-district") { ... on Region { partOf { id } country { id } } } }',
    );
    expect(data.entity).toEqual({ partOf: [{ id: 'region/moscow-oblast' }], country: { id: 'country/russia' } });
  });

  it('gives an organization its legal form, base and agreements', async () => {
    const data = await query<{
      entity: { legalForm: string; basedIn: { id: string }[]; agreements: { id: string }[] };
    }>(
      '{ entity(id: "organization/tlc-alatau") { ... on Organization { legalForm basedIn { id } agreements { id } } } }',
    );
    expect(data.entity).toEqual({
      legalForm: 'LLP',
      basedIn: [{ id: 'country/kazakhstan' }],
      agreements: [{ id: 'agreement/agrohub-trilateral-agreement' }],
    });
  });

  it('gives an event its date, place, participants with roles, and statements', async () => {
    const data = await query<{
      entity: {
        date: string;
        location: { id: string };
        participants: { participant: { id: string }; role: string | null; evidence: unknown[] }[];
        statements: { id: string }[];
      };
    }>(
      `{ entity(id: "event/krasnogorsk-business-forum-2025") { ... on Event {
           date location { id } participants { participant { id } role evidence { excerpt } } statements { id } } } }`,
    );
    const participants = data.entity.participants.map((participation) => participation.participant.id);
    // The article bounds the day by its dateline and never states it: no day to answer.
    expect(data.entity.date).toBeNull();
    expect(data.entity.location).toEqual({ id: 'region/krasnogorsk' });
    expect(participants).toEqual(
      expect.arrayContaining([
        'person/andrey-vorobyov',
        'person/marat-sultangaziev',
        'person/dauren-abaev',
        'region/moscow-oblast',
        'region/almaty-oblast',
      ]),
    );
    expect(data.entity.participants.every((participation) => participation.evidence.length > 0)).toBe(true);
    expect(data.entity.statements.length).toBeGreaterThanOrEqual(3);
  });

  it('gives a statement its verbatim text, speaker and event', async () => {
    const data = await query<{ entity: { text: string; speaker: { id: string }; event: { id: string } } }>(
      '{ entity(id: "statement/abaev-on-border-regions") { ... on Statement { text speaker { id } event { id } } } }',
    );
    expect(data.entity.text).toMatch(/^Наши страны имеют самую длинную непрерывную сухопутную границу в мире/);
    expect(data.entity.speaker).toEqual({ id: 'person/dauren-abaev' });
    expect(data.entity.event).toEqual({ id: 'event/krasnogorsk-business-forum-2025' });
  });

  it('places projects and facilities', async () => {
    const data = await query<{ p: { locatedIn: { id: string }[] }; f: { locatedIn: { id: string }[] } }>(
      `{ p: entity(id: "project/almaty-oblast-agrohub") { ... on Project { locatedIn { id } } }
         f: entity(id: "facility/esipovo-industrial-park") { ... on Facility { locatedIn { id } } } }`,
    );
    expect(data.p.locatedIn).toEqual([{ id: 'region/almaty-oblast' }]);
    expect(data.f.locatedIn).toEqual([{ id: 'region/krasnogorsk' }]);
  });

  it('gives an agreement its subjects and no invented signatories', async () => {
    const data = await query<{
      entity: {
        subjects: { id: string }[];
        signatories: unknown[];
        parties: { party: { id: string }; role: string }[];
      };
    }>(
      '{ entity(id: "agreement/selyatino-hub-agreement") { ... on Agreement { subjects { id } signatories { id } parties { party { id } role } } } }',
    );
    expect(data.entity.subjects).toEqual([{ id: 'project/selyatino-transport-logistics-hub' }]);
    expect(data.entity.signatories).toEqual([]);
    expect(data.entity.parties).toHaveLength(3);
  });

  it('describes a source with its metadata', async () => {
    const data = await query<{
      entity: {
        __typename: string;
        title: string;
        publishedOn: string;
        language: string;
        publisher: string | null;
        url: string | null;
      };
    }>(
      '{ entity(id: "source/2025-09-09-krasnogorsk-business-forum") { __typename ... on Source { title publishedOn language publisher url } } }',
    );
    expect(data.entity).toMatchObject({
      __typename: 'Source',
      publishedOn: '2025-09-09',
      language: 'ru',
      publisher: null,
      url: null,
    });
    expect(data.entity.title).toMatch(/^В Красногорске прошел бизнес-форум/);
  });
});

describe('errors in production mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ production: true });
  });
  afterAll(() => server.close());

  it('answers a bad argument without a stack trace', async () => {
    const response = await postGraphQL(
      server.url,
      '{ path(fromId: "organization/ktz", toId: "organization/ktz", maxHops: 99) { length } }',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});
