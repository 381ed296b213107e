/**
 * Every contact of a week's accounts, kept for its bundle (lib/db/week-account-contacts.ts): read
 * after any sequence of writes it answers exactly what reading every account's page answers, and
 * once kept it reads only the contacts that changed.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/lib/db/db';
import { PackedStore } from '@/lib/db/packed';
import { contactsIn, RECORD_STORES } from '@/lib/db/records';
import { readWeekAccountContacts, saveWeekAccountContacts } from '@/lib/db/week-account-contacts';
import { DIGEST_STORES } from '@/lib/db/week-digest';
import { refreshCoverage } from '@/lib/db/coverage';
import { newAccount, newContact } from '@/lib/domain/records';
import type { Account, Contact } from '@/lib/domain/schema';
import { putRecords } from './helpers/records';
import { carriedWrite } from './helpers/carried-write';
import { useFreshDatabases } from './helpers/fresh-db';

const freshDb = useFreshDatabases('week-account-contacts-test');
afterEach(() => vi.restoreAllMocks());

const account = (id: string): Account => ({ ...newAccount({ name: `Company ${id}` }, 1), id });
const contact = (id: string, accountId: string, o: Partial<Contact> = {}): Contact => ({ ...newContact({ name: `Person ${id}`, accountId, ...o }, 1), id, ...o });
const WEEK = '2026-W49';

/** Read as the bundle does, and keep what was made. */
async function readAndKeep(db: DB, accountIds: string[]) {
  const r = await readWeekAccountContacts(db.transaction(DIGEST_STORES), WEEK, accountIds);
  if (r.fresh) await saveWeekAccountContacts(db, r.fresh);
  return r;
}

/** Every account's page read, as before the kept value: the truth to compare with. */
async function truth(db: DB, accountIds: string[]) {
  const tx = db.transaction(RECORD_STORES);
  return (await Promise.all(accountIds.map((id) => contactsIn(tx).index('byAccount').getAll(id)))).flat();
}

async function removeContact(db: DB, id: string) {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  await contactsIn(tx).delete(id);
  await tx.done;
}

