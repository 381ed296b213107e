/**
 * What the handlers share: the payload and handler types, the error a user reads, cached
 * settings, and the account helpers several groups use.
 */
import { departmentFromTitle, suggestBuyingRole } from '../../domain/department';
import { withAccountKeys } from '../../domain/records';
import { type Account, type Settings } from '../../domain/schema';
import { currentWeekId } from '../../domain/week';
import { getDb, contactsOfAccount, type DB } from '../../db/db';
import { getSettings } from '../../db/settings';
import { matchPage } from '../../db/match';
import type { CardContext, MessageType, Responses } from '../../messaging/protocol';
import { requestSchemas } from '../../messaging/protocol';
import { type PageContext } from '../../sites/types';
import type { SenderInfo } from '../senders';
import { mirrorForContentScripts } from '../content-mirror';
import { cacheContext, cachedContext, scopeOf, setScope, tabPage, tabReport, type TabScope } from '../tab-cards';
import { accountHit, accountView, contactView } from '../../domain/views';
import type { z } from 'zod';
import { RECORD_STORES, contactsIn, getAccount, putAccount } from '../../db/records';
export type Payload<K extends MessageType> = z.output<(typeof requestSchemas)[K]>;
export type Handler<K extends MessageType> = (p: Payload<K>, sender: SenderInfo) => Promise<Responses[K]>;

export class UserError extends Error {}

/**
 * Settings, parsed once and kept until they change: every page context needs them, and a zod
 * parse per message is measurable (BENCHMARKS.md). Dropped on any write that may touch them.
 */
let settingsCache: Promise<Settings> | undefined;
export function settingsOf(db: DB): Promise<Settings> {
  settingsCache ??= getSettings(db).catch((e) => {
    settingsCache = undefined;
    throw e;
  });
  return settingsCache;
}
/** Drops the cached settings and brings the content scripts' copy (card modes, custom hosts) up to date. */
export async function forgetSettings() {
  settingsCache = undefined;
  await mirrorForContentScripts().catch(() => undefined);
}

export async function requireAccount(db: DB, id: string): Promise<Account> {
  const a = await getAccount(db, id);
  if (!a) throw new UserError('That account no longer exists. It may have been deleted in another tab.');
  return a;
}

export async function buildContext(db: DB, page: PageContext, settings: Settings): Promise<CardContext> {
  const weekId = currentWeekId();
  const site = page.kind === 'unsupported' ? undefined : page.site;
  const host = page.kind === 'unsupported' ? '' : new URL(page.url).hostname;
  const cardSite =
    site === 'linkedin' || site === 'salesnav'
      ? 'linkedin'
      : site === 'hubspot' && /(^|\.)hubspot\.com$/.test(host)
        ? 'hubspot'
        : site === 'salesforce' && /(^|\.)(force|salesforce)\.com$/.test(host)
          ? 'salesforce'
          : site && 'custom';
  const base: CardContext = {
    page,
    weekId,
    you: settings.yourName,
    cardMode: (cardSite && settings.cardMode[cardSite]) || 'card',
  };
  if (page.kind === 'unsupported') return base;
  const title = page.person?.title ?? page.crm?.title;
  if (page.kind === 'person' || page.crm?.objectType === 'contact' || page.crm?.objectType === 'lead') {
    base.suggestion = { department: departmentFromTitle(title ?? ''), buyingRole: suggestBuyingRole(title ?? '') };
  }
  const m = await matchPage(db, page);
  base.via = m.via;
  base.ambiguous = m.ambiguous;
  if (m.candidates) base.candidates = m.candidates.map((a) => accountHit(a, settings));
  if (!m.account) return base;
  const tx = db.transaction([...RECORD_STORES, 'targets', 'ticks']);
  const [contacts, target] = await Promise.all([
    contactsIn(tx).index('byAccount').getAll(m.account.id),
    tx.objectStore('targets').index('byWeekAccount').get([weekId, m.account.id]),
  ]);
  const ticks = target ? await tx.objectStore('ticks').index('byTarget').getAll(target.id) : [];
  base.account = accountView(m.account, contacts, settings);
  if (m.contact) base.contact = contactView(m.contact);
  if (target) base.target = { target, ticks };
  return base;
}

export async function touchAccount(db: DB, a: Account, fields: string[], now = Date.now()): Promise<Account> {
  const edits = { ...(a.edits ?? {}) };
  for (const f of fields) edits[f] = now;
  const next = withAccountKeys({ ...a, updatedAt: now, edits });
  await putAccount(db, next);
  return next;
}

export async function viewOf(db: DB, a: Account, settings?: Settings) {
  return accountView(a, await contactsOfAccount(a.id, db), settings ?? (await settingsOf(db)));
}

/** The card context for a tab's page, built once per page and write (tab-cards.ts), with its scope. */
export function buildForTab(db: DB, tabId: number, page: PageContext, settings: Settings): Promise<CardContext> {
  const { settled, structure } = tabReport(tabId);
  const ctx = buildContext(db, page, settings).then((c) => {
    setScope(tabId, c);
    if (!settled) c.reading = true;
    if (structure) c.structure = structure;
    return c;
  });
  cacheContext(tabId, ctx);
  return ctx;
}

/** The card for a tab: the cached context, or rebuilt from the page the tab last reported. */
export async function contextForTab(tabId: number): Promise<CardContext | null> {
  const cached = cachedContext(tabId);
  if (cached) return cached;
  const page = await tabPage(tabId);
  if (!page) return null;
  const db = await getDb();
  return buildForTab(db, tabId, page, await settingsOf(db));
}

/** A tab's scope; after a service-worker restart, rebuilt from its last reported page. */
export async function scopeFor(tabId: number): Promise<TabScope | undefined> {
  return scopeOf(tabId) ?? ((await contextForTab(tabId)) ? scopeOf(tabId) : undefined);
}
