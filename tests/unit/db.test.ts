import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, getStats, type DB } from '@/lib/db/db';
import { matchPage } from '@/lib/db/match';
import { newAccount, newContact } from '@/lib/domain/records';
import { RECORD_STORES, summariesIn } from '@/lib/db/records';
import { putTick } from '@/lib/db/kept-weeks';
import { makeSampleData } from '@/lib/sample';
import type { PageContext } from '@/lib/sites/types';
import { first } from './helpers/must';
import { putAccount, putContact, putRecords } from './helpers/records';
import { seed } from './helpers/seed';

type Readable = Extract<PageContext, { pageKey: string }>;
const page = (p: Partial<Readable>): Readable => ({ kind: 'company', site: 'linkedin', url: 'https://www.linkedin.com/', pageKey: 'k', readable: true, signals: [], ...p });

let db: DB;
beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
});
afterEach(async () => {
  await closeDb();
});

const put = (...accounts: ReturnType<typeof newAccount>[]) => putAccount(db, ...accounts);

describe('matchPage', () => {
  it('goes link, CRM id, LinkedIn id, slug, domain, then name', async () => {
    const a = newAccount({ name: 'Northwind Analytics', domains: ['https://www.northwind-analytics.com'], linkedinSlug: 'Northwind-Analytics', linkedinId: '1035001', crmIds: { salesforce: '0015g00000AbCdEAAZ', hubspot: '9001' } });
    const other = newAccount({ name: 'Other Co' });
    await put(a, other);
    expect((await matchPage(db, page({ crm: { system: 'salesforce', objectType: 'account', id: '0015g00000AbCdE' } }))).via).toBe('crm');
    expect((await matchPage(db, page({ crm: { system: 'salesforce', objectType: 'account', id: '0015g00000AbCdEAAZ' } }))).account?.id).toBe(a.id);
    expect((await matchPage(db, page({ crm: { system: 'hubspot', objectType: 'company', id: '9001' } }))).account?.id).toBe(a.id);
    expect((await matchPage(db, page({ company: { linkedinId: '1035001' } }))).via).toBe('linkedin-id');
    expect((await matchPage(db, page({ company: { linkedinSlug: 'northwind-analytics' } }))).via).toBe('linkedin-slug');
    expect((await matchPage(db, page({ company: { domain: 'northwind-analytics.com' } }))).via).toBe('domain');
    expect((await matchPage(db, page({ company: { name: 'NORTHWIND ANALYTICS, INC.' } }))).via).toBe('name');
    // A link made by hand beats everything.
    await db.put('links', { pageKey: 'k', kind: 'account', targetId: other.id, createdAt: 1 });
    expect(await matchPage(db, page({ company: { linkedinId: '1035001' } }))).toMatchObject({ via: 'link', account: { id: other.id } });
  });

  it('never matches look-alike names', async () => {
    await put(newAccount({ name: 'Bounced Inc.' }), newAccount({ name: 'Audiense' }));
    expect((await matchPage(db, page({ company: { name: 'Bounce' } }))).account).toBeUndefined();
    expect((await matchPage(db, page({ company: { name: 'Audience Inc' } }))).account).toBeUndefined();
  });

  it('two accounts with the same name are ambiguous, not a guess', async () => {
    await put(newAccount({ name: 'Acme Ltd' }), newAccount({ name: 'ACME Inc' }));
    const r = await matchPage(db, page({ company: { name: 'Acme' } }));
    expect(r.account).toBeUndefined();
    expect(r.ambiguous).toBe(true);
    expect(r.candidates?.map((a) => a.name).sort()).toEqual(['ACME Inc', 'Acme Ltd']);
  });

  it('a company shown with LinkedIn extras matches the stored name, never a fuzzy one', async () => {
    const acme = newAccount({ name: 'Acme' });
    await put(acme, newAccount({ name: 'Acme Robotics' }));
    for (const shown of ['Acme (YC S25)', 'Acme - We\'re hiring', 'Acme (by Globex)', 'Acme | Data for everyone', 'Acme · Software']) {
      expect(await matchPage(db, page({ company: { name: shown } })), shown).toMatchObject({ account: { id: acme.id }, via: 'name' });
    }
    expect(await matchPage(db, page({ company: { name: 'Acm' } }))).toEqual({});
    expect(await matchPage(db, page({ company: { name: 'Acme Robotic' } }))).toEqual({});
  });

  it('a person matches their contact first, then their company', async () => {
    const a = newAccount({ name: 'Northwind Analytics', linkedinId: '1035001' });
    await put(a);
    const c = newContact({ accountId: a.id, name: 'Jane Doe', linkedinSlug: 'jane-doe-4b1a2', email: 'Jane.Doe@northwind-analytics.com' });
    await putContact(db, c);
    const person = (p: Readable['person']) => page({ kind: 'person', person: p });
    expect(await matchPage(db, person({ linkedinSlug: 'Jane-Doe-4B1A2' }))).toMatchObject({ via: 'contact', contact: { id: c.id }, account: { id: a.id } });
    expect((await matchPage(db, person({ linkedinSlug: 'someone-else', companyLinkedinId: '1035001' }))).via).toBe('linkedin-id');
    expect((await matchPage(db, page({ kind: 'crm', site: 'hubspot', crm: { system: 'hubspot', objectType: 'contact', id: '77', email: 'jane.doe@northwind-analytics.com' } }))).contact?.id).toBe(c.id);
  });
});

