/**
 * Accounts and contacts as callers see them: idb-shaped stores over the packed pages of
 * lib/db/packed.ts. Open a transaction over `RECORD_STORES` (plus whatever else it needs), then
 * `accountsIn(tx)` / `contactsIn(tx)`. Nothing outside lib/db reads `recordPages` or `recordKeys`.
 */
import type { CoverageSummary } from '../domain/coverage';
import type { Account, Contact } from '../domain/schema';
import type { DB } from './db';
import { PackedStore, RECORD_STORES, type AnyTx, type PackedKind } from './packed';

export { RECORD_STORES };

export type AccountIndexName = 'byDomain' | 'byLinkedinSlug' | 'byLinkedinId' | 'byCrm' | 'byNameKey';
export type ContactIndexName = 'byAccount' | 'byLinkedinSlug' | 'byEmail' | 'byCrm';

/**
 * Sizes (database version 7): a page or bucket count trades an import's writes against random
 * reads, since reading one record costs its whole page, and one key its whole bucket.
 *
 * - Chromium keeps a value over 64 KB (Blink's `IDBValueWrapper::kWrapThreshold`) in a blob file
 *   beside the database, and a smaller one inside its LevelDB, which writes many kilobyte-sized
 *   values slowly (compaction). So an import writes faster in values over that size: in a raw
 *   probe, 200,000 contacts as 4,096 values of 18 KB took 1.6–2.4 s to put and commit, as 1,024
 *   of 71 KB 1.0–1.3 s. At 50,000 accounts and 200,000 contacts these counts make an account page
 *   ~180 accounts, a contact page ~200 contacts, a key bucket ~2,000 keys and a summary page
 *   ~390 summaries, each over 64 KB.
 * - Through the import (BENCHMARKS.md "Bigger pages"), 200,000 contacts: 15.3–16.9 s at version
 *   6's counts (accounts 2,048 pages and 1,024 buckets, contacts 4,096 and 4,096, summaries 2,048
 *   pages), 12.2–12.7 s with the bigger pages alone, 10.1–12.6 s with the bigger buckets and
 *   summary pages too; 50,000 accounts 4.0–4.6 s, then 3.1–3.5 s; the same again 3.5–4.1 s, then
 *   2.9 s.
 * - The price, at 50,000 accounts and 500,000 contacts: one page read, uncached, an account page
 *   1.2 ms against 0.7 ms; a card's look-up of an account not read before 2.6 ms against 1.5 ms,
 *   and a cold card ~20 ms slower (~5 %); once read (the pages and buckets a context keeps,
 *   lib/db/packed.ts), a look-up takes 0.4 ms, since a read-only transaction searches a bucket's
 *   string instead of decoding it (`findInBucket`). The week reads its accounts and summaries from
 *   its digest (lib/db/week-digest.ts), not pages; but the bundle reads every contact of the
 *   week's accounts, page by page, and a page now holds ~490 contacts instead of ~120 (1,000
 *   targets: 457 against 271 ms).
 * - Version 5 had chosen more, smaller pages for a week's random reads of 1,000 accounts, before
 *   the week digest took those reads away.
 *
 * Contacts are paged by their account's id, so an account's contacts are one read. A page or
 * bucket count is fixed for the life of a database (records are found by hash modulo it):
 * changing one is a migration (`MIGRATIONS[7]` repacks).
 */
export const ACCOUNT_KIND: PackedKind<Account, AccountIndexName> = {
  prefix: 'a',
  pages: 256,
  buckets: 128,
  id: (a) => a.id,
  partition: (a) => a.id,
  keys: (a) => ({
    byDomain: a.domains,
    byLinkedinSlug: [a.linkedinSlug],
    byLinkedinId: [a.linkedinId],
    byCrm: a.crmKeys,
    byNameKey: [a.nameKey],
  }),
};

export const CONTACT_KIND: PackedKind<Contact, ContactIndexName> = {
  prefix: 'c',
  pages: 1024,
  buckets: 256,
  id: (c) => c.id,
  // `?? ''`: a contact from a damaged backup without an account must not stop an upgrade.
  partition: (c) => c.accountId ?? '',
  partitionIndex: 'byAccount',
  keys: (c) => ({
    byAccount: [c.accountId],
    byLinkedinSlug: [c.linkedinSlug],
    byEmail: [c.email],
    byCrm: c.crmKeys,
  }),
};

/**
 * Coverage summaries (lib/db/coverage.ts), one per account with contacts, packed the same way: an
 * import that touches 50,000 accounts rewrites 128 values, not 50,000 records. No look-up keys:
 * a summary is found by its account's id.
 */
export const SUMMARY_KIND: PackedKind<CoverageSummary, never> = {
  prefix: 's',
  pages: 128,
  buckets: 1,
  id: (s) => s.accountId,
  partition: (s) => s.accountId,
  keys: () => ({}),
};

export type AccountStore = PackedStore<Account, AccountIndexName>;
export type ContactStore = PackedStore<Contact, ContactIndexName>;

/** The accounts inside `tx` (which must include RECORD_STORES). */
export const accountsIn = (tx: AnyTx): AccountStore => new PackedStore(tx, ACCOUNT_KIND);
/** The contacts inside `tx` (which must include RECORD_STORES). */
export const contactsIn = (tx: AnyTx): ContactStore => new PackedStore(tx, CONTACT_KIND);
/** The coverage summaries inside `tx` (which must include RECORD_STORES). */
export const summariesIn = (tx: AnyTx): PackedStore<CoverageSummary, never> => new PackedStore(tx, SUMMARY_KIND);

// ---------------------------------------------------------------- one record, its own transaction

export const getAccount = (db: DB, id: string) => accountsIn(db.transaction(RECORD_STORES)).get(id);
export const getContact = (db: DB, id: string) => contactsIn(db.transaction(RECORD_STORES)).get(id);
export const allAccounts = (db: DB) => accountsIn(db.transaction(RECORD_STORES)).getAll();

export async function putAccount(db: DB, a: Account): Promise<void> {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  await Promise.all([accountsIn(tx).put(a), tx.done]);
}
