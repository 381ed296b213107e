/**
 * One upgrade step per schema version. Step N takes a database at version N-1 to version N,
 * inside the versionchange transaction (so a failing step aborts it and the old data stays).
 * Each step has a fixture of the previous version's data in tests/fixtures/db/ and is walked by
 * tests/unit/migrations.test.ts.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LegacyRecordStores, TiercoverDB } from './schema';
import { accountsIn, contactsIn, summariesIn } from './records';
import { encodeBucket } from './key-bucket';
import type { PackedStore } from './packed';
import { carriedTicks } from '../domain/carry';
import { DEFAULT_STANDING_ITEMS } from '../domain/constants';
import { rebuildCoverage } from './coverage';

type UpgradeTx = IDBPTransaction<TiercoverDB, StoreNames<TiercoverDB>[], 'versionchange'>;
/** The same upgrade transaction, seen with the stores of versions 1 to 3. */
const legacy = (tx: UpgradeTx) => tx as unknown as IDBPTransaction<TiercoverDB & LegacyRecordStores, StoreNames<TiercoverDB & LegacyRecordStores>[], 'versionchange'>;
export type MigrationStep = (db: IDBPDatabase<TiercoverDB>, tx: UpgradeTx) => void | Promise<void>;

/**
 * The steps write the stores directly. A step that changes targets or ticks must also drop the
 * weeks kept of them (`dropKeptWeeks`, lib/db/kept-weeks.ts): those copies are kept exact only by
 * the writers. The steps up to version 6 ran before any week was kept; step 7 changes none.
 */
