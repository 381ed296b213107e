/**
 * Re-reading a page whose subject changes without a URL change (Sales Navigator's lead panel on
 * a search page). Cheap on a page that mutates all the time: mutations only mark the page dirty,
 * and it is read at most once per READ_EVERY_MS; the watch ends with the page (navigation aborts
 * the signal).
 */
import type { PageContext } from '@/lib/sites/types';

export const READ_EVERY_MS = 500;

export function watchLivePage(read: () => PageContext, onPage: (page: PageContext) => void, signal: AbortSignal) {
  if (signal.aborted) return;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastRead = 0;
  const readNow = () => {
    pending = undefined;
    lastRead = performance.now();
    if (!signal.aborted) onPage(read());
  };
  const observer = new MutationObserver(() => {
    pending ??= setTimeout(readNow, Math.max(0, lastRead + READ_EVERY_MS - performance.now()));
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(pending);
  });
}
