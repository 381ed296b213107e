/**
 * The kinds' journals (lib/db/packed.ts `stamp` / `changedSince`) and the week digest built on
 * them (lib/db/week-digest.ts): a digest read after any sequence of writes answers exactly what
 * reading the records answers, and reads only the records that changed since it was made.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/lib/db/db';
import { PackedStore } from '@/lib/db/packed';
import { accountsIn, contactsIn, RECORD_STORES, summariesIn } from '@/lib/db/records';
import { contactRef, DIGEST_STORES, readWeekRecords, saveWeekContacts, saveWeekDigest, type WeekDigest } from '@/lib/db/week-digest';
import { refreshCoverage } from '@/lib/db/coverage';
import { newAccount, newContact } from '@/lib/domain/records';
import type { Account, Contact } from '@/lib/domain/schema';
import { putRecords } from './helpers/records';
import { carriedWrite } from './helpers/carried-write';
import { useFreshDatabases } from './helpers/fresh-db';

const freshDb = useFreshDatabases('week-digest-test');
afterEach(() => vi.restoreAllMocks());

const account = (id: string, o: Partial<Account> = {}): Account => ({ ...newAccount({ name: `Company ${id}`, ...o }, 1), id, ...o });
const contact = (id: string, accountId: string, o: Partial<Contact> = {}): Contact => ({ ...newContact({ name: `Person ${id}`, accountId, ...o }, 1), id, ...o });
const WEEK = '2026-W49';

const stampOf = (db: DB) => accountsIn(db.transaction(RECORD_STORES)).stamp();
const changedSince = (db: DB, since: { version: number; seq: number }) => accountsIn(db.transaction(RECORD_STORES)).changedSince(since);

async function deleteAccount(db: DB, id: string) {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  await accountsIn(tx).delete(id);
  await tx.done;
}

/** Read the week's records through the digest and store the digest it made, as the week page does. */
async function readAndSave(db: DB, ids: string[]) {
  const r = await readWeekRecords(db.transaction(DIGEST_STORES), WEEK, { accountIds: ids });
  if (r.fresh) await saveWeekDigest(db, r.fresh);
  return r;
}

type Ref = { accountId: string; id: string };
/**
 * Read the week's key contacts as an export does: what the stored ones answer, the rest from
 * their pages in the same transaction, and all of them stored when any had to be read.
 */
async function readContactsAndSave(db: DB, refs: Ref[]) {
  const tx = db.transaction(DIGEST_STORES);
  const r = await readWeekRecords(tx, WEEK, { accountIds: [], keyContacts: refs });
  const found = new Map<string, Contact | null>();
  for (const { accountId, id } of refs) {
    const ref = contactRef(accountId, id);
    found.set(ref, r.keyContacts.has(ref) ? (r.keyContacts.get(ref) ?? null) : ((await contactsIn(tx).getIn(accountId, id)) ?? null));
  }
  if (r.keyContactsMissing) await saveWeekContacts(db, WEEK, r.contactStamp, found);
  return { r, found };
}
async function contactTruth(db: DB, refs: Ref[]) {
  const tx = db.transaction(RECORD_STORES);
  return new Map(await Promise.all(refs.map(async ({ accountId, id }) => [contactRef(accountId, id), (await contactsIn(tx).getIn(accountId, id)) ?? null] as const)));
}

/** What reading every record answers, for comparison. */
async function truth(db: DB, ids: string[]) {
  const tx = db.transaction(RECORD_STORES);
  const [as, ss] = await Promise.all([Promise.all(ids.map((id) => accountsIn(tx).get(id))), Promise.all(ids.map((id) => summariesIn(tx).get(id)))]);
  return { accounts: as.filter((a) => !!a), summaries: ss.filter((s) => !!s) };
}
const asLists = (r: { accounts: Map<string, Account>; summaries: Map<string, unknown> }, ids: string[]) => ({
  accounts: ids.flatMap((id) => r.accounts.get(id) ?? []),
  summaries: ids.flatMap((id) => r.summaries.get(id) ?? []),
});

