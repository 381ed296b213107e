/**
 * Accounts and contacts, packed (database version 4; the design and its measurements are in
 * BENCHMARKS.md "The packed storage shape").
 *
 * Why: one IndexedDB record per account with five indexes cost 170–290 µs to write here, so
 * 50,000 accounts could not be imported in 3 s; one value holding 1,000 records writes in a few
 * milliseconds. So records live in **pages** (`recordPages`), a few hundred records per value,
 * and their look-up keys in **key buckets** (`recordKeys`), a few hundred keys per value:
 *
 * - A record's page is fixed by a hash of its *partition*: the account's id for an account, the
 *   account's id for a contact too, so an account's contacts are one page read.
 * - Every look-up key (`byDomain` "acme.com", `byEmail` …) lives in the bucket its hash names,
 *   mapped to the records that carry it. A look-up is one bucket get, then one page get per hit:
 *   never a scan.
 * - Within one transaction, pages and buckets are read once and cached; writes change the cached
 *   copies, and the changed values are written back together when no read is pending. So an
 *   import of 50,000 rows writes each page and bucket once, and a single edit writes one page.
 *
 * Callers use `accountsIn(tx)` / `contactsIn(tx)` (lib/db/records.ts): the shape of an idb store
 * (get, getAll, put, delete, count, index(…).get/getAll), so nothing outside lib/db sees pages.
 * A transaction that touches records must include `RECORD_STORES`.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { TiercoverDB } from './schema';
import { byIdOrder, compareKeys } from '../domain/order';
import { BucketRefs } from './key-bucket';

/**
 * One value of `recordKeys`: the look-up keys of one bucket, each with its records' refs
 * ("\n"-joined), encoded as one string (lib/db/key-bucket.ts; database version 6).
 */
export interface KeyBucket {
  list?: string;
  /** Only in the kind's count record (`a:count`, `c:count`). */
  count?: number;
  /** Ditto: a new random value from every transaction that changes a page of this kind (for caches of derived lists). */
  version?: number;
  /** Ditto: how many transactions have changed this kind (numbers its journal entries). */
  seq?: number;
}

/**
 * Where a kind stood when a cache was made of some of its records: compare with `changedSince`.
 * Version 0 and seq 0: the kind was empty (no count record).
 */
export interface KindStamp {
  version: number;
  seq: number;
}

/**
 * One entry of a kind's journal (`recordKeys` "a:j:<seq>"): which records one transaction
 * changed, and the versions before and after it, so a chain of entries proves nothing was missed.
 * Why: a cache of a few records (the week digest, lib/db/week-digest.ts) is brought up to date by
 * reading only those that changed (`changedSince`). Costs one small write per changing transaction.
 */
interface JournalEntry {
  from: number;
  to: number;
  /** null: too many to list (an import); a cache of some records must be made again. */
  ids: string[] | null;
}

/** Ids listed per journal entry at most; a bigger change (an import) is recorded as "many". */
export const JOURNAL_MAX_IDS = 2000;
/** Journal entries kept per kind: a cache older than this many changes is made again. */
const JOURNAL_KEEP = 500;
const journalKey = (prefix: string, seq: number) => `${prefix}:j:${String(seq).padStart(12, '0')}`;

// The wide transaction type: any set of stores, any mode (a read-only one simply cannot put).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTx = IDBPTransaction<TiercoverDB, any, IDBTransactionMode>;

export const RECORD_STORES = ['recordPages', 'recordKeys'] as const satisfies readonly StoreNames<TiercoverDB>[];

export interface PackedKind<T, I extends string> {
  /** Prefix of this kind's page and bucket keys ("a" accounts, "c" contacts, "s" coverage summaries). */
  prefix: string;
  pages: number;
  buckets: number;
  /** The record's key. */
  id(r: T): string;
  /** The record's partition: which page it lives in. */
  partition(r: T): string;
  /** Its look-up keys per index (empty or absent values are skipped). */
  keys(r: T): Record<I, readonly (string | undefined)[]>;
  /** An index answered from the partition page itself (contacts by account), not a bucket. */
  partitionIndex?: I;
}

const SEP = '\u0001';

/** A look-up key ("index\u0001value") and the key of the bucket it lives in. */
interface BucketKey {
  key: string;
  bucket: string;
}

/** The two stores as plain key-value stores (keys are out of line). */
interface RawStore {
  get(key: string): Promise<unknown>;
  getAll(range: IDBKeyRange): Promise<unknown[]>;
  getAllKeys(range: IDBKeyRange): Promise<string[]>;
  put(value: unknown, key: string): Promise<unknown>;
  delete(key: string | IDBKeyRange): Promise<unknown>;
}
const raw = (tx: AnyTx, name: (typeof RECORD_STORES)[number]) => tx.objectStore(name) as unknown as RawStore;

