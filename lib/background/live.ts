/**
 * Live updates: after a write, every open view hears about it through one runtime message to our
 * extension pages, the card frames in tabs included. Content scripts get none: they show nothing.
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent } from '../messaging/protocol';
import { forgetContexts, forgetTab } from './tab-cards';

export async function notifyChange(stores: ChangeEvent['stores'], weekId?: ChangeEvent['weekId'], extra: Pick<ChangeEvent, 'tick'> = {}) {
  forgetContexts();
  const event: ChangeEvent = { type: 'changed', stores, weekId, ...extra };
  browser.runtime.sendMessage(event).catch(() => {
    /* no extension page open */
  });
}

export function setupLive() {
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
}
