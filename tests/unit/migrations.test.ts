import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDatabase, type DB } from '@/lib/db/db';
import { ACCOUNT_KIND, CONTACT_KIND, RECORD_STORES, SUMMARY_KIND, accountsIn, contactsIn, summariesIn } from '@/lib/db/records';
import { decodeBucket } from '@/lib/db/key-bucket';
import { hash, PackedStore } from '@/lib/db/packed';
import type { LegacyRecordStores, TiercoverDB } from '@/lib/db/schema';
import { coverageOf, summarizeCoverage, type CoverageSummary } from '@/lib/domain/coverage';
import { defaultSettings, type Account, type Contact } from '@/lib/domain/schema';
import { LATEST_DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/db/migrations';
import { makeSampleData } from '@/lib/sample';
import { first } from './helpers/must';
import { byId, contactsOf, expectStoresMatch, getAccount, readRecords } from './helpers/records';
import { compareKeys } from '@/lib/domain/order';

/** A database of versions 1 to 3, which still had the one-record-each `accounts` and `contacts` stores. */
type LegacyDB = IDBPDatabase<TiercoverDB & LegacyRecordStores>;
const legacy = (db: DB) => db as unknown as LegacyDB;
const byAccountId = (list: CoverageSummary[]) => [...list].sort((a, b) => compareKeys(a.accountId, b.accountId));

interface StoreSchema {
  name: string;
  keyPath: string | string[] | null;
  indexes: { name: string; keyPath: string | string[]; unique?: boolean; multiEntry?: boolean }[];
}

interface Fixture {
  version: number;
  /** The stores and indexes of that version (v5.json, v6.json): the browser test builds a database from v5.json. */
  schema?: StoreSchema[];
  stores: Record<string, unknown[]>;
  /** Stores with out-of-line keys (version 4's `recordPages` and `recordKeys`): [key, value]. */
  keyed?: Record<string, [string, unknown][]>;
}
const fixture = (version: number) => JSON.parse(readFileSync(new URL(`../fixtures/db/v${version}.json`, import.meta.url), 'utf8')) as Fixture;

/** The stores and indexes of an open database, as a fixture lists them. */
function schemaOf(db: DB): StoreSchema[] {
  const tx = db.transaction([...db.objectStoreNames]);
  return [...db.objectStoreNames].sort().map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((i) => {
      const index = store.index(i);
      return { name: i, keyPath: index.keyPath as string | string[], ...(index.unique ? { unique: true } : {}), ...(index.multiEntry ? { multiEntry: true } : {}) };
    });
    return { name, keyPath: store.keyPath as string | string[] | null, indexes };
  });
}

/** A database at the fixture's version holding exactly its records. */
async function loadFixture(name: string, f: Fixture) {
  const db = legacy(await openDatabase(name, f.version));
  for (const [store, records] of Object.entries(f.stores)) {
    for (const r of records) await db.put(store as 'accounts', r as never);
  }
  return db;
}

/** Every store of a database as it is, records in key order. */
async function contentsOf(db: IDBPDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const store of [...db.objectStoreNames].sort()) out[store] = await db.getAll(store);
  return out;
}

