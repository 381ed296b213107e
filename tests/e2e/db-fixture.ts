/**
 * A database of an older version built in a browser from a fixture (`tests/fixtures/db/v5.json`),
 * for the upgrade tests in Chromium (upgrade.e2e.ts) and Firefox (firefox.e2e.ts). The functions
 * here run inside an extension page (passed to `evaluate`), so each is self-contained.
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';
import { decodeBucket } from '../../lib/db/key-bucket';

export interface DbFixture {
  version: number;
  schema: { name: string; keyPath: string | string[] | null; indexes: { name: string; keyPath: string | string[]; unique?: boolean; multiEntry?: boolean }[] }[];
  stores: Record<string, unknown[]>;
  keyed: Record<string, [string, unknown][]>;
}

export const dbFixture = (version: number): DbFixture => JSON.parse(readFileSync(join(ROOT, `tests/fixtures/db/v${version}.json`), 'utf8')) as DbFixture;

/** The key buckets written as objects (versions 4 and 5), which step 6 turns into strings and step 7 repacks. */
const objectBuckets = (f: DbFixture) => f.keyed.recordKeys!.filter(([, v]) => (v as { refs?: unknown }).refs);

/** In an extension page: replace the extension's database with the fixture's, at the fixture's version. */
export async function buildDatabase(f: DbFixture): Promise<void> {
  const done = (r: IDBRequest | IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      if (r instanceof IDBTransaction) {
        r.oncomplete = () => resolve();
        r.onerror = r.onabort = () => reject(r.error);
      } else {
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
      }
    });
  // The extension's own connections close when asked (lib/db/db.ts `blocking`).
  await done(indexedDB.deleteDatabase('tiercover'));
  const open = indexedDB.open('tiercover', f.version);
  open.onupgradeneeded = () => {
    // The stores and indexes as the fixture lists them (a unit test checks the list against
    // what lib/db/migrations.ts makes at that version).
    for (const store of f.schema) {
      const os = open.result.createObjectStore(store.name, store.keyPath === null ? undefined : { keyPath: store.keyPath });
      for (const i of store.indexes) os.createIndex(i.name, i.keyPath, { unique: !!i.unique, multiEntry: !!i.multiEntry });
    }
  };
  await done(open);
  const db = open.result;
  const tx = db.transaction(db.objectStoreNames, 'readwrite');
  for (const [store, records] of Object.entries(f.stores)) for (const r of records) tx.objectStore(store).put(r);
  for (const [store, entries] of Object.entries(f.keyed)) for (const [k, v] of entries) tx.objectStore(store).put(v, k);
  tx.objectStore('meta').put({ key: 'schema', version: f.version, upgradedAt: 0 });
  await done(tx);
  db.close();
}

/**
 * After the upgrade: a later version; every key bucket a string (step 6); and, whatever buckets
 * step 7 repacked them into, every look-up key the fixture's object buckets held, with the same
 * records, and no other. (Where each bucket and page lies is checked in tests/unit/migrations.test.ts.)
 */
export function expectBucketsUpgraded(stored: Awaited<ReturnType<typeof storedBuckets>>, f: DbFixture): void {
  expect(stored.version).toBeGreaterThan(f.version);
  expect(stored.buckets.filter((b) => b.list === undefined || b.refs)).toEqual([]);
  const refsByKey = (entries: Iterable<[string, string]>) => new Map([...entries].map(([k, refs]) => [k, refs.split('\n').sort().join('\n')]));
  const before = refsByKey(objectBuckets(f).flatMap(([, v]) => Object.entries((v as { refs: Record<string, string> }).refs)));
  const after = refsByKey(stored.buckets.flatMap((b) => [...decodeBucket(b.list)]));
  expect(before.size).toBeGreaterThan(10);
  expect(after).toEqual(before);
}

/** In an extension page: the database's version and each key bucket as stored (its string, or whether it is an object of refs). */
export function storedBuckets(): Promise<{ version: number; buckets: { key: string; list?: string; refs: boolean }[] }> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open('tiercover');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const store = db.transaction('recordKeys').objectStore('recordKeys');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        const buckets = (keys.result as string[])
          .filter((key) => !key.endsWith(':count') && !/^[acs]:j:/.test(key))
          .map((key) => {
            const v = values.result[(keys.result as string[]).indexOf(key)] as { list?: unknown; refs?: unknown } | undefined;
            return { key, list: typeof v?.list === 'string' ? v.list : undefined, refs: !!v && 'refs' in v };
          });
        resolve({ version: db.version, buckets });
        db.close();
      };
    };
  });
}
