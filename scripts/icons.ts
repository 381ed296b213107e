/**
 * `npm run icons`: renders assets/icon/tiercover.svg to public/icon/{16,32,48,128}.png (WXT puts
 * public/icon/<size>.png into the manifest's `icons`) with the system Chromium, the same browser
 * the tests use: no image tool to install, and the same SVG always gives the same PNGs.
 * Transparent outside the tile (omitBackground), so the rounded corners show the toolbar.
 */
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];
const svg = readFileSync(join(ROOT, 'assets/icon/tiercover.svg'), 'utf8');
const out = join(ROOT, 'public/icon');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    // The SVG is our own file, set as the whole document of a blank page: nothing is loaded.
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.locator('svg').screenshot({ path: join(out, `${size}.png`), omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
