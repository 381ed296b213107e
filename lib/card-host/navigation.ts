/**
 * In-app navigation (pushState, back/forward) seen from a content script, which cannot hook the
 * page's history. Debounced: the callback runs once the URL has stayed the same for QUIET_MS, so
 * a page that pushes a new URL every millisecond causes no look-ups at all until it stops.
 * The Navigation API where there is one (Chromium), else a cheap poll of location.href.
 */
export const QUIET_MS = 250;
const POLL_MS = 250;

export function watchNavigation(onNavigate: (href: string) => void, signal: AbortSignal) {
  let last = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    timer = undefined;
    if (signal.aborted || location.href === last) return;
    last = location.href;
    onNavigate(last);
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(settle, QUIET_MS);
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof nav?.addEventListener === 'function') {
    // `navigate` fires before the URL changes; the settle check reads it after the quiet period.
    nav.addEventListener('navigate', changed, { signal });
    window.addEventListener('popstate', changed, { signal });
  } else {
    let seen = last;
    const poll = setInterval(() => {
      // Each new URL restarts the quiet period, as each `navigate` event does above.
      if (location.href !== seen) {
        seen = location.href;
        changed();
      }
    }, POLL_MS);
    signal.addEventListener('abort', () => clearInterval(poll));
  }
  signal.addEventListener('abort', () => clearTimeout(timer));
}
