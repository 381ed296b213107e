/**
 * Sending messages to the background. Types only from the protocol: no zod here, so content
 * scripts stay small (validation happens once, in the background).
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent, Envelope, MessageType, Reply, Request, Responses } from './protocol';

export class MessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageError';
  }
}

export async function send<K extends MessageType>(type: K, payload: Request<K>): Promise<Responses[K]> {
  const envelope: Envelope<K> = { tiercover: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  if (!reply) throw new MessageError('Tiercover\'s background did not answer. Reload the page; if it persists, reload the extension.');
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}

/**
 * Two change events as one. The account ids stay only while every event that touched the
 * accounts store named them: one event without them means any account may have changed.
 */
export function mergeChanges(a: ChangeEvent, b: ChangeEvent): ChangeEvent {
  const touches = (e: ChangeEvent) => e.stores.includes('accounts');
  const named = (touches(a) ? a.accountIds !== undefined : true) && (touches(b) ? b.accountIds !== undefined : true);
  const accountIds = named && (touches(a) || touches(b)) ? [...new Set([...(a.accountIds ?? []), ...(b.accountIds ?? [])])] : undefined;
  return {
    type: 'changed',
    stores: [...new Set([...a.stores, ...b.stores])],
    weekId: a.weekId === b.weekId ? a.weekId : undefined,
    ...(accountIds ? { accountIds } : {}),
  };
}

/**
 * Listen for data changes pushed by the background (runtime messages to extension pages,
 * tabs.sendMessage to content scripts). No long-lived port: the service worker may sleep.
 * With `coalesceMs`, a burst of changes (another tab editing fast, an import) reaches the
 * listener once, with every store it touched; a tick event is delivered at once, whole.
 * Stops when the signal aborts.
 */
export function onChange(listener: (e: ChangeEvent) => void, signal: AbortSignal, opts: { coalesceMs?: number } = {}) {
  let pending: ChangeEvent | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deliver = (e: ChangeEvent) => {
    // A lone tick is cheap to apply: it never waits.
    if (!opts.coalesceMs || (e.tick && !pending)) return listener(e);
    pending = pending ? mergeChanges(pending, e) : e;
    timer ??= setTimeout(() => {
      const p = pending!;
      pending = undefined;
      timer = undefined;
      listener(p);
    }, opts.coalesceMs);
  };
  const handler = (m: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    if ((m as ChangeEvent)?.type === 'changed') deliver(m as ChangeEvent);
  };
  browser.runtime.onMessage.addListener(handler);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    browser.runtime.onMessage.removeListener(handler);
  });
}