describe("a week's account contacts, kept for its bundle", () => {
  it('is read instead of the pages once kept, and reads again only the contacts that changed', async () => {
    const db = await freshDb();
    // A week of 60 accounts: a few changed contacts are read one by one (more than a tenth of the
    // accounts, and every page is read again).
    const accounts = Array.from({ length: 60 }, (_, i) => `a${i + 1}`);
    await putRecords(db, {
      accounts: [...accounts, 'elsewhere'].map(account),
      contacts: [contact('c1', 'a1'), contact('c2', 'a1'), contact('c3', 'a2'), contact('c9', 'elsewhere')],
    });
    const first = await readAndKeep(db, accounts);
    expect(first.fresh).toBeDefined();
    expect(first.contacts).toEqual(await truth(db, accounts));

    // Kept and nothing changed: no page is read, and nothing is stored again.
    const pageReads = vi.spyOn(PackedStore.prototype, 'findMany');
    const gets = vi.spyOn(PackedStore.prototype, 'get');
    const again = await readAndKeep(db, accounts);
    expect(again.fresh).toBeUndefined();
    expect(again.contacts).toEqual(first.contacts);
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual([]);
    expect(gets).not.toHaveBeenCalled();

    // One renamed, one moved in from elsewhere, one moved out, one added, one removed.
    await putRecords(db, { contacts: [contact('c1', 'a1', { title: 'CFO' }), contact('c9', 'a3'), contact('c3', 'elsewhere'), contact('c4', 'a2')] });
    await removeContact(db, 'c2');
    pageReads.mockClear();
    gets.mockClear();
    const changed = await readAndKeep(db, accounts);
    expect(changed.contacts).toEqual(await truth(db, accounts));
    expect(changed.contacts.map((c) => c.id)).toEqual(['c1', 'c4', 'c9']);
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual([]);
    expect(gets.mock.calls.map(([id]) => id).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c9']);

    // An account the kept value does not hold: only its page is read.
    await putRecords(db, { accounts: [account('a61')], contacts: [contact('c5', 'a61')] });
    pageReads.mockClear();
    const more = await readAndKeep(db, [...accounts, 'a61']);
    expect(more.contacts).toEqual(await truth(db, [...accounts, 'a61']));
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual(['a61']);

    // A target added on an account with no contact changed since: read once, then kept with the rest.
    await putRecords(db, { accounts: [account('a62')] });
    const week = [...accounts, 'a61', 'a62'];
    await readAndKeep(db, week);
    pageReads.mockClear();
    expect((await readAndKeep(db, week)).contacts).toEqual(await truth(db, week));
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual([]);
  });

  it("a new week's first bundle reads from last week's kept value, only the pages it lacks, and keeps its own", async () => {
    const db = await freshDb();
    const NEXT = '2026-W50';
    const lastWeek = Array.from({ length: 20 }, (_, i) => `a${i + 1}`);
    await putRecords(db, { accounts: [...lastWeek, 'a21'].map(account), contacts: [contact('c1', 'a1'), contact('c2', 'a2'), contact('c3', 'a21')] });
    await readAndKeep(db, lastWeek);
    // The same accounts, nothing changed: still kept for the new week, which has none of its own.
    expect((await readWeekAccountContacts(db.transaction(DIGEST_STORES), NEXT, lastWeek)).fresh).toMatchObject({ key: `weekAccountContacts:${NEXT}` });
    await putRecords(db, { contacts: [contact('c1', 'a1', { title: 'CFO' })] });

    // The new week: last week's accounts but a20, and a21.
    const week = [...lastWeek.slice(0, 19), 'a21'];
    const pageReads = vi.spyOn(PackedStore.prototype, 'findMany');
    const r = await readWeekAccountContacts(db.transaction(DIGEST_STORES), NEXT, week);
    expect(r.contacts).toEqual(await truth(db, week));
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual(['a21']);
    // Kept for the new week, for its own accounts only.
    expect(r.fresh).toMatchObject({ key: `weekAccountContacts:${NEXT}`, weekId: NEXT, accountIds: week });
  });

  it('reads every page again after a change too big to list, or more changes than are worth reading one by one', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('a1')], contacts: [contact('c1', 'a1')] });
    await readAndKeep(db, ['a1']);
    // More than a journal entry lists (an import): the kept value cannot tell what changed.
    await putRecords(db, { accounts: [account('big')], contacts: Array.from({ length: 2001 }, (_, i) => contact(`big-${i}`, 'big')) });
    await putRecords(db, { contacts: [contact('c2', 'a1')] });
    const pageReads = vi.spyOn(PackedStore.prototype, 'findMany');
    const r = await readAndKeep(db, ['a1']);
    expect(r.contacts).toEqual(await truth(db, ['a1']));
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual(['a1']);
  });

  it('is carried across an import too big for the journal: the next bundle reads no page', async () => {
    const db = await freshDb();
    const accounts = Array.from({ length: 20 }, (_, i) => `a${i}`);
    await putRecords(db, { accounts: [...accounts, 'elsewhere'].map(account), contacts: [contact('c1', 'a1'), contact('c2', 'a2'), contact('c3', 'a3')] });
    await readAndKeep(db, accounts);
    // 2,100 people at one of the week's accounts, one moved out of the week, one moved in.
    await carriedWrite(db, async (tx) => {
      await contactsIn(tx).putMany([...Array.from({ length: 2100 }, (_, i) => contact(`new-${i}`, 'a4')), contact('c2', 'elsewhere'), contact('moved-in', 'a5')]);
      await refreshCoverage(tx, ['a4', 'a2', 'elsewhere', 'a5']);
    });
    const pageReads = vi.spyOn(PackedStore.prototype, 'findMany');
    const r = await readAndKeep(db, accounts);
    expect(r.fresh).toBeUndefined();
    expect(r.contacts).toEqual(await truth(db, accounts));
    expect(r.contacts).toHaveLength(2 + 2100 + 1);
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual([]);
  });

  it('is not carried when a contact changed between it and the import: the next bundle reads every page', async () => {
    const db = await freshDb();
    const accounts = Array.from({ length: 20 }, (_, i) => `a${i}`);
    await putRecords(db, { accounts: [...accounts, 'elsewhere'].map(account), contacts: [contact('c1', 'a1'), contact('c9', 'elsewhere')] });
    await readAndKeep(db, accounts);
    // Moved into the week's accounts before the import, which never holds its page.
    await putRecords(db, { contacts: [contact('c9', 'a7')] });
    await carriedWrite(db, (tx) => contactsIn(tx).putMany(Array.from({ length: 2100 }, (_, i) => contact(`new-${i}`, 'elsewhere'))));
    const pageReads = vi.spyOn(PackedStore.prototype, 'findMany');
    const r = await readAndKeep(db, accounts);
    expect(r.contacts).toEqual(await truth(db, accounts));
    expect(r.contacts.map((c) => c.id)).toContain('c9');
    expect(pageReads.mock.calls.flatMap(([, keys]) => keys)).toEqual(accounts);
  });

  it('goes with the data: deleting all data and restoring a backup delete it', async () => {
    const { deleteAllData } = await import('@/lib/db/db');
    const { fullBackup, restoreBackup } = await import('@/lib/io/csv-export');
    const db = await freshDb();
    const kept = async () => ((await db.getAllKeys('meta')) as string[]).filter((k) => k.startsWith('weekAccountContacts:'));
    await putRecords(db, { accounts: [account('a1')], contacts: [contact('c1', 'a1')] });
    await readAndKeep(db, ['a1']);
    expect(await kept()).toEqual([`weekAccountContacts:${WEEK}`]);
    await restoreBackup(db, await fullBackup(db));
    expect(await kept()).toEqual([]);
    await readAndKeep(db, ['a1']);
    await deleteAllData(db);
    expect(await kept()).toEqual([]);
  });

  it('after any sequence of writes, answers exactly what every account\'s page answers (property)', async () => {
    const accounts = ['a0', 'a1', 'a2', 'a3'];
    const contactIds = ['c0', 'c1', 'c2', 'c3', 'c4'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom(...contactIds), accountId: fc.constantFrom(...accounts), title: fc.constantFrom('CEO', 'CFO', '') }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...contactIds) }),
      fc.record({ kind: fc.constant('clear' as const) }),
      fc.record({ kind: fc.constant('read' as const), ids: fc.subarray(accounts, { minLength: 1 }) }),
      // A bulk writer's transaction, the kept values carried across it: a contact put or moved, another removed.
      fc.record({ kind: fc.constant('carried' as const), id: fc.constantFrom(...contactIds), accountId: fc.constantFrom(...accounts), drop: fc.option(fc.constantFrom(...contactIds)) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops) => {
        const db = await freshDb();
        await putRecords(db, { accounts: accounts.map(account) });
        for (const o of ops) {
          if (o.kind === 'put') await putRecords(db, { contacts: [contact(o.id, o.accountId, { title: o.title || undefined })] });
          else if (o.kind === 'remove') await removeContact(db, o.id);
          else if (o.kind === 'carried') {
            await carriedWrite(db, async (tx) => {
              await contactsIn(tx).put(contact(o.id, o.accountId, { title: 'Bulk' }));
              if (o.drop && o.drop !== o.id) await contactsIn(tx).delete(o.drop);
            });
          }
          else if (o.kind === 'clear') {
            const tx = db.transaction(RECORD_STORES, 'readwrite');
            await contactsIn(tx).clear();
            await tx.done;
          } else expect((await readAndKeep(db, o.ids)).contacts).toEqual(await truth(db, o.ids));
        }
        expect((await readAndKeep(db, accounts)).contacts).toEqual(await truth(db, accounts));
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
