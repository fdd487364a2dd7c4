import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { countInkPixels } from './countInkPixels.js';

/**
 * The browser journeys of the explorer, against any server that serves `/explore` and `/graphql` on the seed graph.
 * Page state is read with script strings because the project's TypeScript has no DOM library.
 */

const CY = 'window.coopgraphExplorer.cy';

async function nodeCount(target: Page | Frame): Promise<number> {
  return Number(await target.evaluate(`${CY}.nodes().length`));
}

async function renderedNodeCount(target: Page | Frame): Promise<number> {
  // Nodes that are displayed and inside the viewport, i.e. actually drawn.
  return Number(
    await target.evaluate(
      `(() => { const cy = ${CY}; const e = cy.extent(); return cy.nodes(':visible').filter((n) => { const p = n.position(); return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2; }).length; })()`,
    ),
  );
}

/** Screen coordinates of a node, for a real mouse click on the canvas. */
async function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(
    `(() => { const cy = ${CY}; const p = cy.getElementById(${JSON.stringify(id)}).renderedPosition(); const r = cy.container().getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; })()`,
  )) as { x: number; y: number };
  return point;
}

async function expectDrawnGraph(browser: Browser, png: Buffer): Promise<void> {
  const ink = await countInkPixels(browser, png);
  expect(ink.inked / ink.total).toBeGreaterThan(0.005);
  expect(ink.colours).toBeGreaterThanOrEqual(3);
}

/**
 * Searches «КТЖ», picks Kazakhstan Temir Zholy with the keyboard, checks its evidence in the side panel, expands a
 * neighbour with a mouse click on the canvas and checks the screenshot of the graph shows a drawn network.
 */
export async function searchExpandAndReadEvidence(
  browser: Browser,
  baseUrl: string,
  screenshotPath?: string | undefined,
): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    await page.goto(`${baseUrl}/explore`);
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.focus();
    await search.pressSequentially('КТЖ', { delay: 60 });
    const listbox = page.getByRole('listbox', { name: 'Search entities results' });
    await expect.poll(() => listbox.locator('[data-id="organization/ktz"]').count()).toBe(1);
    const ids = await listbox
      .getByRole('option')
      .evaluateAll((options) => options.map((option) => option.getAttribute('data-id')));
    const index = ids.indexOf('organization/ktz');
    for (let i = 0; i < index; i += 1) await search.press('ArrowDown');
    await search.press('Enter');

    const details = page.locator('#details');
    await expect.poll(() => details.locator('.entity-name').textContent()).toContain('Kazakhstan Temir Zholy');
    await expect
      .poll(() => details.locator('blockquote.excerpt').first().textContent())
      .toContain('Қазақстан темір жолы');
    await expect.poll(() => details.locator('cite').first().textContent()).not.toBe('');
    // The overview is drawn already; KTZ's own neighbourhood is drawn once KTZ is marked expanded.
    await expect.poll(() => page.evaluate(`${CY}.getElementById('organization/ktz').hasClass('expanded')`)).toBe(true);
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(1);

    const neighbourId = String(
      await page.evaluate(`${CY}.nodes().filter((node) => !node.hasClass('expanded')).first().id()`),
    );
    expect(neighbourId).not.toBe('organization/ktz');
    const before = await nodeCount(page);
    const point = await nodeOnScreen(page, neighbourId);
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(() => page.evaluate(`${CY}.getElementById(${JSON.stringify(neighbourId)}).hasClass('expanded')`))
      .toBe(true);
    // On the seed graph KTZ's neighbour (the Selyatino agreement) has further neighbours.
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(before);
    await expect.poll(() => details.locator('.note').first().textContent()).toContain(neighbourId);
    await expect.poll(() => details.locator('blockquote.excerpt').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#visible-list li').count()).toBe(await nodeCount(page));

    expect(await renderedNodeCount(page)).toBeGreaterThan(1);
    // Every drawn relation says how it is known, and exactly the inferred ones are dashed.
    expect(
      await page.evaluate(
        `${CY}.edges().filter((edge) => !['STATED', 'INFERRED'].includes(edge.data('basis'))).length`,
      ),
    ).toBe(0);
    expect(
      await page.evaluate(
        `${CY}.edges().filter((edge) => (edge.data('basis') === 'INFERRED') !== (edge.style('line-style') === 'dashed')).length`,
      ),
    ).toBe(0);
    await expectDrawnGraph(browser, await page.locator('#graph').screenshot());
    if (screenshotPath) await page.screenshot({ path: screenshotPath, fullPage: true });
  } finally {
    await page.close();
  }
}

