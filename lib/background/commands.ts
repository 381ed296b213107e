/** Keyboard shortcut (Alt+Shift+T by default): show or hide the card on the active tab. */
import { browser } from 'wxt/browser';
import type { PushMessage } from '../messaging/protocol';

export function setupCommands() {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-card') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // To the page's top frame only: its content script shows the card or tells the card frame.
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'toggleCard' } satisfies PushMessage, { frameId: 0 }).catch(() => undefined);
  });
}