/** FNV-1a, 32 bits: stable across browsers and versions (a page number is stored for life). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A ref names a record and its partition: "id" when they are the same, else "partition\u0001id". */
const refOf = (partition: string, id: string) => (partition === id ? id : `${partition}${SEP}${id}`);
const parseRef = (ref: string) => {
  const at = ref.indexOf(SEP);
  return at < 0 ? { partition: ref, id: ref } : { partition: ref.slice(0, at), id: ref.slice(at + 1) };
};

interface TxState {
  pages: Map<string, Promise<unknown[]>>;
  buckets: Map<string, Promise<BucketRefs>>;
  counts: Map<string, Promise<number>>;
  dirtyPages: Set<string>;
  dirtyBuckets: Set<string>;
  dirtyCounts: Set<string>;
  /** Values already read, by key (the promises above resolve to these same objects). */
  pageValues: Map<string, unknown[]>;
  bucketValues: Map<string, BucketRefs>;
  countValues: Map<string, number>;
  /** Each kind's stored version as read, raised once per transaction that changes its pages. */
  versions: Map<string, number>;
  /** Each kind's stored seq as read, +1 once per transaction that changes its pages. */
  seqs: Map<string, number>;
  /**
   * By count key: what this transaction changed in each kind, for its journal (written as "many"
   * past JOURNAL_MAX_IDS, but kept whole here for `changedHere`).
   */
  journals: Map<string, { prefix: string; from: number; ids: Set<string> }>;
  /** Count keys of the kinds this transaction cleared: what it changed there cannot be listed. */
  cleared?: Set<string>;
  inflight: number;
  waiters: { resolve(): void; reject(e: unknown): void }[];
  flushQueued: boolean;
  bumped?: Set<string>;
  /** Told as each page and bucket write of a write-back completes (an import's saving progress). */
  onWrite?: { report(done: number, total: number): void; done: number; total: number };
}

const states = new WeakMap<object, TxState>();

function stateOf(tx: AnyTx): TxState {
  let s = states.get(tx);
  if (!s) {
    s = {
      pages: new Map(), buckets: new Map(), counts: new Map(),
      dirtyPages: new Set(), dirtyBuckets: new Set(), dirtyCounts: new Set(),
      pageValues: new Map(), bucketValues: new Map(), countValues: new Map(), versions: new Map(), seqs: new Map(), journals: new Map(),
      inflight: 0, waiters: [], flushQueued: false,
    };
    states.set(tx, s);
  }
  return s;
}

/**
 * A request counted as in flight, so the write-back waits for every read that may still change
 * a cached value (an import issues thousands of puts at once; each page is written once).
 */
function track<V>(tx: AnyTx, s: TxState, p: Promise<V>): Promise<V> {
  s.inflight++;
  const done = () => {
    if (--s.inflight === 0 && s.waiters.length) queueFlush(tx, s);
  };
  p.then(done, done);
  return p;
}

function queueFlush(tx: AnyTx, s: TxState) {
  if (s.flushQueued) return;
  s.flushQueued = true;
  // A microtask: still inside the request callback that made the change, so the transaction is
  // active and the puts below join it.
  queueMicrotask(() => {
    s.flushQueued = false;
    if (s.inflight > 0) return; // the last read to settle queues it again
    const waiters = s.waiters.splice(0);
    const writes: Promise<unknown>[] = [];
    try {
      const pages = raw(tx, 'recordPages');
      const keys = raw(tx, 'recordKeys');
      for (const k of s.dirtyPages) {
        const v = s.pageValues.get(k)!;
        writes.push(v.length ? pages.put(v, k) : pages.delete(k));
      }
      for (const k of s.dirtyBuckets) {
        const list = s.bucketValues.get(k)!.encode();
        writes.push(list ? keys.put({ list } satisfies KeyBucket, k) : keys.delete(k));
      }
      for (const k of s.dirtyCounts) {
        const seq = s.seqs.get(k) ?? 0;
        writes.push(keys.put({ count: s.countValues.get(k)!, version: s.versions.get(k) ?? 0, seq }, k));
        const j = s.journals.get(k);
        if (!j) continue;
        const entry: JournalEntry = { from: j.from, to: s.versions.get(k) ?? 0, ids: j.ids.size > JOURNAL_MAX_IDS ? null : [...j.ids] };
        writes.push(keys.put(entry, journalKey(j.prefix, seq)));
        if (seq > JOURNAL_KEEP) writes.push(keys.delete(IDBKeyRange.bound(journalKey(j.prefix, 0), journalKey(j.prefix, seq - JOURNAL_KEEP))));
      }
    } catch (e) {
      waiters.forEach((w) => w.reject(e));
      return;
    }
    s.dirtyPages.clear();
    s.dirtyBuckets.clear();
    s.dirtyCounts.clear();
    const watch = s.onWrite;
    if (watch) {
      // Counted over every write-back of the transaction: an import's summaries are written
      // while its records still are, and one count keeps its progress from going back.
      watch.total += writes.length;
      for (const w of writes) void w.then(() => watch.report(++watch.done, watch.total), () => undefined);
    }
    Promise.all(writes).then(
      () => waiters.forEach((w) => w.resolve()),
      (e) => waiters.forEach((w) => w.reject(e)),
    );
  });
}

