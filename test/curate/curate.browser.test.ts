import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/neo4j/Database.js';
import { createNameNormalizer } from '../../src/nlp/createNameNormalizer.js';
import type { NlpClient } from '../../src/nlp/NlpClient.js';
import { superviseNlpWorker } from '../../src/nlp/superviseNlpWorker.js';
import { refreshNameLemmas } from '../../src/repositories/refreshNameLemmas.js';
import { writeGraph } from '../../src/repositories/writeGraph.js';
import { planGraphWrite } from '../../src/seed/planGraphWrite.js';
import { sourceDocumentSchema } from '../../src/seed/sourceDocument.js';
import { launchChromium } from '../explorer/launchChromium.js';
import { createTestKeys, bearer } from '../support/createTestKeys.js';
import { postGraphQL } from '../support/postGraphQL.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../support/startIsolatedNeo4j.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

/** Set to a folder to keep the page's screenshot (the README's picture comes from here). */
const screenshotDir = process.env['CURATE_SCREENSHOT_DIR'];

const TEXT =
  'Аким Алматинской области Марат Султангазиев и генеральный директор ТОО «Алатау Агро» Нурлан Сейтказиев посетили ' +
  'Красногорск. ТОО «Алатау Агро» построит в Алматинской области склад площадью 5 тысяч кв. м. «Мы начнем стройку ' +
  'осенью», — сказал Сейтказиев. Проект поддержит АО «Казахстан темир жолы».';
const FIRST_SENTENCE =
  'Аким Алматинской области Марат Султангазиев и генеральный директор ТОО «Алатау Агро» Нурлан Сейтказиев посетили Красногорск.';
const VISIT = 'Марат Султангазиев и генеральный директор ТОО «Алатау Агро» Нурлан Сейтказиев посетили Красногорск';
const SOURCE_ID = 'source/2025-10-02-alatau-agro-visit';
/** A person the graph already knows under his full name, which the text does not write: the proposal is merged into him. */
const KNOWN_PERSON = 'person/seitkaziev-nurlan-bolatovich';
const REGISTER = {
  source: { id: 'source/test-company-register', title: 'Company register', publishedOn: '2025-01-01', language: 'ru' },
  entities: [
    {
      id: KNOWN_PERSON,
      kind: 'PERSON',
      names: { ru: 'Сейтказиев Нурлан Болатович' },
      evidence: ['Сейтказиев Нурлан Болатович'],
    },
  ],
};

const ENTITY = `query ($id: ID!) { entity(id: $id) { id kind name aliases
  evidence { excerpt source { id } }
  attributes { key number unit evidence { excerpt source { id } } }
  relations(direction: OUTGOING) { type role to { id } evidence { excerpt source { id } } } } }`;

/**
 * Selects `phrase` in the marked text with the Selection API, across the marks it spans, and releases the mouse
 * over it: what a drag leaves behind, for the page to read back as offsets.
 */
const SELECT_PHRASE = `(wanted) => {
  const container = document.getElementById('marked');
  const pieces = [...container.children];
  const text = pieces.map((piece) => piece.textContent).join('');
  const start = text.indexOf(wanted);
  if (start < 0) throw new Error('not in the text: ' + wanted);
  const at = (offset) => {
    const piece = pieces.findLast((child) => Number(child.dataset.offset) <= offset);
    return [piece.firstChild, offset - Number(piece.dataset.offset)];
  };
  const range = document.createRange();
  range.setStart(...at(start));
  range.setEnd(...at(start + wanted.length - 1));
  range.setEnd(range.endContainer, range.endOffset + 1);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
}`;

async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate(`(${SELECT_PHRASE})(${JSON.stringify(phrase)})`);
}

