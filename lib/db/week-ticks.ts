/**
 * A week's ticks, kept together in one value (`meta` "weekTicks:<weekId>") beside the tick records.
 *
 * Why: the week's first screen needs every tick of the week (each target's progress). Read
 * through the `byWeek` index, the ~2,100 tick records of a 1,000-target week were the slowest read
 * of that screen (110–140 ms in the page); the same ticks as one value read in ~12 ms
 * (BENCHMARKS.md "A week's ticks in one value").
 *
 * The records stay the truth: the card reads a target's ticks through `byTarget`, sync and the
 * backup read them all. The kept week is a copy that every tick writer keeps true in its own
 * transaction: ticks are written only through `ticksIn(tx)`, whose `save()` patches the kept weeks
 * the transaction changed (a test checks no other code writes the store). A week that is not kept
 * is read through the index, and then kept (`keepWeekTicks`); dropping a kept week is always
 * safe, so replacing or deleting all data simply drops them all (`dropWeekTicks`).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { AirCoverTick, WeekId } from '../domain/schema';
import { byIdOrder } from '../domain/order';
import type { DB } from './db';
import type { TiercoverDB } from './schema';
import { afterIdle, pruneKept } from './kept';

export interface WeekTicks {
  key: `weekTicks:${string}`;
  weekId: WeekId;
  /** Every tick record of the week, in id order (as the `byWeek` index gives them). */
  ticks: AirCoverTick[];
}

/** The stores a transaction that writes ticks must include. */
export const TICK_STORES = ['ticks', 'meta'] as const satisfies readonly StoreNames<TiercoverDB>[];

/** Weeks kept at most: the ones looked at lately (~200 bytes a tick, ~0.4 MB for 1,000 targets). */
const KEEP_WEEKS = 6;
const PREFIX = 'weekTicks:';
const keyOf = (weekId: WeekId) => `${PREFIX}${weekId}` as const;

type TickStore = (typeof TICK_STORES)[number];
/** A transaction over the tick stores, and maybe others. */
type ReadTx<S extends StoreNames<TiercoverDB>> = IDBPTransaction<TiercoverDB, (S | TickStore)[], IDBTransactionMode>;
type WriteTx<S extends StoreNames<TiercoverDB>> = IDBPTransaction<TiercoverDB, (S | TickStore)[], 'readwrite'>;

/** The one way to write ticks: the store's reads as they are, its writes recorded for `save()`. */
export interface TickWriter {
  get(id: string): Promise<AirCoverTick | undefined>;
  getAll(range: IDBKeyRange): Promise<AirCoverTick[]>;
  index(name: 'byWeek' | 'byTarget'): { getAll(key: string): Promise<AirCoverTick[]> };
  put(tick: AirCoverTick): Promise<void>;
  /** The record as read: its week says which kept week loses it. */
  delete(tick: AirCoverTick): Promise<void>;
  /**
   * Patch the kept weeks this transaction changed: call after its last tick write, before it
   * ends (as `refreshCoverage`). Calling it again saves only what changed since.
   */
  save(): Promise<void>;
}

const writers = new WeakMap<object, TickWriter>();

/**
 * The tick writer of `tx` (readwrite, over `TICK_STORES`): one per transaction, so the writers
 * that share one (a merge and the contact removals in it) share what `save()` must patch.
 * A tick's week never changes: its id names its target, and a target belongs to one week.
 */