/** Follow the write-backs of `tx`: `onWrite(done, total)` as each packed value is written, counted over all of them. */
export function watchWrites(tx: AnyTx, onWrite: (done: number, total: number) => void): void {
  stateOf(tx).onWrite = { report: onWrite, done: 0, total: 0 };
}

/** Resolves once every change made so far in this transaction has been written. */
function written(tx: AnyTx, s: TxState): Promise<void> {
  return new Promise((resolve, reject) => {
    s.waiters.push({ resolve, reject });
    if (s.inflight === 0) queueFlush(tx, s);
  });
}

// ------------------------------------------------------------ values kept across read-only transactions

/**
 * Why: reading one record costs its whole page, and the week page reads the same pages (its
 * targets' accounts, summaries and key contacts) for its first screen and again for each export;
 * the worker reads the same buckets and pages for every card on one account. So pages and buckets
 * read by read-only transactions are kept in this context, each with the version of its kind it
 * was read at. The version (the count record's, lib/db/packed.ts `touched`) changes in every
 * transaction that changes the kind, in any context, and a read-only transaction reads it first
 * (one small get): a kept value is used only at the version it was read at. The values are shared
 * between transactions: read only, like everything `getAll`, `findMany` and `inPartition` give.
 */
const kept = new Map<string, { version: number; value: unknown; size: number }>();
/** Records kept at most (`keptWeight`): tens of MB at worst. */
let keptBudget = 150_000;

/**
 * What a kept value weighs, in records: a page its entries; a key bucket its length at ~400
 * characters a record (about a stored record's size). Why by length: since version 7 a bucket
 * holds ~2,000 keys at 50,000 accounts and ~6,000 at 500,000 contacts (up to ~0.5 MB), so a flat
 * weight would let a worker keep every bucket of a big database.
 */
export function keptWeight(value: unknown): number {
  if (Array.isArray(value)) return value.length + 1;
  const list = (value as KeyBucket | undefined)?.list;
  return Math.ceil((list?.length ?? 0) / 400) + 1;
}
let keptSize = 0;

/**
 * Keep no values in this context: the import's worker reads each page once to plan, then writes
 * in a readwrite transaction, so kept values would only add to its peak memory.
 */
export function keepNoValues(): void {
  keptBudget = 0;
  kept.clear();
  keptSize = 0;
}

function keptValue(id: string, version: number): { value: unknown } | undefined {
  const entry = kept.get(id);
  if (!entry || entry.version !== version) return undefined;
  // Most recently used last: the budget drops from the front.
  kept.delete(id);
  kept.set(id, entry);
  return entry;
}

function keepValue(id: string, version: number, value: unknown) {
  if (!keptBudget) return;
  const size = keptWeight(value);
  const old = kept.get(id);
  if (old) {
    keptSize -= old.size;
    kept.delete(id);
  }
  kept.set(id, { version, value, size });
  keptSize += size;
  for (const [k, e] of kept) {
    if (keptSize <= keptBudget) break;
    kept.delete(k);
    keptSize -= e.size;
  }
}

/** The idb-shaped view of one kind of packed record inside one transaction. */
export class PackedStore<T, I extends string> {
  private s: TxState;
  constructor(
    private tx: AnyTx,
    private kind: PackedKind<T, I>,
  ) {
    this.s = stateOf(tx);
  }

  private idOf(r: T) {
    return this.kind.id(r);
  }
  private pageKey(partition: string) {
    return `${this.kind.prefix}:${hash(partition) % this.kind.pages}`;
  }
  private bucketKey(key: string) {
    return `${this.kind.prefix}:${hash(key) % this.kind.buckets}`;
  }
  private byId = (a: T, b: T) => compareKeys(this.idOf(a), this.idOf(b));

  // ------------------------------------------------------------ reading values (cached per transaction)