export const MIGRATIONS: Record<number, MigrationStep> = {
  /** Version 1: the first layout, every store and look-up index. */
  1: (anyDb) => {
    const db = anyDb as unknown as IDBPDatabase<TiercoverDB & LegacyRecordStores>;
    const accounts = db.createObjectStore('accounts', { keyPath: 'id' });
    accounts.createIndex('byDomain', 'domains', { multiEntry: true });
    accounts.createIndex('byLinkedinSlug', 'linkedinSlug');
    accounts.createIndex('byLinkedinId', 'linkedinId');
    accounts.createIndex('byCrm', 'crmKeys', { multiEntry: true });
    accounts.createIndex('byNameKey', 'nameKey');

    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('byAccount', 'accountId');
    contacts.createIndex('byLinkedinSlug', 'linkedinSlug');
    contacts.createIndex('byEmail', 'email');
    contacts.createIndex('byCrm', 'crmKeys', { multiEntry: true });

    db.createObjectStore('weeks', { keyPath: 'id' });

    const targets = db.createObjectStore('targets', { keyPath: 'id' });
    targets.createIndex('byWeek', 'weekId');
    targets.createIndex('byWeekAccount', ['weekId', 'accountId'], { unique: true });
    targets.createIndex('byAccount', 'accountId');

    const ticks = db.createObjectStore('ticks', { keyPath: 'id' });
    ticks.createIndex('byWeek', 'weekId');
    ticks.createIndex('byTarget', 'targetId');

    const links = db.createObjectStore('links', { keyPath: 'pageKey' });
    links.createIndex('byTarget', 'targetId');

    db.createObjectStore('settings', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },

  /**
   * Version 2: ticks may be carried (`carriedFrom`). Weeks started before this version began with
   * every standing fact unticked; apply the carry rule to them now, oldest week first so a fact
   * carries down a chain of weeks. A cell that already has a record in the later week (ticked, or
   * unticked on purpose) is left as it is. A version-1 database never had the standing-items
   * setting, so the defaults apply.
   */
  2: async (_db, tx) => {
    const targets = tx.objectStore('targets');
    const ticks = tx.objectStore('ticks');
    const weekIds = ((await tx.objectStore('weeks').getAllKeys()) as string[]).sort();
    for (const weekId of weekIds) {
      for (const t of await targets.index('byWeek').getAll(weekId)) {
        if (!t.carriedFrom) continue;
        const before = await targets.index('byWeekAccount').get([t.carriedFrom, t.accountId]);
        if (!before) continue;
        for (const tick of carriedTicks(await ticks.index('byTarget').getAll(before.id), t, DEFAULT_STANDING_ITEMS)) {
          if (!(await ticks.getKey(tick.id))) await ticks.put(tick);
        }
      }
    }
  },

  /**
   * Version 3: the `coverage` store, one summary per account with contacts (lib/db/coverage.ts),
   * so the week and its exports stop reading every contact. Since version 4 the summaries are
   * packed with the records, so this step only makes the store that step 4 replaces.
   */
  3: (db) => {
    // Filled by step 4, which packs the summaries with the records (it always follows this one).
    (db as unknown as IDBPDatabase<TiercoverDB & LegacyRecordStores>).createObjectStore('coverage', { keyPath: 'accountId' });
  },

  /**
   * Version 4: accounts, contacts and coverage summaries packed (lib/db/packed.ts): the
   * one-record-each stores and their IndexedDB indexes made every bulk write cost ~130–290 µs a
   * record. Every record is moved into pages and key buckets and every summary recomputed in
   * this transaction, then the old stores go.
   */
  4: async (db, tx) => {
    db.createObjectStore('recordPages');
    db.createObjectStore('recordKeys');
    const old = legacy(tx);
    const [accounts, contacts] = await Promise.all([old.objectStore('accounts').getAll(), old.objectStore('contacts').getAll()]);
    await Promise.all([accountsIn(tx).putMany(accounts), contactsIn(tx).putMany(contacts)]);
    await rebuildCoverage(tx, contacts);
    const oldDb = db as unknown as IDBPDatabase<TiercoverDB & LegacyRecordStores>;
    oldDb.deleteObjectStore('accounts');
    oldDb.deleteObjectStore('contacts');
    oldDb.deleteObjectStore('coverage');
  },

  /**
   * Version 5: more, smaller pages and key buckets (sizes and measurements in lib/db/records.ts):
   * a week or an export reads records at random, and each costs its whole page. Every packed
   * record is read, its kind cleared, and everything put back at its new page and buckets.
   */
  5: async (_db, tx) => {
    await repack(accountsIn(tx));
    await repack(contactsIn(tx));
    await repack(summariesIn(tx));
  },

  /**
   * Version 6: each key bucket is one string (`encodeBucket` in lib/db/key-bucket.ts), not an object
   * of keys: IndexedDB wrote an object of a few hundred keys many times slower. Buckets already
   * written by steps 4 and 5 in this upgrade are strings already and are left alone.
   */
  6: async (_db, tx) => {
    const store = tx.objectStore('recordKeys');
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
    await Promise.all(
      keys.map((key, i) => {
        const refs = (values[i] as { refs?: unknown }).refs;
        if (!refs || typeof refs !== 'object') return undefined;
        return store.put({ list: encodeBucket(new Map(Object.entries(refs as Record<string, string>))) }, key);
      }),
    );
  },

  /**
   * Version 7: fewer, bigger pages and key buckets (sizes and measurements in lib/db/records.ts):
   * a value of an import's size is then over Chromium's 64 KB threshold and kept in a blob file
   * beside the database, which an import writes several times faster. Every account, contact and
   * coverage summary is put back at its new page and buckets.
   */
  7: async (_db, tx) => {
    await repack(accountsIn(tx));
    await repack(contactsIn(tx));
    await repack(summariesIn(tx));
  },
};

/** Every record of one kind put back under the kind's current page and bucket counts. */
async function repack<T, I extends string>(store: PackedStore<T, I>): Promise<void> {
  // getAll hands out the transaction's cached records; clear() drops the cache, not them.
  const all = await store.getAll();
  await store.clear();
  await store.putMany(all);
}

export const LATEST_DB_VERSION = Math.max(...Object.keys(MIGRATIONS).map(Number));

export async function runMigrations(db: IDBPDatabase<TiercoverDB>, oldVersion: number, newVersion: number, tx: UpgradeTx) {
  for (let v = oldVersion + 1; v <= newVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No upgrade step to database version ${v}`);
    await step(db, tx);
  }
  await tx.objectStore('meta').put({ key: 'schema', version: newVersion, upgradedAt: Date.now() });
}
