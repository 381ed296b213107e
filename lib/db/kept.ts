/**
 * What the values kept in `meta` beside the records share (the week digests, a week's targets
 * and ticks, the accounts' name order):
 * they are stored when the page is idle, and only the few weeks looked at lately are kept.
 */
import type { IDBPObjectStore } from 'idb';
import { previousWeek } from '../domain/week';
import type { WeekId } from '../domain/schema';
import type { DB } from './db';
import type { AnyTx } from './packed';
import type { TiercoverDB } from './schema';

/**
 * Resolves when the page is idle: storing a kept value copies it on this thread (up to ~1 MB for
 * 1,000 targets), which must not delay the screen that made it. (No idle callback in a worker or
 * in node's tests: the next task there.)
 */
export const afterIdle = () =>
  new Promise<void>((resolve) => ('requestIdleCallback' in globalThis ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0)));

/**
 * Delete the oldest values under `prefix` beyond `keep`, never `keepKey` (the one just stored).
 * Their keys end in a week id, and week ids sort by date: the oldest go first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transaction that includes 'meta'
export async function pruneKept(meta: IDBPObjectStore<TiercoverDB, any, 'meta', 'readwrite'>, prefix: string, keepKey: string, keep: number): Promise<void> {
  const keys = await meta.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  const others = keys.filter((k) => k !== keepKey).sort();
  await Promise.all(others.slice(0, Math.max(0, others.length - (keep - 1))).map((k) => meta.delete(k)));
}

/**
 * Store `value` (its own `key`) in `meta` once the page is idle, and drop the oldest under `prefix`
 * beyond `keep`. A failed write (a full disk) is not an error: whoever reads it next reads the
 * records, as without it.
 */
export async function saveKept<V extends TiercoverDB['meta']['value'] & { key: string }>(db: DB, prefix: string, value: V, keep: number): Promise<void> {
  await afterIdle();
  try {
    const tx = db.transaction('meta', 'readwrite');
    await Promise.all([tx.store.put(value), pruneKept(tx.store, prefix, value.key, keep)]);
    await tx.done;
  } catch (e) {
    console.warn(`[tiercover] ${prefix.replace(/:$/, '')} was not saved:`, (e as Error).message);
  }
}

/**
 * The 'meta' store of `tx` for writing. `AnyTx` (any store list, any mode) does not say the mode:
 * the callers' transactions are readwrite (an import's, a restore's).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transaction that includes 'meta'
export const writableMeta = (tx: AnyTx) => tx.objectStore('meta') as unknown as IDBPObjectStore<TiercoverDB, any, 'meta', 'readwrite'>;

/**
 * A week's kept value in `tx` (over 'meta'), else the previous week's (`own` false). Why: a new
 * week's targets are mostly carried from the last one, so its first opening found nothing kept
 * and read every account, summary and contact of 1,000 targets again (581–606 ms to the first
 * screen) though last week's values answer for nearly all. Their records are checked against
 * the journals either way: a kept record is as true for any week. One not its own is read from,
 * never added to: the week then keeps its own.
 */
export async function ownOrLastWeeks<V>(tx: AnyTx, keyOf: (weekId: WeekId) => string, weekId: WeekId): Promise<{ value?: V; own: boolean }> {
  const meta = tx.objectStore('meta');
  const own = (await meta.get(keyOf(weekId))) as V | undefined;
  return own ? { value: own, own: true } : { value: (await meta.get(keyOf(previousWeek(weekId)))) as V | undefined, own: false };
}
