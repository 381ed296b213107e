/**
 * Firefox end to end: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, the
 * Firefox build installed as a temporary add-on, fixture pages served at the real URLs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, fixtureManifest, SCREENSHOTS } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON = join(ROOT, '.output/firefox-mv2');
const GECKO_ID = 'tiercover@tiercover.local';
const UUID = '6f1c2a9e-3b7d-4e25-9a41-2c8d5e7f0b13';
const BASE = `moz-extension://${UUID}`;

let browser: Browser;
const outside: string[] = [];

async function servePages(page: Page) {
  const byUrl = new Map(fixtureManifest().map((f) => [f.url.replace(/#.*$/, ''), readFileSync(join(FIXTURES, f.file), 'utf8')]));
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('moz-extension:') || url.startsWith('data:') || url.startsWith('about:')) return void req.continue();
    const body = byUrl.get(url.replace(/#.*$/, ''));
    if (body !== undefined) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    if (/(^|\.)(linkedin|hubspot|salesforce|force)\.com$/.test(new URL(url).hostname)) return void req.respond({ status: 404, body: '' });
    outside.push(url);
    void req.abort();
  });
}

/**
 * The card's extension frame in a page, once it is there (a condition, with a generous timeout).
 * Puppeteer over BiDi keeps reporting such a frame's first URL (about:blank): ask the frame itself.
 */
async function waitForCardFrame(page: Page, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (await f.evaluate(() => location.href.startsWith(`${location.protocol}//${location.host}/card.html`) && location.protocol === 'moz-extension:').catch(() => false)) return f;
    }
    if (Date.now() > end) throw new Error('no card frame');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** moz-extension pages never resolve goto: start it, then wait for content. */
async function openExtensionPage(path: string, selector: string) {
  const page = await browser.newPage();
  void page.goto(`${BASE}/${path}`).catch(() => undefined);
  await page.waitForSelector(selector, { timeout: 20_000 });
  return page;
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.`);
  if (!existsSync(join(ADDON, 'manifest.json'))) throw new Error(`No Firefox build at ${ADDON}: run npm run build first.`);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'network.proxy.type': 0,
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.newtabpage.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(ADDON);
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

describe('Firefox', () => {
  it('loads sample data from the options page and shows the card on a LinkedIn profile', async () => {
    const options = await openExtensionPage('options.html', '[data-testid=load-sample]');
    await options.click('[data-testid=load-sample]');
    await options.waitForFunction(() => document.querySelector('[data-testid=data-status]')?.textContent?.includes('Sample data loaded'), { timeout: 20_000 });

    const page = await browser.newPage();
    await servePages(page);
    await page.goto('https://www.linkedin.com/in/jane-doe-4b1a2/');
    // The card is an extension frame in a closed shadow root: the page sees a plain div, no
    // shadow root, no frame; the frame itself shows the card.
    const frame = await waitForCardFrame(page);
    // What the frame renders is not asserted here: puppeteer over BiDi does not read this frame's
    // document reliably (it reports a stale URL and an empty body). The content is checked below
    // through the background, as the sidebar reads it.
    expect(frame).toBeTruthy();
    expect(await page.evaluate(() => ({ shadow: document.body.lastElementChild?.shadowRoot ?? null, frames: window.length, text: document.body.innerText.includes('Tier 1') }))).toEqual({ shadow: null, frames: 0, text: false });

    // What the card shows, read through the background the way the sidebar reads it.
    const ctx = await options.evaluate(async () => {
      const b = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tabs = await b.tabs.query({});
      for (const t of tabs) {
        const r = (await b.runtime.sendMessage({ tiercover: 1, type: 'getTabContext', payload: { tabId: t.id } })) as { ok: boolean; data: { account?: { name: string; tier: { tier: string } } } | null };
        if (r?.ok && r.data?.account) return { name: r.data.account.name, tier: r.data.account.tier.tier };
      }
      return null;
    });
    expect(ctx).toEqual({ name: 'Northwind Analytics', tier: 'tier1' });
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-card.png') });

    const sidebar = await openExtensionPage('app.html', '[data-testid=week-progress]');
    expect(await sidebar.$$eval('[data-testid=target]', (els) => els.length)).toBe(12);
    expect(outside).toEqual([]);
  });
});
