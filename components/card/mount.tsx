/**
 * The content-script side of the card: read the page, ask the background, render in a closed
 * shadow root, follow in-app navigation, refresh on changes made anywhere. Everything it starts
 * stops with the content script's context (ctx.signal).
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import type { CardSite } from '@/lib/domain/schema';
import { onChange, send } from '@/lib/messaging/client';
import type { SiteReader } from '@/lib/sites';
import { queryDeep } from '@/lib/sites/dom';
import type { PageContext } from '@/lib/sites/types';
import css from './card.css?inline';
import { Card, type CardPrefs, type CardState } from './Card';

const DEFAULT_PREFS: CardPrefs = { collapsed: false, hidden: false, top: 72, right: 16 };
const WAIT_FOR_DOM_MS = 4000;

/**
 * Resolves when the DOM has changed at least once (after in-app navigation the old page stays
 * until the new one renders) and one of the selectors matches (through open shadow roots, as on
 * Salesforce), or after the timeout, or when aborted. A MutationObserver, never a timer poll.
 */
function waitFor(selectors: string[], opts: { mutation: boolean; timeoutMs: number; signal: AbortSignal }): Promise<void> {
  return new Promise((resolve) => {
    const sel = selectors.join(',');
    let mutated = !opts.mutation;
    const ready = () => mutated && (!sel || !!queryDeep(document, sel));
    if (ready() || opts.signal.aborted) return resolve();
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      opts.signal.removeEventListener('abort', done);
      resolve();
    };
    const observer = new MutationObserver(() => {
      mutated = true;
      if (ready()) done();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(done, opts.timeoutMs);
    opts.signal.addEventListener('abort', done);
  });
}

function samePage(a: PageContext, b: PageContext) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function startCard(ctx: ContentScriptContext, site: CardSite, reader: SiteReader) {
  // One storage read for the card's state on this site and the CRM hosts the user added.
  const stored: Record<string, unknown> = await browser.storage.local.get([`card.${site}`, 'tiercover.customHosts']).catch(() => ({}));
  const extraHosts = (stored['tiercover.customHosts'] as { host: string; system: string }[] | undefined) ?? [];
  const readPage = (doc: Document, url: URL) => reader.readPage(doc, url, extraHosts);
  const readySelectorsFor = (url: URL) => reader.readySelectorsFor(url, extraHosts);
  const state = signal<CardState>({ status: 'reading' });
  const prefs = signal<CardPrefs>({ ...DEFAULT_PREFS, ...(stored[`card.${site}`] as Partial<CardPrefs> | undefined) });
  const visible = signal(false);
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => media.matches || document.documentElement.classList.contains('theme--dark');
  const dark = signal(isDark());
  ctx.addEventListener(media, 'change', () => (dark.value = isDark()));

  const prefsKey = `card.${site}`;
  const savePrefs = (p: CardPrefs) => void browser.storage.local.set({ [prefsKey]: p }).catch(() => undefined);
  const domReady = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true });
  });
  let generation = 0;
  let navAbort: AbortController | undefined;
  let lastPage: PageContext | undefined;

  async function ask(page: PageContext, gen: number) {
    try {
      const res = await send('getPageContext', { page });
      // Drop a stale answer: the tab moved on while we waited.
      if (gen !== generation) return;
      state.value = { status: 'ready', ctx: res };
      visible.value = res.cardMode === 'card';
    } catch (e) {
      if (gen !== generation) return;
      state.value = { status: 'error', message: (e as Error).message };
      visible.value = true;
    }
  }

  /**
   * Identify the page: from the URL at once (the script starts before the page is parsed, so the
   * question overlaps the page load), then again from its content once that has arrived. After
   * in-app navigation the old page's DOM is still there, so the first answer uses the URL alone.
   */
  async function identify(href = location.href, navigated = false) {
    const gen = ++generation;
    navAbort?.abort();
    navAbort = new AbortController();
    const signal = AbortSignal.any([navAbort.signal, ctx.signal]);
    const url = new URL(href);
    const first = readPage(navigated || document.readyState === 'loading' ? document.implementation.createHTMLDocument('') : document, url);
    lastPage = first;
    if (first.kind === 'unsupported') {
      visible.value = false;
      void send('getPageContext', { page: first }).catch(() => undefined); // clears the badge
      return;
    }
    if (navigated || state.value.status !== 'ready') state.value = { status: 'reading' };
    await ask(first, gen);
    if (navigated) await waitFor(readySelectorsFor(url), { mutation: true, timeoutMs: WAIT_FOR_DOM_MS, signal });
    else await domReady;
    if (signal.aborted || gen !== generation) return;
    let again = readPage(document, url);
    if (again.kind !== 'unsupported' && !again.readable) {
      await waitFor(readySelectorsFor(url), { mutation: false, timeoutMs: WAIT_FOR_DOM_MS, signal });
      if (signal.aborted || gen !== generation) return;
      again = readPage(document, url);
    }
    if (!samePage(again, first)) {
      lastPage = again;
      await ask(again, gen);
    }
  }

  const refresh = () => {
    if (lastPage && lastPage.kind !== 'unsupported') void ask(lastPage, generation);
  };

  // Ask the background first; the card mounts (once there is a body) while the answer is on its way.
  const first = identify();
  await domReady;

  const ui = await createShadowRootUi(ctx, {
    name: 'tiercover-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    mode: 'closed',
    css,
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container) {
      const App = () =>
        visible.value ? (
          <Card
            state={state}
            prefs={prefs}
            dark={dark}
            savePrefs={savePrefs}
            refresh={refresh}
            openPanel={() => void send('openSidePanel', {}).catch(() => undefined)}
          />
        ) : null;
      render(<App />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();

  ctx.addEventListener(window, 'wxt:locationchange', (e) => void identify((e as Event & { newUrl: URL }).newUrl.href, true));
  onChange((e) => {
    // A tick on this card's target: apply it here, no round trip (the background sent it whole).
    // Ticks of other targets change nothing here.
    const cur = state.value;
    if (e.tick && e.stores.length === 1) {
      if (cur.status === 'ready' && cur.ctx.target?.target.id === e.tick.targetId) {
        const t = cur.ctx.target;
        const ticks = [...t.ticks.filter((x) => x.id !== e.tick!.id), e.tick];
        state.value = { status: 'ready', ctx: { ...cur.ctx, target: { ...t, ticks } } };
      }
      return;
    }
    refresh();
  }, ctx.signal, { coalesceMs: 100 });
  const onToggle = (m: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || (m as { type?: string })?.type !== 'toggleCard') return;
    const p = prefs.value;
    prefs.value = p.hidden ? { ...p, hidden: false, collapsed: false } : { ...p, hidden: true };
    visible.value = true;
    savePrefs(prefs.value);
  };
  browser.runtime.onMessage.addListener(onToggle);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onToggle));

  await first;
}
