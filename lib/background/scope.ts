/**
 * What a card frame may change: only the account its tab's last look-up matched, and only links
 * for the page its tab shows. The frame is our own page, but it is embedded in a site's tab, so
 * its writes are held to that tab (a page that somehow drove it gets no further than the card).
 * Content scripts send no writes at all (SENDERS).
 */
import { getDb } from '../db/db';
import { getContact } from '../db/records';
import { currentWeekId } from '../domain/week';
import type { MessageType } from '../messaging/protocol';
import type { SenderInfo } from './senders';
import type { TabScope } from './tab-cards';
import { peekUndo } from './undo';

export const OUT_OF_SCOPE = 'Refused: the card can only change the account its page shows. Reload the page and try again.';

type Check = (p: Record<string, unknown>, scope: TabScope) => Promise<boolean> | boolean;

const ownAccount = (id: unknown, scope: TabScope) => !!scope.accountId && id === scope.accountId;
const ownPageKey = (key: unknown, scope: TabScope) => key === undefined || (!!scope.pageKey && key === scope.pageKey);

async function targetIsOwn(targetId: unknown, scope: TabScope) {
  if (typeof targetId !== 'string') return false;
  const t = await (await getDb()).get('targets', targetId);
  return !!t && ownAccount(t.accountId, scope);
}
async function contactIsOwn(contactId: unknown, scope: TabScope) {
  if (contactId === undefined) return true;
  if (typeof contactId !== 'string') return false;
  const c = await getContact(await getDb(), contactId);
  return !!c && ownAccount(c.accountId, scope);
}

/** One rule per message a frame may send; a message with no rule here is refused from a frame. */
const FRAME_RULES: Partial<Record<MessageType, Check>> = {
  getCardForTab: () => true,
  // Only ever to the content script of the frame's own tab (sender.tabId), top frame.
  cardLayout: () => true,
  searchAccounts: () => true,
  openSidePanel: () => true,
  tickAirCover: async (p, s) => (await targetIsOwn(p.targetId, s)) && (await contactIsOwn(p.contactId, s)),
  acceptEvidence: async (p, s) =>
    (p.targetId === undefined || (await targetIsOwn(p.targetId, s))) && (await contactIsOwn(p.contactId, s)),
  setKeyContact: async (p, s) => (await targetIsOwn(p.targetId, s)) && (await contactIsOwn(p.contactId, s)),
  setFactor: (p, s) => ownAccount(p.accountId, s),
  setTierOverride: (p, s) => ownAccount(p.accountId, s),
  fixContact: (p, s) => typeof p.contactId === 'string' && contactIsOwn(p.contactId, s),
  removeContact: (p, s) => typeof p.contactId === 'string' && contactIsOwn(p.contactId, s),
  restoreContact: async (p, s) => typeof p.undoToken === 'string' && ownAccount((await peekUndo(p.undoToken))?.contact.accountId, s),
  addContact: (p, s) => ownAccount(p.accountId, s) && ownPageKey(p.pageKey, s),
  addTarget: (p, s) => ownAccount(p.accountId, s) && (p.weekId === undefined || p.weekId === currentWeekId()),
  linkPage: (p, s) => p.kind === 'account' && p.pageKey !== undefined && ownPageKey(p.pageKey, s),
  createAccount: (p, s) => ownPageKey(p.pageKey, s),
};

/**
 * Whether this (already parsed) request is within the sender's reach. Extension pages: anything
 * SENDERS allows; content scripts: SENDERS is the whole rule; frames: the rule above, against
 * the tab's scope (rebuilt by `scopeFor` after a service-worker restart).
 */
export async function inScope(
  type: MessageType,
  payload: unknown,
  sender: SenderInfo,
  scopeFor: (tabId: number) => Promise<TabScope | undefined>,
): Promise<boolean> {
  if (sender.kind !== 'frame') return true;
  if (!Object.hasOwn(FRAME_RULES, type)) return false;
  if (sender.tabId === undefined) return false;
  const scope = (await scopeFor(sender.tabId)) ?? {};
  return FRAME_RULES[type]!(payload as Record<string, unknown>, scope);
}
