/**
 * The store listing's 1280×800 screenshots (docs/store/*.png, listed in docs/store-listing.md),
 * taken from the built extension with the sample data, and the privacy page's reach: linked from
 * the options, usable by keyboard, light and dark.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openExtensionPage, tabIdOf, type Session, useSession } from './harness';

const STORE = join(ROOT, 'docs/store');
const SIZE = { width: 1280, height: 800 };
const JANE = 'https://www.linkedin.com/in/jane-doe-4b1a2/';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
  mkdirSync(STORE, { recursive: true });
});

async function openAt(path: string, size = SIZE): Promise<Page> {
  const page = await openExtensionPage(s, path);
  await page.setViewportSize(size);
  return page;
}

const storeShot = (page: Page, name: string) => page.screenshot({ path: join(STORE, `${name}.png`) });

describe('store screenshots', () => {
  it('the options page with the sample data', async () => {
    const page = await openAt('options.html');
    await expect.poll(() => page.getByTestId('stat-accounts').textContent()).not.toBe('0');
    await storeShot(page, 'options');
    await page.close();
  });

  it('the week view', async () => {
    const page = await openAt('app.html');
    await page.getByTestId('week-progress').waitFor();
    await page.getByTestId('focus-bar').waitFor();
    await storeShot(page, 'week');
    await page.close();
  });

  it('the side panel beside a LinkedIn profile', async () => {
    // Side-panel-only on LinkedIn, as a user who wants nothing on the page would set it.
    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('card-mode-linkedin').selectOption('sidepanel');
    await options.getByTestId('sites-status').filter({ hasText: 'saved' }).waitFor();
    await options.close();

    const PANEL = 400;
    const profile = await s.context.newPage();
    await profile.setViewportSize({ width: SIZE.width - PANEL, height: SIZE.height });
    await profile.goto(JANE);
    let tabId: number | undefined;
    await expect.poll(async () => (tabId = await tabIdOf(s, 'linkedin:in:jane-doe-4b1a2').catch(() => undefined))).toBeDefined();
    const panel = await openAt(`sidepanel.html?tab=${tabId}`, { width: PANEL, height: SIZE.height });
    await expect.poll(() => panel.getByTestId('panel-title').textContent()).toBe('Northwind Analytics');

    // The browser draws a side panel beside the page; a store screenshot has to draw it itself.
    const png = async (p: Page) => `data:image/png;base64,${(await p.screenshot()).toString('base64')}`;
    const [left, right] = [await png(profile), await png(panel)];
    const frame = await s.context.newPage();
    await frame.setViewportSize(SIZE);
    await frame.setContent(
      `<body style="margin:0;display:flex;background:#fff"><img src="${left}" alt=""><img src="${right}" alt="" style="border-left:1px solid #d1d5db;margin-left:-1px"></body>`,
    );
    await expect.poll(() => frame.evaluate(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
    await storeShot(frame, 'sidepanel');
    for (const p of [frame, panel, profile]) await p.close();
  });

  it('the privacy page', async () => {
    const page = await openAt('privacy.html');
    await page.getByRole('heading', { level: 1, name: 'Tiercover and your data' }).waitFor();
    await storeShot(page, 'privacy');
    await page.close();
  });
});

describe('the privacy page', () => {
  it('is linked from the options page', async () => {
    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('privacy-link').click();
    await options.getByRole('heading', { level: 1, name: 'Tiercover and your data' }).waitFor();
    expect(new URL(options.url()).pathname).toBe('/privacy.html');
    await options.close();
  });

  it('is reachable by keyboard: the first Tab lands on its table of contents, Enter follows it', async () => {
    const page = await openAt('privacy.html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Nothing is sent');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#sent-h');
    await page.close();
  });

  it('follows a dark system theme', async () => {
    const page = await openAt('privacy.html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const colors = () => page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    expect(await colors()).toEqual(['rgb(255, 255, 255)', 'rgb(17, 24, 39)']);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(colors).toEqual(['rgb(17, 24, 39)', 'rgb(249, 250, 251)']);
    // For a look by eye; test-results/ is not committed.
    await page.screenshot({ path: join(ROOT, 'test-results/privacy-dark.png'), fullPage: true });
    await page.close();
  });
});
