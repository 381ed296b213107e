/**
 * A database of the previous version, upgraded in Chromium itself (the unit tests run the same
 * steps in fake-indexeddb): a version-5 database, whose key buckets are objects, is made with raw
 * IndexedDB from `tests/fixtures/db/v5.json`; the extension then opens it at the latest version.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardObject, openExtensionPage, ROOT, useSession } from './harness';

const session = useSession({ sample: false });

interface Fixture {
  schema: { name: string; keyPath: string | string[] | null; indexes: { name: string; keyPath: string | string[]; unique?: boolean; multiEntry?: boolean }[] }[];
  stores: Record<string, unknown[]>;
  keyed: Record<string, [string, unknown][]>;
}

describe('upgrading a stored database in the browser', () => {
  it('a version-5 database upgrades on the first look-up: every key bucket becomes a string and the card finds its account', async () => {
    const s = session();
    const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/db/v5.json'), 'utf8')) as Fixture;
    const options = await openExtensionPage(s, 'options.html');
    await options.evaluate(async (f: Fixture) => {
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
      // The extension's own connections close when asked (db.ts `blocking`), so this is not blocked for long.
      await done(indexedDB.deleteDatabase('tiercover'));
      const open = indexedDB.open('tiercover', 5);
      open.onupgradeneeded = () => {
        // Version 5's stores and indexes, as the fixture lists them (a unit test checks the list
        // against what lib/db/migrations.ts steps 1 to 5 make).
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
      tx.objectStore('meta').put({ key: 'schema', version: 5, upgradedAt: 0 });
      await done(tx);
      db.close();
    }, fixture);

    // The first look-up opens the database at the latest version: the upgrade runs in the worker.
    const page = await s.context.newPage();
    await page.goto('https://www.linkedin.com/company/northwind-analytics/about/');
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');

    const stored = await options.evaluate(
      () =>
        new Promise<{ version: number; buckets: { key: string; list: boolean; refs: boolean }[] }>((resolve, reject) => {
          const r = indexedDB.open('tiercover');
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const db = r.result;
            const store = db.transaction('recordKeys').objectStore('recordKeys');
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => {
              const buckets = (keys.result as string[]).map((key, i) => ({ key, list: typeof values.result[i]?.list === 'string', refs: 'refs' in (values.result[i] ?? {}) }));
              resolve({ version: db.version, buckets });
              db.close();
            };
          };
        }),
    );
    expect(stored.version).toBeGreaterThanOrEqual(6);
    const buckets = stored.buckets.filter((b) => !b.key.endsWith(':count') && !/^[acs]:j:/.test(b.key));
    expect(buckets.length).toBe(fixture.keyed.recordKeys!.filter(([, v]) => (v as { refs?: unknown }).refs).length);
    expect(buckets.filter((b) => !b.list || b.refs)).toEqual([]);
    await page.close();
    await options.close();
  });
});
