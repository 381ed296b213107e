/**
 * Who sent a message, told apart by what the browser says about the sender (never by anything in
 * the message): only this extension is heard at all; a sender whose document is a web page is a
 * content script; our card page (card.html) is the card frame wherever it is loaded; any other
 * page of ours is an extension page, unless it sits in a sub-frame of a tab (we embed no other
 * page; only card.html is web-accessible), which is refused.
 */
import type { Browser } from 'wxt/browser';
import type { SenderKind } from '../messaging/protocol';

export const CARD_PAGE = '/card.html';

export interface SenderInfo {
  kind: SenderKind;
  tabId?: number;
  frameId?: number;
}

const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;

export function classifySender(sender: Browser.runtime.MessageSender, extensionId: string): SenderInfo | undefined {
  if (!extensionId || sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (!EXTENSION_URL.test(url)) {
    // A content script: it runs in a web page of some tab.
    return /^https?:/.test(url) && tabId !== undefined ? { kind: 'content', tabId, frameId } : undefined;
  }
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  if (path === CARD_PAGE) return { kind: 'frame', tabId, frameId };
  // Another of our pages inside a frame of some tab: we embed none, so it is not ours to trust.
  if (tabId !== undefined && frameId !== undefined && frameId !== 0) return undefined;
  return { kind: 'extension', tabId, frameId };
}
