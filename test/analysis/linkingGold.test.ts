import { beforeAll, describe, expect, it } from 'vitest';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import { createTestKeys } from '../support/createTestKeys.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { evaluateLinking } from './evaluateLinking.js';
import { LINKING_GOLD } from './linkingGold.js';

let server: TestServer;
let editorKey: string;

beforeAll(async () => {
  const nlp = superviseNlpWorker();
  expect(await nlp.whenStarted()).toBe(true);
  server = await startTestServer({ nlp });
  editorKey = (await createTestKeys(server.driver, 'linkingGold')).editor;
  return async () => {
    await server.close();
    await nlp.stop();
  };
});

describe('analyzeText on the gold texts', () => {
  it('meets the goals: linking precision ≥ 0.95 and recall ≥ 0.90, new people and organizations recall ≥ 0.85', async () => {
    expect(LINKING_GOLD.length).toBeGreaterThanOrEqual(6);
    expect(new Set(LINKING_GOLD.map((text) => text.language))).toEqual(new Set(['RU', 'KK']));
    const { linking, peopleAndOrganizationsRecall } = await evaluateLinking(server.url, editorKey, LINKING_GOLD);
    expect(linking.precision).toBeGreaterThanOrEqual(0.95);
    expect(linking.recall).toBeGreaterThanOrEqual(0.9);
    expect(peopleAndOrganizationsRecall).toBeGreaterThanOrEqual(0.85);
  });
});
