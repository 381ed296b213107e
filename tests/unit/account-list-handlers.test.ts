import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { newAccount, newContact } from '@/lib/domain/records';
import { mergeChanges } from '@/lib/messaging/client';
import type { AccountIndexEntry } from '@/lib/domain/account-index';
import type { AccountRow, ChangeEvent } from '@/lib/messaging/protocol';
import { putAccount, putContact } from './helpers/records';

const ext = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/app.html` };
const frame = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/card.html`, tab: { id: 7, url: 'https://www.linkedin.com/in/jane/' }, frameId: 3 };
async function ask<T>(type: string, payload: unknown, sender: object = ext): Promise<T> {
  const r = (await handleMessage({ tiercover: 1, type, payload } as never, sender as never)) as { ok: boolean; data?: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}

describe('the accounts list messages', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await closeDb();
    const db = await getDb();
    await deleteAllData(db);
    const accounts = [
      // Three accounts share one name: a page boundary must not split them.
      ...['Acme', 'Acme', 'Acme', 'Beta', 'Gamma', 'Delta', 'Epsilon'].map((name, i) => newAccount({ id: `acc-${i}`, name, domains: [`d${i}.com`], team: { owner: 'Sam' } } as never)),
      newAccount({ id: 'global-1', name: 'Omega Corp', global: true } as never),
    ];
    for (const a of accounts) await putAccount(db, a);
    // acc-3 (Beta) fully covered; acc-4 (Gamma) two names, so it has gaps.
    const depts = ['executive', 'finance', 'it', 'marketing', 'sales'] as const;
    for (const [i, d] of depts.entries()) await putContact(db, newContact({ accountId: 'acc-3', name: `B ${i}`, department: d, buyingRole: i === 0 ? 'decision-maker' : 'user', connected: true, status: 'active' } as never));
    for (const i of [0, 1]) await putContact(db, newContact({ accountId: 'acc-4', name: `G ${i}`, department: 'it', buyingRole: 'user', status: 'active' } as never));
  });

  it('pages the index in name order, never splitting a run of one name, and counts when asked', async () => {
    const seen: AccountIndexEntry[] = [];
    let after: string | undefined;
    let first = true;
    for (let guard = 0; guard < 10; guard++) {
      const page = await ask<{ entries: AccountIndexEntry[]; next?: string; total: number }>('listAccountIndex', { afterNameKey: after, limit: 2, withTotal: first });
      expect(page.total).toBe(first ? 8 : -1);
      first = false;
      seen.push(...page.entries);
      if (page.next === undefined) break;
      after = page.next;
    }
    expect(seen.map((e) => e.id)).toEqual(['acc-0', 'acc-1', 'acc-2', 'acc-3', 'acc-5', 'acc-6', 'acc-4', 'global-1']);
    expect(seen.find((e) => e.id === 'global-1')).toMatchObject({ name: 'Omega Corp', nameKey: 'omega', tier: 'global' });
    expect(seen[0]).toMatchObject({ domains: ['d0.com'], owner: 'Sam' });
  });

  it('pages every entry in stored order for the bulk read, each once, counting when asked', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let calls = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = await ask<{ entries: AccountIndexEntry[]; next?: string; total: number }>('listAccountIndexById', { after, limit: 3, withTotal: calls++ === 0 });
      expect(page.total).toBe(calls === 1 ? 8 : -1);
      ids.push(...page.entries.map((e) => e.id));
      if (page.next === undefined) break;
      after = page.next;
    }
    // Stored order is the packed pages' order, not the ids': every account exactly once.
    expect(ids).toHaveLength(8);
    expect([...ids].sort()).toEqual(['acc-0', 'acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5', 'acc-6', 'global-1']);
  });

  it('answers entries for changed ids, leaving out an account that is gone', async () => {
    const got = await ask<AccountIndexEntry[]>('getAccountIndexEntries', { ids: ['acc-4', 'gone'] });
    expect(got.map((e) => e.id)).toEqual(['acc-4']);
  });

  it('gives the rows on screen their coverage and tier sentence', async () => {
    const rows = await ask<AccountRow[]>('getAccountRows', { ids: ['acc-3', 'acc-4', 'gone'] });
    expect(rows.map((r) => [r.id, r.named, r.gaps.length > 0])).toEqual([['acc-3', 5, false], ['acc-4', 2, true]]);
    expect(rows[0]!.sentence).toMatch(/Tier/);
  });

  it('lists the accounts without coverage gaps (an account without contacts has gaps)', async () => {
    expect(await ask<string[]>('listCoveredAccounts', {})).toEqual(['acc-3']);
  });

  it('is for Tiercover\'s own pages only', async () => {
    await expect(ask('listAccountIndex', {}, frame)).rejects.toThrow(/Refused/);
  });
});

describe('change events merged in a burst', () => {
  const ev = (stores: ChangeEvent['stores'], accountIds?: string[]): ChangeEvent => ({ type: 'changed', stores, ...(accountIds ? { accountIds } : {}) });

  it('keeps the account ids while every accounts change named them', () => {
    expect(mergeChanges(ev(['accounts'], ['a']), ev(['accounts'], ['b', 'a'])).accountIds).toEqual(['a', 'b']);
    expect(mergeChanges(ev(['accounts'], ['a']), ev(['contacts'])).accountIds).toEqual(['a']);
  });

  it('drops them when one change to the accounts did not say which', () => {
    const merged = mergeChanges(ev(['accounts'], ['a']), ev(['accounts', 'contacts']));
    expect(merged.accountIds).toBeUndefined();
    expect(merged.stores).toEqual(['accounts', 'contacts']);
    expect(mergeChanges(ev(['contacts']), ev(['ticks'])).accountIds).toBeUndefined();
  });
});
