/**
 * Live updates: after a write, every open view hears about it through one runtime message to our
 * extension pages, the card frames in tabs included. Content scripts get none: they show nothing.
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent, PushMessage } from '../messaging/protocol';
import { forgetContexts, forgetTab, reportedTabs } from './tab-cards';

/**
 * Firefox runs an extension page framed in a site's tab with a content script's APIs: it hears
 * tabs.sendMessage to its tab, not runtime messages. So there the card frames get pushes that way
 * too (the tab's content scripts ignore them). Chrome's frames hear the runtime message.
 */
export function pushToCardTabs(m: PushMessage, tabIds: Iterable<number>) {
  if (!import.meta.env.FIREFOX) return;
  // A push never fails the write or report that caused it (nor a sendMessage that throws at once).
  for (const tabId of tabIds) void Promise.resolve().then(() => browser.tabs.sendMessage(tabId, m)).catch(() => undefined);
}

export async function notifyChange(stores: ChangeEvent['stores'], weekId?: ChangeEvent['weekId'], extra: Pick<ChangeEvent, 'tick' | 'accountIds'> = {}) {
  forgetContexts();
  const event: ChangeEvent = { type: 'changed', stores, weekId, ...extra };
  browser.runtime.sendMessage(event).catch(() => {
    /* no extension page open */
  });
  pushToCardTabs(event, reportedTabs());
}

export function setupLive() {
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
}
