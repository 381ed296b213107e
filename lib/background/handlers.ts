/**
 * What the background does for each message. Each handler gets the validated payload and who
 * sent it; every write ends with a change notification so all open views refresh.
 */
import { browser } from 'wxt/browser';
import { tickId } from '../domain/aircover';
import { departmentFromTitle, suggestBuyingRole } from '../domain/department';
import { normalizeCompanyName, normalizeDomain } from '../domain/normalize';
import { newAccount, newContact, withAccountKeys, withContactKeys } from '../domain/records';
import { settings as settingsSchema, type Account, type AirCoverTick, type Settings, type Target, type WeekId } from '../domain/schema';
import { currentWeekId } from '../domain/week';
import { getDb, getStats, deleteAllData, contactsOfAccount, type DB } from '../db/db';
import { getSettings } from '../db/settings';
import { matchPage } from '../db/match';
import { fixContact, removeContact, restoreContact } from '../db/contacts';
import { keepForUndo, takeUndo } from './undo';
import type { AccountRow, CardContext, MessageType, PushMessage, Responses } from '../messaging/protocol';
import { requestSchemas } from '../messaging/protocol';
import { makeSampleData, SAMPLE_OWNERS } from '../sample';
import { hasSubject, type PageContext } from '../sites/types';
import { notifyChange, pushToCardTabs } from './live';
import type { SenderInfo } from './senders';
import { cacheContext, cachedContext, persistTabPage, rememberTabPage, replacesTabPage, scopeOf, setScope, tabPage, tabReport, type TabScope } from './tab-cards';
import { replaceSampleData } from '../db/sample';
import { accountHit, accountView, contactView } from '../domain/views';
import { setBadge } from './badge';
import { syncCustomHosts } from './custom-hosts';
import { setKeyContact, setTargetStatus, startWeek, updateTarget } from '../db/week';
import { NotOnWeekError, tickCells } from '../db/aircover';
import { computeTier } from '../domain/tier';
import { computeCoverage } from '../domain/coverage';
import type { z } from 'zod';

export type { SenderInfo };

type Payload<K extends MessageType> = z.output<(typeof requestSchemas)[K]>;
type Handler<K extends MessageType> = (p: Payload<K>, sender: SenderInfo) => Promise<Responses[K]>;

export class UserError extends Error {}

/**
 * Settings, parsed once and kept until they change: every page context needs them, and a zod
 * parse per message is measurable (BENCHMARKS.md). Dropped on any write that may touch them.
 */
let settingsCache: Promise<Settings> | undefined;
function settingsOf(db: DB): Promise<Settings> {
  settingsCache ??= getSettings(db).catch((e) => {
    settingsCache = undefined;
    throw e;
  });
  return settingsCache;
}
export function forgetSettings() {
  settingsCache = undefined;
}

async function requireAccount(db: DB, id: string): Promise<Account> {
  const a = await db.get('accounts', id);
  if (!a) throw new UserError('That account no longer exists. It may have been deleted in another tab.');
  return a;
}

async function buildContext(db: DB, page: PageContext, settings: Settings): Promise<CardContext> {
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
  const tx = db.transaction(['contacts', 'targets', 'ticks']);
  const [contacts, target] = await Promise.all([
    tx.objectStore('contacts').index('byAccount').getAll(m.account.id),
    tx.objectStore('targets').index('byWeekAccount').get([weekId, m.account.id]),
  ]);
  const ticks = target ? await tx.objectStore('ticks').index('byTarget').getAll(target.id) : [];
  base.account = accountView(m.account, contacts, settings);
  if (m.contact) base.contact = contactView(m.contact);
  if (target) base.target = { target, ticks };
  return base;
}

async function touchAccount(db: DB, a: Account, fields: string[], now = Date.now()): Promise<Account> {
  const edits = { ...(a.edits ?? {}) };
  for (const f of fields) edits[f] = now;
  const next = withAccountKeys({ ...a, updatedAt: now, edits });
  await db.put('accounts', next);
  return next;
}

