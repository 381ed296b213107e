/**
 * Firefox end to end: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, the
 * Firefox build installed as a temporary add-on, fixture pages served at the real URLs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, syntheticBackup } from './harness';
import { launchFirefox, waitForCardFrame, type FirefoxSession } from './firefox-harness';
import { buildDatabase, dbFixture, expectBucketsUpgraded, storedBuckets } from './db-fixture';

let ff: FirefoxSession;
let browser: Browser;

/**
 * What the card frame shows and how big its iframe is, read inside the frame. The iframe starts
 * hidden at height 0 and is sized only when the frame's cardLayout reached the content script,
 * so the frame's own viewport height equal to its card's is that message applied.
 */
const cardInFrame = (frame: Frame) =>
  frame.evaluate(() => {
    const card = document.querySelector<HTMLElement>('[data-testid=card]');
    return {
      state: card?.dataset.state ?? null,
      title: document.querySelector('[data-testid=card-title]')?.textContent ?? null,
      tier: document.querySelector<HTMLElement>('[data-testid=tier-badge]')?.dataset.tier ?? null,
      cardHeight: Math.ceil(card?.getBoundingClientRect().height ?? 0),
      frameWidth: window.innerWidth,
      frameHeight: window.innerHeight,
      sized: !!card && window.innerHeight > 0 && window.innerHeight === Math.ceil(card.getBoundingClientRect().height),
    };
  });

/** Every record of one of the database's plain stores, read on one of our pages. */
const storedRecords = <T,>(page: Page, store: string) =>
  page.evaluate(
    (store) =>
      new Promise<unknown[]>((resolve, reject) => {
        const r = indexedDB.open('tiercover');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const q = r.result.transaction(store).objectStore(store).getAll();
          q.onsuccess = () => (r.result.close(), resolve(q.result));
          q.onerror = () => (r.result.close(), reject(q.error));
        };
      }),
    store,
  ) as Promise<T[]>;

/**
 * Pixels of a PNG screenshot inside a box, counted by Firefox's own canvas in an extension page
 * (no PNG decoder in node_modules): how many differ from white (the page background) and how
 * many are the tier-1 badge's green (#047857, card.css), which nothing on the fixture page has.
 */
async function pixelsIn(extPage: Page, png: Uint8Array, box: { x: number; y: number; width: number; height: number }) {
  const b64 = Buffer.from(png).toString('base64');
  return extPage.evaluate(async (data, b) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)).data;
    let notWhite = 0;
    let tierGreen = 0;
    for (let i = 0; i < px.length; i += 4) {
      const [r = 0, g = 0, bl = 0] = px.subarray(i, i + 3); // i + 2 < length: the data is RGBA quads
      if (r < 245 || g < 245 || bl < 245) notWhite++;
      if (Math.abs(r - 0x04) < 12 && Math.abs(g - 0x78) < 12 && Math.abs(bl - 0x57) < 12) tierGreen++;
    }
    return { total: px.length / 4, notWhite, tierGreen };
  }, b64, box);
}

const openExtensionPage = (path: string, selector: string) => ff.openExtensionPage(path, selector);
const servePages = (page: Page) => ff.servePages(page);

beforeAll(async () => {
  ff = await launchFirefox();
  browser = ff.browser;
}, 90_000);

afterAll(async () => {
  await ff?.close();
});

