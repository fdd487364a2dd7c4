import type { Browser } from 'playwright-core';

/** How much a screenshot is drawn: pixels that differ from white, and how many distinct colours they have. */
export interface Ink {
  inked: number;
  total: number;
  colours: number;
}

/**
 * Decodes a PNG screenshot in a blank browser page (no PNG library needed) and counts its non-background pixels;
 * a drawn graph has many, in several colours (one per entity kind, plus edges and labels).
 */
export async function countInkPixels(browser: Browser, png: Buffer): Promise<Ink> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const [r = 255, g = 255, b = 255] = [data[i], data[i + 1], data[i + 2]];
        if (r < 235 || g < 235 || b < 235) {
          inked += 1;
          // Coarse buckets, so anti-aliasing does not count as colours.
          colours.add(((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5));
        }
      }
      return { inked, total: data.length / 4, colours: colours.size };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}
