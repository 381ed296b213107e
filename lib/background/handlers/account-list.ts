/**
 * The accounts list (components/week/AccountList.tsx): its index a page at a time, entries of
 * changed accounts, the details of the rows on screen, and the accounts without coverage gaps.
 * The list searches and filters its own copy of the index; nothing here runs per keystroke.
 */
import type { Account, Settings } from '../../domain/schema';
import type { AccountIndexEntry } from '../../domain/account-index';
import { computeTier, tierOf } from '../../domain/tier';
import { computeCoverage } from '../../domain/coverage';
import { getDb } from '../../db/db';
import type { AccountRow } from '../../messaging/protocol';
import { type Handler, settingsOf } from './common';

function entryOf(a: Account, settings: Settings, now = new Date()): AccountIndexEntry {
  // tierOf, not computeTier: computeTier's words (i18n look-ups, number formats) are most of its
  // cost, and a page of the index pays it thousands of times.
  const t = tierOf(a, settings, now);
  return { id: a.id, name: a.name, nameKey: a.nameKey, domains: a.domains, tier: t.tier, provisional: t.provisional, owner: a.team.owner };
}

export const accountListHandlers: { [K in ('listAccountIndex' | 'listAccountIndexById' | 'getAccountIndexEntries' | 'getAccountRows' | 'listCoveredAccounts')]: Handler<K> } = {
  async listAccountIndex({ afterNameKey, limit = 5_000, withTotal = false }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const tx = db.transaction('accounts');
    const byName = tx.objectStore('accounts').index('byNameKey');
    // Pages end between two name keys, never inside a run of equal keys, so `afterNameKey` is
    // enough to go on: a page that filled up takes in the rest of its last key's run.
    const range = afterNameKey === undefined ? undefined : IDBKeyRange.lowerBound(afterNameKey, true);
    const [page, total] = await Promise.all([byName.getAll(range, limit), withTotal ? tx.objectStore('accounts').count() : Promise.resolve(-1)]);
    const lastKey = page.length === limit ? page[page.length - 1]?.nameKey : undefined;
    if (lastKey !== undefined) {
      const held = new Set(page.filter((a) => a.nameKey === lastKey).map((a) => a.id));
      for (const a of await byName.getAll(IDBKeyRange.only(lastKey))) if (!held.has(a.id)) page.push(a);
    }
    const now = new Date();
    return { entries: page.map((a) => entryOf(a, settings, now)), next: lastKey, total };
  },

  async listAccountIndexById({ afterId, limit = 10_000, withTotal = false }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const tx = db.transaction('accounts');
    // Stored order reads the records in sequence: several times faster than through the name
    // index, which looks each record up again (seen in the bench at 60,000 accounts).
    const range = afterId === undefined ? undefined : IDBKeyRange.lowerBound(afterId, true);
    const [page, total] = await Promise.all([tx.objectStore('accounts').getAll(range, limit), withTotal ? tx.objectStore('accounts').count() : Promise.resolve(-1)]);
    const now = new Date();
    return { entries: page.map((a) => entryOf(a, settings, now)), next: page.length === limit ? page[page.length - 1]?.id : undefined, total };
  },

  async getAccountIndexEntries({ ids }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const tx = db.transaction('accounts');
    const found = await Promise.all(ids.map((id) => tx.objectStore('accounts').get(id)));
    return found.filter((a): a is Account => !!a).map((a) => entryOf(a, settings));
  },

  async getAccountRows({ ids }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const tx = db.transaction(['accounts', 'contacts']);
    // Every get issued at once, in one transaction.
    const rows = await Promise.all(ids.map(async (id): Promise<AccountRow | undefined> => {
      const [a, contacts] = await Promise.all([tx.objectStore('accounts').get(id), tx.objectStore('contacts').index('byAccount').getAll(id)]);
      if (!a) return undefined;
      const t = computeTier(a, settings);
      const cov = computeCoverage(contacts, settings);
      return { id: a.id, name: a.name, domains: a.domains, tier: t.tier, sentence: t.sentence, provisional: t.provisional, named: cov.named, gaps: cov.gaps, owner: a.team.owner };
    }));
    return rows.filter((r): r is AccountRow => !!r);
  },

  async listCoveredAccounts() {
    const db = await getDb();
    const settings = await settingsOf(db);
    // One pass over the contacts grouped by account (an account without contacts always has gaps,
    // so it never needs a look); asked only when "gaps only" is ticked, and kept until a change.
    const contacts = await db.getAll('contacts');
    const grouped = new Map<string, typeof contacts>();
    for (const c of contacts) {
      let l = grouped.get(c.accountId);
      if (!l) grouped.set(c.accountId, (l = []));
      l.push(c);
    }
    const covered: string[] = [];
    const now = Date.now();
    for (const [accountId, list] of grouped) if (computeCoverage(list, settings, now).gaps.length === 0) covered.push(accountId);
    return covered;
  },
};