describe('Firefox', () => {
  it('loads sample data from the options page and shows the card on a LinkedIn profile', async () => {
    // The first-run panel appears above the data section once settings and stats are in: wait for
    // it, so the button is not clicked at the place it had before the page settled.
    const options = await openExtensionPage('options.html', '[data-testid=first-run]');
    // Waited for, not clicked blind: on a loaded machine the data section may still be drawing.
    await (await options.waitForSelector('[data-testid=load-sample]:not([disabled])', { timeout: 20_000 }))!.click();
    await options.waitForFunction(() => document.querySelector('[data-testid=data-status]')?.textContent?.includes('Sample data loaded'), { timeout: 20_000 });

    const page = await browser.newPage();
    await servePages(page);
    await page.goto('https://www.linkedin.com/in/jane-doe-4b1a2/');
    // The card is an extension frame in a closed shadow root: the page sees a plain div, no
    // shadow root, no frame; the frame itself shows the card.
    const frame = await waitForCardFrame(page);
    // The frame renders the card for this tab, and its iframe on the page has been sized to the
    // card: the frame's cardLayout reached the content script (in Firefox through the background,
    // as a framed extension page has no tabs API there). Evaluated in the frame once its real URL
    // is known (puppeteer over BiDi keeps reporting about:blank for it, not its document).
    await expect
      .poll(() => cardInFrame(frame).catch(() => null), { timeout: 20_000 })
      .toMatchObject({ state: 'ready', title: 'Northwind Analytics', tier: 'tier1', frameWidth: 340, sized: true });
    const shown = await cardInFrame(frame);
    expect(shown.cardHeight).toBeGreaterThan(100);
    // The page sees our host, a plain div, but nothing inside it: no iframe element to query, no
    // frame to post to, no card text (primitives only: a cross-origin object cannot come back
    // through BiDi). A closed root is never exposed as el.shadowRoot, so that is no check.
    expect(
      await page.evaluate(() => ({
        host: [...document.body.children].some((el) => el instanceof HTMLDivElement && el.style.cssText.includes('initial')),
        iframes: document.querySelectorAll('iframe').length,
        frames: window.length,
        text: document.body.innerText.includes('Tier 1'),
      })),
    ).toEqual({ host: true, iframes: 0, frames: 0, text: false });

    // And it is painted: in the screenshot, the iframe's box is far from blank and holds the
    // tier-1 badge's green.
    const box = await (await frame.frameElement())!.boundingBox();
    expect(box).toMatchObject({ width: 340, height: shown.cardHeight });
    const shot = await page.screenshot({ path: join(SCREENSHOTS, 'firefox-card.png') });
    const pixels = await pixelsIn(options, shot, box!);
    expect(pixels.total).toBe(340 * shown.cardHeight);
    expect(pixels.notWhite / pixels.total).toBeGreaterThan(0.1);
    expect(pixels.tierGreen).toBeGreaterThan(100);
    // Elsewhere on the page there is none of that green (so it is the card's, not the page's).
    expect((await pixelsIn(options, shot, { x: 0, y: 0, width: box!.x, height: 600 })).tierGreen).toBe(0);

    // What the card shows, read through the background the way the sidebar reads it.
    const ctx = await options.evaluate(async () => {
      const b = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tabs = await b.tabs.query({});
      for (const t of tabs) {
        const r = (await b.runtime.sendMessage({ tiercover: 1, type: 'getTabContext', payload: { tabId: t.id } })) as { ok: boolean; data: { account?: { id: string; name: string; tier: { tier: string } } } | null };
        if (r?.ok && r.data?.account) return { id: r.data.account.id, name: r.data.account.name, tier: r.data.account.tier.tier, tabId: t.id };
      }
      return null;
    });
    expect(ctx).toEqual({ id: expect.any(String), name: 'Northwind Analytics', tier: 'tier1', tabId: expect.any(Number) });

    // A change made elsewhere reaches the card live (Firefox: the background's push goes to the
    // frame's tab with tabs.sendMessage, as the frame hears no runtime messages there).
    // A tier override sent from the options page, as the account editor sends it.
    const overrideTier = (tier: string, reason: string) =>
      options.evaluate(
        async ({ accountId, tier, reason }) => {
          const b = (globalThis as unknown as { browser: typeof chrome }).browser;
          const r = (await b.runtime.sendMessage({ tiercover: 1, type: 'setTierOverride', payload: { accountId, tier, reason } })) as { ok: boolean };
          return r.ok;
        },
        { accountId: ctx!.id, tier, reason },
      );
    expect(await overrideTier('tier2', 'e2e: live update')).toBe(true);
    await expect.poll(() => cardInFrame(frame).then((c) => c.tier).catch(() => null)).toBe('tier2');

    // The page turning dark reaches the card (Firefox: the content script's cardHost goes through
    // the background's relayToCard to the card frame only).
    const cardClass = () => frame.evaluate(() => document.querySelector('[data-testid=card]')?.className ?? null).catch(() => null);
    expect(await cardClass()).not.toContain('dark');
    await page.evaluate(() => document.documentElement.classList.add('theme--dark'));
    await expect.poll(cardClass).toContain('dark');

    // The shortcut: the background's toggleCard reaches the content script, which passes it to
    // the frame (relayed); the card hides, and the shortcut again brings it back. Sent from the
    // background page itself (Firefox MV2 lets our pages reach it), as the command handler does.
    const toggleFromBackground = () =>
      options.evaluate(async (tabId) => {
        const b = (globalThis as unknown as { browser: typeof chrome }).browser;
        const bg = (await b.runtime.getBackgroundPage()) as unknown as { browser: typeof chrome };
        await bg.browser.tabs.sendMessage(tabId, { type: 'toggleCard' }, { frameId: 0 });
      }, Number(ctx!.tabId));
    await toggleFromBackground();
    await expect.poll(() => cardInFrame(frame).then((c) => c.state).catch(() => 'gone')).toBe(null);
    await toggleFromBackground();
    await expect.poll(() => cardInFrame(frame).then((c) => c.state).catch(() => 'gone')).toBe('ready');


    const sidebar = await openExtensionPage('app.html', '[data-testid=week-progress]');
    expect(await sidebar.$$eval('[data-testid=target]', (els) => els.length)).toBe(12);
    const tierShown = (p: typeof sidebar) => p.$eval('[data-testid=target][data-account="Northwind Analytics"] .tier', (el) => el.className);
    expect(await tierShown(sidebar)).toContain('tier2');

    // The week digest (lib/db/week-digest.ts) in Firefox: saved by that opening; a change made
    // since is found through the accounts' journal when the week is opened again.
    const digestSaved = async () => (await storedRecords<{ key: string }>(sidebar, 'meta')).some((m) => m.key.startsWith('weekDigest:'));
    await expect.poll(digestSaved).toBe(true);
    // The week's key contacts too (`weekContacts:<week>`), kept once the view has read every row's.
    const keptContacts = async () => (await storedRecords<{ key: string; weekId?: string; refs?: string[] }>(sidebar, 'meta')).find((m) => m.key.startsWith('weekContacts:'));
    await expect.poll(async () => (await keptContacts())?.refs?.length ?? 0).toBeGreaterThan(0);
    expect(await overrideTier('tier4', 'e2e: after the digest')).toBe(true);
    // A key contact renamed since (one of a target of the week shown): the next opening finds the
    // change through the contacts' journal, not the name kept with the week.
    const weekId = (await keptContacts())!.key.slice('weekContacts:'.length);
    const targets = await storedRecords<{ weekId: string; keyContactIds: string[] }>(sidebar, 'targets');
    const contactId = targets.find((t) => t.weekId === weekId && t.keyContactIds.length)!.keyContactIds[0]!;
    const renamed = await sidebar.evaluate(async (contactId) => {
      const b = (globalThis as unknown as { browser: typeof chrome }).browser;
      const r = (await b.runtime.sendMessage({ tiercover: 1, type: 'updateContact', payload: { contactId, changes: { name: 'Renamed In Firefox' } } })) as { ok: boolean };
      return r.ok;
    }, contactId);
    expect(renamed).toBe(true);
    await sidebar.close();
    const reopened = await openExtensionPage('app.html', '[data-testid=week-progress]');
    expect(await tierShown(reopened)).toContain('tier4');
    await reopened.type('[data-testid=week-search]', 'Renamed In Firefox');
    await reopened.waitForFunction(() => document.querySelectorAll('[data-testid=target]').length === 1 && document.querySelector('[data-testid=week-view]')?.textContent?.includes('Renamed In Firefox'), { timeout: 20_000 });
    expect(ff.outside).toEqual([]);
  });

  it('imports a CSV through the options page\'s import worker (a module worker in an MV2 page)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tiercover-ff-')), 'firefox-accounts.csv');
    writeFileSync(file, ['Company name,Company Domain Name', ...Array.from({ length: 2000 }, (_, i) => `Firefox Co ${i},firefox${i}.example`)].join('\r\n'));
    const options = await openExtensionPage('options.html', '[data-testid=import-file]');
    const input = (await options.$('input[data-testid=import-file]')) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(file);
    await options.waitForFunction(() => document.querySelector('[data-testid=import-result]')?.textContent?.includes('firefox-accounts.csv: 2,000 added, 0 merged, 0 skipped.'), { timeout: 60_000 });
  });

  it('restores a backup through the options page\'s restore worker', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tiercover-ff-')), 'firefox-backup.json');
    writeFileSync(file, JSON.stringify(syntheticBackup(0, 300, 2)));
    const options = await openExtensionPage('options.html', '[data-testid=restore-file]');
    const input = (await options.$('input[data-testid=restore-file]')) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(file);
    await options.waitForSelector('[data-testid=restore-confirm]');
    await options.click('[data-testid=restore-confirm]');
    await options.waitForFunction(() => document.querySelector('[data-testid=bundle-status]')?.textContent === 'Restored 300 accounts, 600 contacts, 0 targets.', { timeout: 60_000 });
    // The page's own refresh after the restore has read the database: nothing of this test opens
    // it any more once the page is closed (the next test deletes and rebuilds it).
    await options.waitForFunction(() => document.querySelector('[data-testid=stat-accounts]')?.textContent === '300', { timeout: 20_000 });
    await options.close();
  });

  // Last: it replaces this browser's database with the version-5 fixture's.
  it('upgrades a version-5 database (key buckets as objects): every bucket becomes a string and the card finds its account', async () => {
    const fixture = dbFixture(5);
    const options = await openExtensionPage('options.html', '[data-testid=import-file]');
    await options.evaluate(buildDatabase, fixture);
    const page = await browser.newPage();
    await servePages(page);
    await page.goto('https://www.linkedin.com/company/northwind-analytics/about/');
    const frame = await waitForCardFrame(page);
    await frame.waitForFunction(() => document.querySelector('[data-testid=card-title]')?.textContent === 'Northwind Analytics', { timeout: 20_000 });
    const stored = await options.evaluate(storedBuckets);
    expectBucketsUpgraded(stored, fixture);
    await page.close();
    await options.close();
  });
});
