import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKeys, bearer } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

const SUBMIT = `mutation ($input: SubmitSourceInput!) { submitSource(input: $input) {
  source { id title } change { id operation entityIds relationIds attributeIds } } }`;
const ENTITY = `query ($id: ID!) { entity(id: $id) { id kind name names { lang value } aliases
  evidence { excerpt source { id } }
  attributes { key number unit evidence { excerpt } }
  relations(direction: OUTGOING) { type role to { id } evidence { excerpt source { id } } }
  ... on Statement { text } } }`;
const CHANGES = `{ changes(first: 5) { edges { node { id operation } } } }`;

const SOURCE = {
  id: 'source/2025-10-01-test-steppe-terminal',
  title: 'Степной терминал',
  publishedOn: '2025-10-01',
  language: 'ru',
  publisher: 'Test wire',
};

/** A submission as /curate sends it: a new organization and person, a known person kept as stored, facts. */
const submission = () => ({
  source: SOURCE,
  entities: [
    {
      id: 'organization/stepnoy-terminal',
      kind: 'ORGANIZATION',
      names: { ru: 'АО «Степной Терминал»' },
      excerpts: ['АО «Степной Терминал»'],
      attributes: [
        { key: 'area', number: 12000, unit: 'm²', excerpts: ['Площадь терминала составит 12 тысяч кв. м.'] },
      ],
    },
    { id: 'person/erlan-kasymov', kind: 'PERSON', names: { ru: 'Ерлан Касымов' }, excerpts: ['Ерлан Касымов'] },
    {
      id: 'person/andrey-vorobyov',
      kind: 'PERSON',
      aliases: ['Андрей Воробьев (губернатор)'],
      excerpts: ['губернатором Московской области Андреем Воробьевым'],
    },
    {
      id: 'statement/kasymov-on-opening',
      kind: 'STATEMENT',
      names: { ru: 'Касымов об открытии терминала' },
      text: 'Мы откроем терминал весной',
      excerpts: ['Мы откроем терминал весной'],
    },
  ],
  relations: [
    {
      type: 'HOLDS_OFFICE',
      fromId: 'person/erlan-kasymov',
      toId: 'organization/stepnoy-terminal',
      role: 'генеральный директор',
      excerpts: ['Генеральный директор АО «Степной Терминал» Ерлан Касымов'],
    },
    {
      type: 'SPOKE',
      fromId: 'person/erlan-kasymov',
      toId: 'statement/kasymov-on-opening',
      excerpts: ['Мы откроем терминал весной'],
    },
    {
      type: 'MET_WITH',
      fromId: 'person/erlan-kasymov',
      toId: 'person/andrey-vorobyov',
      excerpts: ['Ерлан Касымов встретился с губернатором Московской области Андреем Воробьевым'],
    },
  ],
});