describe('a kind’s journal', () => {
  it('lists the ids each transaction put or deleted, across transactions, and nothing when nothing changed', async () => {
    const db = await freshDb();
    expect(await stampOf(db)).toEqual({ version: 0, seq: 0 });
    await putRecords(db, { accounts: [account('a1'), account('a2')] });
    const s1 = await stampOf(db);
    expect(s1.seq).toBe(1);
    expect(await changedSince(db, { version: 0, seq: 0 })).toEqual(new Set(['a1', 'a2']));
    expect(await changedSince(db, s1)).toEqual(new Set());
    await putRecords(db, { accounts: [account('a1', { name: 'Renamed' })] });
    await deleteAccount(db, 'a2');
    expect(await changedSince(db, s1)).toEqual(new Set(['a1', 'a2']));
  });

  it('a second write-back in one transaction adds its ids to that transaction’s entry', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('a1'), account('a2')] });
    const s1 = await stampOf(db);
    const tx = db.transaction(RECORD_STORES, 'readwrite');
    await accountsIn(tx).put(account('a1', { name: 'First' }));
    // a2 is replaced, not added: the count does not change, the entry must still be written again.
    await accountsIn(tx).put(account('a2', { name: 'Second' }));
    await tx.done;
    expect(await changedSince(db, s1)).toEqual(new Set(['a1', 'a2']));
  });

  it('cannot tell after a change too big to list, after a clear, or once pruned', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('a1')] });
    const s1 = await stampOf(db);
    await putRecords(db, { accounts: Array.from({ length: 2001 }, (_, i) => account(`big-${i}`)) });
    expect(await changedSince(db, s1)).toBeUndefined();

    const s2 = await stampOf(db);
    const tx = db.transaction(RECORD_STORES, 'readwrite');
    await accountsIn(tx).clear();
    await accountsIn(tx).put(account('a1'));
    await tx.done;
    expect(await changedSince(db, s2)).toBeUndefined();

    // Contacts keep one too (the week's key contacts follow it), listing contact ids.
    await putRecords(db, { contacts: [contact('c1', 'a1')] });
    const c1 = await contactsIn(db.transaction(RECORD_STORES)).stamp();
    await putRecords(db, { contacts: [contact('c2', 'a1')] });
    expect(await contactsIn(db.transaction(RECORD_STORES)).changedSince(c1)).toEqual(new Set(['c2']));

    const s3 = await stampOf(db);
    for (let i = 0; i < 501; i++) await putRecords(db, { accounts: [account('a1', { name: `Name ${i}` })] });
    expect(await changedSince(db, s3)).toBeUndefined();
    const keys = (await db.getAllKeys('recordKeys')) as string[];
    expect(keys.filter((k) => k.startsWith('a:j:')).length).toBeLessThanOrEqual(501);
  });
});

