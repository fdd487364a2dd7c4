import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import type { NlpClient } from '../../src/nlp/NlpClient.js';
import { createTestKeys, bearer } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

export const ANALYZE = `query($text: String!, $language: Lang) { analyzeText(text: $text, language: $language) {
  mentions { start end text confidence proposedKind proposedName entity { id } }
  proposals { type role value unit confidence from { text entity { id } proposedName } to { text entity { id } proposedName } excerpt { start end text } }
} }`;

interface Mention {
  start: number;
  end: number;
  text: string;
  confidence: number;
  proposedKind: string | null;
  proposedName: string | null;
  entity: { id: string } | null;
}
interface Analysis {
  mentions: Mention[];
  proposals: {
    type: string;
    role: string | null;
    value: number | null;
    unit: string | null;
    from: { text: string; entity: { id: string } | null; proposedName: string | null };
    to: { text: string; entity: { id: string } | null; proposedName: string | null } | null;
    excerpt: { start: number; end: number; text: string };
  }[];
}

let nlp: NlpClient;
let server: TestServer;
let keys: Record<'reader' | 'editor' | 'admin', string>;

beforeAll(async () => {
  nlp = superviseNlpWorker();
  expect(await nlp.whenStarted()).toBe(true);
  server = await startTestServer({ nlp });
  keys = await createTestKeys(server.driver, 'analyzeText');
});

afterAll(async () => {
  await server?.close();
  await nlp?.stop();
});

