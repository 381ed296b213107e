/**
 * The one message listener. Every request is checked: it must come from this extension (never
 * another extension or a web page), privileged messages only from our own extension pages, and
 * the payload must parse against its zod schema. Errors go back as readable messages.
 */
import { browser, type Browser } from 'wxt/browser';
import { describeStorageError } from '../db/db';
import { requestSchemas, SENDERS, type MessageType, type Reply } from '../messaging/protocol';
import { handlers, UserError, type SenderInfo } from './handlers';

type Sender = Browser.runtime.MessageSender;

export function senderInfo(sender: Sender, extensionOrigin: string): SenderInfo | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const url = sender.url ?? '';
  const fromExtensionPage = url.startsWith(extensionOrigin) && !sender.tab?.url?.startsWith('http');
  return { tabId: sender.tab?.id, fromExtensionPage };
}

export async function handleMessage(message: unknown, sender: Sender): Promise<Reply<MessageType> | undefined> {
  const m = message as { tiercover?: unknown; type?: unknown; payload?: unknown } | null;
  if (!m || m.tiercover !== 1 || typeof m.type !== 'string' || !(m.type in requestSchemas)) return undefined;
  const type = m.type as MessageType;
  const info = senderInfo(sender, browser.runtime.getURL('/'));
  if (!info) return { ok: false, error: 'Refused: not from Tiercover.' };
  if (SENDERS[type] === 'extension' && !info.fromExtensionPage) {
    return { ok: false, error: `Refused: ${type} is only allowed from Tiercover's own pages.` };
  }
  const parsed = requestSchemas[type].safeParse(m.payload);
  if (!parsed.success) {
    return { ok: false, error: `Invalid ${type} request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  try {
    const handler = handlers[type] as (p: unknown, s: SenderInfo) => Promise<unknown>;
    return { ok: true, data: (await handler(parsed.data, info)) as never };
  } catch (e) {
    if (!(e instanceof UserError)) console.error(`Tiercover: ${type} failed`, e);
    return { ok: false, error: describeStorageError(e) };
  }
}

export function setupMessaging() {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => handleMessage(message, sender));
}