async function viewOf(db: DB, a: Account, settings?: Settings) {
  return accountView(a, await contactsOfAccount(a.id, db), settings ?? (await settingsOf(db)));
}

/** The card context for a tab's page, built once per page and write (tab-cards.ts), with its scope. */
function buildForTab(db: DB, tabId: number, page: PageContext, settings: Settings): Promise<CardContext> {
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

export const handlers: { [K in MessageType]: Handler<K> } = {
  async reportPage({ page, settled, structure }, sender) {
    const tabId = sender.tabId!;
    const fromSubframe = (sender.frameId ?? 0) !== 0;
    // A frame of a page (LinkedIn's hidden preload frames, ads) that is no page of ours: not the tab's.
    if (fromSubframe && page.kind === 'unsupported') return { show: false };
    const db = await getDb();
    const settings = await settingsOf(db);
    if (!replacesTabPage(await tabPage(tabId), tabReport(tabId), page, fromSubframe)) {
      const ctx = await contextForTab(tabId);
      return { show: !!ctx && hasSubject(ctx.page) && ctx.cardMode === 'card' };
    }
    rememberTabPage(tabId, page, { settled, fromSubframe, structure });
    const ctx = await buildForTab(db, tabId, page, settings);
    // Bookkeeping after the answer: the card must not wait for storage.session.
    setTimeout(() => void persistTabPage(tabId, page), 0);
    void setBadge(tabId, ctx);
    const push: PushMessage = { type: 'tabPageChanged', tabId };
    browser.runtime.sendMessage(push).catch(() => undefined);
    pushToCardTabs(push, [tabId]);
    // The card shows in the top frame only; a sub-frame's script just reads its document.
    return { show: !fromSubframe && hasSubject(page) && ctx.cardMode === 'card' };
  },

  async getCardForTab(_p, sender) {
    const tabId = sender.tabId!;
    return { tabId, ctx: await contextForTab(tabId) };
  },

  async cardLayout(layout, sender) {
    // To the card frame's own tab only (the scope check refused a frame without one), top frame.
    const push: PushMessage = { type: 'cardLayout', ...layout };
    await browser.tabs.sendMessage(sender.tabId!, push, { frameId: 0 }).catch(() => undefined);
    return null;
  },

  async getPageContext({ page }) {
    const db = await getDb();
    return buildContext(db, page, await settingsOf(db));
  },

  async getTabContext({ tabId }) {
    return contextForTab(tabId);
  },

  async tickAirCover(p) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const target = await db.get('targets', p.targetId);
    if (!target || target.weekId !== p.weekId) throw new UserError('This target is not on that week\'s list any more.');
    const tick: AirCoverTick = {
      id: tickId(p.targetId, p.contactId, p.item),
      weekId: p.weekId,
      targetId: p.targetId,
      contactId: p.contactId,
      item: p.item,
      done: p.done,
      by: settings.yourName || 'Someone',
      at: Date.now(),
      link: p.link?.trim() || undefined,
      note: p.note?.trim() || undefined,
    };
    // One record per checklist cell: ticks of different cells never overwrite each other.
    await db.put('ticks', tick);
    void notifyChange(['ticks'], p.weekId, { tick });
    return tick;
  },

  async tickAirCoverMany({ weekId, cells, done }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    try {
      const written = await tickCells(db, weekId, cells, done, settings.yourName || 'Someone');
      if (written.length) void notifyChange(['ticks'], weekId);
      return written;
    } catch (e) {
      if (e instanceof NotOnWeekError) throw new UserError(e.message);
      throw e;
    }
  },

  async addContact({ accountId, contact, pageKey }) {
    const db = await getDb();
    await requireAccount(db, accountId);
    const c = newContact({
      ...contact,
      accountId,
      department: contact.department ?? departmentFromTitle(contact.title ?? ''),
      buyingRole: contact.buyingRole ?? suggestBuyingRole(contact.title ?? ''),
      lastVerified: Date.now(),
    });
    const tx = db.transaction(['contacts', 'links'], 'readwrite');
    await Promise.all([
      tx.objectStore('contacts').put(c),
      pageKey ? tx.objectStore('links').put({ pageKey, kind: 'contact', targetId: c.id, createdAt: Date.now() }) : undefined,
      tx.done,
    ]);
    void notifyChange(['contacts', 'links']);
    return contactView(c);
  },

  async updateContact({ contactId, changes }) {
    const db = await getDb();
    const c = await db.get('contacts', contactId);
    if (!c) throw new UserError('That contact no longer exists.');
    const now = Date.now();
    const edits = { ...(c.edits ?? {}) };
    for (const k of Object.keys(changes)) edits[k] = now;
    const next = withContactKeys({ ...c, ...changes, updatedAt: now, edits, ...(changes.status ? { lastVerified: now } : {}) });
    await db.put('contacts', next);
    void notifyChange(['contacts']);
    return contactView(next);
  },

  async fixContact({ contactId, fix }) {
    const c = await fixContact(await getDb(), contactId, fix);
    if (!c) throw new UserError('That contact no longer exists.');
    void notifyChange(['contacts']);
    return contactView(c);
  },

  async removeContact({ contactId }) {
    const removed = await removeContact(await getDb(), contactId);
    if (!removed) throw new UserError('That contact no longer exists.');
    const undoToken = await keepForUndo(removed);
    void notifyChange(['contacts', 'targets', 'ticks', 'links']);
    return { undoToken, name: removed.contact.name };
  },

  async restoreContact({ undoToken }) {
    const removed = await takeUndo(undoToken);
    if (!removed) throw new UserError('Too late to undo: the contact was removed more than two minutes ago.');
    await restoreContact(await getDb(), removed);
    void notifyChange(['contacts', 'targets', 'ticks', 'links']);
    return { ok: true as const };
  },

  async addTarget({ accountId, weekId, keyContactIds }) {
    const db = await getDb();
    const account = await requireAccount(db, accountId);
    const week: WeekId = weekId ?? currentWeekId();
    const now = Date.now();
    const tx = db.transaction(['targets', 'weeks', 'contacts'], 'readwrite');
    const existing = await tx.objectStore('targets').index('byWeekAccount').get([week, accountId]);
    let target: Target;
    if (existing) {
      target = { ...existing, status: 'active', statusReason: undefined, updatedAt: now };
    } else {
      let keys = keyContactIds;
      if (!keys) {
        // Default key contacts: decision makers first, then the rest, up to three.
        const cs = (await tx.objectStore('contacts').index('byAccount').getAll(accountId)).filter((c) => c.status !== 'left');
        cs.sort((a, b) => Number(b.buyingRole === 'decision-maker') - Number(a.buyingRole === 'decision-maker'));
        keys = cs.slice(0, 3).map((c) => c.id);
      }
      target = {
        id: crypto.randomUUID(),
        createdAt: now,
        updatedAt: now,
        weekId: week,
        accountId,
        keyContactIds: keys,
        salesOwner: account.team.owner,
        marketingOwner: account.team.marketingOwner,
        status: 'active',
      };
    }
    await tx.objectStore('targets').put(target);
    if (!(await tx.objectStore('weeks').get(week))) {
      await tx.objectStore('weeks').put({ id: week, createdAt: now, updatedAt: now, reviewed: false });
    }
    await tx.done;
    void notifyChange(['targets', 'weeks'], week);
    return target;
  },

  async setFactor({ accountId, key, state }) {
    const db = await getDb();
    const a = await requireAccount(db, accountId);
    const next = await touchAccount(db, { ...a, factors: { ...a.factors, [key]: state } }, [`factors.${key}`]);
    void notifyChange(['accounts']);
    return viewOf(db, next);
  },

  async setTierOverride({ accountId, tier, reason }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const a = await requireAccount(db, accountId);
    const stamp = { reason, by: settings.yourName || 'Someone', at: Date.now() };
    let next: Account;
    if (tier) next = { ...a, tierOverride: { tier, ...stamp }, tierOverrideCleared: undefined };
    else if (a.tierOverride) next = { ...a, tierOverride: undefined, tierOverrideCleared: { tier: a.tierOverride.tier, ...stamp } };
    else throw new UserError(`${a.name} has no tier override to clear.`);
    const saved = await touchAccount(db, next, ['tierOverride', 'tierOverrideCleared']);
    void notifyChange(['accounts']);
    return viewOf(db, saved, settings);
  },

  async updateAccount({ accountId, changes }) {
    const db = await getDb();
    const a = await requireAccount(db, accountId);
    const { global, founded, ...rest } = changes;
    const merged: Account = {
      ...a,
      ...rest,
      ...(global !== undefined ? { global: global ?? undefined } : {}),
      ...(founded !== undefined ? { founded: founded ?? undefined } : {}),
      team: rest.team ? { ...a.team, ...rest.team } : a.team,
      crmIds: rest.crmIds ? { ...a.crmIds, ...rest.crmIds } : a.crmIds,
    };
    const next = await touchAccount(db, merged, Object.keys(changes));
    void notifyChange(['accounts']);
    return viewOf(db, next);
  },

  async createAccount({ account, pageKey }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const domains = (account.domains ?? []).map((d) => normalizeDomain(d)).filter((d): d is string => !!d);
    // Refuse an obvious duplicate: the same domain or LinkedIn id is already an account.
    for (const d of domains) {
      const dup = await db.getFromIndex('accounts', 'byDomain', d);
      if (dup) throw new UserError(`${dup.name} already has the domain ${d}: link this page to it instead.`);
    }
    const a = newAccount({ ...account, domains, team: { owner: settings.yourName || undefined } });
    const tx = db.transaction(['accounts', 'links'], 'readwrite');
    await Promise.all([
      tx.objectStore('accounts').put(a),
      pageKey ? tx.objectStore('links').put({ pageKey, kind: 'account', targetId: a.id, createdAt: Date.now() }) : undefined,
      tx.done,
    ]);
    void notifyChange(['accounts', 'links']);
    return accountHit(a, settings);
  },

  async linkPage({ pageKey, kind, targetId }) {
    const db = await getDb();
    const exists = kind === 'account' ? await db.get('accounts', targetId) : await db.get('contacts', targetId);
    if (!exists) throw new UserError(`That ${kind} no longer exists.`);
    await db.put('links', { pageKey, kind, targetId, createdAt: Date.now() });
    void notifyChange(['links']);
    return { ok: true as const };
  },

  async unlinkPage({ pageKey }) {
    const db = await getDb();
    await db.delete('links', pageKey);
    void notifyChange(['links']);
    return { ok: true as const };
  },

  async searchAccounts({ query, limit = 20 }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const q = query.trim();
    if (!q) return [];
    const hits = new Map<string, Account>();
    // Domain first (exact), then names starting with the normalised query: index ranges only.
    const domain = normalizeDomain(q);
    if (domain) for (const a of await db.getAllFromIndex('accounts', 'byDomain', domain, limit)) hits.set(a.id, a);
    const key = normalizeCompanyName(q);
    if (key) {
      const range = IDBKeyRange.bound(key, key + '\uffff');
      for (const a of await db.getAllFromIndex('accounts', 'byNameKey', range, limit)) hits.set(a.id, a);
    }
    return [...hits.values()].slice(0, limit).map((a) => accountHit(a, settings));
  },

  async getSettings() {
    return settingsOf(await getDb());
  },

  async saveSettings({ settings: changes }) {
    const db = await getDb();
    const current = await settingsOf(db);
    const parsed = settingsSchema.safeParse({ ...current, ...changes, id: 'settings', updatedAt: Date.now() });
    if (!parsed.success) throw new UserError(`Settings not saved: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    await db.put('settings', parsed.data);
    forgetSettings();
    if (changes.customCrmHosts) await syncCustomHosts();
    // Tiers are computed from settings on every read, so every account is re-tiered at once.
    void notifyChange(['settings', 'accounts']);
    return parsed.data;
  },

  async getStats() {
    return getStats();
  },

  async loadSampleData() {
    const db = await getDb();
    const settings = await settingsOf(db);
    // Replaces the sample records loaded before (the options page asks first): never a second copy.
    await replaceSampleData(db, makeSampleData({ yourName: settings.yourName }));
    // The sample's owners become the roster when there is none, so owner selects and "Mine" work.
    if (!settings.roster.length) {
      const roster = [...SAMPLE_OWNERS.sales.map((name) => ({ name, team: 'sales' as const })), ...SAMPLE_OWNERS.marketing.map((name) => ({ name, team: 'marketing' as const }))];
      await db.put('settings', { ...settings, roster, updatedAt: Date.now() });
      forgetSettings();
    }
    void notifyChange(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'settings']);
    return getStats(db);
  },

  async deleteAllData() {
    const db = await getDb();
    await deleteAllData(db);
    forgetSettings();
    void notifyChange(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings']);
    return getStats(db);
  },

  async startWeek({ weekId }) {
    const db = await getDb();
    const r = await startWeek(db, weekId, (await settingsOf(db)).standingItems);
    void notifyChange(['weeks', 'targets', 'ticks'], weekId);
    return r;
  },

  async setTargetStatus({ targetId, status, reason }) {
    const db = await getDb();
    if (status !== 'active' && !reason) throw new UserError(`Say why the target is ${status}: the reason goes to the weekly meeting.`);
    const t = await setTargetStatus(db, targetId, status, reason);
    void notifyChange(['targets'], t.weekId);
    return t;
  },

  async updateTarget({ targetId, changes }) {
    const db = await getDb();
    const t = await updateTarget(db, targetId, changes);
    void notifyChange(['targets'], t.weekId);
    return t;
  },

  async setKeyContact({ targetId, contactId, key }) {
    const db = await getDb();
    const t = await setKeyContact(db, targetId, contactId, key);
    void notifyChange(['targets'], t.weekId);
    return t;
  },

  async getAccount({ accountId }) {
    const db = await getDb();
    return viewOf(db, await requireAccount(db, accountId));
  },

  async announceChange({ stores }) {
    if (stores.includes('settings')) forgetSettings();
    await notifyChange(stores);
    return { ok: true as const };
  },

  async listAccounts({ query, tier, gapsOnly, offset, limit }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const key = normalizeCompanyName(query);
    const domain = query.includes('.') ? normalizeDomain(query) : undefined;
    const rows: AccountRow[] = [];
    let total = 0;
    // One pass in name order over the name index; tiers are computed, so a tier filter reads all.
    const tx = db.transaction(['accounts', 'contacts']);
    const range = key ? IDBKeyRange.bound(key, key + '\uffff') : undefined;
    const source = domain ? await tx.objectStore('accounts').index('byDomain').getAll(domain) : await tx.objectStore('accounts').index('byNameKey').getAll(range);
    for (const a of source) {
      const t = computeTier(a, settings);
      if (tier && t.tier !== tier) continue;
      if (gapsOnly || (total >= offset && rows.length < limit)) {
        const contacts = await tx.objectStore('contacts').index('byAccount').getAll(a.id);
        const cov = computeCoverage(contacts, settings);
        if (gapsOnly && cov.gaps.length === 0) continue;
        if (total >= offset && rows.length < limit) {
          rows.push({ id: a.id, name: a.name, domains: a.domains, tier: t.tier, sentence: t.sentence, provisional: t.provisional, named: cov.named, gaps: cov.gaps, owner: a.team.owner });
        }
      }
      total++;
    }
    return { rows, total, more: total > offset + rows.length };
  },

  async openSidePanel(_p, sender) {
    // Chrome: sidePanel.open needs a user gesture, which the card's click provides.
    const sp = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
    if (sp && sender.tabId !== undefined) {
      await sp.open({ tabId: sender.tabId });
      return { ok: true };
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      await sidebar.open();
      return { ok: true };
    }
    return { ok: false };
  },
};
