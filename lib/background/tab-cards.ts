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

/** How a tab's page was reported: settled or from the URL alone, from which frame, its landmarks. */
export interface TabReport {
  settled: boolean;
  /** From a sub-frame: LinkedIn renders some pages inside an iframe of their own (interop). */
  fromSubframe: boolean;
  structure?: Record<string, number>;
}

const tabPages = new Map<number, PageContext>();
const tabReports = new Map<number, TabReport>();
const contexts = new Map<number, Promise<CardContext>>();
const scopes = new Map<number, TabScope>();
/** When each tab's page was last reported (ms since the epoch): tells a document's page from the one before. */
const reportedAt = new Map<number, number>();
const TAB_PAGES_KEY = 'tiercover.tabPages';
const REPORTED_AT_KEY = 'tiercover.tabReportedAt';

export async function persistTabPage(tabId: number, page: PageContext) {
  try {
    const got = await browser.storage.session.get([TAB_PAGES_KEY, REPORTED_AT_KEY]);
    const all = { ...((got[TAB_PAGES_KEY] as Record<string, PageContext>) ?? {}), [tabId]: page };
    const times = { ...((got[REPORTED_AT_KEY] as Record<string, number>) ?? {}), [tabId]: reportedAt.get(tabId) ?? Date.now() };
    await browser.storage.session.set({ [TAB_PAGES_KEY]: all, [REPORTED_AT_KEY]: times });
  } catch {
    /* in-memory only */
  }
}

/** Each tab's reports still being handled: the last one's end. */
const reportChains = new Map<number, Promise<void>>();

/**
 * Handle a tab's report once the reports it sent before are handled. Why: the content script
 * sends its URL-only report and, without waiting for that answer, its settled one (lib/card-host/
 * host.ts); both handlers wait on the database, so without this the URL-only report could be
 * remembered and its card built last, and the card would stay on "reading…".
 */
export function inReportOrder<T>(tabId: number, handle: () => Promise<T>): Promise<T> {
  const result = (reportChains.get(tabId) ?? Promise.resolve()).then(handle);
  const done = result.then(
    () => undefined,
    () => undefined,
  );
  reportChains.set(tabId, done);
  void done.then(() => reportChains.get(tabId) === done && reportChains.delete(tabId));
  return result;
}

/** Card frames waiting for their document's first report (getCardForTab came first). */
const reportWaiters = new Map<number, Set<() => void>>();

export function rememberTabPage(tabId: number, page: PageContext, report?: TabReport) {
  tabPages.set(tabId, page);
  reportedAt.set(tabId, Date.now());
  if (report) tabReports.set(tabId, report);
  else tabReports.delete(tabId);
  const waiting = reportWaiters.get(tabId);
  reportWaiters.delete(tabId);
  waiting?.forEach((wake) => wake());
}

/**
 * Whether the tab's page was reported at or after `since`, waiting up to `timeoutMs` for that
 * report: a card frame that asks before its document's content script has reported gets its
 * answer as soon as the report lands, in one round trip instead of an empty answer and a push.
 */
export async function reportedSince(tabId: number, since: number, timeoutMs: number): Promise<boolean> {
  // Listen first, then look: after a worker restart the look awaits storage.session, and a report
  // remembered meanwhile must still wake this (it used to wait out the whole timeout).
  let wake!: () => void;
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const waiting = reportWaiters.get(tabId) ?? new Set();
  waiting.add(wake);
  reportWaiters.set(tabId, waiting);
  const timer = setTimeout(wake, timeoutMs);
  try {
    if (((await tabReportedAt(tabId)) ?? 0) >= since) return true;
    await woken;
    return ((await tabReportedAt(tabId)) ?? 0) >= since;
  } finally {
    clearTimeout(timer);
    reportWaiters.get(tabId)?.delete(wake);
  }
}

/** When the tab's page was reported; after a service-worker restart, from storage.session. */
export async function tabReportedAt(tabId: number): Promise<number | undefined> {
  if (reportedAt.has(tabId)) return reportedAt.get(tabId);
  try {
    const got = await browser.storage.session.get(REPORTED_AT_KEY);
    return (got[REPORTED_AT_KEY] as Record<string, number> | undefined)?.[tabId];
  } catch {
    return undefined;
  }
}

/** After a service-worker restart nothing is known: taken as settled, from the top frame. */
export const tabReport = (tabId: number): TabReport => tabReports.get(tabId) ?? { settled: true, fromSubframe: false };

/**
 * Whether a new report replaces what the tab has. A page LinkedIn renders in a frame is reported
 * twice with one page key: unreadable by the outer document (it holds only the title and the
 * frame) and readable by the frame. The outer one never replaces the frame's reading.
 */
export function replacesTabPage(current: PageContext | undefined, currentReport: TabReport, next: PageContext, fromSubframe: boolean): boolean {
  if (fromSubframe || !current || current.kind === 'unsupported' || next.kind === 'unsupported') return true;
  return !(currentReport.fromSubframe && current.readable && !next.readable && current.pageKey === next.pageKey);
}

/** The tabs whose content script reported a page (those that may hold a card frame). */
export const reportedTabs = () => [...tabPages.keys()];

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

/** The frame id of each tab's card frame (the frame that last asked for the tab's card). */
const cardFrames = new Map<number, number>();
export const rememberCardFrame = (tabId: number, frameId: number | undefined) => frameId !== undefined && cardFrames.set(tabId, frameId);
export const cardFrameOf = (tabId: number) => cardFrames.get(tabId);

export function forgetTab(tabId: number) {
  cardFrames.delete(tabId);
  tabPages.delete(tabId);
  reportedAt.delete(tabId);
  tabReports.delete(tabId);
  contexts.delete(tabId);
  scopes.delete(tabId);
}
