/**
 * A key bucket of the packed records (lib/db/packed.ts): the look-up keys whose hash names it,
 * each with its records' refs, stored as ONE string. This module is the format and the one
 * object transactions hold a bucket as (`BucketRefs`).
 *
 * The format: each key and its refs, each prefixed by its length ("13:byEmail\u0001a@b.c3:a-1"),
 * so any character may appear in a key. Keys are unique; their order means nothing.
 * Why a string: IndexedDB serialises an object of a few hundred keys one property at a time.
 * Measured in Chromium here, 4,096 buckets holding 400,000 keys (a 200,000-contact import):
 * writing them took 2.1–2.3 s as objects and 0.5–0.8 s as strings (encoding included), and
 * reading them all back 1.9–2.4 s against 1.5–1.6 s (decoding included): BENCHMARKS.md
 * "Imports: what the worker spends".
 */

export function encodeBucket(entries: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const [k, refs] of entries) parts.push(entryText(k, refs));
  return parts.join('');
}

const entryText = (key: string, refs: string) => `${key.length}:${key}${refs.length}:${refs}`;

/**
 * Calls `entry` with where each key and its refs lie in a bucket string, in order, until it
 * returns true. The one reader of the format: everything below uses it.
 */
function scanBucket(list: string, entry: (keyAt: number, keyEnd: number, refsAt: number, refsEnd: number) => boolean | void): void {
  let at = 0;
  /** The field whose length prefix starts at `at`: where it starts; `at` moves past it. */
  const field = () => {
    let n = 0;
    let i = at;
    for (; i < list.length; i++) {
      const c = list.charCodeAt(i);
      if (c === 58 /* : */) break;
      if (c < 48 || c > 57) throw new Error('A damaged key bucket');
      n = n * 10 + c - 48;
    }
    if (i === at || i >= list.length || i + 1 + n > list.length) throw new Error('A damaged key bucket');
    at = i + 1 + n;
    return i + 1;
  };
  while (at < list.length) {
    const keyAt = field();
    const keyEnd = at;
    const refsAt = field();
    if (entry(keyAt, keyEnd, refsAt, at)) return;
  }
}

export function decodeBucket(list: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (list) scanBucket(list, (keyAt, keyEnd, refsAt, refsEnd) => void out.set(list.slice(keyAt, keyEnd), list.slice(refsAt, refsEnd)));
  return out;
}

/** One key's refs in a bucket string, without decoding the rest (`decodeBucket(list).get(key)`). */
export function findInBucket(list: string | undefined, key: string): string | undefined {
  let found: string | undefined;
  if (list) {
    scanBucket(list, (keyAt, keyEnd, refsAt, refsEnd) => {
      if (keyEnd - keyAt !== key.length || !list.startsWith(key, keyAt)) return false;
      found = list.slice(refsAt, refsEnd);
      return true;
    });
  }
  return found;
}

/**
 * Keys grouped by their length and last character, so a pass over a bucket passes most entries
 * over on those alone. Why the last character too: keys of one index share long beginnings
 * ("byNameKey\u0001imported company 1…"), and by length alone an import of 3,000 accounts
 * compared each entry with ~30 keys, 0.1 s more than decoding (BENCHMARKS.md "Key buckets
 * patched, not rebuilt").
 */
type KeyGroups = Map<number, string[]>;
const groupOf = (length: number, last: number) => (length === 0 ? -1 : length * 65536 + last);
function grouped(keys: Iterable<string>): KeyGroups {
  const out: KeyGroups = new Map();
  for (const k of keys) {
    const g = groupOf(k.length, k.charCodeAt(k.length - 1));
    const same = out.get(g);
    if (same) same.push(k);
    else out.set(g, [k]);
  }
  return out;
}
/** Which of the keys `among` the entry at `keyAt`–`keyEnd` of `list` is, if any. */
function entryKey(list: string, keyAt: number, keyEnd: number, among: KeyGroups): string | undefined {
  const same = among.get(groupOf(keyEnd - keyAt, list.charCodeAt(keyEnd - 1)));
  if (same) for (const k of same) if (list.startsWith(k, keyAt)) return k;
  return undefined;
}

