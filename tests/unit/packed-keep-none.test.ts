/**
 * `keepNoValues()` (the import's worker): every read-only transaction reads IndexedDB again.
 * Its own file: it switches the kept values off for the whole module.
 */
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import { openDatabase } from '@/lib/db/db';
import { keepNoValues } from '@/lib/db/packed';
import { accountsIn, RECORD_STORES } from '@/lib/db/records';
import { newAccount } from '@/lib/domain/records';
import { readRecords } from './helpers/records';

it('after keepNoValues, a repeated read-only look-up reads its page again', async () => {
  const db = await openDatabase('keep-none-test');
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  await accountsIn(tx).put({ ...newAccount({ name: 'Acme', domains: ['acme.example'] }, 1), id: 'acc-1' });
  await tx.done;
  keepNoValues();
  const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
  const read = () => readRecords(db, (s) => s.accounts.index('byDomain').get('acme.example'));
  expect((await read())?.id).toBe('acc-1');
  const first = gets.mock.calls.length;
  expect((await read())?.id).toBe('acc-1');
  expect(gets.mock.calls.length - first).toBe(first); // the same reads again: version, bucket, page
  gets.mockRestore();
  db.close();
});
