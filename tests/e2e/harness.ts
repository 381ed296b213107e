/// <reference types="chrome" />
/**
 * Real-browser harness: Debian's Chromium (playwright-core, no browser download) with the built
 * extension, fixture pages served at the real LinkedIn/CRM URLs, every other request refused and
 * recorded (the extension must make none), and a page object for the card in its extension
 * frame, reached through the browser since page scripts can't.
 */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'tests/fixtures/pages');
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');

export function chromePath(): string {
  const p = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) {
    throw new Error(`Chromium not found at ${p}. Install it (Debian: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.`);
  }
  return p;
}

export interface FixtureEntry {
  file: string;
  url: string;
  expected?: Record<string, unknown>;
}

export function fixtureManifest(): FixtureEntry[] {
  const m = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'));
  return (Array.isArray(m) ? m : m.fixtures) as FixtureEntry[];
}

const FIXTURE_HOSTS = /(^|\.)(linkedin\.com|force\.com|salesforce\.com|hubspot\.com)$/;

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Requests to anywhere but our fixtures: must stay empty. */
  outside: string[];
  /** Serve this HTML at this URL (overrides the fixture manifest). */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

/**
 * `lang` is the browser's UI language, which `browser.i18n` (and so the whole interface) follows.
 * English unless a test asks for another, whatever the machine's own locale.
 */
export async function launch(opts: { extensionDir?: string; userDataDir?: string; headless?: boolean; lang?: string; args?: string[] } = {}): Promise<Session> {
  const lang = opts.lang ?? 'en-US';
  const dir = opts.extensionDir ?? CHROME_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run npm run build first.`);
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: chromePath(),
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale: lang,
    args: [
      `--lang=${lang}`,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.args ?? []),
    ],
  });
  const byUrl = new Map<string, string>();
  // Keyed without the fragment: a request never carries it (Salesforce's one.app#/sObject/… URLs).
  for (const f of fixtureManifest()) byUrl.set(f.url.replace(/#.*$/, ''), readFileSync(join(FIXTURES, f.file), 'utf8'));
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // The extension's own files are not network requests.
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (FIXTURE_HOSTS.test(url.hostname)) {
      const key = url.href;
      const body = byUrl.get(key) ?? byUrl.get(key.replace(/[?#].*$/, ''));
      if (body !== undefined && route.request().resourceType() === 'document') {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
      }
      // Anything else a fixture would load (images, scripts): nothing, and no record.
      return route.fulfill({ status: 404, body: '' });
    }
    outside.push(url.href);
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The options page opens itself on install (a fresh profile); wait for it and close it, so
  // tests start from a known state and never race it.
  const isOptions = (p: Page) => p.url().includes(`${extensionId}/options.html`);
  for (let waited = 0; waited < 5000; waited += 50) {
    const installPage = context.pages().find(isOptions);
    if (installPage) {
      await installPage.close();
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    context,
    extensionId,
    worker,
    outside,
    serve: (url, html) => byUrl.set(url.replace(/#.*$/, ''), html),
    close: () => context.close(),
  };
}

/**
 * One browser for a test file: launched before its tests (with the sample data loaded unless
 * told otherwise), closed after. Returns a getter, since the session exists only once started.
 */
export function useSession(opts: { sample?: boolean; lang?: string } = {}): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await launch({ lang: opts.lang });
    if (opts.sample !== false) await loadSampleData(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the browser session has not started');
    return session;
  };
}

export async function openExtensionPage(s: Session, path: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/${path}`);
  return page;
}

/** The id of the tab whose content script last reported this page key (the background's record). */
export async function tabIdOf(s: Session, pageKey: string): Promise<number> {
  const id = await s.worker.evaluate(async (key) => {
    const pages = ((await chrome.storage.session.get('tiercover.tabPages'))['tiercover.tabPages'] ?? {}) as Record<string, { pageKey?: string }>;
    return Object.entries(pages).findLast(([, p]) => p.pageKey === key)?.[0];
  }, pageKey);
  if (!id) throw new Error(`no tab reported ${pageKey}`);
  return Number(id);
}

export async function loadSampleData(s: Session) {
  const page = await openExtensionPage(s, 'options.html');
  // A fresh profile: the first-run panel appears above the data section once settings and stats
  // are in. Wait for it, so the click does not land where the button was before the page settled
  // (seen on a loaded CI machine: the click hit the panel and nothing loaded).
  await page.getByTestId('first-run').waitFor();
  await page.getByTestId('load-sample').click();
  // The outcome in any interface language: the status turns ok ("Sample data loaded: …" in English).
  await page.locator('[data-testid=data-status].ok').waitFor();
  await page.close();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The card frame paints in its own process: let it finish two frames, so the picture is not a
  // blank card that has its text but not yet its pixels.
  const frame = cardFrame(page);
  if (frame) await frame.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))).catch(() => undefined);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Every record of one store of the extension's database, read from one of its pages or its service worker. */
export function readStore<T = unknown>(where: Page | Worker, store: string): Promise<T[]> {
  const read = (name: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const r = indexedDB.open('tiercover');
      r.onerror = () => reject(r.error);
      r.onsuccess = () => {
        const q = r.result.transaction(name).objectStore(name).getAll();
        q.onsuccess = () => {
          r.result.close();
          resolve(q.result);
        };
        q.onerror = () => {
          r.result.close();
          reject(q.error);
        };
      };
    });
  // Page.evaluate and Worker.evaluate take the same arguments; the union's overloads do not merge.
  return ('goto' in where ? where.evaluate(read, store) : where.evaluate(read, store)) as Promise<T[]>;
}

