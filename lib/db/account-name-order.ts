/**
 * Every account's name key and id in name order (ties by id): the accounts list's first screen
 * (`listAccountIndex`) and the name search (`namesStartingWith`) read it. Packed pages keep no
 * name order, so making it reads every account: ~250 ms at 60,000 accounts.
 *
 * Why it is kept in `meta` ("accountNameOrder:all", with the accounts' stamp) and not only in the
 * worker's memory: the worker stops after 30 s idle, so most openings of the Accounts tab found
 * no order in memory and read every account (231–285 ms to the first rows at 60,000 accounts,
 * against 28–47 ms with the order in memory; BENCHMARKS.md "The accounts' name order kept").
 *
 * Like the week digest (lib/db/week-digest.ts) it is brought up to date from the accounts'
 * journal (lib/db/packed.ts `changedSince`): only the accounts changed since are read again, and
 * an import or a big merge carries it across its own transaction (`carriedNameOrder`). A cleared
 * kind, a pruned journal or a change too big to list otherwise makes it read every account again.
 * A cache: losing it costs one slow read. "Delete all data" and a restore drop it with the week's
 * kept values (`dropWeekDigests`): it names every account. A restore then keeps the order of the
 * accounts it put (`keepNameOrderOfAll`), and a big write into no accounts carries the empty
 * order (`emptyNameOrder`), so neither leaves the next opening to read every account.
 */
import { compareEntries } from '../domain/account-index';
import type { Account } from '../domain/schema';
import type { DB } from './db';
import { saveKept, writableMeta } from './kept';
import type { AnyTx, KindStamp } from './packed';
import { accountsIn, RECORD_STORES, type AccountStore } from './records';

export interface NameOrderEntry {
  nameKey: string;
  id: string;
}

/** The order as kept: two lists of strings, stored and loaded faster than 60,000 small objects. */
export interface KeptNameOrder {
  key: typeof KEY;
  stamp: KindStamp;
  nameKeys: string[];
  ids: string[];
}

export const NAME_ORDER_PREFIX = 'accountNameOrder:';
const KEY = `${NAME_ORDER_PREFIX}all` as const;
/** Stores a transaction reading the order must include. */
export const NAME_ORDER_STORES = [...RECORD_STORES, 'meta'] as const;
/**
 * Changed accounts read one by one at most (each is a key look-up and a page); the journal lists
 * at most 2,000 a transaction anyway. Past this, reading every account is as quick.
 */
const REREAD_MAX = 2000;

const entryOf = (a: Account): NameOrderEntry => ({ nameKey: a.nameKey, id: a.id });
const sameStamp = (a: KindStamp, b: KindStamp) => a.version === b.version && a.seq === b.seq;

/** The kept value as a list, or undefined when it is missing or not in this shape (a cache: it is then made again). */
function fromKept(kept: KeptNameOrder | undefined): { stamp: KindStamp; list: NameOrderEntry[] } | undefined {
  const shaped = typeof kept?.stamp?.version === 'number' && typeof kept.stamp.seq === 'number' && Array.isArray(kept.ids) && Array.isArray(kept.nameKeys);
  if (!kept || !shaped || kept.ids.length !== kept.nameKeys.length) return undefined;
  return { stamp: kept.stamp, list: kept.ids.map((id, i) => ({ nameKey: kept.nameKeys[i]!, id })) };
}

const toKept = (stamp: KindStamp, list: readonly NameOrderEntry[]): KeptNameOrder => ({
  key: KEY,
  stamp,
  nameKeys: list.map((e) => e.nameKey),
  ids: list.map((e) => e.id),
});

/**
 * `list` without the accounts in `changed`, with those of them in `now` (as they are now) put in
 * their places: one pass over the list, so 60,000 entries and 2,000 changes cost a few ms.
 */
