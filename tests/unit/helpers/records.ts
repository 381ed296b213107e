/**
 * Accounts and contacts for the tests, read and written the way the app does: through
 * accountsIn/contactsIn (lib/db/records.ts) inside a transaction over RECORD_STORES. A test says
 * `await getAccount(db, id)` instead of opening a transaction for every look-up.
 */
import { expect } from 'vitest';
import type { DB } from '@/lib/db/db';
import { putRecords as putRecordsWithCoverage } from '@/lib/db/coverage';
import { accountsIn, contactsIn, RECORD_STORES, type AccountIndexName, type AccountStore, type ContactIndexName, type ContactStore } from '@/lib/db/records';
import type { Account, Contact } from '@/lib/domain/schema';
import { byIdOrder } from '@/lib/domain/order';

export interface RecordStores {
  accounts: AccountStore;
  contacts: ContactStore;
}

/** One read-only transaction over the records; resolves with what `read` returned once it is done. */
export async function readRecords<R>(db: DB, read: (s: RecordStores) => Promise<R>): Promise<R> {
  const tx = db.transaction([...RECORD_STORES], 'readonly');
  const result = await read({ accounts: accountsIn(tx), contacts: contactsIn(tx) });
  await tx.done;
  return result;
}

// The app's own one-record readers (lib/db/records.ts), not copies of them.
export { allAccounts, getAccount, getContact } from '@/lib/db/records';
/** Every contact, in id order. */
export const allContacts = (db: DB) => readRecords(db, (s) => s.contacts.getAll());
export const countAccounts = (db: DB) => readRecords(db, (s) => s.accounts.count());
export const countContacts = (db: DB) => readRecords(db, (s) => s.contacts.count());
/** The contacts of one account, in id order (the `byAccount` index). */
export const contactsOf = (db: DB, accountId: string) => readRecords(db, (s) => s.contacts.index('byAccount').getAll(accountId));
export const accountsBy = (db: DB, index: AccountIndexName, key: string) => readRecords(db, (s) => s.accounts.index(index).getAll(key));
export const accountBy = (db: DB, index: AccountIndexName, key: string) => readRecords(db, (s) => s.accounts.index(index).get(key));
export const contactBy = (db: DB, index: ContactIndexName, key: string) => readRecords(db, (s) => s.contacts.index(index).get(key));

/** The app's `putRecords` (lib/db/coverage.ts), on copies: a test keeps using its records. */
export const putRecords = (db: DB, r: { accounts?: readonly Account[]; contacts?: readonly Contact[] }): Promise<void> =>
  putRecordsWithCoverage(db, structuredClone(r));

export const putAccount = (db: DB, ...accounts: Account[]) => putRecords(db, { accounts });
export const putContact = (db: DB, ...contacts: Contact[]) => putRecords(db, { contacts });

// ------------------------------------------------------------------ the look-up keys, independently

const present = (list: readonly (string | undefined)[]) => [...new Set(list.filter((k): k is string => !!k))];

/**
 * Each index's keys of a record, spelled out from the fields as the version-3 IndexedDB indexes
 * defined them (multiEntry over domains and crmKeys), not taken from lib/db/records.ts: a test
 * that compares look-ups against a linear filter over these catches a key the store forgot.
 * An empty string is no key (nothing looks one up).
 */
export const ACCOUNT_INDEX_KEYS: Record<AccountIndexName, (a: Account) => string[]> = {
  byDomain: (a) => present(a.domains),
  byLinkedinSlug: (a) => present([a.linkedinSlug]),
  byLinkedinId: (a) => present([a.linkedinId]),
  byCrm: (a) => present(a.crmKeys),
  byNameKey: (a) => present([a.nameKey]),
};
export const CONTACT_INDEX_KEYS: Record<ContactIndexName, (c: Contact) => string[]> = {
  byAccount: (c) => present([c.accountId]),
  byLinkedinSlug: (c) => present([c.linkedinSlug]),
  byEmail: (c) => present([c.email]),
  byCrm: (c) => present(c.crmKeys),
};

export const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort(byIdOrder);

/**
 * What the stores answer equals what a linear filter over `expected` answers: getAll, count,
 * get of every id, and every index's get/getAll of every key the records carry. `alsoIds` and
 * `alsoKeys` are asked too (ids deleted, keys a record no longer has): they must find exactly
 * the records that still carry them, usually none.
 */
export async function expectStoresMatch(
  s: RecordStores,
  expected: { accounts: readonly Account[]; contacts: readonly Contact[] },
  also: { ids?: Iterable<string>; keys?: Iterable<string> } = {},
): Promise<void> {
  await expectKindMatches(s.accounts, expected.accounts, ACCOUNT_INDEX_KEYS, also);
  await expectKindMatches(s.contacts, expected.contacts, CONTACT_INDEX_KEYS, also);
}

interface Queryable<T, I extends string> {
  get(id: string): Promise<T | undefined>;
  getAll(): Promise<T[]>;
  count(): Promise<number>;
  index(name: I): { get(key: string): Promise<T | undefined>; getAll(key: string, limit?: number): Promise<T[]> };
}

async function expectKindMatches<T extends { id: string }, I extends string>(
  store: Queryable<T, I>,
  records: readonly T[],
  keysOf: Record<I, (r: T) => string[]>,
  also: { ids?: Iterable<string>; keys?: Iterable<string> },
): Promise<void> {
  const sorted = byId(records);
  expect(await store.getAll()).toEqual(sorted);
  expect(await store.count()).toBe(records.length);
  const ids = new Set([...records.map((r) => r.id), ...(also.ids ?? [])]);
  for (const id of ids) expect(await store.get(id), `get(${id})`).toEqual(sorted.find((r) => r.id === id));
  for (const index of Object.keys(keysOf) as I[]) {
    const keys = new Set([...records.flatMap((r) => keysOf[index](r)), ...(also.keys ?? [])]);
    for (const key of keys) {
      const want = sorted.filter((r) => keysOf[index](r).includes(key));
      expect(await store.index(index).getAll(key), `${index} ${key}`).toEqual(want);
      expect(await store.index(index).get(key), `${index}.get ${key}`).toEqual(want[0]);
    }
  }
}
