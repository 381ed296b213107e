/**
 * The content-script side of the card: read the page, report it to the background, put the card
 * frame on the page when the card should show, follow in-app navigation, pass the page's
 * light/dark and viewport to the frame. No UI framework and no card data here: the frame asks
 * the background for its tab's card itself, so what the card shows never enters this world.
 *
 * Its lifetime is its own AbortController, not WXT's ContentScriptContext: that context can be
 * invalidated by a page that dispatches WXT's start-up event, which would take the card away.
 * The card stops when the extension goes away (runtime.id gone).
 */
import { browser, type Browser } from 'wxt/browser';
import { CONTENT_MIRROR_KEYS } from '@/lib/domain/constants';
import type { CardSite } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { clampPage } from '@/lib/messaging/limits';
import type { PushMessage } from '@/lib/messaging/protocol';
import { isPush, newestOnly } from '@/lib/messaging/push';
import type { SiteReader } from '@/lib/sites';
import { pageStructure } from '@/lib/sites/report';
import type { PageContext } from '@/lib/sites/types';
import { mountCardFrame, type CardFrame } from './frame';
import { watchLivePage } from './live-page';
import { watchNavigation } from './navigation';
import { waitFor, whenBody } from './wait';

const WAIT_FOR_DOM_MS = 4000;
const CARD_PAGE = /^(chrome|moz)-extension:\/\/[^/]+\/card\.html(\?|$)/;

const samePage = (a: PageContext, b: PageContext) => JSON.stringify(a) === JSON.stringify(b);
/** A page read without its subject's company (or not at all): the card offers a page report. */
const readPartly = (p: PageContext) =>
  p.kind !== 'unsupported' && (!p.readable || (p.kind === 'person' && !p.person?.companyName) || (p.kind === 'company' && !p.company?.name));
const sameKey = (a: PageContext | undefined, b: PageContext) =>
  !!a && a.kind !== 'unsupported' && b.kind !== 'unsupported' && a.kind === b.kind && a.pageKey === b.pageKey;

/**
 * To our card frame in this tab (it checks the message came from its own tab's top frame, or from
 * our background). Firefox delivers no runtime message to a framed extension page: the background
 * relays it there, to the card frame only.
 */
type ToCard = Extract<PushMessage, { type: 'toggleCard' | 'cardHost' | 'cardProblem' }>;
const toFrame = (m: ToCard) =>
  void (import.meta.env.FIREFOX ? send('relayToCard', { push: m }) : browser.runtime.sendMessage(m)).catch(() => undefined);