function patched(list: readonly NameOrderEntry[], changed: ReadonlySet<string>, now: readonly (Account | undefined)[]): NameOrderEntry[] {
  const added = now.filter((a): a is Account => !!a).map(entryOf).sort(compareEntries);
  const out: NameOrderEntry[] = [];
  let j = 0;
  for (const e of list) {
    if (changed.has(e.id)) continue;
    while (j < added.length && compareEntries(added[j]!, e) < 0) out.push(added[j++]!);
    out.push(e);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}

/**
 * The name order in `tx` (over NAME_ORDER_STORES). `held`: an order this context already holds
 * (the worker's copy), tried before the kept one; an import carries the kept one, not the worker's
 * copy. `fresh`: the value to keep when the kept one was missing or out of date.
 */
export async function readNameOrder(
  tx: AnyTx,
  held?: { stamp: KindStamp; list: NameOrderEntry[] },
): Promise<{ list: NameOrderEntry[]; stamp: KindStamp; fresh?: KeptNameOrder }> {
  const store = accountsIn(tx);
  const stamp = await store.stamp();
  if (held && sameStamp(held.stamp, stamp)) return { list: held.list, stamp };
  const kept = async () => fromKept((await tx.objectStore('meta').get(KEY)) as KeptNameOrder | undefined);
  for (const read of [async () => held, kept]) {
    const base = await read();
    const changed = base && (await store.changedSince(base.stamp));
    if (!base || !changed || changed.size > REREAD_MAX) continue;
    // The kept value itself, unchanged (the worker's copy at this stamp was answered above): nothing to keep again.
    if (changed.size === 0) return { list: base.list, stamp };
    const list = patched(base.list, changed, await Promise.all([...changed].map((id) => store.get(id))));
    return { list, stamp, fresh: toKept(stamp, list) };
  }
  const list = (await store.getAll()).map(entryOf).sort(compareEntries);
  return { list, stamp, fresh: toKept(stamp, list) };
}

/** The worker's copy: the order as last read in this context. */
let held: { db: string; stamp: KindStamp; list: NameOrderEntry[] } | undefined;
let saving: Promise<void> = Promise.resolve();

/** Every account's name key and id in name order (ties by id). Read only: shared by every caller. */
export async function accountsByName(db: DB): Promise<readonly NameOrderEntry[]> {
  const r = await readNameOrder(db.transaction(NAME_ORDER_STORES), held?.db === db.name ? held : undefined);
  held = { db: db.name, stamp: r.stamp, list: r.list };
  if (r.fresh) saving = saveKept(db, NAME_ORDER_PREFIX, r.fresh, 1);
  return r.list;
}

/** Resolves once the order last made has been kept (or failed to be): for tests. */
export const nameOrderSaved = (): Promise<void> => saving;

/** Forget the worker's copy, as a worker that stops and starts again does: for tests. */
export function forgetHeldNameOrder(): void {
  held = undefined;
}

/**
 * Accounts whose name key starts with `prefix`, in name order (a binary search in the order, then
 * one get each).
 */
export async function namesStartingWith(db: DB, prefix: string, limit: number): Promise<Account[]> {
  const order = await accountsByName(db);
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order[mid]!.nameKey < prefix) lo = mid + 1;
    else hi = mid;
  }
  const ids: string[] = [];
  for (let i = lo; i < order.length && ids.length < limit && order[i]!.nameKey.startsWith(prefix); i++) ids.push(order[i]!.id);
  const store = accountsIn(db.transaction(RECORD_STORES));
  return (await Promise.all(ids.map((id) => store.get(id)))).filter((a): a is Account => !!a);
}

/**
 * The order before a write into no accounts (a team's first import or share): empty, at the
 * accounts' stamp before it. Carried across the write (`carriedNameOrder`) it becomes the write's
 * own accounts, so the Accounts tab's first opening after a team's first import reads none.
 */
export const emptyNameOrder = (stamp: KindStamp): KeptNameOrder => toKept(stamp, []);

/**
 * Keep the order of `accounts`, which are every account in `tx` now: a restore cleared the
 * accounts and put these. Why: the Accounts tab's first opening after a restore read every
 * account again (330–372 ms at 60,000) though the restore had them all in hand. Call after their
 * put has resolved, so the stamp is the one the restore leaves.
 */
export async function keepNameOrderOfAll(tx: AnyTx, accounts: readonly Account[]): Promise<void> {
  const stamp = await accountsIn(tx).stamp();
  await writableMeta(tx).put(toKept(stamp, accounts.map(entryOf).sort(compareEntries)));
}

/**
 * The kept order as it stands after a write too big for the journal (an import), in that write's
 * transaction (`carryWeekDigests`, lib/db/week-digest.ts): the accounts this transaction changed,
 * as its pages now hold them (one pass over those pages), and those changed between the kept
 * order and the write (`before`, read again), put in their places. Undefined when the write cleared the accounts.
 */
export async function carriedNameOrder(kept: KeptNameOrder, before: ReadonlySet<string>, store: AccountStore, stamp: KindStamp): Promise<KeptNameOrder | undefined> {
  const base = fromKept(kept);
  const here = store.changedHere();
  if (!base || !here) return undefined;
  const now: (Account | undefined)[] = [];
  for (const a of store.loadedRecords()) if (here.has(a.id)) now.push(a);
  const elsewhere = [...before].filter((id) => !here.has(id));
  for (const a of await Promise.all(elsewhere.map((id) => store.get(id)))) now.push(a);
  return toKept(stamp, patched(base.list, new Set([...before, ...here]), now));
}
