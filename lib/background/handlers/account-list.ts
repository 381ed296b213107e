/**
 * The accounts list (components/week/AccountList.tsx): its index a page at a time, entries of
 * changed accounts, the details of the rows on screen, and the accounts without coverage gaps
 * (both from the coverage summaries, never every contact).
 * The list searches and filters its own copy of the index; nothing here runs per keystroke.
 */
import type { Account, Settings } from '../../domain/schema';
import type { AccountIndexEntry } from '../../domain/account-index';
import { computeTier, tierOf } from '../../domain/tier';
import { coverageOf } from '../../domain/coverage';
import { getDb } from '../../db/db';
import type { AccountRow } from '../../messaging/protocol';
import { type Handler, settingsOf } from './common';
import { ACCOUNT_KIND, RECORD_STORES, accountsIn, summariesIn } from '../../db/records';
import { accountsByName } from '../../db/account-name-order';

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
    // Name order is kept while no account changes, and patched when some do (lib/db/account-name-order.ts).
    const order = await accountsByName(db);
    let from = 0;
    if (afterNameKey !== undefined) while (from < order.length && order[from]!.nameKey <= afterNameKey) from++;
    // Pages end between two name keys, never inside a run of equal keys, so `afterNameKey` is
    // enough to go on: a page that filled up takes in the rest of its last key's run.
    let to = Math.min(order.length, from + limit);
    const lastKey = to - from === limit ? order[to - 1]?.nameKey : undefined;
    if (lastKey !== undefined) while (to < order.length && order[to]!.nameKey === lastKey) to++;
    const store = accountsIn(db.transaction(RECORD_STORES));
    const page = (await Promise.all(order.slice(from, to).map((e) => store.get(e.id)))).filter((a): a is Account => !!a);
    const now = new Date();
    return { entries: page.map((a) => entryOf(a, settings, now)), next: to < order.length ? lastKey : undefined, total: withTotal ? order.length : -1 };
  },

  async listAccountIndexById({ after, limit = 10_000, withTotal = false }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const store = accountsIn(db.transaction(RECORD_STORES));
    // Stored order, a few packed pages a call (about `limit` accounts): each value is read once.
    const pages = Math.max(1, Math.round((limit / Math.max(1, await store.count())) * ACCOUNT_KIND.pages));
    const [{ records, next }, total] = await Promise.all([store.scan(after, pages), withTotal ? store.count() : Promise.resolve(-1)]);
    const now = new Date();
    return { entries: records.map((a) => entryOf(a, settings, now)), next, total };
  },

  async getAccountIndexEntries({ ids }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const tx = db.transaction(RECORD_STORES);
    const found = await Promise.all(ids.map((id) => accountsIn(tx).get(id)));
    return found.filter((a): a is Account => !!a).map((a) => entryOf(a, settings));
  },

  async getAccountRows({ ids }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const tx = db.transaction(RECORD_STORES);
    // Every get issued at once, in one transaction; coverage from the account's summary, not its contacts.
    const now = Date.now();
    const rows = await Promise.all(ids.map(async (id): Promise<AccountRow | undefined> => {
      const [a, summary] = await Promise.all([accountsIn(tx).get(id), summariesIn(tx).get(id)]);
      if (!a) return undefined;
      const t = computeTier(a, settings);
      const cov = coverageOf(summary, settings, now);
      return { id: a.id, name: a.name, domains: a.domains, tier: t.tier, sentence: t.sentence, provisional: t.provisional, named: cov.named, gaps: cov.gaps, owner: a.team.owner };
    }));
    return rows.filter((r): r is AccountRow => !!r);
  },

  async listCoveredAccounts() {
    const db = await getDb();
    const settings = await settingsOf(db);
    // One read of the coverage summaries (an account without contacts has no summary and always
    // has gaps); asked only when "gaps only" is ticked, and kept until a change.
    const summaries = await summariesIn(db.transaction(RECORD_STORES)).getAll();
    const now = Date.now();
    return summaries.filter((s) => coverageOf(s, settings, now).gaps.length === 0).map((s) => s.accountId);
  },
};