describe('database upgrades', () => {
  it('walks every step from an empty database to the latest version, with every index', async () => {
    const db = await openDatabase('walk-test');
    expect(db.version).toBe(LATEST_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['links', 'meta', 'recordKeys', 'recordPages', 'settings', 'targets', 'ticks', 'weeks']);
    const tx = db.transaction([...RECORD_STORES, 'targets', 'ticks']);
    // Accounts and contacts are packed: their look-ups are key buckets, not IndexedDB indexes.
    expect([...tx.objectStore('recordPages').indexNames]).toEqual([]);
    expect([...tx.objectStore('recordKeys').indexNames]).toEqual([]);
    expect([...tx.objectStore('targets').indexNames].sort()).toEqual(['byAccount', 'byWeek', 'byWeekAccount']);
    expect([...tx.objectStore('ticks').indexNames].sort()).toEqual(['byTarget', 'byWeek']);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: LATEST_DB_VERSION });
    db.close();
  });

  it('a failing upgrade step keeps the old data and says so; the next open upgrades it to the latest', async () => {
    const name = 'failed-upgrade-test';
    const v1 = legacy(await openDatabase(name, 1));
    const sample = makeSampleData();
    const account = first(sample.accounts, 'sample accounts');
    const contact = first(sample.contacts.filter((c) => c.accountId === account.id), 'contacts of the first sample account');
    await v1.put('accounts', account);
    await v1.put('contacts', contact);
    v1.close();

    // A next version whose step throws halfway, after a destructive change (steps 2 to 4 ran before it).
    MIGRATIONS[LATEST_DB_VERSION + 1] = (db) => {
      db.deleteObjectStore('recordPages');
      throw new Error('step exploded');
    };
    try {
      await expect(openDatabase(name, LATEST_DB_VERSION + 1)).rejects.toThrow('Tiercover could not upgrade its data (step exploded); the previous data is kept unchanged.');
    } finally {
      delete MIGRATIONS[LATEST_DB_VERSION + 1];
    }

    const again = legacy((await openDB(name)) as unknown as DB);
    expect(again.version).toBe(1);
    expect(await again.get('accounts', account.id)).toEqual(account);
    expect(await again.get('contacts', contact.id)).toEqual(contact);
    again.close();

    // Version 1 to the latest in one open: the records are packed, their summary made.
    const db = await openDatabase(name);
    expect(await getAccount(db, account.id)).toEqual(account);
    expect(await contactsOf(db, account.id)).toEqual([contact]);
    expect(await summariesIn(db.transaction(RECORD_STORES)).get(account.id)).toEqual(summarizeCoverage(account.id, [contact]));
    db.close();
  });

  it('step 2 carries the standing facts of weeks started before it, down a chain of weeks', async () => {
    const name = 'carry-upgrade-test';
    const v1 = legacy(await openDatabase(name, 1));
    const acc = first(makeSampleData().accounts, 'sample accounts');
    const base = { createdAt: 1, updatedAt: 1, accountId: acc.id, keyContactIds: ['c1'], status: 'active' as const };
    await v1.put('accounts', acc);
    for (const [id, weekId, carriedFrom] of [['t47', '2026-W47'], ['t48', '2026-W48', '2026-W47'], ['t49', '2026-W49', '2026-W48']] as const) {
      await v1.put('weeks', { id: weekId, createdAt: 1, updatedAt: 1, reviewed: true });
      await v1.put('targets', { ...base, id, weekId, ...(carriedFrom ? { carriedFrom } : {}) });
    }
    const tick = (targetId: string, weekId: string, item: 'onNewsletter' | 'followedPersonal' | 'inRecentCampaign', done = true) =>
      ({ id: `${targetId}|c1|${item}`, weekId, targetId, contactId: 'c1', item, done, by: 'Morgan Lee', at: 1000 }) as const;
    await v1.put('ticks', tick('t47', '2026-W47', 'onNewsletter'));
    await v1.put('ticks', tick('t47', '2026-W47', 'followedPersonal'));
    await v1.put('ticks', tick('t47', '2026-W47', 'inRecentCampaign'));
    // In W49 someone unticked "followed": that decision stands.
    await v1.put('ticks', { ...tick('t49', '2026-W49', 'followedPersonal', false), by: 'Jo Alvarez', at: 2000 });
    v1.close();

    const db = await openDatabase(name, 2);
    const ticksOf = async (t: string) => (await db.getAllFromIndex('ticks', 'byTarget', t)).map((x) => [x.item, x.done, x.by, x.carriedFrom ?? null]).sort();
    expect(await ticksOf('t48')).toEqual([
      ['followedPersonal', true, 'Morgan Lee', '2026-W47'],
      ['onNewsletter', true, 'Morgan Lee', '2026-W47'],
    ]);
    expect(await ticksOf('t49')).toEqual([
      ['followedPersonal', false, 'Jo Alvarez', null],
      ['onNewsletter', true, 'Morgan Lee', '2026-W47'],
    ]);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: 2 });
    db.close();
  });

  it('steps 3 and 4 summarise the contacts of a version-2 database, packed with the records (fixture tests/fixtures/db/v2.json)', async () => {
    const v2fixture = fixture(2);
    const name = 'coverage-upgrade-test';
    const v2 = await loadFixture(name, v2fixture);
    expect([...v2.objectStoreNames]).not.toContain('coverage');
    v2.close();

    // Step 3 makes the summaries' first store, step 4 fills them packed and removes it.
    const db = await openDatabase(name);
    expect([...db.objectStoreNames]).not.toContain('coverage');
    // One summary per account with contacts; the account without any has none.
    expect((await summariesIn(db.transaction(RECORD_STORES)).getAll()).map((s) => s.accountId).sort()).toEqual(['acc-contoso', 'acc-northwind']);
    const nw = await summariesIn(db.transaction(RECORD_STORES)).get('acc-northwind');
    expect(nw).toEqual(summarizeCoverage('acc-northwind', byId(await contactsOf(db, 'acc-northwind'))));
    expect(nw).toMatchObject({ total: 4, left: 1, connected: 1, unverifiedSince: [1700000000000], mapped: true });
    // What the card and the exports say from it: three named (the one who left is not), one stale.
    const coverage = coverageOf(nw, defaultSettings(), Date.UTC(2026, 10, 26));
    expect(coverage).toMatchObject({ named: 3, left: 1, staleUnverified: 1, decisionMaker: true, departments: ['finance', 'it', 'marketing'] });
    expect(nw?.mapContacts.map((c) => c.name)).toEqual(['Ada Finch']);
    db.close();
  });

  it('a version-2 database walks to the latest version: every record found, summaries exact (fixture v2.json)', async () => {
    const v2fixture = fixture(2);
    const name = 'v2-to-latest-test';
    (await loadFixture(name, v2fixture)).close();

    const db = await openDatabase(name);
    expect(db.version).toBe(LATEST_DB_VERSION);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: LATEST_DB_VERSION });
    const accounts = v2fixture.stores.accounts as Account[];
    const contacts = v2fixture.stores.contacts as Contact[];
    await readRecords(db, (s) => expectStoresMatch(s, { accounts, contacts }));
    const withContacts = [...new Set(contacts.map((c) => c.accountId))].sort();
    expect(await summariesIn(db.transaction(RECORD_STORES)).getAll()).toEqual(withContacts.map((id) => summarizeCoverage(id, byId(contacts.filter((c) => c.accountId === id)))));
    for (const store of ['weeks', 'targets', 'ticks', 'links'] as const) expect(await db.getAll(store)).toEqual(v2fixture.stores[store]);
    db.close();
  });

  it('step 4 packs the accounts and contacts of a version-3 database and drops the old stores (fixture tests/fixtures/db/v3.json)', async () => {
    const v3fixture = fixture(3);
    const accounts = v3fixture.stores.accounts as Account[];
    const contacts = v3fixture.stores.contacts as Contact[];
    const name = 'packed-upgrade-test';
    const v3 = await loadFixture(name, v3fixture);
    expect([...v3.objectStoreNames]).toEqual(expect.arrayContaining(['accounts', 'contacts', 'coverage']));
    expect([...v3.objectStoreNames]).not.toContain('recordPages');
    v3.close();

    const db = await openDatabase(name, 4);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: 4 });
    expect([...db.objectStoreNames]).not.toContain('accounts');
    expect([...db.objectStoreNames]).not.toContain('contacts');
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining([...RECORD_STORES]));
    // Every account and contact by id and by each of its keys; nothing else found under those keys.
    await readRecords(db, (s) => expectStoresMatch(s, { accounts, contacts }, { ids: ['acc-none', 'con-none'], keys: ['nobody.example', 'hubspot:0'] }));
    // The fixture's own facts, spelled out: both accounts of one name, one account without contacts.
    await readRecords(db, async ({ accounts: a, contacts: c }) => {
      expect((await a.index('byNameKey').getAll('acme')).map((x) => x.id)).toEqual(['acc-acme-uk', 'acc-acme-us']);
      expect((await a.index('byDomain').get('nwa.example'))?.id).toBe('acc-northwind');
      expect((await a.index('byCrm').get('salesforce:0015g00000NwAbC'))?.id).toBe('acc-northwind');
      expect((await a.index('byLinkedinId').get('2040002'))?.id).toBe('acc-fabrikam');
      expect(await c.index('byAccount').getAll('acc-fabrikam')).toEqual([]);
      expect((await c.index('byAccount').getAll('acc-northwind')).map((x) => x.id)).toEqual(['con-nw-1', 'con-nw-2', 'con-nw-3', 'con-nw-4']);
      expect((await c.index('byEmail').get('eve@contoso.example'))?.id).toBe('con-ct-1');
      expect((await c.index('byCrm').get('salesforce:0035g00000EveLa'))?.id).toBe('con-ct-1');
      expect(await a.count()).toBe(5);
      expect(await c.count()).toBe(6);
    });
    // The coverage store is not touched, and it still equals a summary made from the packed contacts.
    const coverage = v3fixture.stores.coverage as CoverageSummary[];
    expect(await summariesIn(db.transaction(RECORD_STORES)).getAll()).toEqual(coverage);
    for (const s of coverage) expect(s).toEqual(summarizeCoverage(s.accountId, await contactsOf(db, s.accountId)));
    // The other stores as they were.
    for (const store of ['weeks', 'targets', 'ticks', 'links'] as const) expect(await db.getAll(store)).toEqual(v3fixture.stores[store]);
    db.close();
  });

  it('a step 4 that fails after packing keeps the version-3 database exactly as it was', async () => {
    const v3fixture = fixture(3);
    const name = 'packed-upgrade-fails-test';
    const v3 = await loadFixture(name, v3fixture);
    const before = await contentsOf(v3 as unknown as IDBPDatabase);
    v3.close();

    // The real step, then a failure: the new stores are filled and the old ones deleted by then.
    const real = MIGRATIONS[4]!;
    MIGRATIONS[4] = async (db, tx) => {
      await real(db, tx);
      throw new Error('disk went away');
    };
    try {
      await expect(openDatabase(name, 4)).rejects.toThrow('Tiercover could not upgrade its data (disk went away); the previous data is kept unchanged.');
    } finally {
      MIGRATIONS[4] = real;
    }

    const again = await openDB(name);
    expect(again.version).toBe(3);
    expect(await contentsOf(again)).toEqual(before);
    expect(before.accounts).toHaveLength(v3fixture.stores.accounts!.length);
    again.close();

    // With the step whole again the same database upgrades.
    const db = await openDatabase(name, 4);
    expect(await readRecords(db, (s) => s.contacts.count())).toBe(v3fixture.stores.contacts!.length);
    db.close();
  });

  it('step 5 repacks a version-4 database into the new page and bucket counts (fixture tests/fixtures/db/v4.json, plus the sample packed at the old counts)', async () => {
    const name = 'repack-test';
    const v4fixture = fixture(4);
    const v3fixture = fixture(3); // v4.json was made from it by step 4: the same records
    const sample = makeSampleData();
    const v4 = await openDatabase(name, 4);
    for (const [store, records] of Object.entries(v4fixture.stores)) for (const r of records) await legacy(v4).put(store as 'weeks', r as never);
    for (const [store, entries] of Object.entries(v4fixture.keyed ?? {})) for (const [k, v] of entries) await v4.put(store as 'recordPages', v as never, k);
    // The sample too, packed at version 4's counts (512 account pages and buckets, 1,024 contact
    // pages and buckets, 512 summary pages): enough records to share pages and buckets.
    const tx = v4.transaction(RECORD_STORES, 'readwrite');
    await new PackedStore(tx, { ...ACCOUNT_KIND, pages: 512, buckets: 512 }).putMany(structuredClone(sample.accounts));
    await new PackedStore(tx, { ...CONTACT_KIND, pages: 1024, buckets: 1024 }).putMany(structuredClone(sample.contacts));
    const sampleSummaries = byAccountId(sample.accounts.map((a) => summarizeCoverage(a.id, sample.contacts.filter((c) => c.accountId === a.id))).filter((x) => x.total > 0));
    await new PackedStore(tx, { ...SUMMARY_KIND, pages: 512 }).putMany(structuredClone(sampleSummaries));
    await tx.done;
    v4.close();

    const db = await openDatabase(name, 5);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: 5 });
    const accounts = [...(v3fixture.stores.accounts as Account[]), ...sample.accounts];
    const contacts = [...(v3fixture.stores.contacts as Contact[]), ...sample.contacts];
    // Every record by id and by each of its keys, counts and getAll exact.
    await readRecords(db, (s) => expectStoresMatch(s, { accounts, contacts }, { ids: ['acc-none', 'con-none'], keys: ['nobody.example', 'hubspot:0'] }));
    const summaries = byAccountId([...(v3fixture.stores.coverage as CoverageSummary[]), ...sampleSummaries]);
    expect(await summariesIn(db.transaction(RECORD_STORES)).getAll()).toEqual(summaries);
    // Every page and bucket is where the new counts put it: nothing left at an old number.
    const pageKeys = (await db.getAllKeys('recordPages')) as string[];
    const bucketKeys = (await db.getAllKeys('recordKeys')) as string[];
    const expectedPages = new Set([
      ...accounts.map((a) => `a:${hash(a.id) % ACCOUNT_KIND.pages}`),
      ...contacts.map((c) => `c:${hash(c.accountId) % CONTACT_KIND.pages}`),
      ...summaries.map((x) => `s:${hash(x.accountId) % SUMMARY_KIND.pages}`),
    ]);
    expect(new Set(pageKeys)).toEqual(expectedPages);
    // Besides the buckets: each kind's count record and its journal.
    for (const k of bucketKeys.filter((k) => !k.endsWith(':count') && !/^[acs]:j:/.test(k))) {
      const [prefix, n] = k.split(':');
      expect(Number(n)).toBeLessThan(prefix === 'a' ? ACCOUNT_KIND.buckets : CONTACT_KIND.buckets);
    }
    for (const store of ['weeks', 'targets', 'ticks', 'links'] as const) expect(await db.getAll(store)).toEqual(v4fixture.stores[store]);
    db.close();
  });

  it.each([5, 6])('the version-%i fixture lists exactly the stores and indexes the steps up to it make (tests/e2e/upgrade.e2e.ts builds a database from v5.json)', async (version) => {
    const db = await openDatabase(`schema-of-${version}`, version);
    expect(schemaOf(db)).toEqual(fixture(version).schema);
    db.close();
  });

  it('step 6 turns every key bucket of a version-5 database into one string, and every record is found as before (fixture tests/fixtures/db/v5.json)', async () => {
    const name = 'bucket-strings-test';
    const v5fixture = fixture(5);
    const v3fixture = fixture(3); // v5.json was made from it by steps 4 and 5: the same records
    const v5 = await openDatabase(name, 5);
    for (const [store, records] of Object.entries(v5fixture.stores)) for (const r of records) await legacy(v5).put(store as 'weeks', r as never);
    for (const [store, entries] of Object.entries(v5fixture.keyed ?? {})) for (const [k, v] of entries) await v5.put(store as 'recordPages', v as never, k);
    v5.close();
    const oldBuckets = (v5fixture.keyed?.recordKeys ?? []).filter(([, v]) => (v as { refs?: unknown }).refs);
    expect(oldBuckets.length).toBeGreaterThan(10);

    const db = await openDatabase(name, 6);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: 6 });
    for (const [key, v] of oldBuckets) {
      const now = (await db.get('recordKeys', key)) as { list?: string; refs?: unknown };
      expect(now.refs, key).toBeUndefined();
      expect(Object.fromEntries(decodeBucket(now.list)), key).toEqual((v as { refs: Record<string, string> }).refs);
    }
    // Count records and journals are not buckets: unchanged.
    for (const [key, v] of v5fixture.keyed?.recordKeys ?? []) if (!(v as { refs?: unknown }).refs) expect(await db.get('recordKeys', key), key).toEqual(v);
    db.close();
    // Read through the latest version's page counts (step 7 repacks): every record found as before.
    const latest = await openDatabase(name);
    const accounts = v3fixture.stores.accounts as Account[];
    const contacts = v3fixture.stores.contacts as Contact[];
    await readRecords(latest, (s) => expectStoresMatch(s, { accounts, contacts }, { ids: ['acc-none', 'con-none'], keys: ['nobody.example', 'hubspot:0'] }));
    latest.close();
  });

  it('step 7 repacks a version-6 database into fewer, bigger pages and buckets; every record is found as before (fixture tests/fixtures/db/v6.json, plus the sample packed at the old counts)', async () => {
    const name = 'bigger-pages-test';
    const v6fixture = fixture(6);
    const v3fixture = fixture(3); // v6.json was made from it by steps 4 to 6: the same records
    const sample = makeSampleData();
    const v6 = await openDatabase(name, 6);
    for (const [store, records] of Object.entries(v6fixture.stores)) for (const r of records) await legacy(v6).put(store as 'weeks', r as never);
    for (const [store, entries] of Object.entries(v6fixture.keyed ?? {})) for (const [k, v] of entries) await v6.put(store as 'recordPages', v as never, k);
    // The sample too, packed at version 6's counts (accounts 2,048 pages and 1,024 buckets,
    // contacts 4,096 and 4,096, summaries 2,048 pages): records that share buckets, and pages that
    // step 7 merges.
    const oldAccounts = { ...ACCOUNT_KIND, pages: 2048, buckets: 1024 };
    const oldContacts = { ...CONTACT_KIND, pages: 4096, buckets: 4096 };
    const oldSummaries = { ...SUMMARY_KIND, pages: 2048 };
    const sampleSummaries = sample.accounts.map((a) => summarizeCoverage(a.id, sample.contacts.filter((c) => c.accountId === a.id))).filter((x) => x.total > 0);
    let tx = v6.transaction(RECORD_STORES, 'readwrite');
    await new PackedStore(tx, oldAccounts).putMany(structuredClone(sample.accounts));
    await new PackedStore(tx, oldContacts).putMany(structuredClone(sample.contacts));
    await new PackedStore(tx, oldSummaries).putMany(structuredClone(sampleSummaries));
    await tx.done;
    tx = v6.transaction(RECORD_STORES);
    const before = { accounts: await new PackedStore(tx, oldAccounts).stamp(), contacts: await new PackedStore(tx, oldContacts).stamp(), summaries: await new PackedStore(tx, oldSummaries).getAll() };
    v6.close();
    const accounts = [...(v3fixture.stores.accounts as Account[]), ...sample.accounts];
    const contacts = [...(v3fixture.stores.contacts as Contact[]), ...sample.contacts];
    const oldPages = new Set([
      ...accounts.map((a) => `a:${hash(a.id) % 2048}`),
      ...contacts.map((c) => `c:${hash(c.accountId) % 4096}`),
      ...before.summaries.map((x) => `s:${hash(x.accountId) % 2048}`),
    ]);

    const db = await openDatabase(name, 7);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: 7 });
    // Every record by id and by each of its keys, counts and getAll exact.
    await readRecords(db, (s) => expectStoresMatch(s, { accounts, contacts }, { ids: ['acc-none', 'con-none'], keys: ['nobody.example', 'hubspot:0'] }));
    const after = db.transaction(RECORD_STORES);
    expect(await summariesIn(after).getAll()).toEqual(before.summaries);
    // Every page and bucket is where the new counts put it: nothing left at an old number.
    const pageKeys = (await db.getAllKeys('recordPages')) as string[];
    const newPages = new Set([
      ...accounts.map((a) => `a:${hash(a.id) % ACCOUNT_KIND.pages}`),
      ...contacts.map((c) => `c:${hash(c.accountId) % CONTACT_KIND.pages}`),
      ...before.summaries.map((x) => `s:${hash(x.accountId) % SUMMARY_KIND.pages}`),
    ]);
    expect(new Set(pageKeys)).toEqual(newPages);
    expect(newPages).not.toEqual(oldPages);
    for (const k of ((await db.getAllKeys('recordKeys')) as string[]).filter((k) => !k.endsWith(':count') && !/^[acs]:j:/.test(k))) {
      const [prefix, n] = k.split(':');
      expect(Number(n), k).toBeLessThan(prefix === 'a' ? ACCOUNT_KIND.buckets : CONTACT_KIND.buckets);
    }
    // Both kinds changed, so a cache made of them before (a week digest) is made again.
    const stamps = db.transaction(RECORD_STORES);
    expect(await accountsIn(stamps).stamp()).not.toEqual(before.accounts);
    expect(await contactsIn(stamps).stamp()).not.toEqual(before.contacts);
    for (const store of ['weeks', 'targets', 'ticks', 'links'] as const) expect(await db.getAll(store)).toEqual(v6fixture.stores[store]);
    db.close();
  });

  it('refuses a version with no step', async () => {
    await expect(
      runMigrations({} as never, LATEST_DB_VERSION, LATEST_DB_VERSION + 5, { objectStore: () => ({ put: async () => undefined }) } as never),
    ).rejects.toThrow(`No upgrade step to database version ${LATEST_DB_VERSION + 1}`);
  });
});