/** A page on another origin (its own port) that embeds the explorer in an iframe. */
async function startEmbeddingSite(explorerUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedding site</title></head><body>
<h1>A newsroom page</h1>
<iframe title="coopgraph network" src="${explorerUrl}" width="900" height="600" style="border:1px solid #ccc"></iframe>
</body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Opens the embed URL inside an iframe on another origin and checks that it draws only the graph. */
export async function embedOnAnotherOrigin(
  browser: Browser,
  baseUrl: string,
  screenshotPath?: string | undefined,
): Promise<void> {
  const site = await startEmbeddingSite(`${baseUrl}/explore?ids=organization/ktz&depth=2&embed=1`);
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  try {
    expect(new URL(site.url).origin).not.toBe(new URL(baseUrl).origin);
    await page.goto(site.url);
    const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the iframe has no frame');
    await expect
      .poll(() => frame.evaluate('window.coopgraphExplorer ? ' + `${CY}.nodes().length : 0`).then(Number))
      .toBeGreaterThan(1);
    expect(await frame.locator('header').isHidden()).toBe(true);
    expect(await frame.locator('#side').isHidden()).toBe(true);
    expect(await frame.locator('#visible-list li').count()).toBe(await nodeCount(frame));
    expect(await renderedNodeCount(frame)).toBeGreaterThan(1);
    const png = await page.locator('iframe').screenshot(screenshotPath ? { path: screenshotPath } : {});
    await expectDrawnGraph(browser, png);
  } finally {
    await page.close();
    await site.close();
  }
}

interface DrawnNode {
  id: string;
  kind: string;
  /** On screen, in pixels, at the current zoom. */
  width: number;
  colour: string;
  community: string | undefined;
  degree: number | undefined;
  betweenness: number | undefined;
  drawnEdges: number;
}

async function drawnNodes(target: Page | Frame): Promise<DrawnNode[]> {
  return (await target.evaluate(
    `${CY}.nodes().map((node) => ({ id: node.id(), kind: node.data('kind'), width: node.renderedWidth(), colour: node.style('background-color'), community: node.data('communityKey'), degree: node.data('degree'), betweenness: node.data('betweenness'), drawnEdges: node.connectedEdges().length }))`,
  )) as DrawnNode[];
}

/** Every drawn community has one colour of its own; returns the communities, largest first. */
function expectOneColourPerCommunity(nodes: DrawnNode[]): string[] {
  const colours = new Map<string, Set<string>>();
  for (const node of nodes) {
    expect(node.community).toBeDefined();
    colours.set(node.community!, (colours.get(node.community!) ?? new Set()).add(node.colour));
  }
  const communities = [...colours.keys()].sort(
    (a, b) => nodes.filter((n) => n.community === b).length - nodes.filter((n) => n.community === a).length,
  );
  expect(communities.length).toBeGreaterThanOrEqual(2);
  const coloured = communities.slice(0, 9);
  for (const community of coloured) expect(colours.get(community)!.size).toBe(1);
  expect(new Set(coloured.map((community) => [...colours.get(community)!][0])).size).toBe(coloured.length);
  return communities;
}

/** The most central node by `measure` and a leaf (one relation, no shortest path through it). */
function hubAndLeaf(nodes: DrawnNode[], measure: 'degree' | 'betweenness'): [DrawnNode, DrawnNode] {
  const hub = nodes.reduce((best, node) => ((node[measure] ?? 0) > (best[measure] ?? 0) ? node : best));
  const leaf = nodes.find((node) => node.degree === 1 && node.betweenness === 0);
  expect(leaf).toBeDefined();
  expect(hub[measure]!).toBeGreaterThan(leaf![measure]!);
  return [hub, leaf!];
}

/**
 * Draws KTZ's depth-3 network (12 entities in 3 Louvain communities on the seed): by default one size and colour
 * by kind; with the page's controls, size by betweenness and colour by community (the API's measures), the legend
 * listing the communities; and the same through an embed's URL options, sized by degree.
 */
export async function sizesAndColoursFromMeasures(browser: Browser, baseUrl: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    await page.goto(`${baseUrl}/explore?ids=organization/ktz&depth=3`);
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(5);
    const plain = await drawnNodes(page);
    // Off by default: one size, and each kind its own colour whatever the community.
    expect(new Set(plain.map((node) => node.width.toFixed(3))).size).toBe(1);
    for (const kind of new Set(plain.map((node) => node.kind))) {
      expect(new Set(plain.filter((node) => node.kind === kind).map((node) => node.colour)).size).toBe(1);
    }
    expect(plain.find((node) => node.id === 'organization/ktz')!.colour).toBe('rgb(0,158,115)');
    expect(new Set(plain.map((node) => node.community)).size).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#legend li[data-community]').count()).toBe(0);
    await expect.poll(() => page.locator('#legend li').first().textContent()).toContain('country');
    // The measures are the API's for this one answer: its degree counts the relations drawn.
    for (const node of plain) expect(node.degree).toBe(node.drawnEdges);

    await page.locator('#size-by').selectOption('betweenness');
    await page.locator('#color-by').selectOption('community');
    const measured = await drawnNodes(page);
    const [hub, leaf] = hubAndLeaf(measured, 'betweenness');
    expect(hub.width).toBeGreaterThan(1.5 * leaf.width);
    const communities = expectOneColourPerCommunity(measured);
    const legendItems = page.locator('#legend li[data-community]');
    expect(await legendItems.count()).toBe(Math.min(9, communities.length) + (communities.length > 9 ? 1 : 0));
    const first = legendItems.first();
    expect(await first.textContent()).toMatch(/^Community 1: .+/);
    expect(await first.getAttribute('data-community')).toBe(communities[0]);
    expect(
      await page.evaluate(
        `getComputedStyle(document.querySelector('#legend li[data-community] .swatch')).backgroundColor`,
      ),
    ).toBe(measured.find((node) => node.community === communities[0])!.colour.replaceAll(',', ', '));
    expect(await page.locator('#legend .note.size').textContent()).toContain('betweenness');

    await page.locator('#color-by').selectOption('kind');
    expect(await page.locator('#legend li[data-community]').count()).toBe(0);
    expect((await drawnNodes(page)).find((node) => node.id === 'organization/ktz')!.colour).toBe('rgb(0,158,115)');
  } finally {
    await page.close();
  }

  const embedded = await browser.newPage({ viewport: { width: 800, height: 600 } });
  try {
    await embedded.goto(
      `${baseUrl}/explore?ids=organization/ktz&depth=3&embed=1&legend=1&sizeBy=degree&colorBy=community`,
    );
    await expect.poll(() => nodeCount(embedded)).toBeGreaterThan(5);
    const nodes = await drawnNodes(embedded);
    const [hub, leaf] = hubAndLeaf(nodes, 'degree');
    expect(hub.width).toBeGreaterThan(1.5 * leaf.width);
    const communities = expectOneColourPerCommunity(nodes);
    expect(await embedded.locator('.embed-legend li[data-community]').count()).toBeGreaterThanOrEqual(
      Math.min(9, communities.length),
    );
  } finally {
    await embedded.close();
  }
}
