/**
 * A key bucket's string (lib/db/key-bucket.ts): the format reads back what was written, whatever
 * characters keys hold, and a bucket held by a transaction answers and stores exactly what a
 * `Map` would, whether it was searched and patched in its string or decoded whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketRefs, decodeBucket, encodeBucket, findInBucket } from '@/lib/db/key-bucket';

/** Keys and refs from characters the format must survive: its own ':' and digits among them. */
const text = fc.string({ unit: fc.constantFrom('a', ':', '1', '9', '\n', '\u0001', 'é', '😀', ' ', '0') });

describe('the bucket string', () => {
  it('decode(encode(entries)) gives the entries back, whatever characters keys and refs hold', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(text, text), { selector: ([k]) => k, maxLength: 30 }), (entries) => {
        expect([...decodeBucket(encodeBucket(new Map(entries)))]).toEqual(entries);
      }),
    );
    expect(decodeBucket(undefined).size).toBe(0);
  });

  it('findInBucket(encode(entries), key) is the key\'s refs, or undefined, without decoding the rest', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(text, text), { selector: ([k]) => k, maxLength: 30 }), fc.array(text, { maxLength: 5 }), (entries, others) => {
        const list = encodeBucket(new Map(entries));
        const map = new Map(entries);
        for (const key of [...map.keys(), ...others]) expect(findInBucket(list, key), JSON.stringify(key)).toBe(map.get(key));
      }),
    );
    expect(findInBucket(undefined, 'byEmail\u0001a@b.example')).toBeUndefined();
  });

  it('a damaged bucket is an error, not a wrong answer', () => {
    const good = encodeBucket(new Map([['byEmail\u0001a@b.example', 'acc-1\u0001con-1']]));
    for (const bad of [good.slice(0, -1), `x${good}`, `${good}3:ab`, '-1:', ':', `${good}:`]) {
      expect(() => decodeBucket(bad), JSON.stringify(bad)).toThrow('A damaged key bucket');
      expect(() => findInBucket(bad, 'byEmail\u0001b@b.example'), JSON.stringify(bad)).toThrow('A damaged key bucket');
      expect(() => new BucketRefs(bad).get('byEmail\u0001b@b.example'), JSON.stringify(bad)).toThrow('A damaged key bucket');
    }
  });
});

type Op = { get: string } | { want: string[] } | { set: [string, string] } | { delete: string };

describe('a bucket held by a transaction (BucketRefs)', () => {
  it('answers and encodes what a Map would, after any gets, wants, sets and deletes, searched and patched or decoded', () => {
    // A small pool of keys, so operations meet the stored keys, each other's and missing ones.
    const key = fc.oneof(fc.constantFrom('k', 'kk', 'k:1', 'a\u0001b', '😀', 'é9', ':', '10', '1'), text);
    const op: fc.Arbitrary<Op> = fc.oneof(
      key.map((k) => ({ get: k })),
      fc.array(key, { maxLength: 6 }).map((ks) => ({ want: ks })),
      fc.tuple(key, text).map((kv) => ({ set: kv })),
      key.map((k) => ({ delete: k })),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(key, text), { selector: ([k]) => k, maxLength: 20 }),
        fc.array(op, { maxLength: 40 }),
        // From decoding at the first look-up or change to never decoding within the test.
        fc.record({ searches: fc.integer({ min: 0, max: 50 }), patchKeys: fc.integer({ min: 0, max: 50 }) }),
        (stored, ops, limits) => {
          const model = new Map(stored);
          const bucket = new BucketRefs(encodeBucket(model), limits);
          for (const o of ops) {
            if ('get' in o) expect(bucket.get(o.get), JSON.stringify(o)).toBe(model.get(o.get));
            else if ('want' in o) bucket.want(o.want);
            else if ('set' in o) {
              bucket.set(...o.set);
              model.set(...o.set);
            } else {
              bucket.delete(o.delete);
              model.delete(o.delete);
            }
          }
          for (const k of [...model.keys(), ...stored.map(([k]) => k)]) expect(bucket.get(k)).toBe(model.get(k));
          const list = bucket.encode();
          expect(new Map([...decodeBucket(list)].sort())).toEqual(new Map([...model].sort()));
          expect(list === '').toBe(model.size === 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the stored entries it did not change as they were, in the same text', () => {
    const stored = new Map(Array.from({ length: 1000 }, (_, i) => [`byEmail\u0001p${i}@x.example`, `acc-${i}\u0001con-${i}`]));
    const list = encodeBucket(stored);
    const bucket = new BucketRefs(list);
    bucket.want(['byEmail\u0001p10@x.example', 'byEmail\u0001new@x.example']);
    bucket.set('byEmail\u0001p10@x.example', 'acc-10\u0001con-10\nacc-10\u0001con-99');
    bucket.set('byEmail\u0001new@x.example', 'acc-7\u0001con-7');
    const next = bucket.encode();
    // Everything before the changed entry, and everything after it, is the stored text itself.
    const entryAt = (key: string) => list.indexOf(`${key.length}:${key}`);
    const changedAt = entryAt('byEmail\u0001p10@x.example');
    const after = entryAt('byEmail\u0001p11@x.example');
    expect(changedAt).toBeGreaterThan(0);
    expect(next.startsWith(list.slice(0, changedAt))).toBe(true);
    expect(next.includes(list.slice(after))).toBe(true);
    expect(decodeBucket(next).get('byEmail\u0001p10@x.example')).toBe('acc-10\u0001con-10\nacc-10\u0001con-99');
    expect(decodeBucket(next).size).toBe(1001);
    // Nothing changed: the stored string, as it was.
    expect(new BucketRefs(list).encode()).toBe(list);
  });
});
