// @vitest-environment happy-dom
/**
 * The content script's side of the card (lib/card-host/host.ts), on a page of its own: when the
 * frame goes up, which layouts it takes (its own card page's, the newest only), and that it goes
 * away with the extension. The background is a stub answering `reportPage`; the browser tests
 * (card.e2e.ts, isolation.e2e.ts) cover the same path end to end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCard } from '@/lib/card-host/host';
import { CONTENT_MIRROR_KEYS } from '@/lib/domain/constants';
import type { PushMessage } from '@/lib/messaging/protocol';
import type { SiteReader } from '@/lib/sites';

const PAGE_URL = 'https://www.linkedin.com/company/acme/';
/** A company page named by its URL's slug. */
const companyPage = (url: URL) => {
  const slug = url.pathname.split('/')[2] ?? '';
  return { kind: 'company', site: 'linkedin', url: url.href, pageKey: `linkedin:company:${slug}`, readable: true, company: { name: slug, linkedinSlug: slug }, signals: [] };
};
const reader: SiteReader = {
  adapterFor: () => undefined,
  readySelectorsFor: () => [],
  liveFor: () => false,
  readPage: (_doc, url) => companyPage(url) as never,
};

/** Each closed shadow root the card host makes (the test's only way into it, as the page has none). */
let roots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;
/**
 * The background's answer to a `reportPage` (from the URL alone: `settled` false; from the page's
 * content: true). By report, not by order: a card host started by an earlier test still listens.
 */
let answer: (settled: boolean) => Promise<unknown>;
let reports: unknown[] = [];

const settle = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const iframe = () => roots.at(-1)?.querySelector('iframe') ?? undefined;
const cardPage = () => `chrome-extension://${fakeBrowser.runtime.id}/card.html?site=linkedin`;
const layout = (at: number, visible: boolean, height = 300): PushMessage => ({ type: 'cardLayout', visible, top: 80, right: 20, width: 340, height, at });
const fromCard = { id: () => fakeBrowser.runtime.id, url: cardPage };
const push = (m: PushMessage, sender: object) => fakeBrowser.runtime.onMessage.trigger(m, sender as never, () => undefined);
/** happy-dom's own handle on its window: where the page is. */
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

beforeEach(async () => {
  fakeBrowser.reset();
  setUrl(PAGE_URL);
  document.body.replaceChildren(Object.assign(document.createElement('main'), { textContent: 'Acme' }));
  roots = [];
  reports = [];
  answer = async () => ({ show: true });
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string; payload: { page: unknown; settled: boolean } }) => {
    if (m.type !== 'reportPage') return undefined;
    reports.push(m.payload.page);
    return { ok: true, data: await answer(m.payload.settled) };
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
  // happy-dom loads no frame page (the card page is the browser tests' business) and says so
  // on its page's console, which is not the test's.
  const pageConsole = window.console;
  const error = pageConsole.error.bind(pageConsole);
  vi.spyOn(pageConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
});

afterEach(() => {
  Element.prototype.attachShadow = attachShadow;
  vi.restoreAllMocks();
});

describe('when the card frame goes up', () => {
  it('where the site shows the card: at once, hidden, before any report is answered', async () => {
    answer = () => new Promise(() => undefined); // the background is slow today
    void startCard('linkedin', reader);
    await settle(10);
    const frame = iframe();
    expect(frame?.src).toMatch(/^chrome-extension:\/\/[^/]+\/card\.html\?site=linkedin&/);
    expect(frame?.style.visibility).toBe('hidden');
    expect(frame?.style.height).toBe('0px');
    expect(reports.length).toBeGreaterThan(0);
  });

  it('where the user chose the side panel: nothing on the page while the reports say no', async () => {
    await fakeBrowser.storage.local.set({ [CONTENT_MIRROR_KEYS.cardModes]: { linkedin: 'sidepanel' } });
    answer = async () => ({ show: false });
    void startCard('linkedin', reader);
    await settle(20);
    expect(reports).toHaveLength(2); // from the URL, then from the page's content
    expect(roots).toHaveLength(0);
    expect(document.body.querySelectorAll('div')).toHaveLength(0);
  });

  it('where the user chose the side panel but a report says show (the shortcut): up then', async () => {
    await fakeBrowser.storage.local.set({ [CONTENT_MIRROR_KEYS.cardModes]: { linkedin: 'sidepanel' } });
    answer = async (settled) => ({ show: settled });
    void startCard('linkedin', reader);
    await settle(20);
    expect(iframe()).toBeDefined();
  });
});