  private page(key: string): Promise<T[]> {
    let p = this.s.pages.get(key);
    if (!p) {
      p = this.readValue('recordPages', key).then((v) => {
        const list = (v as unknown[] | undefined) ?? [];
        this.s.pageValues.set(key, list);
        return list;
      });
      this.s.pages.set(key, p);
    }
    return p as Promise<T[]>;
  }

  private bucket(key: string): Promise<BucketRefs> {
    let p = this.s.buckets.get(key);
    if (!p) {
      p = this.readValue('recordKeys', key).then((v) => {
        const list = (v as KeyBucket | undefined)?.list;
        const refs = new BucketRefs(list);
        this.s.bucketValues.set(key, refs);
        return refs;
      });
      this.s.buckets.set(key, p);
    }
    return p;
  }

  /**
   * One stored page or bucket. A read-only transaction takes it from the values kept across
   * transactions when they were read at this kind's current version, and keeps what it reads;
   * any other transaction reads IndexedDB (a readwrite one changes its values in place).
   */
  private readValue(store: (typeof RECORD_STORES)[number], key: string): Promise<unknown> {
    const read = () => track(this.tx, this.s, raw(this.tx, store).get(key));
    if (this.tx.mode !== 'readonly') return read();
    const id = `${this.tx.db.name}\u0000${store}\u0000${key}`;
    return this.version().then((version) => {
      const kept = keptValue(id, version);
      if (kept) return kept.value;
      return read().then((v) => {
        keepValue(id, version, v);
        return v;
      });
    });
  }

  private countKey() {
    return `${this.kind.prefix}:count`;
  }
  private storedCount(): Promise<number> {
    const key = this.countKey();
    let p = this.s.counts.get(key);
    if (!p) {
      p = track(this.tx, this.s, raw(this.tx, 'recordKeys').get(key) as Promise<KeyBucket | undefined>).then((v) => {
        const n = v?.count ?? 0;
        if (!this.s.countValues.has(key)) this.s.countValues.set(key, n);
        if (!this.s.versions.has(key)) this.s.versions.set(key, v?.version ?? 0);
        if (!this.s.seqs.has(key)) this.s.seqs.set(key, v?.seq ?? 0);
        return n;
      });
      this.s.counts.set(key, p);
    }
    return p.then(() => this.s.countValues.get(key)!);
  }

  /** Every value named, read (once) before a change is applied synchronously. */
  private async load(pageKeys: Iterable<string>, bucketKeys: Iterable<string>): Promise<void> {
    const reads: Promise<unknown>[] = [];
    for (const k of new Set(pageKeys)) if (!this.s.pageValues.has(k)) reads.push(this.page(k));
    for (const k of new Set(bucketKeys)) if (!this.s.bucketValues.has(k)) reads.push(this.bucket(k));
    if (reads.length) await Promise.all(reads);
  }

  /**
   * The buckets of these keys read (once), and each asked for its keys in one pass over its
   * string (`BucketRefs.want`), so the look-ups that follow search nothing.
   */
  private async loadKeys(keys: readonly BucketKey[]): Promise<void> {
    await this.load([], keys.map((k) => k.bucket));
    const byBucket = new Map<string, string[]>();
    for (const { key, bucket } of keys) {
      const list = byBucket.get(bucket);
      if (list) list.push(key);
      else byBucket.set(bucket, [key]);
    }
    for (const [bucket, list] of byBucket) this.s.bucketValues.get(bucket)!.want(list);
  }

  // ------------------------------------------------------------ keys

  /** A full key with its bucket's key, hashed once (an import hashes each key once, not four times). */
  private keyed(key: string): BucketKey {
    return { key, bucket: this.bucketKey(key) };
  }

  /** The "id" key that says where a record lives (kinds whose partition is not the id). */
  private idKey(id: string): BucketKey {
    return this.keyed(`id${SEP}${id}`);
  }

  /**
   * "index\u0001key" for every look-up key of a record (bucket-kept indexes only), each with its
   * bucket. `idKey`: the record's id key, when the caller has worked it out already.
   */
  private lookupKeys(r: T, idKey?: BucketKey): BucketKey[] {
    const out: BucketKey[] = [];
    const all = this.kind.keys(r);
    for (const index in all) {
      if (index === this.kind.partitionIndex) continue;
      const values = all[index];
      for (let i = 0; i < values.length; i++) {
        const k = values[i];
        // Skip empty values and repeats (a domain listed twice).
        if (k && values.indexOf(k) === i) out.push(this.keyed(`${index}${SEP}${k}`));
      }
    }
    const id = this.idOf(r);
    if (this.kind.partition(r) !== id) out.push(idKey ?? this.idKey(id));
    return out;
  }

  private async refsFor(fullKey: string): Promise<string[]> {
    const refs = (await this.bucket(this.bucketKey(fullKey))).get(fullKey);
    return refs ? refs.split('\n') : [];
  }

