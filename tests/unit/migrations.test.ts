import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/db';
import { LATEST_DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/db/migrations';
import { makeSampleData } from '@/lib/sample';

describe('database upgrades', () => {
  it('walks every step from an empty database to the latest version, with every index', async () => {
    const db = await openDatabase('walk-test');
    expect(db.version).toBe(LATEST_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'contacts', 'links', 'meta', 'settings', 'targets', 'ticks', 'weeks']);
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
    await v1.put('accounts', sample.accounts[0]);
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
    expect(await again.get('accounts', sample.accounts[0].id)).toEqual(sample.accounts[0]);
    again.close();
  });

  it('refuses a version with no step', async () => {
    await expect(
      runMigrations({} as never, LATEST_DB_VERSION, LATEST_DB_VERSION + 5, { objectStore: () => ({ put: async () => undefined }) } as never),
    ).rejects.toThrow(`No upgrade step to database version ${LATEST_DB_VERSION + 1}`);
  });
});