const analyze = async (text: string, language: string | null = null): Promise<Analysis> => {
  const response = await postGraphQL<{ analyzeText: Analysis }>(
    server.url,
    ANALYZE,
    { text, language },
    bearer(keys.editor),
  );
  expect(response.errors).toBeUndefined();
  const analysis = response.data!.analyzeText;
  for (const mention of analysis.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  for (const proposal of analysis.proposals)
    expect(text.slice(proposal.excerpt.start, proposal.excerpt.end)).toBe(proposal.excerpt.text);
  return analysis;
};

const linked = (analysis: Analysis) =>
  analysis.mentions.filter((mention) => mention.entity).map((mention) => [mention.text, mention.entity!.id]);

describe('analyzeText links known entities through inflection and spelling', () => {
  it.each([
    ['Делегация Алматинской области прибыла в Красногорск.', 'Алматинской области', 'region/almaty-oblast'],
    ['Подарок Андрею Воробьёву вручили на форуме.', 'Андрею Воробьёву', 'person/andrey-vorobyov'],
    ['Проект поддержали в Самрук-Казыны.', 'Самрук-Казыны', 'organization/samruk-kazyna'],
    ['Хаб строится при участии фонда «Самрук-Қазына».', 'Самрук-Қазына', 'organization/samruk-kazyna'],
    ['Соглашение подписало АО «НК «ҚТЖ» в Санкт-Петербурге.', 'АО «НК «ҚТЖ»', 'organization/ktz'],
    ['Перевозки возьмет на себя КТЖ Экспресс.', 'КТЖ Экспресс', 'organization/ktz-express'],
    ['Оператором станет KTZ Express.', 'KTZ Express', 'organization/ktz-express'],
    ['Алматы облысының кәсіпкерлері Мәскеу облысына барды.', 'Алматы облысының', 'region/almaty-oblast'],
    ['Аким Марат Султангазиев Воробьевпен кездесті.', 'Воробьевпен', 'person/andrey-vorobyov'],
  ])('«%s» links «%s» to %s', async (text, mention, id) => {
    const analysis = await analyze(text);
    expect(linked(analysis)).toContainEqual([mention, id]);
  });

  it('links «акима Алматинской области Марата Султангазиева» to the region and the person, and proposes the office', async () => {
    const text = 'Гостей приветствовали от имени акима Алматинской области Марата Султангазиева.';
    const analysis = await analyze(text);
    expect(linked(analysis)).toEqual([
      ['Алматинской области', 'region/almaty-oblast'],
      ['Марата Султангазиева', 'person/marat-sultangaziev'],
    ]);
    const office = analysis.proposals.find((proposal) => proposal.type === 'HOLDS_OFFICE')!;
    expect(office.from.entity?.id).toBe('person/marat-sultangaziev');
    expect(office.to?.entity?.id).toBe('region/almaty-oblast');
    expect(office.role).toBe('аким Алматинской области');
    expect(office.excerpt.text).toBe(text);
  });

  it('resolves a nested name to the most specific entity: the press service, not the region', async () => {
    const analysis = await analyze('Об этом сообщили в пресс-службе губернатора Московской области.');
    expect(linked(analysis)).toEqual([
      ['пресс-службе губернатора Московской области', 'organization/press-service-of-the-governor-of-moscow-oblast'],
    ]);
  });
});

describe('analyzeText proposes what the graph lacks', () => {
  it('proposes a titled person and a legal-form organization in the nominative, with the office between them', async () => {
    const text = 'Генеральным директором АО «Транслогистик» Ерланом Касымовым подписан договор.';
    const analysis = await analyze(text);
    const proposed = analysis.mentions
      .filter((mention) => mention.proposedKind)
      .map((mention) => [mention.proposedKind, mention.proposedName]);
    expect(proposed).toContainEqual(['ORGANIZATION', 'АО «Транслогистик»']);
    expect(proposed).toContainEqual(['PERSON', 'Ерлан Касымов']);
    const office = analysis.proposals.find((proposal) => proposal.type === 'HOLDS_OFFICE')!;
    expect([office.from.proposedName, office.to?.proposedName, office.role]).toEqual([
      'Ерлан Касымов',
      'АО «Транслогистик»',
      'генеральный директор АО «Транслогистик»',
    ]);
  });

  it('proposes a place and an event, and a figure with its unit for the entity before it', async () => {
    const text =
      'На Петербургском международном экономическом форуме обсудили хаб в Подмосковье. Площадь хаба «Селятино» составит 45 гектаров.';
    const analysis = await analyze(text);
    const proposed = analysis.mentions
      .filter((mention) => mention.proposedKind)
      .map((mention) => [mention.proposedKind, mention.proposedName]);
    expect(proposed).toContainEqual(['EVENT', 'Петербургский международный экономический форум']);
    const figure = analysis.proposals.find((proposal) => proposal.type === 'ATTRIBUTE')!;
    expect([figure.from.entity?.id, figure.value, figure.unit]).toEqual([
      'project/selyatino-transport-logistics-hub',
      45,
      'ha',
    ]);
    expect(figure.excerpt.text).toBe('Площадь хаба «Селятино» составит 45 гектаров.');
  });

  it('proposes signings: each party to the agreement, and the agreement at the event', async () => {
    const text =
      'На Петербургском международном экономическом форуме АО «Транслогистик» и Алматинская область подписали соглашение о строительстве терминала.';
    const analysis = await analyze(text);
    const signings = analysis.proposals
      .filter((proposal) => proposal.type === 'PARTY_TO')
      .map((proposal) => proposal.from.entity?.id ?? proposal.from.proposedName);
    expect(signings).toEqual(['АО «Транслогистик»', 'region/almaty-oblast']);
    const at = analysis.proposals.find((proposal) => proposal.type === 'SIGNED_AT')!;
    expect([at.from.text, at.to?.proposedName]).toEqual([
      'соглашение о строительстве терминала',
      'Петербургский международный экономический форум',
    ]);
  });
});

describe('analyzeText refuses what it cannot read, naming the argument', () => {
  const refused = async (variables: Record<string, unknown>, key: string | null = keys.editor) => {
    const response = await postGraphQL<unknown>(server.url, ANALYZE, variables, key ? bearer(key) : {});
    expect(response.data ?? null).toBeNull();
    return response.errors![0]!;
  };

  it('refuses an empty text and one over 100,000 characters, as a variable and as a literal', async () => {
    expect((await refused({ text: '' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    const long = 'Алматы '.repeat(15_000);
    const error = await refused({ text: long });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(error.message).toContain('at most 100000 characters');
    const literal = await postGraphQL<unknown>(
      server.url,
      `{ analyzeText(text: ${JSON.stringify(long)}) { mentions { start } } }`,
      {},
      bearer(keys.editor),
    );
    expect(literal.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });

  it('refuses a 2 MB text before any work: the body limit answers first', async () => {
    const response = await postGraphQL<unknown>(
      server.url,
      ANALYZE,
      { text: 'а'.repeat(2_000_000) },
      bearer(keys.editor),
    );
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a text in another language and an unknown or unsupported language', async () => {
    expect((await refused({ text: 'The governor met the akim in Krasnogorsk.' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'text',
    });
    expect((await refused({ text: 'Аким посетил Красногорск.', language: 'EN' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'language',
    });
    const unknown = await refused({ text: 'Аким посетил Красногорск.', language: 'DE' });
    expect(unknown.extensions!.code).toBe('BAD_USER_INPUT');
    expect(unknown.message).toContain('language');
  });

  it('answers readers FORBIDDEN and anonymous callers UNAUTHENTICATED', async () => {
    expect((await refused({ text: 'Аким посетил Красногорск.' }, keys.reader)).extensions!.code).toBe('FORBIDDEN');
    expect((await refused({ text: 'Аким посетил Красногорск.' }, null)).extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('answers SERVICE_UNAVAILABLE, without internals, when the worker cannot run', async () => {
    const down = superviseNlpWorker({ python: '/nonexistent/python3', restart: { maxAttempts: 0 } });
    const degraded = await startTestServer({ nlp: down });
    try {
      const response = await postGraphQL<unknown>(
        degraded.url,
        ANALYZE,
        { text: 'Аким посетил Красногорск.' },
        bearer(keys.editor),
      );
      expect(response.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.errors![0]!.message).not.toMatch(/nonexistent|python/i);
    } finally {
      await degraded.close();
      await down.stop();
    }
  });
});
