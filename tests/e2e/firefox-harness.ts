/**
 * Firefox in real-browser tests: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, a Firefox build installed as a temporary add-on under a fixed extension UUID, fixture
 * pages served at their real URLs and every other request refused and recorded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIXTURES, ROOT, fixtureManifest } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_ADDON = join(ROOT, '.output/firefox-mv2');
const GECKO_ID = 'tiercover@tiercover.local';
const UUID = '6f1c2a9e-3b7d-4e25-9a41-2c8d5e7f0b13';
const BASE = `moz-extension://${UUID}`;

export interface FirefoxSession {
  browser: Browser;
  /** Requests to anywhere but our fixtures (and loopback, where a test runs its server): must stay empty. */
  outside: string[];
  /** Serve the fixture pages at their URLs in this page. */
  servePages(page: Page): Promise<void>;
  /** One of our pages, once `selector` is on it (moz-extension pages never resolve goto). */
  openExtensionPage(path: string, selector: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(addon = FIREFOX_ADDON): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.`);
  if (!existsSync(join(addon, 'manifest.json'))) throw new Error(`No Firefox build at ${addon}: run npm run build first.`);
  const browser = await puppeteer.launch({
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
  await browser.installExtension(addon);
  const outside: string[] = [];
  const byUrl = new Map(fixtureManifest().map((f) => [f.url.replace(/#.*$/, ''), readFileSync(join(FIXTURES, f.file), 'utf8')]));
  return {
    browser,
    outside,
    async servePages(page) {
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
    },
    async openExtensionPage(path, selector) {
      const page = await browser.newPage();
      void page.goto(`${BASE}/${path}`).catch(() => undefined);
      // The page starts as about:blank and then becomes our page: a wait that began in the first
      // document can end in a protocol error when that document goes. Wait again, within one limit.
      const end = Date.now() + 20_000;
      for (;;) {
        try {
          await page.waitForSelector(selector, { timeout: Math.max(1_000, end - Date.now()) });
          return page;
        } catch (e) {
          if (Date.now() >= end) throw e;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
    close: () => browser.close(),
  };
}

/**
 * The card's extension frame in a page, once it is there (a condition, with a generous timeout).
 * Puppeteer over BiDi keeps reporting such a frame's first URL (about:blank): ask the frame itself.
 */
export async function waitForCardFrame(page: Page, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (await f.evaluate(() => location.href.startsWith(`${location.protocol}//${location.host}/card.html`) && location.protocol === 'moz-extension:').catch(() => false)) return f;
    }
    if (Date.now() > end) throw new Error('no card frame');
    await new Promise((r) => setTimeout(r, 100));
  }
}