describe('sample data', () => {
  it('covers every tier with 5 to 12 contacts per account and a week with air cover', async () => {
    const s = makeSampleData({ now: new Date('2026-11-22T12:00:00Z') });
    expect(s.accounts).toHaveLength(40);
    const per = new Map<string, number>();
    for (const c of s.contacts) per.set(c.accountId, (per.get(c.accountId) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(12);
    expect([...per.values()].filter((n) => n >= 5).length).toBeGreaterThan(30);
    expect(new Set(s.contacts.map((c) => c.department)).size).toBeGreaterThanOrEqual(8);
    expect(s.targets.filter((t) => t.weekId === '2026-W47').length).toBe(12);
    expect(s.ticks.length).toBeGreaterThan(20);
    const { computeTier } = await import('@/lib/domain/tier');
    const { defaultSettings } = await import('@/lib/domain/schema');
    const tiers = new Set(s.accounts.map((a) => computeTier(a, defaultSettings(), new Date('2026-11-22')).tier));
    expect([...tiers].sort()).toEqual(['global', 'tier1', 'tier2', 'tier3', 'tier4']);
  });

  it('stats count what is stored; delete-all empties every store', async () => {
    const s = makeSampleData();
    await putRecords(db, s);
    expect(await getStats(db)).toMatchObject({ accounts: 40, contacts: s.contacts.length });
    await deleteAllData(db);
    expect(await getStats(db)).toEqual({ accounts: 0, contacts: 0, weeks: 0, targets: 0, ticks: 0, links: 0 });
    expect(await summariesIn(db.transaction(RECORD_STORES)).count()).toBe(0);
  });
});

/** The sample data stored, and its week 2026-W47 read as the week view reads it. */
async function sampleWeek() {
  const { weekView } = await import('@/lib/db/week');
  const { defaultSettings } = await import('@/lib/domain/schema');
  const now = new Date('2026-11-22T12:00:00Z');
  const s = makeSampleData({ now });
  await seed(db, s);
  const settings = defaultSettings();
  return { now, s, settings, view: await weekView(db, '2026-W47', settings, now) };
}

describe('week view', () => {
  it('withTick applies a tick in place: progress, focus work and changes follow without a read', async () => {
    const { weekView, withTick } = await import('@/lib/db/week');
    const { now, settings, view } = await sampleWeek();
    const row = first(view.rows, 'week rows');
    const cell = row.target.keyContactIds[0];
    const tick = { id: `${row.target.id}|${cell}|executiveOutreach`, weekId: '2026-W47', targetId: row.target.id, contactId: cell, item: 'executiveOutreach' as const, done: true, by: 'Ana', at: now.getTime() };
    const was = row.ticks.find((x) => x.id === tick.id)?.done === true;
    const next = withTick(view, tick, settings);
    await putTick(db, tick); // as the tick handler writes it (its kept week too)
    const fresh = await weekView(db, '2026-W47', settings, now);
    expect(first(next.rows).progress).toEqual(first(fresh.rows).progress);
    expect(next.progress).toEqual(fresh.progress);
    expect(next.focus).toEqual(fresh.focus);
    expect(next.changes.airCoverAdded).toBe(view.changes.airCoverAdded + (was ? 0 : 1));
    expect(withTick(view, { ...tick, weekId: '2026-W01' }, settings)).toBe(view);
  });
});

describe('week details', () => {
  it('details read while a tick comes in are applied onto the ticked view: the tick stays, every row ends detailed', async () => {
    const { readDetails, applyDetails, withTick } = await import('@/lib/db/week');
    const { now, s, settings, view } = await sampleWeek();
    const waiting = view.rows.filter((r) => !r.detailed);
    const ids = view.rows.map((r) => r.target.id);
    const reading = readDetails(db, view, ids, settings, now);
    // A tick on a row still without details, applied while its details are being read.
    const row = first(waiting.length ? waiting : view.rows, 'rows');
    const contactId = row.target.keyContactIds[0] ?? 'none';
    const tick = { id: `${row.target.id}|${contactId}|executiveOutreach`, weekId: '2026-W47', targetId: row.target.id, contactId, item: 'executiveOutreach' as const, done: true, by: 'Ana', at: now.getTime() };
    const ticked = withTick(view, tick, settings);
    const filled = applyDetails(ticked, await reading);
    expect(filled.rows.every((r) => r.detailed)).toBe(true);
    const after = filled.rows.find((r) => r.target.id === row.target.id)!;
    expect(after.ticks.some((x) => x.id === tick.id)).toBe(true);
    expect(after.keyContacts.map((c) => c.id)).toEqual(row.target.keyContactIds.filter((id) => s.contacts.some((c) => c.id === id && c.accountId === row.account.id)));
    // A fresh read of every detail agrees with the filled view.
    const fresh = applyDetails(view, await readDetails(db, view, ids, settings, now));
    expect(filled.rows.map((r) => [r.target.id, r.keyContacts, r.account.gaps])).toEqual(fresh.rows.map((r) => [r.target.id, r.keyContacts, r.account.gaps]));
    // Details of another week's rows change nothing.
    expect(applyDetails({ ...view, rows: [] }, await readDetails(db, view, ids, settings, now)).rows).toEqual([]);
    // Contacts read join what the view knows only for their own week, at the same moment.
    const read = { rows: new Map(), read: { weekId: view.weekId, stamp: view.contactStamp, found: new Map([['acc\u0001con', null]]) } };
    expect(applyDetails(view, read).keyContactsKnown.has('acc\u0001con')).toBe(true);
    const otherWeek = { ...view, weekId: '2026-W01' };
    expect(applyDetails(otherWeek, read)).toBe(otherWeek);
    expect(applyDetails(view, { ...read, read: { ...read.read, stamp: { version: -1, seq: 0 } } }).keyContactsMixed).toBe(true);
  });
});

describe('the week\'s stored key contacts', () => {
  it('once every row is read they are stored; the next opening shows them at once, and a contact changed since', async () => {
    const { readDetails, applyDetails, keyContactsToStore, weekView } = await import('@/lib/db/week');
    const { saveWeekContacts } = await import('@/lib/db/week-digest');
    const { now, settings, view } = await sampleWeek();
    expect(view.keyContactsStored).toBe(false);
    const filled = applyDetails(view, await readDetails(db, view, view.rows.map((r) => r.target.id), settings, now));
    const all = keyContactsToStore(filled);
    expect(all?.size).toBe(filled.rows.reduce((n, r) => n + r.target.keyContactIds.length, 0));
    await saveWeekContacts(db, filled.weekId, filled.contactStamp, all!);

    const next = await weekView(db, '2026-W47', settings, now);
    expect(next.keyContactsStored).toBe(true);
    expect(keyContactsToStore(next)).toBeUndefined(); // nothing to store again
    // Every row's key contacts are there before any row is read (a search by name finds them).
    expect(next.rows.map((r) => [r.target.id, r.keyContacts])).toEqual(filled.rows.map((r) => [r.target.id, r.keyContacts]));

    // A key contact renamed since: that one is read again and shown with its new name.
    const row = first(filled.rows.filter((r) => r.keyContacts.length), 'a row with key contacts');
    const c = (await import('@/lib/db/records')).contactsIn(db.transaction(RECORD_STORES));
    const stored = (await c.getIn(row.account.id, row.keyContacts[0]!.id))!;
    await putRecords(db, { contacts: [{ ...stored, name: 'Renamed Key Contact' }] });
    const after = await weekView(db, '2026-W47', settings, now);
    expect(after.keyContactsStored).toBe(false);
    const detailed = applyDetails(after, await readDetails(db, after, [row.target.id], settings, now));
    expect(detailed.rows.find((r) => r.target.id === row.target.id)!.keyContacts.map((k) => k.name)).toContain('Renamed Key Contact');
  });
});

describe('storage errors', () => {
  it('a full disk is said in words a user can act on', async () => {
    const { describeStorageError } = await import('@/lib/db/db');
    expect(describeStorageError(new DOMException('quota', 'QuotaExceededError'))).toMatch(/^The browser has no more room for Tiercover's data \(storage quota reached\)\. Nothing was saved/);
    expect(describeStorageError(new Error('other'))).toBe('other');
  });
});
