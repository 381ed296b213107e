/**
 * Receiving push messages (protocol.ts PushMessage). No zod: content scripts bundle this. Every
 * receiver first checks the sender is this extension (a web page cannot send runtime messages,
 * but another extension could try), then the type, then the fields it uses.
 */
import type { PushMessage } from './protocol';

type Of<T extends PushMessage['type']> = Extract<PushMessage, { type: T }>;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const CHECKS: { [T in PushMessage['type']]: (m: Record<string, unknown>) => boolean } = {
  changed: (m) => Array.isArray(m.stores),
  tabPageChanged: (m) => isNum(m.tabId),
  toggleCard: () => true,
  cardHost: (m) => typeof m.dark === 'boolean' && !!m.viewport && isNum((m.viewport as Record<string, unknown>).width) && isNum((m.viewport as Record<string, unknown>).height) && isNum(m.at),
  cardProblem: (m) => typeof m.message === 'string',
  teamStatusChanged: (m) => !!m.status && typeof m.status === 'object' && typeof (m.status as Record<string, unknown>).state === 'string' && typeof (m.status as Record<string, unknown>).enabled === 'boolean',
  cardLayout: (m) => typeof m.visible === 'boolean' && isNum(m.top) && isNum(m.right) && isNum(m.width) && isNum(m.height) && isNum(m.at),
};

/** Is `m` a well-formed push of this type? (Own-property look-up: `toString` is no type.) */
export function isPush<T extends PushMessage['type']>(m: unknown, type: T): m is Of<T> {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  return t === type && Object.hasOwn(CHECKS, type) && CHECKS[type](m as Record<string, unknown>);
}

/**
 * For a push that states the whole of something (the card's layout, the page's light/dark and
 * viewport), stamped with `at` when it was worked out: true when it is the newest seen so far.
 * Why: each push is its own message, and two sent a moment apart can arrive swapped; applying
 * the older one last would leave it in force (a card hidden for good, the wrong scheme).
 */
export function newestOnly(): (at: number) => boolean {
  let last = -Infinity;
  return (at) => {
    if (at < last) return false;
    last = at;
    return true;
  };
}