  /** Where a record lives, from values already read (see `load`); `idKey` if worked out already. */
  private partitionOfLoaded(id: string, idKey?: BucketKey): string | undefined {
    if (!this.kind.partitionIndex) return id;
    const { key, bucket } = idKey ?? this.idKey(id);
    const refs = this.s.bucketValues.get(bucket)?.get(key);
    if (refs === undefined) return undefined;
    const end = refs.indexOf('\n');
    return parseRef(end < 0 ? refs : refs.slice(0, end)).partition;
  }

  private async partitionOf(id: string): Promise<string | undefined> {
    if (!this.kind.partitionIndex) return id;
    const refs = await this.refsFor(`id${SEP}${id}`);
    return refs[0] === undefined ? undefined : parseRef(refs[0]).partition;
  }

  private async fromRefs(refs: string[]): Promise<T[]> {
    const found: (T | undefined)[] = await Promise.all(
      refs.map(async (ref) => {
        const { partition, id } = parseRef(ref);
        return (await this.page(this.pageKey(partition))).find((r) => this.idOf(r) === id);
      }),
    );
    return found.filter((r): r is T => r !== undefined).sort(this.byId);
  }

  // ------------------------------------------------------------ the idb-shaped API

  /** A copy, as idb gives: changing it changes nothing stored. */
  async get(id: string): Promise<T | undefined> {
    const found = await this.cached(id);
    return found && structuredClone(found);
  }

  private async cached(id: string): Promise<T | undefined> {
    const partition = await this.partitionOf(id);
    if (partition === undefined) return undefined;
    return (await this.page(this.pageKey(partition))).find((r) => this.idOf(r) === id);
  }

  /** Every record, in id order. Read-only: these are the transaction's cached values, not copies. */
  async getAll(): Promise<T[]> {
    const prefix = `${this.kind.prefix}:`;
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [keys, values] = await Promise.all([
      track(this.tx, this.s, raw(this.tx, 'recordPages').getAllKeys(range)),
      track(this.tx, this.s, raw(this.tx, 'recordPages').getAll(range) as Promise<unknown[][]>),
    ]);
    const out: T[] = [];
    const stored = new Set(keys);
    keys.forEach((k, i) => {
      // Pages this transaction has read or changed are newer than the stored value.
      const list = (this.s.pageValues.get(k) ?? values[i] ?? []) as T[];
      for (const r of list) out.push(r);
    });
    for (const [k, list] of this.s.pageValues) if (k.startsWith(prefix) && !stored.has(k)) out.push(...(list as T[]));
    return out.sort(this.byId);
  }

  /**
   * Records a few pages at a time, in page order: `after` is the `next` of the previous call
   * (absent: from the start). Every record comes exactly once if nothing changes meanwhile.
   */
  async scan(after: string | undefined, pages: number): Promise<{ records: T[]; next?: string }> {
    const prefix = `${this.kind.prefix}:`;
    const range = after === undefined ? IDBKeyRange.bound(prefix, `${prefix}\uffff`) : IDBKeyRange.bound(after, `${prefix}\uffff`, true);
    const store = raw(this.tx, 'recordPages') as RawStore & { getAll(r: IDBKeyRange, n: number): Promise<unknown[]>; getAllKeys(r: IDBKeyRange, n: number): Promise<string[]> };
    const [keys, values] = await Promise.all([track(this.tx, this.s, store.getAllKeys(range, pages)), track(this.tx, this.s, store.getAll(range, pages))]);
    const records = keys.flatMap((k, i) => (this.s.pageValues.get(k) ?? values[i] ?? []) as T[]);
    return { records, next: keys.length === pages ? keys[keys.length - 1] : undefined };
  }

  count(): Promise<number> {
    return this.storedCount();
  }

  /** The kind's version: changes whenever any of its records does (one small read). */
  async version(): Promise<number> {
    await this.storedCount();
    return this.s.versions.get(this.countKey()) ?? 0;
  }

  /** Where this kind stands now, for a cache of some of its records (`changedSince`). */
  async stamp(): Promise<KindStamp> {
    await this.storedCount();
    const key = this.countKey();
    return { version: this.s.versions.get(key) ?? 0, seq: this.s.seqs.get(key) ?? 0 };
  }

