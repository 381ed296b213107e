/**
 * A week's targets and a week's ticks, each kept together in one value beside their records
 * (`meta` "weekTargets:<weekId>", "weekTicks:<weekId>").
 *
 * Why: the week's first screen needs every target and every tick of the week. Read through their
 * `byWeek` index, the ~1,000 targets and ~2,100 ticks of a 1,000-target week were the slowest
 * reads of that screen (the ticks 110–140 ms in the page); as one value each they read in a few
 * milliseconds (BENCHMARKS.md "A week's targets and ticks in one value").
 *
 * The records stay the truth: the card reads a target by week and account and its ticks by
 * target, sync and the backup read them all. A kept week is a copy that every writer of those
 * stores keeps exact in its own transaction: they write only through `ticksIn(tx)` and
 * `targetsIn(tx)`, whose `save()` patches the kept weeks the transaction changed (a test checks no
 * other code writes the stores). A week that is not kept is read through the index, and then kept
 * (`keepWeek`); dropping a kept week is always safe, so replacing or deleting all data simply
 * drops them all (`dropKeptWeeks`).
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { AirCoverTick, Target, WeekId } from '../domain/schema';
import { byIdOrder } from '../domain/order';
import type { DB } from './db';
import type { TiercoverDB } from './schema';
import { afterIdle, pruneKept, writableMeta } from './kept';

/** The stores kept per week: indexed `byWeek`, and a record never changes week. */
export type KeptStore = 'ticks' | 'targets';
type RecordOf<S extends KeptStore> = S extends 'ticks' ? AirCoverTick : Target;

export interface KeptWeek<S extends KeptStore = KeptStore> {
  key: `${(typeof PREFIX)[S]}${string}`;
  weekId: WeekId;
  /** Every record of the store for the week, in id order (as the `byWeek` index gives them). */
  records: RecordOf<S>[];
}

/** The stores a transaction that writes ticks (targets) must include. */
export const TICK_STORES = ['ticks', 'meta'] as const satisfies readonly StoreNames<TiercoverDB>[];
export const TARGET_STORES = ['targets', 'meta'] as const satisfies readonly StoreNames<TiercoverDB>[];

const PREFIX = { ticks: 'weekTicks:', targets: 'weekTargets:' } as const;
/** Weeks kept at most, per store: the ones looked at lately (~0.4 MB of ticks for 1,000 targets). */
const KEEP_WEEKS = 6;
const keyOf = <S extends KeptStore>(store: S, weekId: WeekId) => `${PREFIX[store]}${weekId}` as KeptWeek<S>['key'];

/** A transaction over `S` and 'meta', and maybe others. */
type Tx<S extends StoreNames<TiercoverDB>, M extends IDBTransactionMode> = IDBPTransaction<TiercoverDB, (S | 'meta')[], M>;
/** Any transaction: the functions below are handed transactions of many store lists (they must include the kept store and 'meta'). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTx<M extends IDBTransactionMode> = IDBPTransaction<TiercoverDB, any, M>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStore<S extends KeptStore> = IDBPObjectStore<TiercoverDB, any, S, 'readwrite'>;

/** The one way to write a kept store: its reads as they are, its writes recorded for `save()`. */
export interface KeptWriter<S extends KeptStore> {
  get(id: string): Promise<RecordOf<S> | undefined>;
  getAll(range: IDBKeyRange): Promise<RecordOf<S>[]>;
  index: AnyStore<S>['index'];
  put(record: RecordOf<S>): Promise<void>;
  /** The record as read: its week says which kept week loses it. */
  delete(record: RecordOf<S>): Promise<void>;
  /**
   * Patch the kept weeks this transaction changed: call after its last write to the store,
   * before the transaction ends (as `refreshCoverage`). Calling it again saves only what changed since.
   */
  save(): Promise<void>;
}

const writers = new WeakMap<object, Map<KeptStore, KeptWriter<KeptStore>>>();

/** The tick writer of `tx` (readwrite, over `TICK_STORES`). */
export const ticksIn = <S extends StoreNames<TiercoverDB>>(tx: Tx<S | 'ticks', 'readwrite'>) => writerIn(tx as AnyTx<'readwrite'>, 'ticks');
/** The target writer of `tx` (readwrite, over `TARGET_STORES`). */
export const targetsIn = <S extends StoreNames<TiercoverDB>>(tx: Tx<S | 'targets', 'readwrite'>) => writerIn(tx as AnyTx<'readwrite'>, 'targets');

/**
 * One writer per transaction and store, so the writers that share one (a merge and the contact
 * removals in it) share what `save()` must patch.
 */
