import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardObject, FIXTURES, openExtensionPage, screenshot, tabIdOf, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

async function open(url: string) {
  const page = await s.context.newPage();
  await page.goto(url);
  return { page, card: await CardObject.of(page) };
}

const JANE = 'https://www.linkedin.com/in/jane-doe-4b1a2/';

describe('the card', () => {
  it('shows the account, tier, coverage and the person on a LinkedIn profile', async () => {
    const { page, card } = await open(JANE);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    expect(await card.attr('[data-testid=tier-badge]', 'data-tier')).toBe('tier1');
    expect(await card.text('[data-testid=tier-sentence]')).toBe('Tier 1: 7 of 7 boxes, product fit included');
    expect(await card.text('[data-testid=person-known]')).toContain('Jane Doe is a contact: VP Finance · Finance · Decision maker');
    expect(await card.exists('[data-testid=aircover-person]')).toBe(true);
    // The card's styles come inside card.js (entrypoints/card/index.tsx): applied.
    expect(await card.frame()!.evaluate(() => getComputedStyle(document.getElementById('app')!).position)).toBe('absolute');
    await screenshot(page, 'card-linkedin-profile');
    await page.close();
  });

  it('shows when its frame gets its words after its answer (the browser gave the frame no catalog)', async () => {
    // Chromium sometimes gives an extension page an empty message catalog; the frame then reads
    // _locales itself before its first render (lib/i18n/ensure-messages.ts). Here that read is
    // slow, so the card's answer is in first. The frame, hidden until it reports its size, must
    // still report it after that late render: a hidden frame gets no rendering updates, so no
    // ResizeObserver callback (this left the card invisible on a loaded CI machine).
    const page = await s.context.newPage();
    await page.addInitScript(() => {
      if (location.protocol === 'chrome-extension:' && location.pathname === '/card.html') {
        Object.defineProperty(chrome.i18n, 'getMessage', { value: () => '', configurable: true, writable: true });
      }
    });
    let catalogRead = false;
    await page.route(/\/_locales\/.*messages\.json$/, async (route) => {
      catalogRead = true;
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    expect(catalogRead).toBe(true);
    await card.waitShown();
    expect(await card.text('[data-testid=tier-sentence]')).toBe('Tier 1: 7 of 7 boxes, product fit included');
    await page.close();
  });

  it('shows when the card measures no size at first (its styles late)', async () => {
    // Seen on a loaded CI machine: the card rendered in its frame with its answer, but measured
    // 0 high in every layout it sent, and the frame stayed hidden (a hidden frame gets no
    // ResizeObserver callback to measure it again). Here a style takes the card out of the flow
    // for its first 1.5 s, so it measures 0 high until then.
    const page = await s.context.newPage();
    await page.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:' || location.pathname !== '/card.html') return;
      // Once parsed, before the card's deferred script runs.
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        const style = document.createElement('style');
        style.textContent = '.tc.floating { position: fixed !important; }';
        document.head.append(style);
        setTimeout(() => style.remove(), 1500);
      });
    });
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    await card.waitShown();
    await page.close();
  });

  it('page scripts cannot read the card', async () => {
    const { page, card } = await open(JANE);
    await card.waitFor('[data-testid=card-title]', 'Northwind');
    const seen = await page.evaluate(() => {
      // Our host: the plain div with `all: initial` (it goes up while the page is still being
      // parsed, so it need not be the body's last element).
      const host = [...document.body.children].find((el) => el instanceof HTMLDivElement && el.style.cssText.includes('initial'));
      return {
        plainDiv: host?.localName === 'div',
        customElements: document.querySelector('tiercover-card') !== null,
        shadow: host?.shadowRoot ?? null,
        iframes: document.querySelectorAll('iframe').length,
        // A frame in a shadow tree is not among window.frames: no WindowProxy to post to or probe.
        windowFrames: window.length,
        text: document.body.innerText.includes('Tier 1'),
      };
    });
    expect(seen).toEqual({ plainDiv: true, customElements: false, shadow: null, iframes: 0, windowFrames: 0, text: false });
    await page.close();
  });

  it('is reachable with the keyboard from the page, Escape collapses it, and it follows dark mode', async () => {
    const page = await s.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind');
    await expect.poll(() => card.attr('[data-testid=card]', 'class')).toContain('dark');
    // Tab from the page into the card: the frame is in the page's tab order.
    const frame = card.frame()!;
    const inCard = () => frame.evaluate(() => document.activeElement?.closest('[data-testid=card]') != null);
    let presses = 0;
    while (!(await inCard()) && presses < 80) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await inCard()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.exists('[data-testid=tier-sentence]')).toBe(false);
    await card.click('[data-testid=card-collapse]');
    await card.waitFor('[data-testid=tier-sentence]');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => card.attr('[data-testid=card]', 'class')).not.toContain('dark');
    await page.close();
  });

  it('a layout or a page state that arrives after a newer one changes nothing', async () => {
    // Each is a message of its own, and two sent a moment apart can arrive swapped: the older
    // one (say "hidden" from before the first render) must not undo the newer (lib/messaging/push.ts).
    const { page, card } = await open(JANE);
    await card.waitFor('[data-testid=card-title]', 'Northwind');
    await card.waitShown();
    const frame = card.frame()!;
    // Layouts, from the card frame to the content script as the card sends its own: the newer
    // (shown, 333 px wide) first, then an older one (hidden). `at` is ahead of the card's own.
    await frame.evaluate(async () => {
      const tabId = (await chrome.tabs.getCurrent())!.id!;
      const at = performance.timeOrigin + performance.now() + 60_000;
      const layout = { type: 'cardLayout', top: 80, right: 20, height: 240 };
      await chrome.tabs.sendMessage(tabId, { ...layout, visible: true, width: 333, at }, { frameId: 0 });
      await chrome.tabs.sendMessage(tabId, { ...layout, visible: false, width: 0, at: at - 1 }, { frameId: 0 });
    });
    const iframe = (await frame.frameElement())!;
    const placed = () => iframe.evaluate((f) => `${(f as HTMLElement).style.visibility} ${(f as HTMLElement).style.width}`);
    await expect.poll(placed).toBe('visible 333px');
    // The page's light or dark, from our background to the card frame: dark (newer), then light
    // (older). The page itself is light, so only the newer push makes the card dark.
    expect(await card.attr('[data-testid=card]', 'class')).not.toContain('dark');
    const worker = s.context.serviceWorkers().at(-1)!;
    await worker.evaluate(async () => {
      const at = Date.now() + 60_000;
      const host = { type: 'cardHost', viewport: { width: 1280, height: 800 } };
      await chrome.runtime.sendMessage({ ...host, dark: true, at }).catch(() => undefined);
      await chrome.runtime.sendMessage({ ...host, dark: false, at: at - 1 }).catch(() => undefined);
    });
    await expect.poll(() => card.attr('[data-testid=card]', 'class')).toContain('dark');
    // Both older ones have been handled by now (each send waited for its delivery): still the newer.
    expect(await placed()).toBe('visible 333px');
    expect(await card.attr('[data-testid=card]', 'class')).toContain('dark');
    await page.close();
  });

  it('a tick on the card shows in the side panel, without a reload', async () => {
    const { page, card } = await open(JANE);
    await card.waitFor('[data-testid=card-title]', 'Northwind');
    const tabId = await tabIdOf(s, 'linkedin:in:jane-doe-4b1a2');
    const panel = await openExtensionPage(s, `sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.getByTestId('panel-title').textContent()).toBe('Northwind Analytics');
    const before = await panel.getByTestId('tick-executiveOutreach').isChecked();
    await card.click('[data-testid=tick-executiveOutreach]');
    await expect.poll(() => panel.getByTestId('tick-executiveOutreach').isChecked()).toBe(!before);
    await screenshot(panel, 'sidepanel');
    await panel.close();
    await page.close();
  });

  it('follows in-app navigation from one profile to another', async () => {
    const { page, card } = await open(JANE);
    await card.waitFor('[data-testid=card-title]', 'Northwind');
    const html = readFileSync(join(FIXTURES, 'linkedin-profile-sdui-2025-de.html'), 'utf8');
    await page.evaluate((doc) => {
      const next = new DOMParser().parseFromString(doc, 'text/html');
      history.pushState({}, '', '/in/lukas-becker/');
      document.title = next.title;
      // Swap the page's content the way the SPA does, leaving our card's host alone.
      // Our host: the plain div with `all: initial` (it goes up while the page is still being
      // parsed, so it need not be the body's last element).
      const host = [...document.body.children].find((el) => el instanceof HTMLDivElement && el.style.cssText.includes('initial'));
      for (const el of [...document.body.children]) if (el !== host) el.remove();
      for (const el of [...next.body.children]) document.body.prepend(document.importNode(el, true));
    }, html);
    await card.waitFor('[data-testid=card-title]', 'Brauhaus Systems');
    expect(await card.text('[data-testid=person-known]')).toContain('Lukas Becker');
    await page.close();
  });

  it('an unknown account offers link and create; a link is remembered on reload', async () => {
    const url = 'https://www.linkedin.com/company/unknown-widgets/';
    s.serve(
      url,
      '<!doctype html><html><head><title>Unknown Widgets: Overview | LinkedIn</title></head><body><main><h1>Unknown Widgets</h1></main></body></html>',
    );
    const { page, card } = await open(url);
    await card.waitFor('[data-testid=no-match]', 'No account matches “Unknown Widgets”');
    await card.fill('[data-testid=link-search]', 'Fabrikam');
    await card.waitFor('[data-testid=link-hits]', 'Fabrikam Logistics');
    await card.click('[data-testid=link-hits] button');
    await card.waitFor('[data-testid=card-title]', 'Fabrikam Logistics');
    await page.reload();
    const again = await CardObject.of(page);
    await again.waitFor('[data-testid=card-title]', 'Fabrikam Logistics');
    await page.close();
  });

  it('a new page in the same tab never shows the previous page’s card, not even for a frame', async () => {
    const unknown = 'https://www.linkedin.com/company/quiet-harbor-labs/';
    s.serve(
      unknown,
      '<!doctype html><html><head><title>Quiet Harbor Labs: Overview | LinkedIn</title></head><body><main><h1>Quiet Harbor Labs</h1></main></body></html>',
    );
    const page = await s.context.newPage();
    // Runs in every frame before its scripts, the card frame included: records each verdict the
    // card shows (title or no-match), in order, from its very first render.
    await page.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:') return;
      const shown: string[] = [];
      (window as unknown as { __shown: string[] }).__shown = shown;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=card-title], [data-testid=no-match]')?.textContent ?? '';
        if (text && shown.at(-1) !== text) shown.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind');
    await page.goto(unknown);
    await card.waitFor('[data-testid=no-match]', 'Quiet Harbor Labs');
    const shown = await card.frame()!.evaluate(() => (window as unknown as { __shown?: string[] }).__shown);
    expect(shown?.length, 'the recorder ran in the new card frame').toBeGreaterThan(0);
    expect(shown!.filter((text) => text.includes('Northwind'))).toEqual([]);
    await page.close();
  });

  it('an unreadable page still shows the card, with the link action', async () => {
    const url = 'https://www.linkedin.com/in/nobody-we-know-123/';
    s.serve(url, '<!doctype html><html><head><title>LinkedIn</title></head><body><div id="app"></div></body></html>');
    const { page, card } = await open(url);
    await card.waitFor('[data-testid=unreadable]', 'could not read this page');
    expect(await card.exists('[data-testid=link-search]')).toBe(true);
    await page.close();
  });

  it('the extension made no request anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
