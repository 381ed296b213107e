/**
 * Live updates: after a write, every open view hears about it. Extension pages get a runtime
 * message; tabs whose content script asked for a context get tabs.sendMessage. The tab list is
 * kept in storage.session so it survives a service-worker restart.
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent } from '../messaging/protocol';

const KEY = 'tiercover.cardTabs';
let cardTabs: Set<number> | undefined;

async function tabs(): Promise<Set<number>> {
  if (cardTabs) return cardTabs;
  try {
    const got = await browser.storage.session.get(KEY);
    cardTabs = new Set((got[KEY] as number[] | undefined) ?? []);
  } catch {
    cardTabs = new Set();
  }
  return cardTabs;
}

async function persist() {
  try {
    await browser.storage.session.set({ [KEY]: [...(cardTabs ?? [])] });
  } catch {
    /* storage.session missing (old Firefox): the in-memory set still works until a restart */
  }
}

export async function rememberCardTab(tabId: number) {
  const t = await tabs();
  if (!t.has(tabId)) {
    t.add(tabId);
    await persist();
  }
}

export async function forgetCardTab(tabId: number) {
  const t = await tabs();
  if (t.delete(tabId)) await persist();
}

export async function notifyChange(stores: ChangeEvent['stores'], weekId?: ChangeEvent['weekId'], extra: Pick<ChangeEvent, 'tick'> = {}) {
  const event: ChangeEvent = { type: 'changed', stores, weekId, ...extra };
  browser.runtime.sendMessage(event).catch(() => {
    /* no extension page open */
  });
  for (const tabId of await tabs()) {
    browser.tabs.sendMessage(tabId, event).catch(() => forgetCardTab(tabId));
  }
}

export function setupLive() {
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetCardTab(tabId);
  });
}
