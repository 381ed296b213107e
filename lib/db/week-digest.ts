/**
 * The week digest: the accounts and coverage summaries of one week's targets, kept together in
 * one value (`meta` "weekDigest:<weekId>") with the stamps of the two kinds they were read at.
 *
 * Why: a week's 1,000 targets are 1,000 accounts spread over ~800 of the 2,048 account pages, and
 * as many summary pages: reading them was most of the week's first screen (BENCHMARKS.md "The
 * week digest"). One value read instead, then the kinds' journals (lib/db/packed.ts
 * `changedSince`) say which of its records changed since; only those are read again. A change
 * too big to list (an import), a cleared kind or a pruned journal makes it read everything again,
 * as before. It is a cache: nothing reads it for the truth, and losing it costs one slow read.
 */
import type { CoverageSummary } from '../domain/coverage';
import type { Account, WeekId } from '../domain/schema';
import type { DB } from './db';
import type { AnyTx, KindStamp } from './packed';
import { accountsIn, summariesIn } from './records';

export interface WeekDigest {
  key: `weekDigest:${string}`;
  weekId: WeekId;
  accounts: KindStamp;
  summaries: KindStamp;
  /** The accounts it was made for (an id without an account here: none was stored). */
  ids: string[];
  accountList: Account[];
  summaryList: CoverageSummary[];
}

/** Stores a transaction reading the week's records must include. */
export const DIGEST_STORES = ['recordPages', 'recordKeys', 'meta'] as const;

/** Digests kept at most: the weeks looked at lately (a week's digest is ~1 KB per target). */
const KEEP_DIGESTS = 6;
const PREFIX = 'weekDigest:';
const keyOf = (weekId: WeekId) => `${PREFIX}${weekId}` as const;

export interface WeekRecords {
  accounts: Map<string, Account>;
  summaries: Map<string, CoverageSummary>;
  /** The digest as it should now be stored, when the stored one was missing or out of date. */
  fresh?: WeekDigest;
}

/**
 * The accounts and summaries of `wanted` in `tx` (over `DIGEST_STORES`): from the week's
 * digest where it is still true, from the records for the rest. The maps may hold a few more (the
 * rest of the digest). Read only, like every read of many records: they share the digest's objects.
 */
export async function readWeekRecords(tx: AnyTx, weekId: WeekId, wanted: readonly string[] | Promise<readonly string[]>): Promise<WeekRecords> {
  const accountStore = accountsIn(tx);
  const summaryStore = summariesIn(tx);
  // The digest is asked for at once; the ids may still be on their way, read in this same
  // transaction (the week's targets), so it stays active for the reads that follow.
  const [digest, aNow, sNow, accountIds] = await Promise.all([
    tx.objectStore('meta').get(keyOf(weekId)) as Promise<WeekDigest | undefined>,
    accountStore.stamp(),
    summaryStore.stamp(),
    wanted,
  ]);
  const [aChanged, sChanged] = digest ? await Promise.all([accountStore.changedSince(digest.accounts), summaryStore.changedSince(digest.summaries)]) : [];

  const accounts = new Map<string, Account>();
  const summaries = new Map<string, CoverageSummary>();
  const known = new Set(digest?.ids ?? []);
  if (digest && aChanged) for (const a of digest.accountList) if (!aChanged.has(a.id)) accounts.set(a.id, a);
  if (digest && sChanged) for (const s of digest.summaryList) if (!sChanged.has(s.accountId)) summaries.set(s.accountId, s);
  // An id the digest answers for: it holds the record, or knows there is none.
  const answered = (changed: Set<string> | undefined, id: string) => !!changed && known.has(id) && !changed.has(id);
  const readAccounts = accountIds.filter((id) => !answered(aChanged, id));
  const readSummaries = accountIds.filter((id) => !answered(sChanged, id));
  const [aList, sList] = await Promise.all([
    Promise.all(readAccounts.map((id) => accountStore.get(id))),
    Promise.all(readSummaries.map((id) => summaryStore.get(id))),
  ]);
  for (const a of aList) if (a) accounts.set(a.id, a);
  for (const s of sList) if (s) summaries.set(s.accountId, s);

  // The new digest answers for these ids and for every other one the old digest still answers
  // for (an export of part of the week must not shrink it).
  const ids = new Set(accountIds);
  for (const id of known) if (answered(aChanged, id) && answered(sChanged, id)) ids.add(id);
  const same = digest && !readAccounts.length && !readSummaries.length && ids.size === known.size && sameStamp(digest.accounts, aNow) && sameStamp(digest.summaries, sNow);
  if (same) return { accounts, summaries };
  const fresh: WeekDigest = {
    key: keyOf(weekId),
    weekId,
    accounts: aNow,
    summaries: sNow,
    ids: [...ids],
    accountList: [...accounts.values()].filter((a) => ids.has(a.id)),
    summaryList: [...summaries.values()].filter((s) => ids.has(s.accountId)),
  };
  return { accounts, summaries, fresh };
}

const sameStamp = (a: KindStamp, b: KindStamp) => a.version === b.version && a.seq === b.seq;

/**
 * Store a digest `readWeekRecords` made, and drop the oldest beyond the few kept. A failed write
 * (a full disk) is not an error: the next read of the week reads its records, as without one.
 */
export async function saveWeekDigest(db: DB, digest: WeekDigest): Promise<void> {
  try {
    const tx = db.transaction('meta', 'readwrite');
    const range = IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);
    const [keys] = await Promise.all([tx.store.getAllKeys(range), tx.store.put(digest)]);
    const others = keys.filter((k) => k !== digest.key).sort();
    // Week ids sort by date: the oldest go first.
    for (const k of others.slice(0, Math.max(0, others.length - (KEEP_DIGESTS - 1)))) void tx.store.delete(k);
    await tx.done;
  } catch (e) {
    console.warn('[tiercover] the week digest was not saved:', (e as Error).message);
  }
}
