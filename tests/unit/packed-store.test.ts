/**
 * The packed accounts and contacts (lib/db/packed.ts through lib/db/records.ts) answer exactly
 * what one IndexedDB record per entity with its indexes answered: every look-up equals a linear
 * filter over the records, whatever sequence of writes, moves, key changes and deletes came
 * before; a transaction sees its own writes, an abort leaves nothing behind, a read is a copy.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, type DB } from '@/lib/db/db';
import { encodeBucket } from '@/lib/db/key-bucket';
import { hash, keptWeight, PackedStore } from '@/lib/db/packed';
import { ACCOUNT_KIND, accountsIn, contactsIn, RECORD_STORES, summariesIn } from '@/lib/db/records';
import { summarizeCoverage } from '@/lib/domain/coverage';
import { newAccount, newContact } from '@/lib/domain/records';
import type { Account, Contact } from '@/lib/domain/schema';
import { expectStoresMatch, readRecords } from './helpers/records';
import { useFreshDatabases } from './helpers/fresh-db';

/** A fresh, empty database of the latest version. */
const freshDb = useFreshDatabases('packed-store-test');

const writeTx = (db: DB) => db.transaction([...RECORD_STORES], 'readwrite');

const account = (id: string, o: Partial<Account> = {}): Account => ({ ...newAccount({ name: `Company ${id}`, ...o }, 1), id, ...o });
const contact = (id: string, accountId: string, o: Partial<Contact> = {}): Contact => ({ ...newContact({ name: `Person ${id}`, accountId, ...o }, 1), id, ...o });

describe('key buckets in transactions', () => {
  it('a kept bucket weighs by its length, so a context keeps no more bucket text than page records', () => {
    const bucket = (n: number) => ({ list: encodeBucket(new Map(Array.from({ length: n }, (_, i) => [`byEmail\u0001p${i}@x.example`, `acc-${i}\u0001con-${i}`]))) });
    expect(keptWeight([{}, {}, {}])).toBe(4);
    expect(keptWeight(undefined)).toBe(1);
    expect(keptWeight(bucket(10))).toBeLessThan(keptWeight(bucket(2000)));
    // ~2,000 keys of ~40 characters each weigh as much as a page of ~200 records.
    expect(keptWeight(bucket(2000))).toBeGreaterThan(150);
    expect(keptWeight(bucket(2000))).toBeLessThan(400);
  });

  it('a read-only transaction finds every key of a bucket, asked a few times (searched) or many (decoded)', async () => {
    // One bucket for every key, so all twenty accounts' look-ups ask the same bucket.
    const db = await freshDb();
    const kind = { ...ACCOUNT_KIND, buckets: 1 };
    const accounts = Array.from({ length: 20 }, (_, i) => account(`acc-${i}`, { domains: [`d${i}.example`], linkedinSlug: `s-${i}` }));
    const w = writeTx(db);
    await new PackedStore(w, kind).putMany(structuredClone(accounts));
    await w.done;
    const r = new PackedStore(db.transaction([...RECORD_STORES]), kind);
    for (const a of accounts) {
      expect(await r.index('byDomain').get(a.domains[0]!)).toEqual(a);
      expect(await r.index('byLinkedinSlug').get(a.linkedinSlug!)).toEqual(a);
    }
    expect(await r.index('byDomain').get('nobody.example')).toBeUndefined();
  });
});