describe('the week digest', () => {
  it('is read instead of the records once saved, and reads again only what changed', async () => {
    const db = await freshDb();
    const ids = ['a1', 'a2', 'a3', 'gone'];
    await putRecords(db, { accounts: [account('a1'), account('a2'), account('a3')], contacts: [contact('c1', 'a1'), contact('c2', 'a2')] });
    const first = await readAndSave(db, ids);
    expect(first.fresh?.ids.sort()).toEqual([...ids].sort());
    expect(asLists(first, ids)).toEqual(await truth(db, ids));

    const gets = vi.spyOn(PackedStore.prototype, 'get');
    const again = await readAndSave(db, ids);
    expect(again.fresh).toBeUndefined();
    expect(gets).not.toHaveBeenCalled();
    expect(asLists(again, ids)).toEqual(await truth(db, ids));

    // One account renamed, one contact added elsewhere: two records read, the rest from the digest.
    await putRecords(db, { accounts: [account('a3', { name: 'Acme renamed' })] });
    await putRecords(db, { contacts: [contact('c3', 'a2')] });
    gets.mockClear();
    const changed = await readAndSave(db, ids);
    expect(gets).toHaveBeenCalledTimes(2);
    expect(changed.accounts.get('a3')?.name).toBe('Acme renamed');
    expect(changed.summaries.get('a2')).toEqual((await truth(db, ['a2'])).summaries[0]);
    expect(asLists(changed, ids)).toEqual(await truth(db, ids));

    // An id the digest knows nothing of is read; the digest then answers for it too.
    gets.mockClear();
    const more = await readAndSave(db, [...ids, 'a4']);
    expect(gets).toHaveBeenCalledTimes(2);
    expect(more.fresh?.ids).toContain('a4');
  });

  it("a new week with nothing kept answers from last week's digest and key contacts, reads only what they lack or what changed since, and keeps its own", async () => {
    const db = await freshDb();
    const NEXT = '2026-W50';
    await putRecords(db, { accounts: [account('a1'), account('a2'), account('a3')], contacts: [contact('c1', 'a1'), contact('c2', 'a2')] });
    const refs = [{ accountId: 'a1', id: 'c1' }, { accountId: 'a2', id: 'c2' }];
    await readAndSave(db, ['a1', 'a2', 'a3']);
    await readContactsAndSave(db, refs);
    // The same accounts, nothing changed: still kept for the new week, which has none of its own.
    expect((await readWeekRecords(db.transaction(DIGEST_STORES), NEXT, { accountIds: ['a1', 'a2', 'a3'] })).fresh).toMatchObject({ key: `weekDigest:${NEXT}` });
    // Since last week's were kept: one account renamed, one new.
    await putRecords(db, { accounts: [account('a2', { name: 'Renamed' }), account('a4')] });

    const gets = vi.spyOn(PackedStore.prototype, 'get');
    const ids = ['a1', 'a2', 'a4'];
    const r = await readWeekRecords(db.transaction(DIGEST_STORES), NEXT, { accountIds: ids, keyContacts: refs });
    // The renamed account, and the new one with its summary: nothing else.
    expect(gets.mock.calls.map(([id]) => id).sort()).toEqual(['a2', 'a4', 'a4']);
    expect(asLists(r, ids)).toEqual(await truth(db, ids));
    expect(r.accounts.get('a2')?.name).toBe('Renamed');
    expect(r.keyContactsMissing).toBe(0);
    expect(r.keyContacts).toEqual(await contactTruth(db, refs));
    // Kept for the new week: its own accounts only (not last week's a3), and its key contacts even
    // though none was missing.
    expect(r.keyContactsOwn).toBe(false);
    expect(r.fresh).toMatchObject({ key: `weekDigest:${NEXT}`, weekId: NEXT });
    expect(r.fresh!.ids.sort()).toEqual(ids);
    // Once the new week's own are kept, they answer for it.
    await saveWeekDigest(db, r.fresh!);
    await saveWeekContacts(db, NEXT, r.contactStamp, r.keyContacts);
    gets.mockClear();
    const own = await readWeekRecords(db.transaction(DIGEST_STORES), NEXT, { accountIds: ids, keyContacts: refs });
    expect(gets).not.toHaveBeenCalled();
    expect(own.fresh).toBeUndefined();
    expect(own).toMatchObject({ keyContactsOwn: true, keyContactsMissing: 0 });
  });

  it('a read for part of the week keeps the rest of the digest', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('a1'), account('a2')] });
    await readAndSave(db, ['a1', 'a2']);
    await putRecords(db, { accounts: [account('a1', { name: 'New' })] });
    const part = await readAndSave(db, ['a1']);
    expect(part.fresh?.ids.sort()).toEqual(['a1', 'a2']);
    const gets = vi.spyOn(PackedStore.prototype, 'get');
    await readAndSave(db, ['a1', 'a2']);
    expect(gets).not.toHaveBeenCalled();
  });

  it('after a restore that clears the stores, reads everything again', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('a1'), account('a2')], contacts: [contact('c1', 'a1')] });
    await readAndSave(db, ['a1', 'a2']);
    await Promise.all([db.clear('recordPages'), db.clear('recordKeys')]);
    await putRecords(db, { accounts: [account('a2', { name: 'Restored' })] });
    const r = await readAndSave(db, ['a1', 'a2']);
    expect(asLists(r, ['a1', 'a2'])).toEqual(await truth(db, ['a1', 'a2']));
    expect(r.accounts.has('a1')).toBe(false);
  });

  it('keeps only the last few weeks’ digests; a failed save is only a warning', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('a1')] });
    for (const w of ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']) {
      const r = await readWeekRecords(db.transaction(DIGEST_STORES), w, { accountIds: ['a1'] });
      await saveWeekDigest(db, r.fresh!);
    }
    const keys = (await db.getAllKeys('meta')) as string[];
    expect(keys.filter((k) => k.startsWith('weekDigest:')).sort()).toEqual(['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47'].map((w) => `weekDigest:${w}`));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    db.close();
    await saveWeekDigest(db, { key: 'weekDigest:2026-W48' } as unknown as WeekDigest);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('keeps the week\'s key contacts once all are read, and answers only those unchanged since', async () => {
    const db = await freshDb();
    await putRecords(db, { accounts: [account('a1'), account('a2')], contacts: [contact('c1', 'a1'), contact('c2', 'a1'), contact('c3', 'a2')] });
    const refs = [{ accountId: 'a1', id: 'c1' }, { accountId: 'a1', id: 'c2' }, { accountId: 'a2', id: 'c3' }, { accountId: 'a2', id: 'gone' }];
    const first = await readContactsAndSave(db, refs);
    expect(first.r.keyContacts.size).toBe(0);
    expect(first.r.keyContactsMissing).toBe(4);

    const getIns = vi.spyOn(PackedStore.prototype, 'getIn');
    const again = await readContactsAndSave(db, refs);
    expect(again.r.keyContactsMissing).toBe(0);
    expect(getIns).not.toHaveBeenCalled();
    expect(again.found).toEqual(await contactTruth(db, refs));
    expect(again.r.keyContacts.get(contactRef('a2', 'gone'))).toBeNull();

    // One renamed, one moved to another account: those two are read again, the rest answered.
    await putRecords(db, { contacts: [contact('c1', 'a1', { name: 'Renamed Person' }), contact('c3', 'a1')] });
    getIns.mockClear();
    const changed = await readContactsAndSave(db, refs);
    expect(changed.r.keyContactsMissing).toBe(2);
    expect(getIns).toHaveBeenCalledTimes(2);
    expect(changed.found).toEqual(await contactTruth(db, refs));
    expect(changed.found.get(contactRef('a1', 'c1'))?.name).toBe('Renamed Person');
    expect(changed.found.get(contactRef('a2', 'c3'))).toBeNull(); // no longer in a2: not a2's key contact
  });

  it('goes with the data: deleting all data and restoring a backup delete every kept copy', async () => {
    const { deleteAllData } = await import('@/lib/db/db');
    const { fullBackup, restoreBackup } = await import('@/lib/io/csv-export');
    const db = await freshDb();
    const kept = async () => ((await db.getAllKeys('meta')) as string[]).filter((k) => k !== 'schema').sort();
    const keep = async () => {
      await putRecords(db, { accounts: [account('a1')], contacts: [contact('c1', 'a1')] });
      await readAndSave(db, ['a1']);
      await readContactsAndSave(db, [{ accountId: 'a1', id: 'c1' }]);
      expect(await kept()).toEqual(expect.arrayContaining([`weekContacts:${WEEK}`, `weekDigest:${WEEK}`]));
    };
    await keep();
    const backup = await fullBackup(db);
    await restoreBackup(db, backup);
    // Only the name order of the accounts the restore put, kept by it (lib/db/account-name-order.ts).
    expect(await kept()).toEqual(['accountNameOrder:all']);
    expect((await db.get('meta', 'accountNameOrder:all'))).toMatchObject({ ids: ['a1'] });
    await keep();
    await deleteAllData(db);
    expect(await kept()).toEqual([]);
    expect(await db.get('meta', 'schema')).toBeDefined();
  });

  it('is carried across an import too big for the journal: the week then reads only what changed before it', async () => {
    const { importCsv } = await import('@/lib/io/csv-import');
    const db = await freshDb();
    const ids = ['a1', 'a2', 'a3', 'gone'];
    await putRecords(db, {
      accounts: ['a1', 'a2', 'a3'].map((id) => account(id, { domains: [`${id}.example`] })),
      contacts: [contact('c1', 'a1', { email: 'c1@a1.example' }), contact('c2', 'a2'), contact('c3', 'a3')],
    });
    const refs = [{ accountId: 'a1', id: 'c1' }, { accountId: 'a2', id: 'c2' }, { accountId: 'a3', id: 'c3' }];
    await readAndSave(db, ids);
    await readContactsAndSave(db, refs);
    // Changed before the import, after the digest: the week must read this one itself.
    await putRecords(db, { accounts: [account('a3', { domains: ['a3.example'], name: 'Changed before' })] });

    // 2,101 rows: more than a journal entry lists, so without the carry every record is read again.
    const many = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i));
    await importCsv(db, ['Account Name,Website,Employees', 'Company a1,a1.example,250', ...many(2100, (i) => `New ${i},new${i}.example,10`)].join('\n'));
    const gets = vi.spyOn(PackedStore.prototype, 'get');
    const afterAccounts = await readAndSave(db, ids);
    expect(gets.mock.calls.map(([id]) => id).sort()).toEqual(['a3', 'a3']); // its account and its summary
    expect(afterAccounts.accounts.get('a1')?.employees).toBe(250);
    expect(afterAccounts.accounts.get('a3')?.name).toBe('Changed before');
    expect(asLists(afterAccounts, ids)).toEqual(await truth(db, ids));

    await importCsv(db, ['First Name,Last Name,Email,Company,Job Title', 'Person,c1,c1@a1.example,Company a1,CFO', ...many(2100, (i) => `Someone,${i},p${i}@a2.example,Company a2,Engineer`)].join('\n'));
    gets.mockClear();
    const getIns = vi.spyOn(PackedStore.prototype, 'getIn');
    const afterContacts = await readAndSave(db, ids);
    expect(gets).not.toHaveBeenCalled();
    expect(afterContacts.summaries.get('a2')?.total).toBe(2101);
    expect(asLists(afterContacts, ids)).toEqual(await truth(db, ids));
    const keyContacts = await readContactsAndSave(db, refs);
    expect(keyContacts.r.keyContactsMissing).toBe(0);
    expect(getIns).not.toHaveBeenCalled();
    expect(keyContacts.found.get(contactRef('a1', 'c1'))?.title).toBe('CFO');
    expect(keyContacts.found).toEqual(await contactTruth(db, refs));

    // A small import is listed by the journals: no digest is read or written for it.
    const metaReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    await importCsv(db, 'Account Name,Website,Employees\nCompany a2,a2.example,75');
    expect(metaReads.mock.instances.filter((store) => (store as IDBObjectStore).name === 'meta')).toEqual([]);
    gets.mockClear();
    const afterSmall = await readAndSave(db, ids);
    expect(gets.mock.calls.map(([id]) => id)).toEqual(['a2']);
    expect(afterSmall.accounts.get('a2')?.employees).toBe(75);
  });

  it('is carried across a merge too big for the journal (a whole bundle, a team\'s first share), not across a small one', async () => {
    const { applyRecords } = await import('@/lib/db/apply-records');
    const db = await freshDb();
    const ids = ['a1', 'a2'];
    await putRecords(db, { accounts: [account('a1'), account('a2')], contacts: [contact('c1', 'a1')] });
    await readAndSave(db, ids);
    const merge = (accounts: Account[], contacts: Contact[] = []) => applyRecords(db, { accounts, contacts, weeks: [], targets: [], ticks: [], links: [] });
    // A newer name for a1 and a contact for a2 among 2,100 new accounts.
    const others = Array.from({ length: 2100 }, (_, i) => account(`other-${i}`));
    await merge([{ ...account('a1', { name: 'Merged name' }), updatedAt: 5 }, ...others], [contact('c9', 'a2')]);
    const gets = vi.spyOn(PackedStore.prototype, 'get');
    const after = await readAndSave(db, ids);
    expect(gets).not.toHaveBeenCalled();
    expect(after.accounts.get('a1')?.name).toBe('Merged name');
    expect(after.summaries.get('a2')?.total).toBe(1);
    expect(asLists(after, ids)).toEqual(await truth(db, ids));

    // A small set reads no digest (the journal lists it): only what changed is read again.
    const metaReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    await merge([{ ...account('a2', { name: 'Small change' }), updatedAt: 6 }]);
    expect(metaReads.mock.instances.filter((store) => (store as IDBObjectStore).name === 'meta')).toEqual([]);
    gets.mockClear();
    const small = await readAndSave(db, ids);
    expect(gets.mock.calls.map(([id]) => id)).toEqual(['a2']);
    expect(small.accounts.get('a2')?.name).toBe('Small change');
  });

  it('after any sequence of writes, answers exactly what the records answer (property)', async () => {
    const ids = ['a0', 'a1', 'a2', 'a3', 'a4'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('rename' as const), id: fc.constantFrom(...ids), name: fc.constantFrom('Acme', 'Globex', 'Initech') }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('contact' as const), id: fc.constantFrom('c0', 'c1', 'c2', 'c3'), accountId: fc.constantFrom(...ids), title: fc.constantFrom('CEO', 'CFO', 'Engineer', '') }),
      fc.record({ kind: fc.constant('dropContact' as const), id: fc.constantFrom('c0', 'c1', 'c2', 'c3') }),
      fc.record({ kind: fc.constant('clear' as const) }),
      fc.record({ kind: fc.constant('read' as const), ids: fc.subarray(ids, { minLength: 1 }) }),
      // A bulk writer's transaction, the digests carried across it: a rename, a contact moved or
      // added, an account deleted, the summaries redone, all at once.
      fc.record({
        kind: fc.constant('carried' as const),
        rename: fc.constantFrom(...ids),
        contact: fc.constantFrom('c0', 'c1', 'c2', 'c3'),
        accountId: fc.constantFrom(...ids),
        drop: fc.option(fc.constantFrom(...ids)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const db = await freshDb();
        await putRecords(db, { accounts: ids.slice(0, 3).map((id) => account(id)) });
        for (const o of ops) {
          if (o.kind === 'rename') await putRecords(db, { accounts: [account(o.id, { name: o.name })] });
          else if (o.kind === 'delete') await deleteAccount(db, o.id);
          else if (o.kind === 'contact') await putRecords(db, { contacts: [contact(o.id, o.accountId, { title: o.title })] });
          else if (o.kind === 'dropContact') {
            const tx = db.transaction(RECORD_STORES, 'readwrite');
            const was = await contactsIn(tx).get(o.id);
            await contactsIn(tx).delete(o.id);
            await refreshCoverage(tx, [was?.accountId]);
            await tx.done;
          } else if (o.kind === 'carried') {
            await carriedWrite(db, async (tx) => {
              const was = await contactsIn(tx).get(o.contact);
              await accountsIn(tx).put(account(o.rename, { name: `Bulk ${o.contact}` }));
              await contactsIn(tx).put(contact(o.contact, o.accountId, { title: 'Bulk' }));
              if (o.drop) await accountsIn(tx).delete(o.drop);
              await refreshCoverage(tx, [o.accountId, was?.accountId]);
            });
          } else if (o.kind === 'clear') {
            const tx = db.transaction(RECORD_STORES, 'readwrite');
            await Promise.all([accountsIn(tx).clear(), contactsIn(tx).clear(), summariesIn(tx).clear()]);
            await tx.done;
          } else {
            const r = await readAndSave(db, o.ids);
            expect(asLists(r, o.ids)).toEqual(await truth(db, o.ids));
            const wanted = o.ids.flatMap((accountId) => ['c0', 'c1', 'c2', 'c3'].map((id) => ({ accountId, id })));
            expect((await readContactsAndSave(db, wanted)).found).toEqual(await contactTruth(db, wanted));
          }
        }
        const r = await readAndSave(db, ids);
        expect(asLists(r, ids)).toEqual(await truth(db, ids));
        const every = ids.flatMap((accountId) => ['c0', 'c1', 'c2', 'c3'].map((id) => ({ accountId, id })));
        expect((await readContactsAndSave(db, every)).found).toEqual(await contactTruth(db, every));
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});
