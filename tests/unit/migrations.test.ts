import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDatabase } from '@/lib/db/db';
import { coverageOf, summarizeCoverage } from '@/lib/domain/coverage';
import { defaultSettings } from '@/lib/domain/schema';
import { LATEST_DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/db/migrations';
import { makeSampleData } from '@/lib/sample';
import { first } from './helpers/must';

describe('database upgrades', () => {
  it('walks every step from an empty database to the latest version, with every index', async () => {
    const db = await openDatabase('walk-test');
    expect(db.version).toBe(LATEST_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'contacts', 'coverage', 'links', 'meta', 'settings', 'targets', 'ticks', 'weeks']);
    const tx = db.transaction(['accounts', 'contacts', 'targets', 'ticks']);
    expect([...tx.objectStore('accounts').indexNames].sort()).toEqual(['byCrm', 'byDomain', 'byLinkedinId', 'byLinkedinSlug', 'byNameKey']);
    expect([...tx.objectStore('contacts').indexNames].sort()).toEqual(['byAccount', 'byCrm', 'byEmail', 'byLinkedinSlug']);
    expect([...tx.objectStore('targets').indexNames].sort()).toEqual(['byAccount', 'byWeek', 'byWeekAccount']);
    expect([...tx.objectStore('ticks').indexNames].sort()).toEqual(['byTarget', 'byWeek']);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: LATEST_DB_VERSION });
    db.close();
  });

  it('a failing upgrade step keeps the old data and says so', async () => {
    const name = 'failed-upgrade-test';
    const v1 = await openDatabase(name, 1);
    const sample = makeSampleData();
    const account = first(sample.accounts, 'sample accounts');
    await v1.put('accounts', account);
    v1.close();

    // A next version whose step throws halfway, after a destructive change.
    MIGRATIONS[LATEST_DB_VERSION + 1] = (db) => {
      db.deleteObjectStore('accounts');
      throw new Error('step exploded');
    };
    try {
      await expect(openDatabase(name, LATEST_DB_VERSION + 1)).rejects.toThrow('Tiercover could not upgrade its data (step exploded); the previous data is kept unchanged.');
    } finally {
      delete MIGRATIONS[LATEST_DB_VERSION + 1];
    }

    const again = await openDB(name);
    expect(again.version).toBe(1);
    expect(await again.get('accounts', account.id)).toEqual(account);
    again.close();
  });

  it('step 2 carries the standing facts of weeks started before it, down a chain of weeks', async () => {
    const name = 'carry-upgrade-test';
    const v1 = await openDatabase(name, 1);
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

  it('step 3 summarises the contacts of a version-2 database into the coverage store (fixture tests/fixtures/db/v2.json)', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/db/v2.json', import.meta.url), 'utf8')) as { version: number; stores: Record<string, unknown[]> };
    const name = 'coverage-upgrade-test';
    const v2 = await openDatabase(name, fixture.version);
    for (const [store, records] of Object.entries(fixture.stores)) {
      for (const r of records) await v2.put(store as 'accounts', r as never);
    }
    expect([...v2.objectStoreNames]).not.toContain('coverage');
    v2.close();

    const db = await openDatabase(name, 3);
    expect(await db.get('meta', 'schema')).toMatchObject({ version: 3 });
    // Nothing else changed.
    for (const [store, records] of Object.entries(fixture.stores)) expect(await db.getAll(store as 'accounts')).toHaveLength(records.length);
    // One summary per account with contacts; the account without any has none.
    expect((await db.getAllKeys('coverage')).sort()).toEqual(['acc-contoso', 'acc-northwind']);
    const nw = await db.get('coverage', 'acc-northwind');
    expect(nw).toEqual(summarizeCoverage('acc-northwind', await db.getAllFromIndex('contacts', 'byAccount', 'acc-northwind')));
    expect(nw).toMatchObject({ total: 4, left: 1, connected: 1, unverifiedSince: [1700000000000], mapped: true });
    // What the card and the exports say from it: three named (the one who left is not), one stale.
    const coverage = coverageOf(nw, defaultSettings(), Date.UTC(2026, 10, 26));
    expect(coverage).toMatchObject({ named: 3, left: 1, staleUnverified: 1, decisionMaker: true, departments: ['finance', 'it', 'marketing'] });
    expect(nw?.mapContacts.map((c) => c.name)).toEqual(['Ada Finch']);
    db.close();
  });

  it('refuses a version with no step', async () => {
    await expect(
      runMigrations({} as never, LATEST_DB_VERSION, LATEST_DB_VERSION + 5, { objectStore: () => ({ put: async () => undefined }) } as never),
    ).rejects.toThrow(`No upgrade step to database version ${LATEST_DB_VERSION + 1}`);
  });
});
