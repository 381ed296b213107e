/**
 * What the values kept in `meta` beside the records share (the week digests, a week's targets
 * and ticks, the accounts' name order):
 * they are stored when the page is idle, and only the few weeks looked at lately are kept.
 */
import type { IDBPObjectStore } from 'idb';
import type { DB } from './db';
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