describe('what waits for the mirrored settings (card mode, custom CRM hosts)', () => {
  /** storage.local's answer held back until the test lets it through. */
  function holdMirror() {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (keys: never) => {
      await held;
      return get(keys);
    }) as never);
    return release;
  }

  it('the reports go out before it answers (the first wakes a stopped worker); the frame waits for the card mode', async () => {
    answer = () => new Promise(() => undefined); // the background is slow today: no "show" from it
    const release = holdMirror();
    void startCard('linkedin', reader);
    await settle(20);
    expect(reports).toHaveLength(2); // from the URL, then from the page's content
    expect(roots).toHaveLength(0);
    release();
    await settle(10);
    expect(iframe()?.style.visibility).toBe('hidden');
  });

  it('where the user chose the side panel, the frame stays off the page once it answers', async () => {
    await fakeBrowser.storage.local.set({ [CONTENT_MIRROR_KEYS.cardModes]: { linkedin: 'sidepanel' } });
    answer = async () => ({ show: false });
    const release = holdMirror();
    void startCard('linkedin', reader);
    await settle(20);
    release();
    await settle(20);
    expect(reports).toHaveLength(2);
    expect(roots).toHaveLength(0);
  });

  it('on a custom CRM host, whose URL reads as no page of ours until the host is known, the first report waits for it', async () => {
    setUrl('https://crm.example.com/accounts/42');
    await fakeBrowser.storage.local.set({ [CONTENT_MIRROR_KEYS.customHosts]: [{ host: 'crm.example.com', system: 'salesforce' }] });
    const customReader: SiteReader = {
      ...reader,
      readPage: (_doc, url, extraHosts = []) =>
        (extraHosts.some((h) => h.host === url.hostname) ? { ...companyPage(url), site: 'salesforce' } : { kind: 'unsupported', url: url.href, signals: [] }) as never,
    };
    const release = holdMirror();
    void startCard('custom', customReader);
    await settle(20);
    expect(reports).toHaveLength(0);
    release();
    await settle(20);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports[0]).toMatchObject({ kind: 'company', url: 'https://crm.example.com/accounts/42' });
  });
});

describe('the layouts it takes', () => {
  async function started() {
    void startCard('linkedin', reader);
    await settle(20);
    const frame = iframe();
    if (!frame) throw new Error('no card frame');
    return frame;
  }

  it('shows and sizes the frame as its card page says', async () => {
    const frame = await started();
    await push(layout(100, true, 280), { id: fromCard.id(), url: fromCard.url(), tab: { id: 7 } });
    expect(frame.style.visibility).toBe('visible');
    expect(frame.style.height).toBe('280px');
    expect(frame.style.top).toBe('80px');
  });

  it('keeps the newest when two arrive swapped: an older "hidden" after a newer "shown" changes nothing', async () => {
    const frame = await started();
    const sender = { id: fromCard.id(), url: fromCard.url(), tab: { id: 7 } };
    await push(layout(200, true, 300), sender);
    await push(layout(150, false), sender);
    expect(frame.style.visibility).toBe('visible');
    expect(frame.style.height).toBe('300px');
    // A newer one still applies.
    await push(layout(250, false), sender);
    expect(frame.style.visibility).toBe('hidden');
  });

  it('takes none from a page, another extension or another of our pages', async () => {
    const frame = await started();
    await push(layout(100, true), { id: fromCard.id(), url: PAGE_URL, tab: { id: 7 } });
    await push(layout(101, true), { id: 'another-extension', url: cardPage(), tab: { id: 7 } });
    await push(layout(102, true), { id: fromCard.id(), url: `chrome-extension://${fakeBrowser.runtime.id}/options.html`, tab: { id: 7 } });
    expect(frame.style.visibility).toBe('hidden');
  });

  it('keeps the frame on screen whatever size and place it is asked for', async () => {
    const frame = await started();
    await push({ type: 'cardLayout', visible: true, top: 99_999, right: -50, width: 10_000, height: 50_000, at: 100 }, { id: fromCard.id(), url: fromCard.url(), tab: { id: 7 } });
    expect(parseFloat(frame.style.top)).toBeLessThanOrEqual(window.innerHeight - 40);
    expect(frame.style.right).toBe('0px');
    expect(frame.style.width).toBe('2000px');
    expect(frame.style.height).toBe('4000px');
  });
});

it('takes the card away when the extension is gone (its reports fail and it has no id)', async () => {
  void startCard('linkedin', reader);
  await settle(20);
  expect(roots).toHaveLength(1);
  const host = document.body.lastElementChild;
  expect(host?.tagName).toBe('DIV');
  // The extension reloaded: this copy of the script is orphaned. The next report fails.
  answer = async () => Promise.reject(new Error('Extension context invalidated.'));
  vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
  setUrl('https://www.linkedin.com/company/other/');
  window.dispatchEvent(new PopStateEvent('popstate'));
  await settle(600);
  expect(host?.isConnected).toBe(false);
});