  /**
   * The ids of the records changed (put or deleted) since `since`, from the kind's journal (one
   * read): an empty set when nothing changed. Undefined when the journal cannot tell: the entries
   * were pruned, the kind was cleared, or a change was too big to list (an import). The caller then reads its records again.
   */
  async changedSince(since: KindStamp): Promise<Set<string> | undefined> {
    const now = await this.stamp();
    if (now.version === since.version && now.seq === since.seq) return new Set();
    if (now.seq <= since.seq) return undefined;
    const range = IDBKeyRange.bound(journalKey(this.kind.prefix, since.seq + 1), journalKey(this.kind.prefix, now.seq));
    const entries = (await track(this.tx, this.s, raw(this.tx, 'recordKeys').getAll(range))) as JournalEntry[];
    if (entries.length !== now.seq - since.seq) return undefined;
    const ids = new Set<string>();
    let at = since.version;
    for (const e of entries) {
      // Each entry must start where the last one ended: a clear in between breaks the chain.
      if (e.from !== at || !e.ids) return undefined;
      for (const id of e.ids) ids.add(id);
      at = e.to;
    }
    return at === now.version ? ids : undefined;
  }

  /**
   * The ids of the records this transaction has changed (put or deleted) so far, however many;
   * undefined if it cleared the kind. Why: a cache of some records (the week digest) can be
   * carried across a write too big for the journal to list (an import, `carryWeekDigests`).
   */
  changedHere(): ReadonlySet<string> | undefined {
    const key = this.countKey();
    if (this.s.cleared?.has(key)) return undefined;
    return this.s.journals.get(key)?.ids ?? new Set();
  }

  /**
   * The records of `partition` in id order, from its page if this transaction holds that page
   * (read or written), else undefined. Read only. Why: a cache of whole partitions (the bundle's
   * contacts, lib/db/week-account-contacts.ts) carried across a big write takes these as they
   * now are; a partition whose page the write never held is as it was.
   */
  loadedPartition(partition: string): T[] | undefined {
    const page = this.s.pageValues.get(this.pageKey(partition)) as T[] | undefined;
    return page?.filter((r) => this.kind.partition(r) === partition).sort(this.byId);
  }

  /**
   * Every record of this kind in the pages this transaction holds (read or written), as they now
   * are: every record it changed (`changedHere`) among them. Not copies: read only. Why: a cache
   * carried across an import takes the 50,000 it changed in one pass over its pages, where a
   * search of each record's page, or `get`'s copies, cost ~100 ms (lib/db/account-name-order.ts).
   */
  *loadedRecords(): Generator<T> {
    const prefix = `${this.kind.prefix}:`;
    for (const [k, page] of this.s.pageValues) if (k.startsWith(prefix)) yield* page as T[];
  }

  /** Add or replace one record (a copy is stored); resolves once it is written (within the transaction). */
  async put(r: T): Promise<string> {
    await this.putMany([structuredClone(r)]);
    return this.idOf(r);
  }

  /**
   * Many records at once: every page and bucket they touch is read once (three rounds of reads,
   * whatever the count), then every change is applied in memory without another await, then
   * written back once. The records are kept as given (not copied): do not change them afterwards.
   */
  async putMany(list: readonly T[]): Promise<void> {
    if (!list.length) return;
    await this.stage(list);
    await written(this.tx, this.s);
  }

  /**
   * `putMany` without waiting for the write-back: when this resolves, the records are in the
   * transaction's values (its later reads see them), to be written by the next write-back
   * (`flush`, or any later write, which waits for its own). Why: an import starts IndexedDB
   * writing its records, then works out the coverage summaries while the database stores them.
   */
  async stage(list: readonly T[]): Promise<void> {
    if (!list.length) return;
    // Each record's id key (contacts) is worked out once and passed along: hashing keys was a
    // large part of an import's saving in a CPU profile.
    const idKeys = this.kind.partitionIndex ? list.map((r) => this.idKey(this.idOf(r))) : undefined;
    // 1. The count record, and where each record lives now (contacts: their id keys).
    await Promise.all([this.storedCount(), this.loadKeys(idKeys ?? [])]);
    // 2. Their pages, old and new.
    const pages: string[] = [];
    const olds = list.map((r, i) => {
      pages.push(this.pageKey(this.kind.partition(r)));
      const old = this.partitionOfLoaded(this.idOf(r), idKeys?.[i]);
      if (old !== undefined) pages.push(this.pageKey(old));
      return old;
    });
    await this.load(pages, []);
    // 3. The buckets of their keys, old and new.
    const buckets: BucketKey[] = [];
    const keysOf = list.map((r, i) => {
      const keys = this.lookupKeys(r, idKeys?.[i]);
      for (const k of keys) buckets.push(k);
      const oldPartition = olds[i];
      const old = oldPartition === undefined ? undefined : this.loadedIn(oldPartition, this.idOf(r));
      if (old) for (const k of this.lookupKeys(old, idKeys?.[i])) buckets.push(k);
      return keys;
    });
    await this.loadKeys(buckets);
    list.forEach((r, i) => this.apply(r, keysOf[i]!, idKeys?.[i]));
  }

