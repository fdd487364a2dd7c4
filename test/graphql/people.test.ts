import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

interface Office {
  title: string;
  jurisdiction: { id: string } | null;
  organization: { id: string } | null;
  accreditedTo: { id: string } | null;
  evidence: { excerpt: string }[];
}

const OFFICES = /* GraphQL */ `
  query Offices($id: ID!) {
    entity(id: $id) {
      ... on Person {
        offices {
          title
          jurisdiction {
            id
          }
          organization {
            id
          }
          accreditedTo {
            id
          }
          evidence {
            excerpt
          }
        }
        statements {
          id
          text
          speaker {
            id
          }
          event {
            id
          }
        }
      }
    }
  }
`;

describe('Person.offices and Person.statements', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function person(id: string) {
    const response = await postGraphQL<{
      entity: {
        offices: Office[];
        statements: { id: string; text: string; speaker: { id: string }; event: { id: string } | null }[];
      };
    }>(server.url, OFFICES, { id });
    expect(response.errors).toBeUndefined();
    return response.data!.entity;
  }

  it('gives the governor his office over Moscow Oblast', async () => {
    const { offices } = await person('person/andrey-vorobyov');
    expect(offices).toContainEqual(
      expect.objectContaining({
        title: 'Governor of Moscow Oblast',
        jurisdiction: { id: 'region/moscow-oblast' },
        accreditedTo: null,
      }),
    );
  });

  it('gives the akim his office over Almaty Oblast', async () => {
    const { offices } = await person('person/marat-sultangaziev');
    expect(offices).toEqual([
      expect.objectContaining({
        title: 'Akim of Almaty Oblast',
        jurisdiction: { id: 'region/almaty-oblast' },
        organization: null,
        accreditedTo: null,
      }),
    ]);
  });

  it('gives the ambassador the country he represents and the one he is accredited to', async () => {
    const { offices } = await person('person/dauren-abaev');
    expect(offices).toEqual([
      {
        title: 'Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Russia',
        jurisdiction: { id: 'country/kazakhstan' },
        organization: null,
        accreditedTo: { id: 'country/russia' },
        evidence: [{ excerpt: 'чрезвычайный и полномочный посол Республики Казахстан в России Даурен Абаев' }],
      },
    ]);
  });

  it('quotes what each official said, verbatim, with speaker and event', async () => {
    const { statements } = await person('person/marat-sultangaziev');
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      speaker: { id: 'person/marat-sultangaziev' },
      event: { id: 'event/krasnogorsk-business-forum-2025' },
    });
    expect(statements[0]!.text).toMatch(/^Мы точно так же приветствуем у нас бизнес Московской области/);
  });
});