function writerIn<S extends KeptStore>(tx: AnyTx<'readwrite'>, storeName: S): KeptWriter<S> {
  const mine = writers.get(tx) ?? new Map<KeptStore, KeptWriter<KeptStore>>();
  writers.set(tx, mine);
  const known = mine.get(storeName);
  if (known) return known as unknown as KeptWriter<S>;
  const store = tx.objectStore(storeName) as unknown as AnyStore<S>;
  const meta = tx.objectStore('meta');
  /** Per week, the records written (null: deleted) since the last save. */
  const pending = new Map<WeekId, Map<string, RecordOf<S> | null>>();
  const note = (record: RecordOf<S>, value: RecordOf<S> | null) => {
    const changes = pending.get(record.weekId) ?? new Map<string, RecordOf<S> | null>();
    pending.set(record.weekId, changes.set(record.id, value));
  };
  // A writer that forgot `save()` left its weeks' copies behind the records: drop them (they are
  // read from the records again) and say so loudly, so a test finds the writer.
  tx.done.then(
    () => {
      if (!pending.size) return;
      console.error(`[tiercover] ${storeName} were written without saving their kept weeks; those weeks are dropped:`, [...pending.keys()].join(', '));
      void dropWeeks(tx.db as DB, storeName, [...pending.keys()]);
    },
    () => undefined, // aborted: nothing was written
  );
  const writer: KeptWriter<S> = {
    get: (id) => store.get(id) as Promise<RecordOf<S> | undefined>,
    getAll: (range) => store.getAll(range) as Promise<RecordOf<S>[]>,
    index: (name) => store.index(name),
    async put(record) {
      note(record, record);
      await store.put(record as never);
    },
    async delete(record) {
      note(record, null);
      await store.delete(record.id);
    },
    async save() {
      const weeks = [...pending];
      pending.clear();
      await Promise.all(
        weeks.map(async ([weekId, changes]) => {
          const kept = (await meta.get(keyOf(storeName, weekId))) as KeptWeek<S> | undefined;
          if (!kept) return; // not kept: read from the records when the week is opened
          const byId = new Map(kept.records.map((r) => [r.id, r]));
          for (const [id, record] of changes) {
            if (record) byId.set(id, record);
            else byId.delete(id);
          }
          await meta.put({ ...kept, records: [...byId.values()].sort(byIdOrder) } as KeptWeek);
        }),
      );
    },
  };
  mine.set(storeName, writer as unknown as KeptWriter<KeptStore>);
  return writer;
}

/** Write one tick in a transaction of its own. */
export async function putTick(db: DB, tick: AirCoverTick): Promise<void> {
  const tx = db.transaction(TICK_STORES, 'readwrite');
  const ticks = ticksIn(tx);
  await ticks.put(tick);
  await ticks.save();
  await tx.done;
}

/**
 * The week's records of `store` in `tx` (over it and 'meta'): the kept copy when there is one,
 * else the records. `kept` says which, so a reader can keep the week for next time (`keepWeek`).
 */
export async function weekIn<S extends KeptStore>(
  tx: AnyTx<IDBTransactionMode>,
  store: S,
  weekId: WeekId,
): Promise<{ records: RecordOf<S>[]; kept: boolean }> {
  const kept = (await tx.objectStore('meta').get(keyOf(store, weekId))) as KeptWeek<S> | undefined;
  if (kept) return { records: kept.records, kept: true };
  // Both stores index `byWeek` by the week id.
  const byWeek = (tx.objectStore(store) as unknown as AnyStore<S>).index('byWeek' as never) as unknown as { getAll(key: WeekId): Promise<RecordOf<S>[]> };
  const records = await byWeek.getAll(weekId);
  return { records, kept: false };
}

/** `weekIn`, and a week that was not kept kept for next time, once the page is idle. */
export async function readWeek<S extends KeptStore>(db: DB, tx: AnyTx<IDBTransactionMode>, store: S, weekId: WeekId): Promise<RecordOf<S>[]> {
  const { records, kept } = await weekIn(tx, store, weekId);
  if (!kept) void keepWeek(db, store, weekId);
  return records;
}

/**
 * Keep the week's records of `store`: read from the records and stored in one readwrite
 * transaction, so nothing written meanwhile is missed; the oldest kept weeks beyond the few kept
 * are dropped. A failure (a full disk) is a warning: the week is read from the records, as without it.
 */
export async function keepWeek(db: DB, store: KeptStore, weekId: WeekId): Promise<void> {
  // When the page is idle: it reads the week's records again, and must not delay the screen that asked.
  await afterIdle();
  try {
    const tx = db.transaction([store, 'meta'], 'readwrite');
    await keepWeekIn(tx, store, weekId, await tx.objectStore(store).index('byWeek').getAll(weekId));
    await tx.done;
  } catch (e) {
    console.warn(`[tiercover] the week's ${store} were not kept:`, (e as Error).message);
  }
}

/**
 * Keep `records` as the week's records of `store`, in `tx` (readwrite, over it and 'meta'): they
 * must be every record the week has in this transaction (read in it, or written by it, as
 * `startWeek` knows the week it makes). The oldest kept weeks beyond the few kept are dropped.
 */
export function keepWeekIn<S extends KeptStore>(tx: AnyTx<'readwrite'>, store: S, weekId: WeekId, records: RecordOf<S>[]): Promise<unknown> {
  const meta = writableMeta(tx);
  const value = { key: keyOf(store, weekId), weekId, records: [...records].sort(byIdOrder) } as KeptWeek;
  return Promise.all([meta.put(value), pruneKept(meta, PREFIX[store], value.key, KEEP_WEEKS)]);
}

/** Every kept week deleted, in `tx` (readwrite, over 'meta'): with all ticks and targets cleared or replaced. */
export function dropKeptWeeks<S extends StoreNames<TiercoverDB>>(tx: Tx<S, 'readwrite'>): Promise<unknown> {
  const meta = tx.objectStore('meta');
  return Promise.all(Object.values(PREFIX).map((prefix) => meta.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`))));
}

async function dropWeeks(db: DB, store: KeptStore, weekIds: WeekId[]): Promise<void> {
  try {
    const tx = db.transaction('meta', 'readwrite');
    await Promise.all([...weekIds.map((w) => tx.store.delete(keyOf(store, w))), tx.done]);
  } catch (e) {
    console.warn('[tiercover] kept weeks could not be dropped:', (e as Error).message);
  }
}