  /**
   * Read now the count and the pages of these partitions, so a later `putMany` into them reads
   * no page (a kind with look-up keys still reads their buckets; the summaries have none). Why: IndexedDB runs a transaction's requests in order, so a read issued after a big
   * write-back waits for all of it (an import reads its summaries' pages before its records' writes).
   */
  async preload(partitions: Iterable<string>): Promise<void> {
    await Promise.all([this.storedCount(), this.load([...partitions].map((p) => this.pageKey(p)), [])]);
  }

  /** Write back everything this transaction changed so far, in every kind; resolves once written. */
  flush(): Promise<void> {
    return written(this.tx, this.s);
  }

  async delete(id: string): Promise<void> {
    await Promise.all([this.storedCount(), this.loadKeys(this.kind.partitionIndex ? [this.idKey(id)] : [])]);
    const partition = this.partitionOfLoaded(id);
    if (partition === undefined) return;
    await this.load([this.pageKey(partition)], []);
    const cur = this.loadedRecord(id);
    if (cur === undefined) return;
    await this.loadKeys(this.lookupKeys(cur));
    this.removeLoaded(cur);
    await written(this.tx, this.s);
  }

  /** Every record of this kind gone (pages, keys and count). */
  async clear(): Promise<void> {
    const prefix = `${this.kind.prefix}:`;
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    await Promise.all([
      track(this.tx, this.s, raw(this.tx, 'recordPages').delete(range)),
      track(this.tx, this.s, raw(this.tx, 'recordKeys').delete(range)),
    ]);
    for (const m of [this.s.pages, this.s.buckets, this.s.counts, this.s.pageValues, this.s.bucketValues, this.s.countValues, this.s.versions, this.s.seqs, this.s.journals]) {
      for (const k of [...m.keys()]) if (k.startsWith(prefix)) m.delete(k);
    }
    for (const set of [this.s.dirtyPages, this.s.dirtyBuckets, this.s.dirtyCounts]) for (const k of [...set]) if (k.startsWith(prefix)) set.delete(k);
    this.s.bumped?.delete(this.countKey());
    (this.s.cleared ??= new Set()).add(this.countKey());
  }

  /**
   * One record whose partition the caller knows (a target's key contact lives in the target's
   * account): one page read, no key bucket. A copy; undefined if it is not in that partition.
   */
  async getIn(partition: string, id: string): Promise<T | undefined> {
    const found = (await this.page(this.pageKey(partition))).find((r) => this.idOf(r) === id && this.kind.partition(r) === partition);
    return found && structuredClone(found);
  }

  /**
   * The records of one partition (a contact partition is an account), as the transaction holds
   * them: not copies, read only. For bulk readers such as the coverage summaries.
   */
  async inPartition(partition: string): Promise<readonly T[]> {
    return (await this.page(this.pageKey(partition))).filter((r) => this.kind.partition(r) === partition);
  }

  /**
   * Every record carrying any of `keys` in `index` (at most `limit` per key, by id): each bucket
   * and page read once, in two rounds however many keys. Not copies: read only (an import's plan
   * reads thousands at once in a read-only transaction).
   */
  async findMany(index: I, keys: readonly string[], limit = Infinity): Promise<T[]> {
    const unique = [...new Set(keys)];
    if (index === this.kind.partitionIndex) {
      await this.load(unique.map((k) => this.pageKey(k)), []);
      return unique.flatMap((k) => (this.s.pageValues.get(this.pageKey(k)) as T[]).filter((r) => this.kind.partition(r) === k).sort(this.byId).slice(0, limit));
    }
    const full = unique.map((k) => this.keyed(`${index}${SEP}${k}`));
    await this.loadKeys(full);
    const wanted: { partition: string; id: string }[] = [];
    for (const { key, bucket } of full) {
      const refs = this.s.bucketValues.get(bucket)?.get(key);
      if (!refs) continue;
      const list = refs.split('\n').map(parseRef);
      if (list.length > limit) list.sort(byIdOrder);
      wanted.push(...list.slice(0, limit));
    }
    await this.load(wanted.map((w) => this.pageKey(w.partition)), []);
    const out: T[] = [];
    for (const w of wanted) {
      const r = (this.s.pageValues.get(this.pageKey(w.partition)) as T[]).find((x) => this.idOf(x) === w.id);
      if (r !== undefined) out.push(r);
    }
    return out;
  }

