import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { embedOnAnotherOrigin, searchExpandAndReadEvidence, sizesAndColoursFromMeasures } from './explorerScenarios.js';
import { launchChromium } from './launchChromium.js';

/** Set to a folder to keep the screenshots the tests check (the README's picture comes from here). */
const screenshotDir = process.env['EXPLORER_SCREENSHOT_DIR'];

describe('the explorer in headless Chromium', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds «КТЖ», expands a neighbour, shows its evidence and draws the graph', async () => {
    await searchExpandAndReadEvidence(browser, server.url, screenshotDir && `${screenshotDir}/explorer.png`);
  });

  it('sizes nodes by centrality and colours them by community when asked, by kind otherwise', async () => {
    await sizesAndColoursFromMeasures(browser, server.url);
  });

  it('draws the embedded graph alone inside an iframe on another origin', async () => {
    await embedOnAnotherOrigin(browser, server.url, screenshotDir && `${screenshotDir}/embed.png`);
  });
});
