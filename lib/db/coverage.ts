/**
 * The `coverage` store (version 3): one `CoverageSummary` per account that has contacts, kept
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
import type { Contact } from '../domain/schema';
import type { DB } from './db';
import type { AnyTx } from './packed';
import { contactsIn } from './records';

/** A readwrite (or upgrade) transaction over at least RECORD_STORES and `coverage`. */
export type CoverageTx = AnyTx;

/**
 * Recompute the summaries of these accounts from their stored contacts, in `tx`. An account
 * left with no contact has no summary record (the same as an empty summary).
 */
export async function refreshCoverage(tx: CoverageTx, accountIds: Iterable<string | undefined>): Promise<void> {
  const ids = [...new Set([...accountIds].filter((id): id is string => !!id))];
  if (!ids.length) return;
  const contacts = contactsIn(tx).index('byAccount');
  const coverage = summaryStore(tx);
  // Every read issued at once, then every write: one round of requests however many accounts.
  const lists = await Promise.all(ids.map((id) => contacts.getAll(id)));
  await Promise.all(ids.map((id, i) => writeSummary(coverage, id, lists[i] ?? [])));
}

interface SummaryStore {
  put(v: CoverageSummary): Promise<unknown>;
  delete(k: string): Promise<unknown>;
  clear(): Promise<unknown>;
}
const summaryStore = (tx: CoverageTx) => tx.objectStore('coverage') as unknown as SummaryStore;

function writeSummary(store: SummaryStore, accountId: string, contacts: Contact[]) {
  return contacts.length ? store.put(summarizeCoverage(accountId, contacts)) : store.delete(accountId);
}

/**
 * Every summary again from every contact (the upgrade to version 3, a restored backup). The
 * contacts are passed in: the version-3 upgrade reads them from the old one-record-each store.
 */
export async function rebuildCoverage(tx: CoverageTx, contacts: readonly Contact[]): Promise<void> {
  const coverage = summaryStore(tx);
  await coverage.clear();
  const byAccount = new Map<string, Contact[]>();
  for (const c of contacts) {
    const run = byAccount.get(c.accountId);
    if (run) run.push(c);
    else byAccount.set(c.accountId, [c]);
  }
  await Promise.all([...byAccount].map(([accountId, run]) => writeSummary(coverage, accountId, run)));
}

/** The stored summaries of these accounts (missing: no contacts), in one read. */
export async function coverageSummaries(db: DB, accountIds: string[]): Promise<Map<string, CoverageSummary>> {
  const tx = db.transaction('coverage');
  const list = await Promise.all(accountIds.map((id) => tx.store.get(id)));
  return new Map(list.filter((s): s is CoverageSummary => !!s).map((s) => [s.accountId, s]));
}