  index(name: I) {
    return {
      getAll: async (key: string, limit?: number): Promise<T[]> => {
        let list: T[];
        if (name === this.kind.partitionIndex) {
          list = (await this.page(this.pageKey(key))).filter((r) => this.kind.partition(r) === key).sort(this.byId);
        } else {
          list = await this.fromRefs(await this.refsFor(`${name}${SEP}${key}`));
        }
        return structuredClone(limit === undefined ? list : list.slice(0, limit));
      },
      get: async (key: string): Promise<T | undefined> => (await this.index(name).getAll(key, 1))[0],
    };
  }

  // ------------------------------------------------------------ changes to values already read

  private loadedRecord(id: string): T | undefined {
    const partition = this.partitionOfLoaded(id);
    return partition === undefined ? undefined : this.loadedIn(partition, id);
  }

  private loadedIn(partition: string, id: string): T | undefined {
    return (this.s.pageValues.get(this.pageKey(partition)) as T[] | undefined)?.find((x) => this.idOf(x) === id);
  }

  /**
   * Record `id` changed. Once per transaction: this kind's pages changed (the count record carries
   * the version and seq) and its journal entry is started.
   */
  private touched(id: string) {
    const key = this.countKey();
    if (!this.s.bumped?.has(key)) {
      (this.s.bumped ??= new Set()).add(key);
      const from = this.s.versions.get(key) ?? 0;
      // Random, not +1: a cleared store restarts its count record, and an old cache must not match.
      this.s.versions.set(key, Math.random());
      this.s.seqs.set(key, (this.s.seqs.get(key) ?? 0) + 1);
      this.s.dirtyCounts.add(key);
      this.s.journals.set(key, { prefix: this.kind.prefix, from, ids: new Set() });
    }
    const j = this.s.journals.get(key);
    if (!j || j.ids.has(id)) return;
    j.ids.add(id);
    // Written again with the count record, also when an earlier write-back of this transaction wrote it.
    this.s.dirtyCounts.add(key);
  }

  private addToCount(delta: number) {
    const key = this.countKey();
    this.s.countValues.set(key, this.s.countValues.get(key)! + delta);
    this.s.dirtyCounts.add(key);
  }

  private setRef({ key, bucket }: BucketKey, ref: string, present: boolean) {
    const refs = this.s.bucketValues.get(bucket)!;
    const cur = refs.get(key);
    if (present) {
      if (cur === undefined) refs.set(key, ref);
      else {
        if (cur === ref || cur.split('\n').includes(ref)) return;
        refs.set(key, `${cur}\n${ref}`);
      }
    } else {
      if (cur === undefined) return;
      if (cur === ref) refs.delete(key);
      else {
        const list = cur.split('\n');
        const at = list.indexOf(ref);
        if (at < 0) return;
        list.splice(at, 1);
        refs.set(key, list.join('\n'));
      }
    }
    this.s.dirtyBuckets.add(bucket);
  }

  /** Put one record into values already read (`putMany` read them); `after` are its lookupKeys. */
  private apply(r: T, after: BucketKey[], idKey?: BucketKey) {
    const id = this.idOf(r);
    const partition = this.kind.partition(r);
    const oldPartition = this.partitionOfLoaded(id, idKey);
    if (oldPartition !== undefined && oldPartition !== partition) {
      const old = this.loadedIn(oldPartition, id);
      if (old !== undefined) this.removeLoaded(old);
    }
    const pk = this.pageKey(partition);
    const page = this.s.pageValues.get(pk) as T[];
    // A record new to the store is in no page: skip the search (most of an import's records).
    const at = oldPartition === partition ? page.findIndex((x) => this.idOf(x) === id) : -1;
    const current = at >= 0 ? page[at] : undefined;
    if (at >= 0) page[at] = r;
    else {
      page.push(r);
      this.addToCount(1);
    }
    this.s.dirtyPages.add(pk);
    this.touched(id);
    const ref = refOf(partition, id);
    if (current === undefined) {
      for (const k of after) this.setRef(k, ref, true);
      return;
    }
    const before = this.lookupKeys(current, idKey);
    const keep = new Set(after.map((k) => k.key));
    for (const k of before) if (!keep.has(k.key)) this.setRef(k, ref, false);
    const had = new Set(before.map((k) => k.key));
    for (const k of after) if (!had.has(k.key)) this.setRef(k, ref, true);
  }

  private removeLoaded(cur: T) {
    const id = this.idOf(cur);
    const partition = this.kind.partition(cur);
    const pk = this.pageKey(partition);
    const page = this.s.pageValues.get(pk) as T[];
    const at = page.findIndex((x) => this.idOf(x) === id);
    if (at < 0) return;
    page.splice(at, 1);
    this.s.dirtyPages.add(pk);
    this.touched(id);
    this.addToCount(-1);
    const ref = refOf(partition, id);
    for (const k of this.lookupKeys(cur)) this.setRef(k, ref, false);
  }
}
