/**
 * The accounts' name order, kept (lib/db/account-name-order.ts): after any sequence of writes,
 * worker restarts and imports it answers what sorting every account answers, and once kept it
 * reads only the accounts that changed.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountsByName, forgetHeldNameOrder, nameOrderSaved, namesStartingWith } from '@/lib/db/account-name-order';
import { deleteAllData, type DB } from '@/lib/db/db';
import { PackedStore } from '@/lib/db/packed';
import { accountsIn, allAccounts, RECORD_STORES } from '@/lib/db/records';
import { compareEntries } from '@/lib/domain/account-index';
import { newAccount } from '@/lib/domain/records';
import type { Account } from '@/lib/domain/schema';
import { carriedWrite } from './helpers/carried-write';
import { useFreshDatabases } from './helpers/fresh-db';
import { putRecords } from './helpers/records';
import { fullBackup, restoreBackup } from '@/lib/io/csv-export';

const freshDb = useFreshDatabases('account-name-order-test');
afterEach(() => {
  vi.restoreAllMocks();
  forgetHeldNameOrder();
});

const account = (id: string, name = `Company ${id}`): Account => ({ ...newAccount({ name }, 1), id });

/** Sorting every account, as before the kept order: the truth to compare with. */
async function truth(db: DB) {
  return (await allAccounts(db)).map((a) => ({ nameKey: a.nameKey, id: a.id })).sort(compareEntries);
}

/** Read as the accounts list does, and wait until what was made is kept. */
async function read(db: DB) {
  const list = await accountsByName(db);
  await nameOrderSaved();
  return [...list];
}

/**
 * Read as the accounts list does (`restarted`: by a worker that has just started), with what it
 * read to answer: how many times every account, and which accounts one by one.
 */
async function readCounting(db: DB, restarted: boolean) {
  if (restarted) forgetHeldNameOrder();
  const getAll = vi.spyOn(PackedStore.prototype, 'getAll');
  const get = vi.spyOn(PackedStore.prototype, 'get');
  const list = await read(db);
  const counted = { list, everyAccount: getAll.mock.calls.length, oneByOne: get.mock.calls.map(([id]) => id).sort() };
  getAll.mockRestore();
  get.mockRestore();
  return counted;
}

async function removeAccount(db: DB, id: string) {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  await accountsIn(tx).delete(id);
  await tx.done;
}

const kept = async (db: DB) => db.transaction('meta').store.get('accountNameOrder:all');

