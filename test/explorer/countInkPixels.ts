import type { Browser } from 'playwright-core';

/** How much a screenshot is drawn: pixels that differ from white, and how many distinct colours they have. */
export interface Ink {
  inked: number;
  total: number;
  colours: number;
}

/** Runs in the browser (as text: the project's TypeScript has no DOM library). Colours are bucketed coarsely so anti-aliasing does not count. */
const COUNT_IN_BROWSER = `async (base64) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + base64;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i], g = data[i + 1], b = data[i + 2];
    if (r < 235 || g < 235 || b < 235) {
      inked += 1;
      colours.add(((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5));
    }
  }
  return { inked, total: data.length / 4, colours: colours.size };
}`;

/**
 * Decodes a PNG screenshot in a blank browser page (no PNG library needed) and counts its non-background pixels;
 * a drawn graph has many, in several colours (one per entity kind, plus edges and labels).
 */
export async function countInkPixels(browser: Browser, png: Buffer): Promise<Ink> {
  const page = await browser.newPage();
  try {
    const result: unknown = await page.evaluate(`(${COUNT_IN_BROWSER})(${JSON.stringify(png.toString('base64'))})`);
    if (!isInk(result)) throw new Error(`Unexpected pixel count: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await page.close();
  }
}

function isInk(value: unknown): value is Ink {
  return (
    typeof value === 'object' &&
    value !== null &&
    'inked' in value &&
    'total' in value &&
    'colours' in value &&
    typeof value.inked === 'number' &&
    typeof value.total === 'number' &&
    typeof value.colours === 'number'
  );
}