/** Stop the extension's service worker (as Chrome does when idle) and wait for a fresh one. */
export async function restartServiceWorker(s: Session, page: Page) {
  const cdp = await s.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(s.extensionId));
  if (!sw) throw new Error('extension service worker not found');
  await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  await cdp.detach();
}

// ------------------------------------------------------------------ the card's page object

/** The card's frame in a page: our card.html (through its dynamic URL in Chrome). */
export function cardFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/card\.html(\?|$)/.test(f.url()));
}

/**
 * The card lives in an extension frame (card.html) inside a closed shadow root: Playwright
 * reaches that frame through the browser (page.frames()), the way the page's scripts cannot.
 */
export class CardObject {
  private readonly page: Page;
  private constructor(page: Page) {
    this.page = page;
  }

  static async of(page: Page) {
    return new CardObject(page);
  }

  /** The card's frame, once it is there. */
  frame(): Frame | undefined {
    return cardFrame(this.page);
  }

  private async call<T, A>(selector: string, fn: (el: Element, arg: A) => T, arg?: A): Promise<T | undefined> {
    const el = await this.frame()
      ?.$(selector)
      .catch(() => null);
    if (!el) return undefined;
    return (await el.evaluate(fn as never, arg)) as T;
  }

  async hasHost(): Promise<boolean> {
    return !!this.frame();
  }

  text(selector: string) {
    return this.call(selector, (el) => el.textContent);
  }

  /** An input's current value. */
  value(selector: string) {
    return this.call(selector, (el) => (el as HTMLInputElement).value);
  }

  attr(selector: string, name: string) {
    return this.call(selector, (el, n: string) => el.getAttribute(n), name);
  }

  async exists(selector: string) {
    return (await this.call(selector, () => true)) === true;
  }

  async click(selector: string) {
    const ok = await this.call(selector, (el) => {
      (el as HTMLElement).click();
      return true;
    });
    if (!ok) throw new Error(`card: nothing to click at ${selector}`);
  }

  async fill(selector: string, value: string) {
    const ok = await this.call(
      selector,
      (el, v: string) => {
        const input = el as HTMLInputElement;
        input.focus();
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        return true;
      },
      value,
    );
    if (!ok) throw new Error(`card: nothing to fill at ${selector}`);
  }

  async submit(selector: string) {
    const ok = await this.call(selector, (el) => {
      (el as HTMLFormElement).requestSubmit();
      return true;
    });
    if (!ok) throw new Error(`card: no form at ${selector}`);
  }

  /** Wait until `selector`'s text contains `text` (or, with no text, until it exists). */
  async waitFor(selector: string, text?: string, timeout = 20_000): Promise<string> {
    const end = Date.now() + timeout;
    let last: string | undefined | null;
    while (Date.now() < end) {
      last = await this.text(selector).catch(() => undefined);
      if (last != null && (text === undefined || last.includes(text))) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`card: ${selector} never showed ${JSON.stringify(text)}; last: ${JSON.stringify(last)}`);
  }
}

/**
 * Write accounts `from`..`to` (synthetic, "Synthetic Company <i>", domain `synth<i>.example`,
 * factors varying so every tier occurs) with `contactsEach` contacts each, straight into the
 * extension's database from one of its pages: seconds for thousands, where an import is the
 * path under test elsewhere. Open views learn of it only on their next load.
 */
export async function seedAccounts(page: Page, from: number, to: number, contactsEach = 2) {
  await page.evaluate(
    async ({ from, to, contactsEach }) => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('tiercover');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const DEPTS = ['executive', 'finance', 'it', 'marketing', 'sales', 'operations', 'hr', 'engineering', 'legal', 'product'];
      const states = ['checked', 'unchecked', 'unknown'];
      const now = Date.now();
      const BATCH = 5_000;
      for (let start = from; start < to; start += BATCH) {
        await new Promise<void>((res, rej) => {
          const tx = db.transaction(['accounts', 'contacts'], 'readwrite');
          for (let i = start; i < Math.min(to, start + BATCH); i++) {
            const f = (k: number) => states[(i * 7 + k * (i % 5)) % 3];
            tx.objectStore('accounts').put({
              id: `syn-${i}`, createdAt: now, updatedAt: now, name: `Synthetic Company ${i}`, nameKey: `synthetic company ${i}`,
              domains: [`synth${i}.example`], crmIds: {}, crmKeys: [], employees: 50 + (i % 6000), founded: 1990 + (i % 35),
              factors: { productFit: f(0), website: f(1), employeeSize: f(2), tenure: f(3), pricingFit: f(4), priorSpend: f(5), prioritiesFit: f(6) },
              global: i % 97 === 0 ? true : undefined, team: { owner: 'Sam Rep' },
            });
            for (let j = 0; j < contactsEach; j++) {
              tx.objectStore('contacts').put({
                id: `syn-con-${i}-${j}`, accountId: `syn-${i}`, createdAt: now, updatedAt: now, name: `Person ${i}-${j}`, title: 'Manager',
                department: DEPTS[j % DEPTS.length], buyingRole: j === 0 ? 'decision-maker' : 'user', crmIds: {}, crmKeys: [],
                connected: true, followed: false, status: 'active',
              });
            }
          }
          tx.oncomplete = () => res();
          tx.onerror = () => rej(tx.error);
        });
      }
      db.close();
    },
    { from, to, contactsEach },
  );
}
