/**
 * Waiting for a page to become readable, cheaply even on a page that mutates all the time: the
 * MutationObserver callback only marks the page dirty; the (possibly deep) selector check runs at
 * most once per CHECK_EVERY_MS, and the wait ends at the time limit whatever the page does.
 */
import { queryDeep } from '@/lib/sites/dom';

export const CHECK_EVERY_MS = 250;

export function waitFor(selectors: string[], opts: { mutation: boolean; timeoutMs: number; signal: AbortSignal }): Promise<void> {
  return new Promise((resolve) => {
    const sel = selectors.join(',');
    let mutated = !opts.mutation;
    let check: ReturnType<typeof setTimeout> | undefined;
    let lastCheck = 0;
    const ready = () => mutated && (!sel || !!queryDeep(document, sel));
    if (ready() || opts.signal.aborted) return resolve();
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(check);
      opts.signal.removeEventListener('abort', done);
      resolve();
    };
    const runCheck = () => {
      check = undefined;
      lastCheck = performance.now();
      if (ready()) done();
    };
    const observer = new MutationObserver(() => {
      mutated = true;
      // Coalesce: one check pending at a time, no sooner than CHECK_EVERY_MS after the last.
      check ??= setTimeout(runCheck, Math.max(0, lastCheck + CHECK_EVERY_MS - performance.now()));
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(done, opts.timeoutMs);
    opts.signal.addEventListener('abort', done);
  });
}

/**
 * The page's body, as soon as the parser has made it (long before DOMContentLoaded on a big
 * page): the card frame goes up there. Watches only the root's direct children, and stops at once.
 */
export function whenBody(signal: AbortSignal): Promise<HTMLElement | undefined> {
  return new Promise((resolve) => {
    if (document.body) return resolve(document.body);
    const done = () => {
      observer.disconnect();
      document.removeEventListener('DOMContentLoaded', done);
      signal.removeEventListener('abort', done);
      resolve(document.body ?? undefined);
    };
    const observer = new MutationObserver(() => document.body && done());
    observer.observe(document.documentElement, { childList: true });
    document.addEventListener('DOMContentLoaded', done);
    signal.addEventListener('abort', done);
  });
}
