/**
 * The card frame's state: it asks the background for the card of the tab it is embedded in
 * (the browser tells the background which tab), follows live changes, owns the card's
 * preferences (position, collapsed, hidden; per site in storage.local) and tells its content
 * script where to put the iframe and how big it is. It listens to runtime messages only, each
 * checked for its sender; it has no `message` event listener, so nothing the page posts reaches it.
 */
import { effect, signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';
import { onChange, send } from '@/lib/messaging/client';
import type { PushMessage } from '@/lib/messaging/protocol';
import { isPush, newestOnly } from '@/lib/messaging/push';
import { loadNumberFormat } from '@/lib/i18n';
import { hasSubject } from '@/lib/sites/types';
import { Card, type CardPrefs, type CardState } from './Card';

const DEFAULT_PREFS: CardPrefs = { collapsed: false, hidden: false, top: 72, right: 16 };
const UNSIZED_FIRST_WAIT_MS = 50;
const UNSIZED_LAST_WAIT_MS = 3200;
const SITES = ['linkedin', 'salesforce', 'hubspot', 'custom'];

const params = new URLSearchParams(location.search);
const site = SITES.includes(params.get('site') ?? '') ? params.get('site')! : 'custom';
const prefsKey = `card.${site}`;
const num = <D,>(v: string | null, d: D) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
/** When the page's document started: a card the tab had before that was another page's. */
const since = num(params.get('since'), undefined);

const state = signal<CardState>({ status: 'reading' });
const prefs = signal<CardPrefs>(DEFAULT_PREFS);
const dark = signal(params.get('dark') === '1');
const viewport = signal({ width: num(params.get('vw'), 1280), height: num(params.get('vh'), 800) });
/** Shown by the shortcut even where the user chose the side panel. */
const forced = signal(false);
let tabId: number | undefined;

const savePrefs = (p: CardPrefs) => void browser.storage.local.set({ [prefsKey]: p }).catch(() => undefined);

function visible() {
  const s = state.value;
  if (forced.value || s.status === 'error') return true;
  return s.status === 'ready' && hasSubject(s.ctx.page) && s.ctx.cardMode === 'card';
}

let loading = 0;
async function load() {
  const n = ++loading;
  try {
    const r = await send('getCardForTab', since === undefined ? {} : { since });
    if (n !== loading) return; // a newer answer is on its way
    tabId = r.tabId;
    // A new state reaches the content script through the effect in startCardFrame, after the
    // render it causes (sent now, the layout would carry the box before it). With no card, the
    // state is unchanged: the tab is known now, so tell the content script once.
    if (r.ctx) state.value = { status: 'ready', ctx: r.ctx };
    else setTimeout(reportLayout, 0);
  } catch (e) {
    if (n === loading) state.value = { status: 'error', message: (e as Error).message };
  }
}

function toggle() {
  const p = prefs.value;
  prefs.value = p.hidden ? { ...p, hidden: false, collapsed: false } : { ...p, hidden: true };
  forced.value = true;
  savePrefs(prefs.value);
}

/** The next wait before measuring a card that should show but had no size (see below). */
let unsizedWait = UNSIZED_FIRST_WAIT_MS;
let unsizedTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A card that should show but measures no size yet is measured again, a little later each time
 * (50 ms doubling, ~6 s in all). Why: the frame is hidden and zero-high until it reports a size,
 * and such a frame gets no rendering updates, so no ResizeObserver callback would ever measure
 * it again. Seen on a loaded CI machine: the card rendered in the frame (its element there, the
 * state ready) but measured 0 high in both layouts it sent, and stayed hidden for good.
 */
function measureAgainIfUnsized(unsized: boolean) {
  clearTimeout(unsizedTimer);
  if (!unsized) {
    unsizedWait = UNSIZED_FIRST_WAIT_MS;
    return;
  }
  if (unsizedWait > UNSIZED_LAST_WAIT_MS) return;
  unsizedTimer = setTimeout(reportLayout, unsizedWait);
  unsizedWait *= 2;
}

/**
 * Where and how big the iframe should be: the card's box, at the card's place. Sent on every
 * change of place, state or size, and once after the first render (see the card's entrypoint).
 */
export function reportLayout() {
  if (tabId === undefined) return;
  const box = document.getElementById('app')!.getBoundingClientRect();
  const p = prefs.value;
  const wanted = visible() && !p.hidden;
  const shown = wanted && box.width > 0 && box.height > 0;
  measureAgainIfUnsized(wanted && !shown);
  // `at`: each layout is a message of its own, and two sent a moment apart can arrive swapped.
  const layout = { visible: shown, top: p.top, right: p.right, width: Math.ceil(box.width), height: Math.ceil(box.height), at: performance.timeOrigin + performance.now() };
  // Chrome: straight to our content script in the tab's top frame. Firefox gives an extension page
  // framed in a site's page only a content script's APIs (no tabs): the background passes it on.
  if (browser.tabs?.sendMessage) browser.tabs.sendMessage(tabId, { type: 'cardLayout', ...layout } satisfies PushMessage, { frameId: 0 }).catch(() => undefined);
  else send('cardLayout', layout).catch(() => undefined);
}

/** The page's light/dark and viewport arrive as separate pushes: the newest wins (push.ts). */
const newestHost = newestOnly();

/** From our content script in this tab's top frame, and nobody else. */
const fromMyPage = (sender: Browser.runtime.MessageSender) =>
  sender.id === browser.runtime.id &&
  // Our background (Firefox relays the content script's pushes: no tab), or the tab's top frame.
  (!sender.tab || (tabId !== undefined && sender.tab.id === tabId && sender.frameId === 0 && /^https?:/.test(sender.url ?? '')));

function onMessage(m: unknown, sender: Browser.runtime.MessageSender) {
  if (sender.id !== browser.runtime.id) return;
  if (isPush(m, 'tabPageChanged')) {
    if (m.tabId === tabId) void load();
  } else if (isPush(m, 'toggleCard')) {
    if (fromMyPage(sender)) toggle();
  } else if (isPush(m, 'cardHost')) {
    if (fromMyPage(sender) && newestHost(m.at)) {
      dark.value = m.dark;
      viewport.value = m.viewport;
    }
  } else if (isPush(m, 'cardProblem')) {
    if (fromMyPage(sender)) state.value = { status: 'error', message: m.message };
  }
}

/**
 * Called before the first render: the question for the card goes out while Preact renders the
 * empty frame, and the push listener is there before the tab's report can announce its page.
 */
export function startCardFrame() {
  const life = new AbortController();
  browser.runtime.onMessage.addListener(onMessage);
  onChange((e) => {
    // A tick on this card's target: apply it here, no round trip (the background sent it whole).
    const cur = state.value;
    if (e.tick && e.stores.length === 1) {
      if (cur.status === 'ready' && cur.ctx.target?.target.id === e.tick.targetId) {
        const t = cur.ctx.target;
        const ticks = [...t.ticks.filter((x) => x.id !== e.tick!.id), e.tick];
        state.value = { status: 'ready', ctx: { ...cur.ctx, target: { ...t, ticks } } };
      }
      return;
    }
    void load();
  }, life.signal, { coalesceMs: 100 });
  const stored = browser.storage.local.get(prefsKey).then(
    (got) => (prefs.value = { ...DEFAULT_PREFS, ...(got[prefsKey] as Partial<CardPrefs> | undefined) }),
    () => undefined,
  );
  void stored.then(() => {
    if (params.get('toggle') === '1') toggle();
  });
  void load();
  // While the background works on the answer (the message went out in `load`): a cold worker
  // explains the tier with a number format, and this loads its locale data for both of us.
  loadNumberFormat();
  // Page viewport height bounds the card's (the frame's own 100vh is the card's height).
  effect(() => document.documentElement.style.setProperty('--tc-max-height', `${Math.max(120, viewport.value.height - 96)}px`));
  // Any change of place or visibility goes to the content script; size changes come from the observer.
  effect(() => {
    void prefs.value;
    void state.value;
    void forced.value;
    unsizedWait = UNSIZED_FIRST_WAIT_MS; // a new state gets its own tries at measuring the card
    setTimeout(reportLayout, 0); // after the render this change causes
  });
  // Sizes that change within a shown card (a section opened). Not the first showing: a hidden,
  // zero-height frame gets no rendering updates, so no observer callbacks, until it is shown.
  new ResizeObserver(() => reportLayout()).observe(document.getElementById('app')!);
}

export function CardFrameApp() {
  return visible() ? (
    <Card
      state={state}
      prefs={prefs}
      dark={dark}
      viewport={viewport}
      savePrefs={savePrefs}
      refresh={() => void load()}
      openPanel={() => void send('openSidePanel', {}).catch(() => undefined)}
    />
  ) : null;
}