describe('submitSource', () => {
  let neo4j: IsolatedNeo4j;
  let server: TestServer;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  const entity = async (id: string) =>
    (await postGraphQL<{ entity: any }>(server.url, ENTITY, { id }, bearer(keys.reader))).data!.entity;
  const submit = (input: unknown, key = keys.editor) =>
    postGraphQL<{ submitSource: any }>(server.url, SUBMIT, { input }, bearer(key));
  const problemsOf = (response: Awaited<ReturnType<typeof submit>>) => {
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return response.errors![0]!.extensions!['problems'] as string[];
  };

  beforeAll(async () => {
    neo4j = await startIsolatedNeo4j();
    server = await startTestServer({ driver: neo4j.driver });
    keys = await createTestKeys(neo4j.driver, 'submitSource');
  });
  afterAll(async () => {
    await server?.close();
    await neo4j?.close();
  });

  it('refuses a reader key, and writes nothing', async () => {
    const response = await submit(submission(), keys.reader);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await entity(SOURCE.id)).toBeNull();
  });

  it('names the input field of each problem and writes nothing, not even the source', async () => {
    const input = submission();
    input.entities[1]!.excerpts = ['  '];
    input.relations[0]!.type = 'holds office';
    input.entities.push({ id: 'person/unknown-person', kind: 'PERSON', excerpts: ['Касымов'] } as never);
    const problems = problemsOf(await submit(input));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^input\.entities\[1\]\.excerpts\[0\]: expected a verbatim excerpt/),
        expect.stringMatching(/^input\.relations\[0\]\.type: expected an UPPER_SNAKE_CASE relation type/),
        expect.stringMatching(
          /^input\.entities\[4\]\.names: expected names: the graph holds no entity "person\/unknown-person"/,
        ),
      ]),
    );
    expect(await entity(SOURCE.id)).toBeNull();
    expect(await entity('organization/stepnoy-terminal')).toBeNull();
  });

  it('checks every excerpt against the text sent with the source, naming the submission field', async () => {
    const input = submission();
    const quoted = [
      ...input.entities.flatMap((entry) => [
        ...entry.excerpts,
        ...((entry as { attributes?: { excerpts: string[] }[] }).attributes ?? []).flatMap((a) => a.excerpts),
      ]),
      ...input.relations.flatMap((relation) => relation.excerpts),
    ];
    const text = quoted.join(' ').replace('Ерлан Касымов встретился', 'Ерлан Касымов затем встретился');
    const problems = problemsOf(await submit({ ...input, source: { ...SOURCE, text } }));
    expect(problems).toEqual([
      expect.stringMatching(/^input\.relations\[2\]\.excerpts\[0\]: expected a verbatim excerpt/),
    ]);
    expect(await entity(SOURCE.id)).toBeNull();
  });

  it('names the relation whose end the graph lacks', async () => {
    const input = submission();
    input.relations[2]!.toId = 'person/nobody-here';
    expect(problemsOf(await submit(input))).toEqual([
      'input.relations[2]: unknown entity "person/nobody-here": add it with upsertEntity first',
    ]);
    expect(await entity(SOURCE.id)).toBeNull();
  });

  it('refuses a kept entity given another kind than the stored one', async () => {
    const input = submission();
    input.entities[2]!.kind = 'ORGANIZATION';
    expect(problemsOf(await submit(input))).toContain(
      'input.entities[2].kind: expected PERSON, the stored kind of "person/andrey-vorobyov", got ORGANIZATION',
    );
  });

  it('writes the source, new and kept entities, relations, attributes and a statement as one change', async () => {
    const response = await submit(submission());
    expect(response.errors).toBeUndefined();
    const { source, change } = response.data!.submitSource;
    expect(source).toEqual({ id: SOURCE.id, title: SOURCE.title });
    expect(change.operation).toBe('submitSource');
    expect(change.entityIds).toEqual(
      expect.arrayContaining([SOURCE.id, 'organization/stepnoy-terminal', 'person/andrey-vorobyov']),
    );
    expect(change.relationIds).toHaveLength(3);
    expect(change.attributeIds).toHaveLength(1);
    const changes = (await postGraphQL<{ changes: any }>(server.url, CHANGES, {}, bearer(keys.admin))).data!.changes;
    expect(changes.edges.filter((edge: any) => edge.node.operation === 'submitSource')).toHaveLength(1);

    const kasymov = await entity('person/erlan-kasymov');
    expect(kasymov.names).toEqual([{ lang: 'RU', value: 'Ерлан Касымов' }]);
    expect(kasymov.evidence).toEqual([{ excerpt: 'Ерлан Касымов', source: { id: SOURCE.id } }]);
    const byType = Object.fromEntries(kasymov.relations.map((relation: any) => [relation.type, relation]));
    expect(byType['HOLDS_OFFICE']).toEqual({
      type: 'HOLDS_OFFICE',
      role: 'генеральный директор',
      to: { id: 'organization/stepnoy-terminal' },
      evidence: [{ excerpt: 'Генеральный директор АО «Степной Терминал» Ерлан Касымов', source: { id: SOURCE.id } }],
    });
    expect(byType['MET_WITH'].to).toEqual({ id: 'person/andrey-vorobyov' });
    expect(byType['SPOKE'].to).toEqual({ id: 'statement/kasymov-on-opening' });

    const terminal = await entity('organization/stepnoy-terminal');
    expect(terminal.attributes).toEqual([
      { key: 'area', number: 12000, unit: 'm²', evidence: [{ excerpt: 'Площадь терминала составит 12 тысяч кв. м.' }] },
    ]);
    expect((await entity('statement/kasymov-on-opening')).text).toBe('Мы откроем терминал весной');

    // Kept as stored: its names, with the alias and this source's excerpt added.
    const vorobyov = await entity('person/andrey-vorobyov');
    expect(vorobyov.name).toBe('Andrey Vorobyov');
    expect(vorobyov.aliases).toContain('Андрей Воробьев (губернатор)');
    expect(vorobyov.evidence).toContainEqual({
      excerpt: 'губернатором Московской области Андреем Воробьевым',
      source: { id: SOURCE.id },
    });
  });
});