describe('/curate in headless Chromium', () => {
  let neo4j: IsolatedNeo4j;
  let nlp: NlpClient;
  let server: TestServer;
  let browser: Browser;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;

  beforeAll(async () => {
    // Generous timeouts: the analysis may share a busy machine; no assertion here is about time.
    nlp = superviseNlpWorker({ requestTimeoutMs: 120_000 });
    neo4j = await startIsolatedNeo4j();
    const db = createDatabase({ driver: neo4j.driver });
    await writeGraph(db, planGraphWrite([{ file: 'register', document: sourceDocumentSchema.parse(REGISTER) }]), {
      actor: 'test',
      operation: 'fixture',
    });
    expect(await nlp.whenStarted()).toBe(true);
    await refreshNameLemmas(db, createNameNormalizer(nlp));
    server = await startTestServer({ driver: neo4j.driver, nlp, operationTimeoutMs: 180_000 });
    keys = await createTestKeys(neo4j.driver, 'curate');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await nlp?.stop();
    await neo4j?.close();
  });

  it('tells a wrong key and a reader key apart, and never puts a key in the URL', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/curate`);
      await page.fill('#key-input', 'cgk_not-a-key-anyone-was-given');
      await page.click('#use-key');
      await expect.poll(() => page.textContent('#key-message')).toContain('unknown or revoked');
      await page.fill('#key-input', keys.reader);
      await page.click('#use-key');
      await expect.poll(() => page.textContent('#key-message')).toContain('needs an editor key');
      expect(await page.isDisabled('#analyze')).toBe(true);
      await page.fill('#key-input', keys.editor);
      await page.press('#key-input', 'Enter');
      await expect.poll(() => page.textContent('#key-state')).toContain('Editor key set');
      expect(page.url()).not.toContain('cgk_');
      // Once per session: a reload keeps it (sessionStorage), and it is still in no URL.
      await page.reload();
      await expect.poll(() => page.textContent('#key-state')).toContain('Editor key set');
      expect(page.url()).toBe(`${server.url}/curate`);
    } finally {
      await page.close();
    }
  });
  it('curates a short Russian text: accept, reject, merge, select a fact, submit; the graph then holds it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const slow = { timeout: 120_000 };
    try {
      await page.goto(`${server.url}/curate`);
      await page.fill('#key-input', keys.editor);
      await page.click('#use-key');
      await expect.poll(() => page.textContent('#key-state')).toContain('Editor key set');

      await page.fill('#text', TEXT);
      await page.click('#analyze');
      const marks = (kind: string) => page.locator(`#marked mark.${kind}`).allTextContents();
      await expect.poll(() => marks('known'), slow).toContain('Марат Султангазиев');
      expect(await marks('known')).toContain('АО «Казахстан темир жолы»');
      expect(await marks('proposed')).toEqual(expect.arrayContaining(['Нурлан Сейтказиев', 'ТОО «Алатау Агро»']));
      expect(await page.getAttribute('#marked mark.known >> nth=1', 'title')).toContain('person/marat-sultangaziev');

      const entity = (key: string) => page.locator(`#entities li[data-entity="${key}"]`);
      const organization = entity('ORGANIZATION:ТОО «Алатау Агро»');
      await organization.getByRole('button', { name: 'Accept' }).click();
      const organizationId = await entity('ORGANIZATION:ТОО «Алатау Агро»').locator('input.id').inputValue();
      expect(organizationId).toMatch(/^organization\/too-alatau-agro$/);
      await entity('PERSON:Сейтказиев').getByRole('button', { name: 'Reject' }).click();
      // The person the text names is one the graph knows by his full name: merge the proposal into him.
      await entity('PERSON:Нурлан Сейтказиев').getByRole('button', { name: 'Merge…' }).click();
      const merge = entity('PERSON:Нурлан Сейтказиев').locator('input[type="search"]');
      await merge.pressSequentially('Сейтказиев', { delay: 40 });
      await page.locator(`#entities [role="option"][data-id="${KNOWN_PERSON}"]`).click(slow);
      await expect.poll(() => entity('PERSON:Нурлан Сейтказиев').textContent()).toContain(`merged into`);

      const fact = (text: string) => page.locator('#facts li[data-fact]', { hasText: text });
      await fact('(генеральный директор').getByRole('button', { name: 'Accept' }).click();
      await fact('area').getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => fact('(генеральный директор').getAttribute('class')).toContain('status-accepted');
      await expect.poll(() => fact('area').getAttribute('class')).toContain('status-rejected');

      await selectPhrase(page, VISIT);
      await expect.poll(() => page.textContent('#selection-excerpt'), slow).toBe(VISIT);
      await page.fill('#selection [data-field="type"]', 'VISITED');
      await page.selectOption('#selection [data-field="from"]', 'id:person/marat-sultangaziev');
      await page.selectOption('#selection [data-field="to"]', 'id:region/krasnogorsk');
      await page.click('#add-fact');
      await expect.poll(() => fact('VISITED').getAttribute('class')).toContain('status-accepted');

      await page.fill('#source-id', SOURCE_ID);
      await page.fill('#source-title', 'Алатау Агро в Красногорске');
      await page.fill('#source-publishedOn', '2025-10-02');
      await page.fill('#source-publisher', 'Test wire');
      await page.click('#submit-source');
      await expect.poll(() => page.getAttribute('#result', 'data-change-id'), slow).toMatch(/^[0-9a-f-]{36}$/);
      if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/curate.png`, fullPage: true });
      expect(page.url()).toBe(`${server.url}/curate`);

      const read = async (id: string) =>
        (await postGraphQL<{ entity: any }>(server.url, ENTITY, { id }, bearer(keys.reader))).data!.entity;
      const cited = (excerpt: string) => ({ excerpt, source: { id: SOURCE_ID } });
      expect((await read(SOURCE_ID)).name).toBe('Алатау Агро в Красногорске');
      const kept = await postGraphQL<{ entity: { textLength: number | null } }>(
        server.url,
        'query ($id: ID!) { entity(id: $id) { ... on Source { textLength } } }',
        { id: SOURCE_ID },
        bearer(keys.reader),
      );
      expect(kept.data!.entity.textLength).toBe(TEXT.length); // the text went with its source
      expect((await read(organizationId)).evidence).toEqual([cited('ТОО «Алатау Агро»')]);

      const person = await read(KNOWN_PERSON);
      expect(person.name).toBe('Сейтказиев Нурлан Болатович');
      expect(person.aliases).toContain('Нурлан Сейтказиев');
      expect(person.evidence).toContainEqual(cited('Нурлан Сейтказиев'));
      expect(person.relations).toContainEqual({
        type: 'HOLDS_OFFICE',
        role: 'генеральный директор ТОО «Алатау Агро»',
        to: { id: organizationId },
        evidence: [cited(FIRST_SENTENCE)],
      });
      expect((await read('person/marat-sultangaziev')).relations).toContainEqual({
        type: 'VISITED',
        role: null,
        to: { id: 'region/krasnogorsk' },
        evidence: [cited(VISIT)],
      });
      // Rejected: neither the surname alone as a person of its own, nor the area as the region's.
      expect(await read('person/seitkaziev')).toBeNull();
      const region = await read('region/almaty-oblast');
      expect(region.attributes.filter((attribute: any) => attribute.number === 5000)).toEqual([]);
    } catch (error) {
      // Where the flow stopped, for whoever reads the failure.
      console.log(await page.textContent('#status'), await page.textContent('#result').catch(() => ''));
      throw error;
    } finally {
      await page.close();
    }
  }, 300_000);
});
