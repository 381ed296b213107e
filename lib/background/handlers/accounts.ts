/** Accounts: tier boxes and overrides, edits, creation from a page, page links, search (the list: account-list.ts). */
import { normalizeCompanyName, normalizeDomain } from '../../domain/normalize';
import { newAccount } from '../../domain/records';
import { type Account } from '../../domain/schema';
import { getDb } from '../../db/db';
import { notifyChange } from '../live';
import { accountHit } from '../../domain/views';
import { type Handler, UserError, requireAccount, settingsOf, touchAccount, viewOf } from './common';
import { RECORD_STORES, accountsIn, getAccount, getContact } from '../../db/records';
import { namesStartingWith } from '../../db/account-name-order';

export const accountsHandlers: { [K in ('setFactor' | 'setTierOverride' | 'updateAccount' | 'createAccount' | 'linkPage' | 'unlinkPage' | 'searchAccounts' | 'getAccount')]: Handler<K> } = {
  async setFactor({ accountId, key, state }) {
    const db = await getDb();
    const a = await requireAccount(db, accountId);
    const next = await touchAccount(db, { ...a, factors: { ...a.factors, [key]: state } }, [`factors.${key}`]);
    void notifyChange(['accounts'], undefined, { accountIds: [a.id] });
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
    void notifyChange(['accounts'], undefined, { accountIds: [a.id] });
    return viewOf(db, saved, settings);
  },

  async updateAccount({ accountId, changes }) {
    const db = await getDb();
    const a = await requireAccount(db, accountId);
    const { global, founded, potential, ...rest } = changes;
    const merged: Account = {
      ...a,
      ...rest,
      ...(global !== undefined ? { global: global ?? undefined } : {}),
      ...(founded !== undefined ? { founded: founded ?? undefined } : {}),
      ...(potential !== undefined ? { potential: potential ?? undefined } : {}),
      team: rest.team ? { ...a.team, ...rest.team } : a.team,
      crmIds: rest.crmIds ? { ...a.crmIds, ...rest.crmIds } : a.crmIds,
    };
    const next = await touchAccount(db, merged, Object.keys(changes));
    void notifyChange(['accounts'], undefined, { accountIds: [a.id] });
    return viewOf(db, next);
  },

  async createAccount({ account, pageKey }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const domains = (account.domains ?? []).map((d) => normalizeDomain(d)).filter((d): d is string => !!d);
    // Refuse an obvious duplicate: the same domain or LinkedIn id is already an account.
    for (const d of domains) {
      const dup = await accountsIn(db.transaction(RECORD_STORES)).index('byDomain').get(d);
      if (dup) throw new UserError(`${dup.name} already has the domain ${d}: link this page to it instead.`);
    }
    const a = newAccount({ ...account, domains, team: { owner: settings.yourName || undefined } });
    const tx = db.transaction([...RECORD_STORES, 'links'], 'readwrite');
    await Promise.all([
      accountsIn(tx).put(a),
      pageKey ? tx.objectStore('links').put({ pageKey, kind: 'account', targetId: a.id, createdAt: Date.now() }) : undefined,
      tx.done,
    ]);
    void notifyChange(['accounts', 'links'], undefined, { accountIds: [a.id] });
    return accountHit(a, settings);
  },

  async linkPage({ pageKey, kind, targetId }) {
    const db = await getDb();
    const exists = kind === 'account' ? await getAccount(db, targetId) : await getContact(db, targetId);
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
    // Domain first (exact), then the name as typed (exact key), then names starting with it.
    const accounts = accountsIn(db.transaction(RECORD_STORES));
    const domain = normalizeDomain(q);
    if (domain) for (const a of await accounts.index('byDomain').getAll(domain, limit)) hits.set(a.id, a);
    const key = normalizeCompanyName(q);
    if (key) {
      for (const a of await accounts.index('byNameKey').getAll(key, limit)) hits.set(a.id, a);
      if (hits.size < limit) for (const a of await namesStartingWith(db, key, limit)) hits.set(a.id, a);
    }
    return [...hits.values()].slice(0, limit).map((a) => accountHit(a, settings));
  },

  async getAccount({ accountId }) {
    const db = await getDb();
    return viewOf(db, await requireAccount(db, accountId));
  },
};
