/**
 * Coverage summaries (version 3; packed since version 4, `summariesIn` in lib/db/records.ts):
 * one `CoverageSummary` per account that has contacts, kept
 * exact by every contact write so the week and its exports read one small record per account
 * instead of every contact (BENCHMARKS.md, issue #14).
 *
 * The one rule: a writer that puts or deletes contacts calls `refreshCoverage` with the accounts
 * whose contacts it changed (a moved contact: both accounts), inside its own readwrite transaction
 * after its writes, so the summary commits or aborts with them. A bulk writer calls it once per
 * chunk with every account the chunk touched, never per contact. `rebuildCoverage` (the upgrade,
 * a restore) recomputes them all. Both build the record with `summarizeCoverage` only.
 */
import { summarizeCoverage, type CoverageSummary } from '../domain/coverage';
import type { Account, Contact } from '../domain/schema';
import type { DB } from './db';
import type { AnyTx } from './packed';
import { accountsIn, contactsIn, RECORD_STORES, summariesIn } from './records';
import { byIdOrder } from '../domain/order';

/** A summary from the account's contacts in id order, so it never depends on where they were read from. */
const summarize = (accountId: string, contacts: readonly Contact[]) =>
  summarizeCoverage(accountId, [...contacts].sort(byIdOrder));

/** A readwrite (or upgrade) transaction over at least RECORD_STORES. */
export type CoverageTx = AnyTx;

/**
 * Recompute the summaries of these accounts from their stored contacts, in `tx`. An account
 * left with no contact has no summary record (the same as an empty summary).
 */
export async function refreshCoverage(tx: CoverageTx, accountIds: Iterable<string | undefined>): Promise<void> {
  const ids = [...new Set([...accountIds].filter((id): id is string => !!id))];
  if (!ids.length) return;
  const contacts = contactsIn(tx);
  // Every read issued at once, then every write in one write-back of the packed summaries.
  const lists = await Promise.all(ids.map((id) => contacts.inPartition(id)));
  const summaries = summariesIn(tx);
  const gone = ids.filter((_, i) => !lists[i]?.length);
  await Promise.all([
    summaries.putMany(ids.flatMap((id, i) => (lists[i]?.length ? [summarize(id, lists[i])] : []))),
    ...gone.map((id) => summaries.delete(id)),
  ]);
}

/**
 * Accounts and contacts put in one readwrite transaction, with the summaries of every account
 * whose contacts changed (a moved contact: its old account too). For bulk writers with no rules
 * of their own: the bench's seeding hook and the tests. The records are stored as given (not
 * copied): do not change them afterwards.
 */
export async function putRecords(db: DB, r: { accounts?: readonly Account[]; contacts?: readonly Contact[] }): Promise<void> {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  const contacts = contactsIn(tx);
  const list = r.contacts ?? [];
  const before = await Promise.all(list.map((c) => contacts.get(c.id)));
  await Promise.all([accountsIn(tx).putMany(r.accounts ?? []), contacts.putMany(list)]);
  await refreshCoverage(tx, [...list.map((c) => c.accountId), ...before.map((c) => c?.accountId)]);
  await tx.done;
}

/**
 * Every summary again from every contact (a restored backup, the upgrade to version 4). The
 * contacts are passed in: an upgrade may read them from the old one-record-each store.
 */
export async function rebuildCoverage(tx: CoverageTx, contacts: readonly Contact[]): Promise<void> {
  const summaries = summariesIn(tx);
  await summaries.clear();
  const byAccount = new Map<string, Contact[]>();
  for (const c of contacts) {
    const run = byAccount.get(c.accountId);
    if (run) run.push(c);
    else byAccount.set(c.accountId, [c]);
  }
  await summaries.putMany([...byAccount].map(([accountId, run]) => summarize(accountId, run)));
}

/** The stored summaries of these accounts (missing: no contacts), in one read. */
export async function coverageSummaries(db: DB, accountIds: string[]): Promise<Map<string, CoverageSummary>> {
  const summaries = summariesIn(db.transaction(RECORD_STORES));
  const list = await Promise.all(accountIds.map((id) => summaries.get(id)));
  return new Map(list.filter((s): s is CoverageSummary => !!s).map((s) => [s.accountId, s]));
}
