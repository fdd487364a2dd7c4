import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNameNormalizer } from '../../src/nlp/createNameNormalizer.js';
import { NlpUnavailableError, type NlpClient } from '../../src/nlp/NlpClient.js';
import { superviseNlpWorker, type NlpSupervisorEvent } from '../../src/nlp/superviseNlpWorker.js';
import { waitFor } from '../support/waitFor.js';

let nlp: NlpClient;
const events: NlpSupervisorEvent[] = [];

beforeAll(async () => {
  nlp = superviseNlpWorker({ restart: { initialDelayMs: 50 }, onEvent: (event) => events.push(event) });
  expect(await nlp.whenStarted()).toBe(true);
});

afterAll(() => nlp?.stop());

describe('the text-analysis worker', () => {
  it('gives dictionary forms: nominative names, Russian inflection, ё kept by the analyser', async () => {
    expect((await nlp.lemmas(['Андрея', 'Воробьева', 'Алма-Атинской', 'области'])).map((word) => word.lemma)).toEqual([
      'андрей',
      'воробьёв',
      'алма-атинский',
      'область',
    ]);
  });

  it('answers a call with more words than its cache holds, its own cache hits included', async () => {
    const names = ['Андрея Воробьева', 'Алматинской области', 'Московской области'];
    const small = createNameNormalizer(nlp, { cacheSize: 2 });
    await small.normalizeNames(names.slice(0, 1));
    expect(await small.normalizeNames(names)).toEqual(await createNameNormalizer(nlp).normalizeNames(names));
  });

  it('normalizes names to one key per entity: inflected, Kazakh, legal forms and transliteration folded', async () => {
    const normalizer = createNameNormalizer(nlp);
    const keys = (
      await normalizer.normalizeNames([
        'Андрею Воробьёву',
        'Андрей Воробьев',
        'Алматы облысының',
        'Алматы облысы',
        'АО «НК «ҚТЖ»',
        'КТЖ',
        'Воробьевпен',
        'в Подмосковье',
        'Республика Казахстан',
      ])
    ).map((name) => name.lemmaKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).toBe(keys[3]);
    expect(keys[4]).toBe(keys[5]);
    expect(keys[6]).toBe('vorobev');
    expect(keys[7]).toBe('podmoskove');
    expect(keys[8]).toBe('respublika kazahstan'); // a legal-form phrase alone is the name
  });

  it('tokenizes with UTF-16 offsets, so that text.slice(start, end) is the token', async () => {
    const text = 'Аким 😀 Алматинской области';
    const tokens = await nlp.tokens(text);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(tokens.map((token) => token.text));
    expect(tokens.at(-1)).toMatchObject({ text: 'области', start: 20, end: 27 });
  });

  it('finds people and places with the news NER model', async () => {
    const text = 'Аким Алматинской области Марат Султангазиев встретился с Андреем Воробьевым.';
    const spans = await nlp.entities(text);
    expect(spans.map((span) => [span.type, text.slice(span.start, span.end)])).toEqual(
      expect.arrayContaining([
        ['PER', 'Марат Султангазиев'],
        ['PER', 'Андреем Воробьевым'],
      ]),
    );
  });

  it('is restarted after it dies, and answers again', async () => {
    const started = events.filter((event) => event.type === 'started');
    process.kill((started.at(-1) as { pid: number }).pid, 'SIGKILL');
    await waitFor(() => events.some((event) => event.type === 'exited'), 30_000);
    await expect(nlp.lemmas(['области'])).rejects.toBeInstanceOf(NlpUnavailableError);
    await waitFor(() => nlp.status().state === 'running', 60_000);
    expect(nlp.status().restarts).toBe(1);
    expect((await nlp.lemmas(['области']))[0]!.lemma).toBe('область');
  });

  it('answers a clear error, never a crash, when it cannot start', async () => {
    const broken = superviseNlpWorker({ python: '/nonexistent/python3', restart: { maxAttempts: 0 } });
    expect(await broken.whenStarted()).toBe(false);
    expect(broken.status()).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/needs Python 3\.11 or newer as "\/nonexistent\/python3" \(set NLP_PYTHON\)/),
    });
    await expect(broken.lemmas(['области'])).rejects.toThrow(
      /^text analysis is unavailable: the text-analysis worker needs Python/,
    );
    await broken.stop();
  });
});