export async function startCard(site: CardSite, reader: SiteReader) {
  // In a sub-frame (LinkedIn renders some company pages in a /preload/ iframe of their own) the
  // script only reads and reports its document; the top frame shows the card. Any other frame
  // (ads, LinkedIn's hidden preload frame) is no page of ours: nothing runs there.
  const inSubframe = window.top !== window;
  if (inSubframe && reader.readPage(document.implementation.createHTMLDocument(''), new URL(location.href)).kind === 'unsupported') return;
  const life = new AbortController();
  const lifeSignal = life.signal;
  // What the background mirrors for content scripts (lib/background/content-mirror.ts), asked for
  // now and not waited for: its answer reaches this script only when the page's main thread is
  // free (on a page that arrives at once, after the whole document is parsed), and the first
  // report, which wakes a stopped worker, needs it only on a custom CRM host: there the URL
  // alone reads as no page of ours until the host is known (`identify`). Undefined until it answers.
  let mirror: { extraHosts: { host: string; system: string }[]; frameEarly: boolean } | undefined;
  const mirrored = browser.storage.local
    .get(Object.values(CONTENT_MIRROR_KEYS))
    .catch(() => ({}) as Record<string, unknown>)
    .then((stored) => {
      // The user's choice for this site, as last mirrored: where it is the card (the default),
      // the frame goes up while the page is still being reported, so its load overlaps the
      // look-up. Where it is the side panel, nothing is added to the page unless the background
      // says so.
      const cardModes = (stored[CONTENT_MIRROR_KEYS.cardModes] as Partial<Record<CardSite, string>> | undefined) ?? {};
      mirror = {
        extraHosts: (stored[CONTENT_MIRROR_KEYS.customHosts] as { host: string; system: string }[] | undefined) ?? [],
        frameEarly: !inSubframe && (cardModes[site] ?? 'card') === 'card',
      };
    });
  const extraHosts = () => mirror?.extraHosts ?? [];
  const readPage = (doc: Document, url: URL) => clampPage(reader.readPage(doc, url, extraHosts()));
  const readySelectorsFor = (url: URL) => reader.readySelectorsFor(url, extraHosts());

  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => media.matches || document.documentElement.classList.contains('theme--dark');
  const hostState = (): ToCard => ({ type: 'cardHost', dark: isDark(), viewport: { width: window.innerWidth, height: window.innerHeight }, at: performance.timeOrigin + performance.now() });
  const domReady = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true, signal: lifeSignal });
  });

  let frame: CardFrame | undefined;
  let frameHeard = false;
  /** Applies a layout only if the frame worked it out after the one applied last. */
  const newestLayout = newestOnly();
  let problem: string | undefined;
  let generation = 0;
  let navAbort: AbortController | undefined;
  let lastPage: PageContext | undefined;

  const stop = () => {
    life.abort();
    frame?.remove();
  };
  lifeSignal.addEventListener('abort', () => navAbort?.abort());

  async function showFrame(toggle = false) {
    if (frame) return;
    const body = await whenBody(lifeSignal);
    if (frame || lifeSignal.aborted || !body) return;
    frame = mountCardFrame({ site, dark: isDark(), toggle, since: Math.floor(performance.timeOrigin), body });
  }

  async function report(page: PageContext, gen: number, settled: boolean) {
    try {
      const structure = settled && readPartly(page) ? pageStructure(document) : undefined;
      const { show } = await send('reportPage', { page, settled, structure });
      if (gen === generation && show && !inSubframe) void showFrame();
    } catch (e) {
      // The extension was reloaded or removed: this copy of the script is orphaned.
      if (!browser.runtime?.id) return stop();
      if (gen !== generation || inSubframe) return;
      problem = (e as Error).message;
      await showFrame();
      toFrame({ type: 'cardProblem', message: problem });
    }
  }

  /**
   * Identify the page: from the URL at once (the script starts before the page is parsed, so the
   * question overlaps the page load), then again from its content once that has arrived. After
   * in-app navigation the old page's DOM is still there, so the first answer uses the URL alone.
   */
  async function identify(href = location.href, navigated = false) {
    const url = new URL(href);
    const fromUrl = () => readPage(navigated || document.readyState === 'loading' ? document.implementation.createHTMLDocument('') : document, url);
    let first = fromUrl();
    if (first.kind === 'unsupported' && !mirror) {
      await mirrored;
      first = fromUrl();
    }
    // Same page key as before (a tab within the same profile, a pushState storm): nothing to ask.
    if (navigated && sameKey(lastPage, first)) return;
    const gen = ++generation;
    problem = undefined;
    navAbort?.abort();
    navAbort = new AbortController();
    const signal = navAbort.signal;
    lastPage = first;
    // The frame starts loading as soon as the card mode is known, hidden: it asks for its card
    // itself and shows once it has one.
    if (first.kind !== 'unsupported') {
      void mirrored.then(() => {
        if (mirror?.frameEarly) void showFrame();
      });
    }
    // From the URL alone: the card says "reading…" unless this already names an account. Its
    // answer is not waited for: it reaches this script only when the page's main thread is free,
    // often ~100 ms after DOMContentLoaded, and the content is read as soon as it is there. The
    // background handles a tab's reports in the order they were sent.
    const urlReport = report(first, gen, first.kind === 'unsupported');
    if (first.kind === 'unsupported') return urlReport;
    if (navigated) await waitFor(readySelectorsFor(url), { mutation: true, timeoutMs: WAIT_FOR_DOM_MS, signal });
    else await domReady;
    if (signal.aborted || gen !== generation) return;
    let again = readPage(document, url);
    if (again.kind !== 'unsupported' && !again.readable) {
      await waitFor(readySelectorsFor(url), { mutation: false, timeoutMs: WAIT_FOR_DOM_MS, signal });
      if (signal.aborted || gen !== generation) return;
      again = readPage(document, url);
    }
    // Always a settled report at the end, even when the content read the same as the URL: the
    // card leaves "reading…" only on this one.
    lastPage = again;
    await report(again, gen, true);
    if (reader.liveFor(url, extraHosts())) {
      watchLivePage(() => readPage(document, url), (page) => {
        if (gen !== generation || (lastPage && samePage(lastPage, page))) return;
        lastPage = page;
        void report(page, gen, true);
      }, signal);
    }
  }

  const onMessage = (m: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || inSubframe) return;
    if (isPush(m, 'toggleCard') && !sender.tab) {
      // The shortcut, from the background: the frame decides (it owns the card's preferences).
      if (frame) toFrame(m);
      else void showFrame(true);
    } else if (isPush(m, 'cardLayout') && (CARD_PAGE.test(sender.url ?? '') || !sender.tab)) {
      // From our card frame (Chrome), or passed on by the background from the card frame of this
      // tab (Firefox: a framed extension page has no tabs API). Never from a page: pages cannot
      // send runtime messages, and the background passes on only what a card.html sender sent.
      // The newest wins: two layouts sent a moment apart (hidden before the first render, shown
      // after it) can arrive swapped, and the older one would leave the card hidden for good.
      if (!newestLayout(m.at)) return;
      frame?.layout(m);
      // The frame is up: anything it may have missed while loading.
      if (!frameHeard) {
        frameHeard = true;
        toFrame(hostState());
        if (problem) toFrame({ type: 'cardProblem', message: problem });
      }
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  lifeSignal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  // Light/dark and the viewport size, for the frame (it cannot see the page).
  let hostTimer: ReturnType<typeof setTimeout> | undefined;
  const hostChanged = () => {
    clearTimeout(hostTimer);
    hostTimer = setTimeout(() => frame && toFrame(hostState()), 100);
  };
  media.addEventListener('change', hostChanged, { signal: lifeSignal });
  window.addEventListener('resize', hostChanged, { signal: lifeSignal });
  const themeObserver = new MutationObserver(hostChanged);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  lifeSignal.addEventListener('abort', () => themeObserver.disconnect());

  watchNavigation((href) => void identify(href, true), lifeSignal);
  await identify();
}