/**
 * A key bucket as a transaction holds it: the stored string, searched for the keys asked of it,
 * and patched for the keys changed; decoded whole into a `Map` only once it is asked or changed
 * in many keys (an import's plan and write ask hundreds of each bucket).
 *
 * Why: since version 7 a contact bucket holds ~6,000 keys at 500,000 contacts, and most
 * transactions ask or change a few keys of each bucket they read: a card's look-up one key each of
 * up to five buckets (decoding them whole took a warm look-up from 0.7 to 1.7 ms, BENCHMARKS.md
 * "Bigger pages"); an import of a rep's 3,000 contacts a few dozen keys of each of the 256
 * contact buckets, where decoding and encoding every bucket whole was ~1.5 million entries each
 * way (BENCHMARKS.md "Key buckets patched, not rebuilt").
 */
export class BucketRefs {
  static readonly LIMITS = {
    /** Keys searched one by one before the bucket is decoded whole: a card asks one or two of each bucket. */
    searches: 4,
    /** Keys looked up together (`want`), or changed, in the string itself; more, and it is decoded. */
    patchKeys: 64,
  };

  /** The stored string; dropped once decoded. */
  private list: string | undefined;
  private decoded?: Map<string, string>;
  /** Until decoded: keys already answered (null: not in the bucket), from the string or changed here. */
  private known = new Map<string, string | null>();
  /** Until decoded: the keys of `known` changed here (their value there is the new one). */
  private changed = new Set<string>();
  private searched = 0;

  /** `limits`: the tests walk both ways of holding a bucket with small ones. */
  constructor(
    list: string | undefined,
    private readonly limits = BucketRefs.LIMITS,
  ) {
    this.list = list || undefined;
  }

  get(key: string): string | undefined {
    if (this.decoded) return this.decoded.get(key);
    const known = this.known.get(key);
    if (known !== undefined) return known ?? undefined;
    if (++this.searched > this.limits.searches) return this.decode().get(key);
    const found = findInBucket(this.list, key);
    this.known.set(key, found ?? null);
    return found;
  }

  /** Answers these keys in one pass over the string, so the `get`s that follow search nothing. */
  want(keys: Iterable<string>): void {
    if (this.decoded) return;
    const ask = new Set<string>();
    for (const k of keys) if (!this.known.has(k)) ask.add(k);
    if (ask.size === 0) return;
    if (ask.size > this.limits.patchKeys) return void this.decode();
    const list = this.list;
    if (list) {
      const among = grouped(ask);
      scanBucket(list, (keyAt, keyEnd, refsAt, refsEnd) => {
        const k = entryKey(list, keyAt, keyEnd, among);
        if (k !== undefined) this.known.set(k, list.slice(refsAt, refsEnd));
      });
    }
    for (const k of ask) if (!this.known.has(k)) this.known.set(k, null);
  }

  set(key: string, refs: string): void {
    this.change(key, refs);
  }

  delete(key: string): void {
    this.change(key, null);
  }

  /** The bucket as it is to be stored; empty when no key is left (the caller deletes it). */
  encode(): string {
    if (this.decoded) return encodeBucket(this.decoded);
    const list = this.list ?? '';
    if (this.changed.size === 0) return list;
    // The stored entries not changed, as runs of the string itself, then the changed ones.
    const among = grouped(this.changed);
    const parts: string[] = [];
    let runAt = 0;
    let entryAt = 0;
    if (list) {
      scanBucket(list, (keyAt, keyEnd, _refsAt, refsEnd) => {
        if (entryKey(list, keyAt, keyEnd, among) !== undefined) {
          if (entryAt > runAt) parts.push(list.slice(runAt, entryAt));
          runAt = refsEnd;
        }
        entryAt = refsEnd;
      });
    }
    if (list.length > runAt) parts.push(list.slice(runAt));
    for (const k of this.changed) {
      const refs = this.known.get(k);
      if (refs != null) parts.push(entryText(k, refs));
    }
    return parts.join('');
  }

  private change(key: string, refs: string | null) {
    if (this.decoded) {
      if (refs === null) this.decoded.delete(key);
      else this.decoded.set(key, refs);
      return;
    }
    this.known.set(key, refs);
    this.changed.add(key);
    if (this.changed.size > this.limits.patchKeys) this.decode();
  }

  private decode(): Map<string, string> {
    if (this.decoded) return this.decoded;
    const map = decodeBucket(this.list);
    for (const k of this.changed) {
      const refs = this.known.get(k);
      if (refs == null) map.delete(k);
      else map.set(k, refs);
    }
    this.decoded = map;
    this.list = undefined;
    this.known.clear();
    this.changed.clear();
    return map;
  }
}