describe('packed accounts and contacts', () => {
  it('get, put, delete and count each kind', async () => {
    const db = await freshDb();
    const acme = account('acc-1', { name: 'Acme', nameKey: 'acme', domains: ['acme.example'], crmKeys: ['hubspot:1'] });
    const jane = contact('con-1', 'acc-1', { email: 'jane@acme.example', linkedinSlug: 'jane' });
    const tx = writeTx(db);
    expect(await accountsIn(tx).put(acme)).toBe('acc-1');
    expect(await contactsIn(tx).put(jane)).toBe('con-1');
    await tx.done;

    await readRecords(db, async ({ accounts, contacts }) => {
      expect(await accounts.get('acc-1')).toEqual(acme);
      expect(await contacts.get('con-1')).toEqual(jane);
      expect(await accounts.get('con-1')).toBeUndefined(); // the kinds do not mix
      expect(await contacts.get('acc-1')).toBeUndefined();
      expect([await accounts.count(), await contacts.count()]).toEqual([1, 1]);
    });

    // Putting the same id again replaces it and counts once.
    const tx2 = writeTx(db);
    await accountsIn(tx2).put({ ...acme, name: 'Acme Renamed' });
    await accountsIn(tx2).put(account('acc-2'));
    await contactsIn(tx2).delete('con-1');
    await contactsIn(tx2).delete('con-missing'); // nothing to delete: no error, no count change
    await tx2.done;

    await readRecords(db, async ({ accounts, contacts }) => {
      expect((await accounts.get('acc-1'))?.name).toBe('Acme Renamed');
      expect(await accounts.count()).toBe(2);
      expect(await contacts.get('con-1')).toBeUndefined();
      expect(await contacts.count()).toBe(0);
      expect(await contacts.index('byEmail').getAll('jane@acme.example')).toEqual([]);
      expect(await contacts.index('byAccount').getAll('acc-1')).toEqual([]);
      expect((await accounts.getAll()).map((a) => a.id)).toEqual(['acc-1', 'acc-2']);
    });
  });

  it('every index look-up, getAll and count equal a linear filter, after any sequence of writes', async () => {
    // Small pools, so records share keys, lose them and take them over.
    const accountIds = ['acc-a', 'acc-b', 'acc-c', 'acc-d'];
    const contactIds = ['con-1', 'con-2', 'con-3', 'con-4', 'con-5', 'con-6'];
    const domains = ['a.example', 'b.example', 'c.example', 'shared.example'];
    const slugs = ['slug-1', 'slug-2', 'slug-3'];
    const crm = ['hubspot:1', 'hubspot:2', 'salesforce:001000000000001'];
    const names = ['acme', 'globex', 'initech'];
    const emails = ['x@a.example', 'y@a.example', 'z@b.example'];
    const allKeys = [...domains, ...slugs, ...crm, ...names, ...emails, '123', '456', ...accountIds];

    const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const subset = (pool: string[]) => fc.subarray(pool);
    const accountArb = fc.record({
      id: fc.constantFrom(...accountIds),
      domains: subset(domains),
      linkedinSlug: opt(fc.constantFrom(...slugs)),
      linkedinId: opt(fc.constantFrom('123', '456')),
      crmKeys: subset(crm),
      nameKey: fc.constantFrom(...names),
    });
    const contactArb = fc.record({
      id: fc.constantFrom(...contactIds),
      accountId: fc.constantFrom(...accountIds),
      linkedinSlug: opt(fc.constantFrom(...slugs)),
      email: opt(fc.constantFrom(...emails)),
      crmKeys: subset(crm),
    });
    const pick = fc.nat();
    const op = fc.oneof(
      fc.record({ kind: fc.constant('putAccount' as const), a: accountArb }),
      fc.record({ kind: fc.constant('putContact' as const), c: contactArb }),
      // Keys changing on a stored record: the old ones must stop finding it.
      fc.record({ kind: fc.constant('dropDomain' as const), pick }),
      fc.record({ kind: fc.constant('changeEmail' as const), pick, email: opt(fc.constantFrom(...emails)) }),
      fc.record({ kind: fc.constant('rekeyAccount' as const), pick, slug: opt(fc.constantFrom(...slugs)), crmKeys: subset(crm) }),
      fc.record({ kind: fc.constant('moveContact' as const), pick, to: fc.constantFrom(...accountIds) }),
      fc.record({ kind: fc.constant('deleteAccount' as const), pick }),
      fc.record({ kind: fc.constant('deleteContact' as const), pick }),
      fc.record({ kind: fc.constant('putMany' as const), accounts: fc.array(accountArb, { maxLength: 4 }), contacts: fc.array(contactArb, { maxLength: 4 }) }),
    );
    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (transactions) => {
        const db = await freshDb();
        const model = { accounts: new Map<string, Account>(), contacts: new Map<string, Contact>() };
        const nth = <T,>(m: Map<string, T>, i: number): T | undefined => [...m.values()][i % Math.max(1, m.size)];

        for (const ops of transactions) {
          const tx = writeTx(db);
          const accounts = accountsIn(tx);
          const contacts = contactsIn(tx);
          const apply = async (o: Op) => {
            switch (o.kind) {
              case 'putAccount': {
                const a = account(o.a.id, { ...o.a, domains: [...o.a.domains], crmKeys: [...o.a.crmKeys] });
                model.accounts.set(a.id, a);
                return accounts.put(a);
              }
              case 'putContact': {
                const c = contact(o.c.id, o.c.accountId, { ...o.c, crmKeys: [...o.c.crmKeys] });
                model.contacts.set(c.id, c);
                return contacts.put(c);
              }
              case 'dropDomain': {
                const a = nth(model.accounts, o.pick);
                if (!a) return;
                const next = { ...a, domains: a.domains.slice(1) };
                model.accounts.set(a.id, next);
                return accounts.put(next);
              }
              case 'changeEmail': {
                const c = nth(model.contacts, o.pick);
                if (!c) return;
                const { email: _, ...rest } = c;
                const next: Contact = o.email === undefined ? rest : { ...rest, email: o.email };
                model.contacts.set(c.id, next);
                return contacts.put(next);
              }
              case 'rekeyAccount': {
                const a = nth(model.accounts, o.pick);
                if (!a) return;
                const { linkedinSlug: _, ...rest } = a;
                const next: Account = { ...rest, ...(o.slug === undefined ? {} : { linkedinSlug: o.slug }), crmKeys: [...o.crmKeys] };
                model.accounts.set(a.id, next);
                return accounts.put(next);
              }
              case 'moveContact': {
                const c = nth(model.contacts, o.pick);
                if (!c) return;
                const next = { ...c, accountId: o.to };
                model.contacts.set(c.id, next);
                return contacts.put(next);
              }
              case 'deleteAccount': {
                const a = nth(model.accounts, o.pick);
                if (!a) return;
                model.accounts.delete(a.id);
                return accounts.delete(a.id);
              }
              case 'deleteContact': {
                const c = nth(model.contacts, o.pick);
                if (!c) return;
                model.contacts.delete(c.id);
                return contacts.delete(c.id);
              }
              case 'putMany': {
                // Later duplicates of an id win, as in a real import the last row does; one putMany
                // holds each id once (the app dedupes before writing).
                const as = [...new Map(o.accounts.map((a) => [a.id, account(a.id, { ...a, domains: [...a.domains], crmKeys: [...a.crmKeys] })])).values()];
                const cs = [...new Map(o.contacts.map((c) => [c.id, contact(c.id, c.accountId, { ...c, crmKeys: [...c.crmKeys] })])).values()];
                for (const a of as) model.accounts.set(a.id, a);
                for (const c of cs) model.contacts.set(c.id, c);
                await Promise.all([accounts.putMany(structuredClone(as)), contacts.putMany(structuredClone(cs))]);
                return;
              }
            }
          };
          for (const o of ops) {
            await apply(o);
            // Inside the transaction, before it commits: its own writes are what it reads.
            expect(await accounts.count()).toBe(model.accounts.size);
            expect(await contacts.count()).toBe(model.contacts.size);
          }
          await tx.done;
        }

        await readRecords(db, (s) =>
          expectStoresMatch(s, { accounts: [...model.accounts.values()], contacts: [...model.contacts.values()] }, { ids: [...accountIds, ...contactIds], keys: allKeys }),
        );
        db.close();
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('stage() puts records into the transaction without writing them; flush() writes everything staged; after preload() a putMany of summaries reads nothing', async () => {
    const db = await freshDb();
    const tx = writeTx(db);
    const accounts = accountsIn(tx);
    const contacts = contactsIn(tx);
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    await accounts.stage([account('acc-1', { domains: ['one.example'] })]);
    await contacts.stage([contact('con-1', 'acc-1', { email: 'a@one.example' })]);
    expect(puts).not.toHaveBeenCalled();
    // Staged records are what the transaction reads.
    expect((await accounts.index('byDomain').get('one.example'))?.id).toBe('acc-1');
    expect((await contacts.index('byAccount').getAll('acc-1')).map((c) => c.id)).toEqual(['con-1']);
    await contacts.flush(); // one flush writes both kinds
    expect(puts).toHaveBeenCalled();
    puts.mockRestore();

    // A kind without look-up keys (the coverage summaries): after preload, putMany reads nothing.
    const summaries = summariesIn(tx);
    await summaries.preload(['acc-1']);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    await summaries.putMany([summarizeCoverage('acc-1', [contact('con-1', 'acc-1', { email: 'a@one.example' })])]);
    const reads = gets.mock.calls.map((c) => c[0]);
    gets.mockRestore();
    expect(reads).toEqual([]);
    await tx.done;
    await readRecords(db, (s) => expectStoresMatch(s, { accounts: [account('acc-1', { domains: ['one.example'] })], contacts: [contact('con-1', 'acc-1', { email: 'a@one.example' })] }));
    db.close();
  });

  it('a read inside the transaction sees its own writes', async () => {
    const db = await freshDb();
    const seedTx = writeTx(db);
    await accountsIn(seedTx).put(account('acc-1', { domains: ['old.example'] }));
    await contactsIn(seedTx).put(contact('con-1', 'acc-1', { email: 'a@old.example' }));
    await seedTx.done;

    const tx = writeTx(db);
    const accounts = accountsIn(tx);
    const contacts = contactsIn(tx);
    await accounts.put(account('acc-1', { domains: ['new.example'] }));
    await accounts.put(account('acc-2', { domains: ['two.example'] }));
    await contacts.put(contact('con-1', 'acc-2', { email: 'a@new.example' })); // moved, new email
    await contacts.put(contact('con-2', 'acc-1'));
    // A second view of the same transaction shares its writes.
    const again = { accounts: accountsIn(tx), contacts: contactsIn(tx) };
    for (const s of [{ accounts, contacts }, again]) {
      expect((await s.accounts.get('acc-1'))?.domains).toEqual(['new.example']);
      expect(await s.accounts.index('byDomain').getAll('old.example')).toEqual([]);
      expect((await s.accounts.index('byDomain').get('two.example'))?.id).toBe('acc-2');
      expect((await s.contacts.index('byAccount').getAll('acc-1')).map((c) => c.id)).toEqual(['con-2']);
      expect((await s.contacts.index('byAccount').getAll('acc-2')).map((c) => c.id)).toEqual(['con-1']);
      expect(await s.contacts.index('byEmail').get('a@old.example')).toBeUndefined();
      expect((await s.contacts.index('byEmail').get('a@new.example'))?.accountId).toBe('acc-2');
      expect((await s.accounts.getAll()).map((a) => a.id)).toEqual(['acc-1', 'acc-2']);
      expect((await s.contacts.getAll()).map((c) => c.id)).toEqual(['con-1', 'con-2']);
      expect([await s.accounts.count(), await s.contacts.count()]).toEqual([2, 2]);
    }
    await contacts.delete('con-2');
    expect(await contacts.get('con-2')).toBeUndefined();
    expect(await contacts.index('byAccount').getAll('acc-1')).toEqual([]);
    expect(await contacts.count()).toBe(1);
    await tx.done;
  });

  it('5,000 accounts and 20,000 contacts in one putMany transaction read back whole in a fresh one', async () => {
    const db = await freshDb();
    const accounts = Array.from({ length: 5_000 }, (_, i) =>
      account(`acc-${String(i).padStart(5, '0')}`, { name: `Company ${i}`, nameKey: `company ${i % 4_000}`, domains: [`c${i}.example`, `group${i % 50}.example`], crmKeys: [`hubspot:${i}`], linkedinId: String(100_000 + i) }),
    );
    const contacts = Array.from({ length: 20_000 }, (_, i) =>
      contact(`con-${String(i).padStart(6, '0')}`, accounts[i % 5_000]!.id, { email: `p${i}@c${i % 5_000}.example`, ...(i % 3 === 0 ? { linkedinSlug: `person-${i}` } : {}), crmKeys: [`salesforce:003${String(i).padStart(12, '0')}`] }),
    );
    const tx = writeTx(db);
    await Promise.all([accountsIn(tx).putMany(structuredClone(accounts)), contactsIn(tx).putMany(structuredClone(contacts))]);
    await tx.done;

    await readRecords(db, async (s) => {
      expect(await s.accounts.count()).toBe(5_000);
      expect(await s.contacts.count()).toBe(20_000);
      expect(await s.accounts.getAll()).toEqual(accounts);
      expect(await s.contacts.getAll()).toEqual(contacts);
      const got = await Promise.all(contacts.map((c) => s.contacts.get(c.id)));
      expect(got).toEqual(contacts);
      // Look-ups spread over the data: one by each key kind, against a linear filter.
      for (let i = 0; i < 5_000; i += 499) {
        const a = accounts[i]!;
        expect(await s.accounts.index('byDomain').getAll(`c${i}.example`)).toEqual([a]);
        expect(await s.accounts.index('byDomain').getAll(`group${i % 50}.example`)).toEqual(accounts.filter((x) => x.domains.includes(`group${i % 50}.example`)));
        expect(await s.accounts.index('byNameKey').getAll(a.nameKey)).toEqual(accounts.filter((x) => x.nameKey === a.nameKey));
        expect(await s.accounts.index('byCrm').get(`hubspot:${i}`)).toEqual(a);
        expect(await s.accounts.index('byLinkedinId').get(String(100_000 + i))).toEqual(a);
        expect(await s.contacts.index('byAccount').getAll(a.id)).toEqual(contacts.filter((c) => c.accountId === a.id));
      }
      for (let i = 0; i < 20_000; i += 1_999) {
        const c = contacts[i]!;
        expect(await s.contacts.index('byEmail').get(c.email!)).toEqual(c);
        expect(await s.contacts.index('byCrm').get(c.crmKeys[0]!)).toEqual(c);
        expect(await s.contacts.index('byLinkedinSlug').getAll(`person-${i}`)).toEqual(i % 3 === 0 ? [c] : []);
      }
    });
  }, 120_000);

  it('an aborted transaction leaves the previous data exactly', async () => {
    const db = await freshDb();
    const before = {
      accounts: [account('acc-1', { domains: ['one.example'], crmKeys: ['hubspot:1'] }), account('acc-2', { domains: ['two.example'] })],
      contacts: [contact('con-1', 'acc-1', { email: 'a@one.example' }), contact('con-2', 'acc-2', { linkedinSlug: 'bee' })],
    };
    const seedTx = writeTx(db);
    await Promise.all([accountsIn(seedTx).putMany(structuredClone(before.accounts)), contactsIn(seedTx).putMany(structuredClone(before.contacts))]);
    await seedTx.done;

    const tx = writeTx(db);
    const accounts = accountsIn(tx);
    const contacts = contactsIn(tx);
    await accounts.put(account('acc-1', { domains: ['changed.example'] }));
    await accounts.put(account('acc-3', { domains: ['three.example'] }));
    await accounts.delete('acc-2');
    await contacts.put(contact('con-1', 'acc-3', { email: 'moved@three.example' }));
    await contacts.putMany([contact('con-3', 'acc-1'), contact('con-4', 'acc-3')]);
    await contacts.delete('con-2');
    expect(await accounts.count()).toBe(2); // the changes were made, inside the transaction
    tx.abort();
    await expect(tx.done).rejects.toThrow();

    await readRecords(db, (s) =>
      expectStoresMatch(s, before, { ids: ['acc-3', 'con-3', 'con-4'], keys: ['changed.example', 'three.example', 'moved@three.example', 'acc-3'] }),
    );
  });

  it('get() returns a copy: changing it, then putting another record on the same page, stores nothing of it', async () => {
    const db = await freshDb();
    const a = account('acc-copy', { domains: ['copy.example'], team: { owner: 'Sam Rep' } });
    // Another id whose account lives on the same page.
    const pageOf = (id: string) => hash(id) % ACCOUNT_KIND.pages;
    let neighbourId = '';
    for (let i = 0; !neighbourId; i++) if (pageOf(`acc-n${i}`) === pageOf(a.id)) neighbourId = `acc-n${i}`;
    const c = contact('con-copy', a.id, { email: 'c@copy.example' });
    const seedTx = writeTx(db);
    await accountsIn(seedTx).put(a);
    await contactsIn(seedTx).put(c);
    await seedTx.done;

    const tx = writeTx(db);
    const accounts = accountsIn(tx);
    const contacts = contactsIn(tx);
    const got = (await accounts.get(a.id))!;
    got.name = 'Changed in memory';
    got.domains.push('leaked.example');
    got.team.owner = 'Someone Else';
    const viaIndex = (await accounts.index('byDomain').get('copy.example'))!;
    viaIndex.name = 'Changed through the index';
    const gotContact = (await contacts.get(c.id))!;
    gotContact.email = 'leaked@copy.example';
    const gotList = await contacts.index('byAccount').getAll(a.id);
    gotList[0]!.name = 'Changed in a list';
    // The argument of put is copied too.
    const neighbour = account(neighbourId);
    await accounts.put(neighbour);
    neighbour.name = 'Changed after put';
    await contacts.put(contact('con-other', a.id));
    expect(await accounts.get(a.id)).toEqual(a); // same transaction
    await tx.done;

    await readRecords(db, async (s) => {
      expect(await s.accounts.get(a.id)).toEqual(a);
      expect(await s.accounts.index('byDomain').getAll('leaked.example')).toEqual([]);
      expect((await s.accounts.get(neighbourId))?.name).toBe(`Company ${neighbourId}`);
      expect(await s.contacts.get(c.id)).toEqual(c);
      expect(await s.contacts.index('byEmail').get('leaked@copy.example')).toBeUndefined();
    });
  });

  it('scan() goes through every record exactly once, a few pages a call, the transaction\'s own writes included', async () => {
    const db = await freshDb();
    const accounts = Array.from({ length: 300 }, (_, i) => account(`acc-${i}`));
    const seedTx = writeTx(db);
    await accountsIn(seedTx).putMany(structuredClone(accounts));
    await seedTx.done;

    const scanAll = async (store: ReturnType<typeof accountsIn>) => {
      const seen: string[] = [];
      let after: string | undefined;
      let calls = 0;
      do {
        const { records, next } = await store.scan(after, 5);
        seen.push(...records.map((a) => a.id));
        after = next;
        calls++;
      } while (after !== undefined && calls < 1_000);
      return { seen, calls };
    };
    const { seen, calls } = await readRecords(db, (s) => scanAll(s.accounts));
    expect(calls).toBeGreaterThan(1);
    expect(seen).toHaveLength(300);
    expect([...seen].sort()).toEqual(accounts.map((a) => a.id).sort());

    const tx = writeTx(db);
    await accountsIn(tx).put(account('acc-new'));
    await accountsIn(tx).delete('acc-0');
    await accountsIn(tx).put({ ...accounts[1]!, name: 'Renamed in this transaction' });
    const inTx = await scanAll(accountsIn(tx));
    await tx.done;
    expect(inTx.seen).toHaveLength(300);
    expect(inTx.seen).toContain('acc-new');
    expect(inTx.seen).not.toContain('acc-0');
  });

  it('read-only transactions reuse the pages and buckets read before, until a write in any connection changes the kind', async () => {
    const db = await freshDb();
    const other = freshDb.closeAfter(await openDatabase(db.name)); // another context's connection (the worker, a page)
    const write = async (on: DB, w: (tx: ReturnType<typeof writeTx>) => Promise<unknown>) => {
      const tx = writeTx(on);
      await w(tx);
      await tx.done;
    };
    await write(db, (tx) => Promise.all([accountsIn(tx).put(account('acc-1', { domains: ['one.example'] })), contactsIn(tx).put(contact('con-1', 'acc-1', { email: 'a@one.example' }))]));
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const read = () =>
      readRecords(db, async (s) => ({
        account: await s.accounts.get('acc-1'),
        byDomain: (await s.accounts.index('byDomain').get('one.example'))?.id,
        contact: (await s.contacts.get('con-1'))?.email,
      }));
    const first = await read();
    const firstGets = gets.mock.calls.length;
    expect(await read()).toEqual(first);
    // Only the two count records (each kind's version) are read again: no page, no bucket.
    expect(gets.mock.calls.length - firstGets).toBe(2);

    // A write through the other connection: the next read-only transaction sees it.
    await write(other, (tx) => Promise.all([accountsIn(tx).put(account('acc-1', { domains: ['two.example'], name: 'Renamed' })), contactsIn(tx).put(contact('con-1', 'acc-1', { email: 'b@one.example' }))]));
    const after = await read();
    expect(after.account?.name).toBe('Renamed');
    expect(after.byDomain).toBeUndefined();
    expect(after.contact).toBe('b@one.example');
    // And a read-only transaction's records are copies: changing one changes no kept page.
    after.account!.name = 'Changed by the caller';
    expect((await read()).account?.name).toBe('Renamed');
    gets.mockRestore();
  });

  it('version() changes with every transaction that changes a record of its kind, and only then', async () => {
    const db = await freshDb();
    const version = () => readRecords(db, (s) => Promise.all([s.accounts.version(), s.contacts.version()]));
    const change = async (write: (tx: ReturnType<typeof writeTx>) => Promise<unknown>) => {
      const tx = writeTx(db);
      await write(tx);
      await tx.done;
    };
    const v0 = await version();
    await change((tx) => accountsIn(tx).put(account('acc-1')));
    const v1 = await version();
    expect(v1[0]).not.toBe(v0[0]);
    expect(v1[1]).toBe(v0[1]); // contacts unchanged
    await readRecords(db, (s) => s.accounts.getAll()); // a read changes nothing
    expect(await version()).toEqual(v1);
    await change((tx) => contactsIn(tx).put(contact('con-1', 'acc-1')));
    const v2 = await version();
    expect(v2[0]).toBe(v1[0]);
    expect(v2[1]).not.toBe(v1[1]);
    await change((tx) => accountsIn(tx).delete('acc-1'));
    const v3 = await version();
    expect(v3[0]).not.toBe(v2[0]);
    await change((tx) => accountsIn(tx).clear());
    expect((await version())[0]).not.toBe(v3[0]);
  });

  it('clear() empties one kind: records, look-ups and count, and the transaction goes on from empty', async () => {
    const db = await freshDb();
    const seedTx = writeTx(db);
    await accountsIn(seedTx).putMany([account('acc-1', { domains: ['one.example'] }), account('acc-2', { domains: ['two.example'] })]);
    await contactsIn(seedTx).putMany([contact('con-1', 'acc-1', { email: 'a@one.example' })]);
    await seedTx.done;

    const tx = writeTx(db);
    await accountsIn(tx).get('acc-1'); // a page read before the clear must not come back
    await accountsIn(tx).clear();
    expect(await accountsIn(tx).getAll()).toEqual([]);
    expect(await accountsIn(tx).count()).toBe(0);
    expect(await accountsIn(tx).get('acc-1')).toBeUndefined();
    const fresh = account('acc-3', { domains: ['one.example'] });
    await accountsIn(tx).put(fresh);
    await tx.done;

    const contactsLeft = [contact('con-1', 'acc-1', { email: 'a@one.example' })];
    await readRecords(db, (s) => expectStoresMatch(s, { accounts: [fresh], contacts: contactsLeft }, { ids: ['acc-1', 'acc-2'], keys: ['two.example'] }));

    const tx2 = writeTx(db);
    await contactsIn(tx2).clear();
    await tx2.done;
    await readRecords(db, (s) => expectStoresMatch(s, { accounts: [fresh], contacts: [] }, { ids: ['con-1'], keys: ['a@one.example', 'acc-1'] }));
  });
});