export function ticksIn<S extends StoreNames<TiercoverDB>>(tx: WriteTx<S>): TickWriter {
  const known = writers.get(tx);
  if (known) return known;
  const store = tx.objectStore('ticks');
  const meta = tx.objectStore('meta');
  /** Per week, the ticks written (null: deleted) since the last save. */
  const pending = new Map<WeekId, Map<string, AirCoverTick | null>>();
  const note = (weekId: WeekId, id: string, tick: AirCoverTick | null) => {
    const changes = pending.get(weekId) ?? new Map<string, AirCoverTick | null>();
    pending.set(weekId, changes.set(id, tick));
  };
  // A writer that forgot `save()` left its weeks' copies behind the records: drop them (they are
  // read from the records again) and say so loudly, so a test finds the writer.
  tx.done.then(
    () => {
      if (!pending.size) return;
      console.error('[tiercover] ticks were written without saving their kept weeks; those weeks are dropped:', [...pending.keys()].join(', '));
      void dropKept(tx.db as DB, [...pending.keys()]);
    },
    () => undefined, // aborted: nothing was written
  );
  const writer: TickWriter = {
    get: (id) => store.get(id),
    getAll: (range) => store.getAll(range),
    index: (name) => store.index(name),
    async put(tick) {
      note(tick.weekId, tick.id, tick);
      await store.put(tick);
    },
    async delete(tick) {
      note(tick.weekId, tick.id, null);
      await store.delete(tick.id);
    },
    async save() {
      const weeks = [...pending];
      pending.clear();
      await Promise.all(
        weeks.map(async ([weekId, changes]) => {
          const kept = (await meta.get(keyOf(weekId))) as WeekTicks | undefined;
          if (!kept) return; // not kept: read from the records when the week is opened
          const byId = new Map(kept.ticks.map((t) => [t.id, t]));
          for (const [id, tick] of changes) {
            if (tick) byId.set(id, tick);
            else byId.delete(id);
          }
          await meta.put({ ...kept, ticks: [...byId.values()].sort(byIdOrder) });
        }),
      );
    },
  };
  writers.set(tx, writer);
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
 * The week's ticks in `tx` (over 'ticks' and 'meta'): the kept copy when there is one, else the
 * records. `kept` says which, so a reader can keep the week for next time.
 */
export async function weekTicksIn<S extends StoreNames<TiercoverDB>>(tx: ReadTx<S>, weekId: WeekId): Promise<{ ticks: AirCoverTick[]; kept: boolean }> {
  const kept = (await tx.objectStore('meta').get(keyOf(weekId))) as WeekTicks | undefined;
  if (kept) return { ticks: kept.ticks, kept: true };
  return { ticks: await tx.objectStore('ticks').index('byWeek').getAll(weekId), kept: false };
}

/**
 * The week's ticks, read in a transaction of their own (a tick written meanwhile waits only for
 * this read); a week not kept yet is kept once the page is idle.
 */
export async function readWeekTicks(db: DB, weekId: WeekId): Promise<AirCoverTick[]> {
  const { ticks, kept } = await weekTicksIn(db.transaction(TICK_STORES), weekId);
  if (!kept) void keepWeekTicks(db, weekId);
  return ticks;
}

/**
 * Keep the week's ticks: read from the records and stored in one readwrite transaction, so no
 * tick written meanwhile is missed; the oldest kept weeks beyond the few kept are dropped. A
 * failure (a full disk) is a warning: the week is read from the records, as without it.
 */
export async function keepWeekTicks(db: DB, weekId: WeekId): Promise<void> {
  // When the page is idle: it reads the week's ticks again, and must not delay the screen that asked.
  await afterIdle();
  try {
    const tx = db.transaction(TICK_STORES, 'readwrite');
    const meta = tx.objectStore('meta');
    const ticks = await tx.objectStore('ticks').index('byWeek').getAll(weekId);
    const value: WeekTicks = { key: keyOf(weekId), weekId, ticks };
    await Promise.all([meta.put(value), pruneKept(meta, PREFIX, value.key, KEEP_WEEKS)]);
    await tx.done;
  } catch (e) {
    console.warn('[tiercover] the week\'s ticks were not kept:', (e as Error).message);
  }
}

/** Every kept week deleted, in `tx` (readwrite, over 'meta'): with all ticks cleared or replaced. */
export function dropWeekTicks<S extends StoreNames<TiercoverDB>>(tx: IDBPTransaction<TiercoverDB, (S | 'meta')[], 'readwrite'>): Promise<void> {
  return tx.objectStore('meta').delete(IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`));
}

async function dropKept(db: DB, weekIds: WeekId[]): Promise<void> {
  try {
    const tx = db.transaction('meta', 'readwrite');
    await Promise.all([...weekIds.map((w) => tx.store.delete(keyOf(w))), tx.done]);
  } catch (e) {
    console.warn('[tiercover] kept weeks could not be dropped:', (e as Error).message);
  }
}
