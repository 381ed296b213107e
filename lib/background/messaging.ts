/**
 * The one message listener, and the guard every request passes before a handler runs:
 * 1. ours: the envelope marker, and a type that is an own property of the schema map (so
 *    `toString` or `__proto__` is no type);
 * 2. from this extension, and from a kind of sender SENDERS allows for the type;
 * 3. the payload parses against the type's zod schema (the handler gets the parsed copy only);
 * 4. from a card frame: within its tab's scope (scope.ts).
 * Refusals and failures go back as readable messages; a malformed request from a content script
 * or a card gets a plain sentence, the zod details go to the background's console.
 */
import { browser, type Browser } from 'wxt/browser';
import { describeStorageError } from '../db/db';
import { ensureMessages } from '../i18n/ensure-messages';
import { requestSchemas, SENDERS, type MessageType, type Reply } from '../messaging/protocol';
import { handlers, scopeFor, UserError } from './handlers';
import { inScope, OUT_OF_SCOPE } from './scope';
import { classifySender, type SenderInfo } from './senders';
import { afterWrite } from './team-sync';

type Sender = Browser.runtime.MessageSender;
type Guarded = { ok: true; type: MessageType; payload: unknown; sender: SenderInfo } | { ok: false; reply: Reply<MessageType> | undefined };

/**
 * The worker's words. Chromium can give the worker an empty message catalog too, for its whole
 * life (lib/i18n/ensure-messages.ts), and the card's sentences (the tier's, the coverage gaps)
 * are written here: every answer waits until they are read. Resolved at once when the browser
 * answers, as it nearly always does.
 */
let words: Promise<void> = Promise.resolve();

const refuse = (error: string): Guarded => ({ ok: false, reply: { ok: false, error } });

export async function guard(message: unknown, sender: Sender): Promise<Guarded> {
  if (!message || typeof message !== 'object') return { ok: false, reply: undefined };
  const m = message as { tiercover?: unknown; type?: unknown; payload?: unknown };
  if (m.tiercover !== 1 || typeof m.type !== 'string' || !Object.hasOwn(requestSchemas, m.type)) return { ok: false, reply: undefined };
  const type = m.type as MessageType;
  const info = classifySender(sender, browser.runtime.id);
  if (!info) return refuse('Refused: not from Tiercover.');
  if (!SENDERS[type].includes(info.kind)) {
    return refuse(info.kind === 'extension' ? `Refused: ${type} is not for this page.` : `Refused: ${type} is only allowed from Tiercover's own pages.`);
  }
  const parsed = requestSchemas[type].safeParse(m.payload);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    if (info.kind === 'extension') return refuse(`Invalid ${type} request: ${detail}`);
    console.warn(`Tiercover: refused ${type} from a ${info.kind === 'frame' ? 'card' : 'content script'}: ${detail}`);
    return refuse('Tiercover could not use what it read on this page. Reload the page; if it persists, the page may have changed its layout.');
  }
  if (!(await inScope(type, parsed.data, info, scopeFor))) return refuse(OUT_OF_SCOPE);
  return { ok: true, type, payload: parsed.data, sender: info };
}

export async function handleMessage(message: unknown, sender: Sender): Promise<Reply<MessageType> | undefined> {
  const g = await guard(message, sender);
  if (!g.ok) return g.reply;
  await words;
  try {
    const handler = handlers[g.type] as (p: unknown, s: SenderInfo) => Promise<unknown>;
    const data = await handler(g.payload, g.sender);
    // A user's write is shared with the team when sync is on; the answer does not wait for it.
    void afterWrite(g.type, g.payload as never, data as never).catch((e) => console.warn('Tiercover: team sync could not take a change', (e as Error)?.message));
    return { ok: true, data: data as never };
  } catch (e) {
    if (!(e instanceof UserError)) console.error(`Tiercover: ${g.type} failed`, e);
    return { ok: false, error: describeStorageError(e) };
  }
}

export function setupMessaging() {
  words = ensureMessages().catch(() => undefined);
  // Only envelopes get an answer: returning undefined leaves other listeners (and pushes) alone.
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => handleMessage(message, sender));
}