describe("the accounts' name order, kept", () => {
  it('is read instead of every account once kept, also by a restarted worker, and reads only the accounts changed since', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)) });
    expect(await read(db)).toEqual(await truth(db));
    expect(await kept(db)).toBeDefined();

    // A restarted worker: the kept order, no account read.
    const restarted = await readCounting(db, true);
    expect(restarted).toMatchObject({ everyAccount: 0, oneByOne: [] });
    expect(restarted.list).toEqual(await truth(db));

    // One renamed to the front, one removed, one added; then a restarted worker again.
    await putRecords(db, { accounts: [account('a3', 'Aardvark Ltd'), account('a5', 'Zebra plc')] });
    await removeAccount(db, 'a2');
    const after = await readCounting(db, true);
    expect(after).toMatchObject({ everyAccount: 0, oneByOne: ['a2', 'a3', 'a5'] });
    expect(after.list).toEqual(await truth(db));
    expect(after.list.map((e) => e.id)).toEqual(['a3', 'a1', 'a4', 'a5']);

    // The worker's own copy brought up to date the same way, and kept again.
    await putRecords(db, { accounts: [account('a1', 'Middle GmbH')] });
    const patched = await readCounting(db, false);
    expect(patched).toMatchObject({ everyAccount: 0, oneByOne: ['a1'] });
    expect(patched.list).toEqual(await truth(db));
    const keptAgain = await readCounting(db, true);
    expect(keptAgain).toMatchObject({ everyAccount: 0, oneByOne: [] });
    expect(keptAgain.list).toEqual(await truth(db));
  });

  it('answers the name search from the kept order', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('x1', 'Acme Robotics'), account('x2', 'Acme Foods'), account('x3', 'Beta Corp')] });
    await read(db);
    forgetHeldNameOrder();
    expect((await namesStartingWith(db, 'acme', 10)).map((a) => a.name)).toEqual(['Acme Foods', 'Acme Robotics']);
  });

  it('is carried across an import too big for the journal, and read after it without reading every account', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: ['b1', 'b2', 'b3'].map((id) => account(id)) });
    await read(db);
    // Changed between the kept order and the import: read again by the carry.
    await putRecords(db, { accounts: [account('b2', 'Renamed Before Import')] });
    await carriedWrite(db, async (tx) => {
      const store = accountsIn(tx);
      await store.putMany([...Array.from({ length: 2100 }, (_, i) => account(`new-${i}`, `Imported ${i}`)), account('b1', 'Zz Last')]);
      await store.delete('b3');
    });
    const after = await readCounting(db, true);
    expect(after).toMatchObject({ everyAccount: 0, oneByOne: [] });
    expect(after.list).toEqual(await truth(db));
    expect(after.list).toHaveLength(2100 + 2);
  });

  it("is carried from nothing across a team's first import, and read after it without reading every account", async () => {
    const db = await freshDb();
    await carriedWrite(db, (tx) => accountsIn(tx).putMany(Array.from({ length: 2100 }, (_, i) => account(`first-${i}`, `First ${i}`))));
    const after = await readCounting(db, true);
    expect(after).toMatchObject({ everyAccount: 0, oneByOne: [] });
    expect(after.list).toEqual(await truth(db));
    expect(after.list).toHaveLength(2100);
  });

  it('is kept by a restore, in place of the order of the accounts it replaced', async () => {
    const from = await freshDb();
    await putRecords(from, { accounts: [account('r2', 'Beta Restored'), account('r1', 'Alpha Restored'), account('r3', 'Acme Restored')] });
    const backup = await fullBackup(from);
    const db = await freshDb();
    await putRecords(db, { accounts: [account('old-1'), account('old-2')] });
    await read(db);
    await restoreBackup(db, backup);
    const after = await readCounting(db, true);
    expect(after).toMatchObject({ everyAccount: 0, oneByOne: [] });
    expect(after.list).toEqual(await truth(db));
    expect(after.list.map((e) => e.id)).toEqual(['r3', 'r1', 'r2']);
  });

  // Changes the kept order cannot follow: each makes the next read read every account once.
  it.each([
    {
      what: 'a write too big for the journal, not carried',
      spoil: async (db: DB) => {
        const tx = db.transaction(RECORD_STORES, 'readwrite');
        await accountsIn(tx).putMany(Array.from({ length: 2100 }, (_, i) => account(`big-${i}`)));
        await tx.done;
      },
    },
    {
      what: 'a damaged kept value',
      spoil: async (db: DB) => {
        const tx = db.transaction('meta', 'readwrite');
        await tx.store.put({ key: 'accountNameOrder:all', ids: ['c2'] } as never);
        await tx.done;
      },
    },
  ])('is made again from every account after $what', async ({ spoil }) => {
    const db = await freshDb();
    await putRecords(db, { accounts: ['c1', 'c2'].map((id) => account(id)) });
    await read(db);
    await spoil(db);
    const again = await readCounting(db, true);
    expect(again.everyAccount).toBe(1);
    expect(again.list).toEqual(await truth(db));
  });

  it('goes with "delete all data"', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('d1')] });
    await read(db);
    expect(await kept(db)).toBeDefined();
    await deleteAllData(db);
    expect(await kept(db)).toBeUndefined();
    expect(await read(db)).toEqual([]);
  });

  it('answers what sorting every account answers, after any writes, restarts and carried imports', async () => {
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const names = ['Acme', 'acme', 'Beta', 'Zed', 'Ålborg', 'Acme Foods'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom(...ids), name: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('clear' as const) }),
      fc.record({ kind: fc.constant('carried' as const), id: fc.constantFrom(...ids), name: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('read' as const), restart: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const db = await freshDb();
        forgetHeldNameOrder();
        for (const o of ops) {
          if (o.kind === 'put') await putRecords(db, { accounts: [account(o.id, o.name)] });
          else if (o.kind === 'remove') await removeAccount(db, o.id);
          else if (o.kind === 'clear') {
            const tx = db.transaction(RECORD_STORES, 'readwrite');
            await accountsIn(tx).clear();
            await tx.done;
          } else if (o.kind === 'carried') {
            // A write too big for the journal, carried as an import carries it.
            await carriedWrite(db, (tx) => accountsIn(tx).putMany([...Array.from({ length: 2001 }, (_, i) => account(`bulk-${i}`, `Bulk ${i % 7}`)), account(o.id, o.name)]));
          } else {
            if (o.restart) forgetHeldNameOrder();
            expect(await read(db)).toEqual(await truth(db));
          }
        }
        forgetHeldNameOrder();
        expect(await read(db)).toEqual(await truth(db));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
