/**
 * What the background knows about each tab with a card: the page its content script last
 * reported (kept in storage.session, so it survives a service-worker restart), the card context
 * last built for it (memory only; dropped on any write) and its scope: the page key and the
 * account that look-up matched, which bound what the tab's card frame may change.
 */
import { browser } from 'wxt/browser';
import type { CardContext } from '../messaging/protocol';
import type { PageContext } from '../sites/types';

export interface TabScope {
  pageKey?: string;
  accountId?: string;
}

const tabPages = new Map<number, PageContext>();
const contexts = new Map<number, Promise<CardContext>>();
const scopes = new Map<number, TabScope>();
const TAB_PAGES_KEY = 'tiercover.tabPages';

export async function persistTabPage(tabId: number, page: PageContext) {
  try {
    const got = await browser.storage.session.get(TAB_PAGES_KEY);
    const all = { ...((got[TAB_PAGES_KEY] as Record<string, PageContext>) ?? {}), [tabId]: page };
    await browser.storage.session.set({ [TAB_PAGES_KEY]: all });
  } catch {
    /* in-memory only */
  }
}

export function rememberTabPage(tabId: number, page: PageContext) {
  tabPages.set(tabId, page);
}

export async function tabPage(tabId: number): Promise<PageContext | undefined> {
  if (tabPages.has(tabId)) return tabPages.get(tabId);
  try {
    const got = await browser.storage.session.get(TAB_PAGES_KEY);
    return (got[TAB_PAGES_KEY] as Record<string, PageContext> | undefined)?.[tabId];
  } catch {
    return undefined;
  }
}

export const cachedContext = (tabId: number) => contexts.get(tabId);
export function cacheContext(tabId: number, ctx: Promise<CardContext>) {
  contexts.set(tabId, ctx);
  ctx.catch(() => contexts.get(tabId) === ctx && contexts.delete(tabId));
}

/** Any write may change any card: the next ask rebuilds. */
export function forgetContexts() {
  contexts.clear();
}

export const scopeOf = (tabId: number) => scopes.get(tabId);
export function setScope(tabId: number, ctx: CardContext) {
  scopes.set(tabId, { pageKey: ctx.page.kind === 'unsupported' ? undefined : ctx.page.pageKey, accountId: ctx.account?.id });
}

export function forgetTab(tabId: number) {
  tabPages.delete(tabId);
  contexts.delete(tabId);
  scopes.delete(tabId);
}
