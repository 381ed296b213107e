import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, getStats, type DB } from '@/lib/db/db';
import { matchPage } from '@/lib/db/match';
import { replaceSampleData } from '@/lib/db/sample';
import { newAccount, newContact } from '@/lib/domain/records';
import { makeSampleData, SAMPLE_ID_PREFIX } from '@/lib/sample';
import type { PageContext } from '@/lib/sites/types';
import { first } from './helpers/must';
import { getAccount, getContact, putAccount, putContact, putRecords } from './helpers/records';

const NOW = new Date('2026-11-25T12:00:00Z');
let db: DB;
beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
});
afterEach(async () => {
  await closeDb();
});

const northwindPage: PageContext = { kind: 'company', site: 'linkedin', url: 'https://www.linkedin.com/company/northwind-analytics/', pageKey: 'linkedin:company:northwind-analytics', readable: true, signals: [], company: { linkedinSlug: 'northwind-analytics' } };

describe('loading the sample data', () => {
  it('twice replaces it: counts unchanged, the user\'s own records kept, listed accounts still found', async () => {
    const mine = newAccount({ name: 'My Own Co', domains: ['my-own.example'] });
    await putAccount(db, mine);
    await replaceSampleData(db, makeSampleData({ now: NOW }));
    const once = await getStats(db);
    expect(once.accounts).toBe(41);

    // Someone adds a contact to a sample account; then the sample is loaded again, a day later.
    const sample = makeSampleData({ now: NOW });
    const added = newContact({ accountId: first(sample.accounts, 'sample accounts').id, name: 'Added By Hand' });
    await putContact(db, added);
    await replaceSampleData(db, makeSampleData({ now: new Date(NOW.getTime() + 86_400_000) }));
    expect(await getStats(db)).toEqual({ ...once, contacts: once.contacts + 1 });
    expect(await getAccount(db, mine.id)).toEqual(mine);
    expect(await getContact(db, added.id)).toEqual(added);

    const m = await matchPage(db, northwindPage);
    expect(m).toMatchObject({ via: 'linkedin-slug', account: { name: 'Northwind Analytics' } });
    expect(m.ambiguous).toBeFalsy();
    const target = await db.getFromIndex('targets', 'byWeekAccount', ['2026-W48', m.account!.id]);
    expect(target?.id).toMatch(new RegExp(`^${SAMPLE_ID_PREFIX}`));
  });

  it('replaces a copy loaded before the ids were fixed (random ids), with what hangs off it', async () => {
    const old = makeSampleData({ now: NOW });
    const ids = new Map(old.accounts.map((a) => [a.id, crypto.randomUUID()]));
    const legacy = {
      accounts: old.accounts.map((a) => ({ ...a, id: ids.get(a.id)! })),
      contacts: old.contacts.map((c) => ({ ...c, id: crypto.randomUUID(), accountId: ids.get(c.accountId)! })),
      targets: old.targets.map((t) => ({ ...t, accountId: ids.get(t.accountId)!, keyContactIds: [] })),
    };
    await putRecords(db, legacy);
    for (const r of legacy.targets) await db.put('targets', r);
    await replaceSampleData(db, makeSampleData({ now: NOW }));
    const stats = await getStats(db);
    expect(stats).toMatchObject({ accounts: 40, contacts: old.contacts.length, targets: old.targets.length, ticks: old.ticks.length });
    expect((await matchPage(db, northwindPage)).ambiguous).toBeFalsy();
  });

  it('a target the user made for a sample account this week keeps its place', async () => {
    const sample = makeSampleData({ now: NOW });
    await replaceSampleData(db, sample);
    const t = sample.targets.find((x) => x.weekId === '2026-W48')!;
    await db.delete('targets', t.id);
    const own = { ...t, id: crypto.randomUUID(), notes: 'mine' };
    await db.put('targets', own);
    await replaceSampleData(db, makeSampleData({ now: NOW }));
    expect(await db.getFromIndex('targets', 'byWeekAccount', ['2026-W48', t.accountId])).toEqual(own);
  });
});
