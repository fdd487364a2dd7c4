import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../explorer/launchChromium.js';
import { startPageServer, type PageServer } from '../support/startPageServer.js';
import { startTestServer, type TestServer } from '../support/startTestServer.js';

interface EmbedMessage {
  source: string;
  version: number;
  type: string;
  [key: string]: unknown;
}

const COLLECT = `<script>window.received = []; addEventListener('message', (event) => { if (event.data && event.data.source === 'coopgraph') window.received.push(event.data); });</script>`;

// A loaded machine takes a while to start Chromium and Cytoscape; nothing here is timed.
describe('embeds that talk to their page, on another origin', { timeout: 120_000 }, () => {
  let server: TestServer;
  let site: PageServer;
  let browser: Browser;
  let page: Page;
  let frame: Frame;
  const received = () => page.evaluate('window.received') as Promise<EmbedMessage[]>;
  const waitFor = async (type: string, after = 0) => {
    await expect
      .poll(async () => (await received()).slice(after).some((message) => message.type === type), { timeout: 50_000 })
      .toBe(true);
    return (await received()).slice(after).find((message) => message.type === type)!;
  };
  const command = (message: Record<string, unknown>) =>
    page.evaluate(
      `document.querySelector('iframe').contentWindow.postMessage(${JSON.stringify({ target: 'coopgraph', ...message })}, '*')`,
    );
  const inFrame = <T>(expression: string) => frame.evaluate(expression) as Promise<T>;

  beforeAll(async () => {
    // The custom element calls /graphql from the page's origin, which CORS must allow.
    server = await startTestServer({ corsOrigins: ['http://localhost:*'] });
    const explore = `${server.url}/explore?embed=1`;
    site = await startPageServer({
      '/': `<!doctype html><title>Newsroom</title>${COLLECT}<iframe src="${explore}&ids=organization/ktz&depth=1&labelSize=16&legend=1" width="800" height="600"></iframe>`,
      '/dense.html': `<!doctype html><title>Dense</title>${COLLECT}<iframe src="${explore}&ids=organization/ktz,organization/samruk-kazyna,region/krasnogorsk&depth=3" width="800" height="600"></iframe>`,
      '/element.html': `<!doctype html><title>Element</title><script>window.received = []; for (const type of ['networkloaded', 'nodeselected', 'nodeexpanded']) addEventListener('coopgraph:' + type, (event) => window.received.push(event.detail));</script>
<script type="module" src="${server.url}/explore/assets/coopgraph-network.js"></script>
<coopgraph-network ids="organization/ktz" depth="1" lang="KK" style="width: 800px; height: 600px"></coopgraph-network>`,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(site.url);
    frame = (await (await page.locator('iframe').elementHandle())!.contentFrame())!;
    expect(new URL(site.url).origin).not.toBe(new URL(server.url).origin);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  it('announces itself and its network, and takes label size and legend from its URL', async () => {
    const ready = await waitFor('ready');
    expect(ready).toEqual({
      source: 'coopgraph',
      version: 1,
      type: 'ready',
      ids: ['organization/ktz'],
      depth: 1,
      lang: 'EN',
    });
    const loaded = await waitFor('networkLoaded');
    expect(loaded).toMatchObject({ ids: ['organization/ktz'], depth: 1, truncated: false });
    expect(loaded['nodeCount']).toBeGreaterThan(1);
    expect(await inFrame<string>(`coopgraphExplorer.cy.getElementById('organization/ktz').style('font-size')`)).toBe(
      '16px',
    );
    expect(await frame.locator('.embed-legend').isVisible()).toBe(true);
  });

  it('posts nodeSelected and nodeExpanded when a node is clicked', async () => {
    const before = (await received()).length;
    const neighbour = await inFrame<string>(
      `coopgraphExplorer.cy.nodes().filter((node) => !node.hasClass('expanded'))[0].id()`,
    );
    await inFrame(`void coopgraphExplorer.cy.getElementById(${JSON.stringify(neighbour)}).emit('tap')`);
    expect(await waitFor('nodeSelected', before)).toMatchObject({ type: 'nodeSelected', id: neighbour });
    const expanded = await waitFor('nodeExpanded', before);
    expect(expanded).toMatchObject({ id: neighbour });
    expect(expanded['addedIds']).toContain(neighbour);
  });

  it('follows setLanguage, setDepth, focus and findPath commands, and names a bad one', async () => {
    let before = (await received()).length;
    await command({ type: 'setLanguage', lang: 'RU' });
    await waitFor('languageChanged', before);
    expect(await inFrame<string>(`coopgraphExplorer.cy.getElementById('organization/ktz').data('label')`)).toMatch(
      /[А-Яа-яЁё]/,
    );

    before = (await received()).length;
    await command({ type: 'setDepth', depth: 2 });
    const deeper = await waitFor('networkLoaded', before);
    expect(deeper['depth']).toBe(2);

    before = (await received()).length;
    await command({ type: 'focus', ids: ['organization/samruk-kazyna'] });
    expect((await waitFor('networkLoaded', before))['ids']).toEqual(['organization/samruk-kazyna']);
    expect(await inFrame<boolean>(`coopgraphExplorer.cy.getElementById('organization/samruk-kazyna').selected()`)).toBe(
      true,
    );

    before = (await received()).length;
    await command({ type: 'findPath', fromId: 'organization/slavtrans-service', toId: 'organization/samruk-kazyna' });
    const path = await waitFor('pathFound', before);
    expect((path['nodeIds'] as string[]).at(0)).toBe('organization/slavtrans-service');
    expect((path['nodeIds'] as string[]).at(-1)).toBe('organization/samruk-kazyna');

    before = (await received()).length;
    await command({ type: 'setDepth', depth: 7 });
    expect(await waitFor('error', before)).toMatchObject({
      command: 'setDepth',
      message: 'setDepth: expected depth, a whole number from 1 to 3',
    });
  });

  it('keeps labels readable at depth 3 in an 800×600 frame: too small ones are hidden until zoomed in', async () => {
    const dense = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      await dense.goto(`${site.url}dense.html`);
      await expect
        .poll(() => dense.evaluate(`window.received.some((message) => message.type === 'networkLoaded')`), {
          timeout: 50_000,
        })
        .toBe(true);
      const denseFrame = (await (await dense.locator('iframe').elementHandle())!.contentFrame())!;
      /** Per node: the label's size on screen, and whether Cytoscape draws it (it skips those under min-zoomed-font-size). */
      const labels = `(() => { const cy = coopgraphExplorer.cy; return cy.nodes().map((node) => { const size = node.pstyle('font-size').pfValue * cy.zoom(); return { size, drawn: size >= node.pstyle('min-zoomed-font-size').pfValue }; }); })()`;
      const fitted = (await denseFrame.evaluate(labels)) as { size: number; drawn: boolean }[];
      expect(fitted.length).toBeGreaterThan(20);
      expect(fitted.filter((label) => label.drawn).every((label) => label.size >= 7)).toBe(true);
      // Zoomed out, no label is drawn; zoomed in, all are.
      await denseFrame.evaluate(`void coopgraphExplorer.cy.zoom(0.5)`);
      expect(((await denseFrame.evaluate(labels)) as { drawn: boolean }[]).some((label) => label.drawn)).toBe(false);
      await denseFrame.evaluate(`void coopgraphExplorer.cy.zoom(1.5)`);
      expect(((await denseFrame.evaluate(labels)) as { drawn: boolean }[]).every((label) => label.drawn)).toBe(true);
    } finally {
      await dense.close();
    }
  });

  it('ships <coopgraph-network> as an ES module that draws in the page itself and dispatches the same events', async () => {
    const host = await browser.newPage();
    try {
      await host.goto(`${site.url}element.html`);
      await expect
        .poll(() => host.evaluate(`window.received.filter((event) => event.type === 'networkLoaded').length`), {
          timeout: 50_000,
        })
        .toBe(1);
      expect(await host.evaluate(`document.querySelectorAll('iframe').length`)).toBe(0);
      expect(await host.evaluate(`document.querySelector('coopgraph-network').cy.nodes().length`)).toBeGreaterThan(1);
      expect(
        await host.evaluate(
          `document.querySelector('coopgraph-network').cy.getElementById('organization/ktz').data('label')`,
        ),
      ).toMatch(/[ҚқҒғӘәҰұҮүІіА-Яа-я]/);
      await host.evaluate(
        `void document.querySelector('coopgraph-network').cy.getElementById('organization/ktz').emit('tap')`,
      );
      await expect
        .poll(() => host.evaluate(`window.received.find((event) => event.type === 'nodeSelected')?.id`))
        .toBe('organization/ktz');
      await host.evaluate(`document.querySelector('coopgraph-network').setAttribute('depth', '2')`);
      await expect
        .poll(() => host.evaluate(`window.received.filter((event) => event.type === 'networkLoaded').length`), {
          timeout: 50_000,
        })
        .toBe(2);
      // Sized by betweenness and coloured by community on request; at depth 3 KTZ's network has 3 communities.
      const element = `document.querySelector('coopgraph-network')`;
      await host.evaluate(
        `${element}.setAttribute('size-by', 'betweenness'); ${element}.setAttribute('color-by', 'community'); ${element}.setAttribute('depth', '3')`,
      );
      await expect
        .poll(() => host.evaluate(`window.received.filter((event) => event.type === 'networkLoaded').length`), {
          timeout: 50_000,
        })
        .toBe(3);
      const drawn = (await host.evaluate(
        `${element}.cy.nodes().map((node) => ({ width: node.renderedWidth(), betweenness: node.data('betweenness'), degree: node.data('degree'), colour: node.style('background-color') }))`,
      )) as { width: number; betweenness: number; degree: number; colour: string }[];
      const hub = drawn.reduce((best, node) => (node.betweenness > best.betweenness ? node : best));
      const leaf = drawn.find((node) => node.degree === 1)!;
      expect(hub.betweenness).toBeGreaterThan(0);
      expect(hub.width).toBeGreaterThan(1.5 * leaf.width);
      expect(new Set(drawn.map((node) => node.colour)).size).toBeGreaterThanOrEqual(2);
    } finally {
      await host.close();
    }
  });
});

describe('the explorer without ids', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens on an overview: the most connected entities drawn, the latest sources listed', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ mostConnectedIds(first: 3) }' }),
    });
    const { data } = (await response.json()) as { data: { mostConnectedIds: string[] } };
    expect(data.mostConnectedIds).toHaveLength(3);
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    try {
      await page.goto(`${server.url}/explore`);
      await expect
        .poll(() => page.evaluate(`coopgraphExplorer.cy.nodes().length`), { timeout: 50_000 })
        .toBeGreaterThan(8);
      for (const id of data.mostConnectedIds)
        expect(await page.evaluate(`coopgraphExplorer.cy.getElementById(${JSON.stringify(id)}).nonempty()`)).toBe(true);
      const dates = await page.locator('.latest-sources time').allTextContents();
      expect(dates.length).toBeGreaterThan(0);
      expect(dates).toEqual([...dates].sort().reverse());
    } finally {
      await page.close();
    }
  });
});
