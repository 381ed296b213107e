import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, getStats, type DB } from '@/lib/db/db';
import { tickId } from '@/lib/domain/aircover';
import { newAccount, newContact } from '@/lib/domain/records';
import { defaultSettings, SCHEMA_VERSION, type Account, type AirCoverTick, type Target, type WeekId } from '@/lib/domain/schema';
import { previousWeek } from '@/lib/domain/week';
import { MAX_BUNDLE_BYTES, mergeBundle, mergeFields, parseBundle, readBundleFile, type Bundle } from '@/lib/io/bundle';
import { bundle, fullBackup, loadWeekData, restoreBackup, type WeekData } from '@/lib/io/csv-export';
import { makeSampleData, type SampleData } from '@/lib/sample';
import { seed as seedDb } from './helpers/seed';
import { first } from './helpers/must';
import { getAccount, getContact, putAccount } from './helpers/records';

const NOW = new Date('2026-11-25T12:00:00Z');
const T = NOW.getTime();
const WEEK: WeekId = '2026-W48';
const HOUR = 3_600_000;

let db: DB;
let sample: SampleData;

beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
  sample = makeSampleData({ now: NOW, yourName: 'Sam Rep' });
  await seed(sample);
});
afterEach(async () => {
  await closeDb();
});

const seed = (s: Partial<SampleData>) => seedDb(db, s);

async function snapshot() {
  const { exportedAt: _, ...rest } = await fullBackup(db);
  return rest;
}

function weekData(s: SampleData): WeekData {
  return {
    weekId: WEEK,
    accounts: s.accounts,
    contacts: s.contacts,
    targets: s.targets.filter((t) => t.weekId === WEEK),
    ticks: s.ticks.filter((t) => t.weekId === WEEK),
    previousTargets: s.targets.filter((t) => t.weekId === previousWeek(WEEK)),
    settings: { ...defaultSettings(T), yourName: 'Alex Kim' },
    now: T,
    week: s.weeks.find((w) => w.id === WEEK),
  };
}

const bundleText = (b: unknown) => JSON.stringify(b);
const importText = async (text: string) => mergeBundle(db, parseBundle(text));
const none = { added: 0, updated: 0, unchanged: expect.any(Number) };

describe('refused bundles change nothing', () => {
  const good = () => bundle(weekData(makeSampleData({ now: NOW })));
  const cases: [string, () => string, string | RegExp][] = [
    ['not JSON', () => '{"format": "tiercover-bundle",', 'This file is not valid JSON'],
    ['a CSV file', () => 'Account Name,Website\nAcme,acme.com\n', 'This file is not valid JSON'],
    ['JSON of another app', () => '{"name": "package", "version": "1.0.0"}', 'This is not a Tiercover bundle'],
    ['JSON that is not an object', () => '[1, 2, 3]', 'This is not a Tiercover bundle'],
    ['a backup offered as a bundle', () => '{"format": "tiercover-backup", "schemaVersion": 1}', /This is a Tiercover backup, not a bundle/],
    ['a newer schema', () => bundleText({ ...good(), schemaVersion: 99 }), 'This bundle comes from a newer Tiercover (schema 99); update Tiercover to import it'],
    [
      'records that break the schema',
      () => {
        const b = good();
        return bundleText({ ...b, weekId: '2026-W99', accounts: [{ ...b.accounts[0], name: '' }, ...b.accounts.slice(1)], ticks: [{ ...b.ticks[0], item: 'smokeSignals' }] });
      },
      /^This bundle is damaged or incomplete: weekId: .+; accounts\.0\.name: .+; ticks\.0\.item: .+$/,
    ],
    ['more than 50 MB', () => ' '.repeat(MAX_BUNDLE_BYTES + 1), 'This bundle is larger than 50 MB; Tiercover does not import files that big'],
  ];
  it.each(cases)('%s', async (_name, text, message) => {
    const before = await snapshot();
    await expect(importText(text())).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  it('lists at most five schema problems', () => {
    const b = good();
    const broken = { ...b, accounts: b.accounts.map((a) => ({ ...a, createdAt: -1 })) };
    const message = (() => {
      try {
        parseBundle(bundleText(broken));
      } catch (e) {
        return (e as Error).message;
      }
    })()!;
    expect(message.match(/accounts\.\d+\.createdAt/g)).toHaveLength(5);
    expect(message).toMatch(/; and \d+ more$/);
  });

  it('refuses a too-large file before reading it', async () => {
    const big = { size: MAX_BUNDLE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    await expect(readBundleFile(big)).rejects.toThrow(/larger than 50 MB/);
    await expect(readBundleFile(new Blob([new Uint8Array([0xff, 0xfe, 0x00])]))).rejects.toThrow('This file is not valid JSON');
  });
});

describe('mergeFields', () => {
  const base = newAccount({ name: 'Acme', domains: ['acme.com'] }, 1000);

  it('lets the newer edit win per field and keeps both sides otherwise', () => {
    const ours: Account = { ...base, employees: 400, notes: 'ours', edits: { employees: 3000, notes: 2000 }, updatedAt: 3000 };
    const theirs: Account = { ...base, employees: 300, notes: 'theirs', domains: ['acme.io'], edits: { employees: 2500, notes: 4000 }, updatedAt: 4000 };
    const m = mergeFields(ours, theirs);
    expect(m).toMatchObject({ employees: 400, notes: 'theirs', domains: ['acme.com', 'acme.io'], updatedAt: 4000 });
    expect(m.edits).toMatchObject({ employees: 3000, notes: 4000 });
    expect(mergeFields(m, theirs)).toEqual(m);
  });

  it('the meeting\'s fields of a target: the newer edit wins per field', () => {
    const t: Target = { id: 't1', createdAt: 1000, updatedAt: 1000, weekId: '2026-W48', accountId: 'a1', keyContactIds: [], status: 'active' };
    const ours: Target = { ...t, decision: 'Webinar in January', nextStep: 'Send the deck', edits: { decision: 3000, nextStep: 2000 }, updatedAt: 3000 };
    const theirs: Target = { ...t, decision: 'Webinar in March', nextStep: 'Book the demo', ask: 'A retail case study', edits: { decision: 2500, nextStep: 4000, ask: 4000 }, updatedAt: 4000 };
    const m = mergeFields(ours, theirs);
    expect(m).toMatchObject({ decision: 'Webinar in January', nextStep: 'Book the demo', ask: 'A retail case study' });
    expect(mergeFields(theirs, ours)).toMatchObject({ decision: 'Webinar in January', nextStep: 'Book the demo', ask: 'A retail case study' });
  });

  it('merges nested fields key by key (factors, team, CRM ids)', () => {
    const ours: Account = { ...base, factors: { ...base.factors, website: 'checked' }, team: { owner: 'Sam' }, crmIds: { salesforce: '001A' }, edits: { 'factors.website': 2000, team: 2000 }, updatedAt: 2000 };
    const theirs: Account = { ...base, factors: { ...base.factors, tenure: 'unchecked' }, team: { marketingOwner: 'Morgan' }, crmIds: { hubspot: '9' }, edits: { 'factors.tenure': 3000, team: 1500 }, updatedAt: 3000 };
    const m = mergeFields(ours, theirs);
    expect(m.factors).toMatchObject({ website: 'checked', tenure: 'unchecked' });
    expect(m.team).toEqual({ owner: 'Sam', marketingOwner: 'Morgan' });
    expect(m.crmIds).toEqual({ salesforce: '001A', hubspot: '9' });
    expect(mergeFields(m, theirs)).toEqual(m);
    expect(mergeFields(m, ours)).toEqual(m);
  });

  it('an absent value does not erase one unless clearing it was an edit', () => {
    const ours: Account = { ...base, notes: 'keep me', updatedAt: 1000 };
    expect(mergeFields(ours, { ...base, updatedAt: 5000 }).notes).toBe('keep me');
    expect(mergeFields(ours, { ...base, updatedAt: 5000, edits: { notes: 5000 } }).notes).toBeUndefined();
  });
});

describe('mergeBundle', () => {
  it('a colleague\'s copy of the same week merges: same accounts by CRM id/domain, ticks from both sides, newer edits win', async () => {
    // Alex made the same sample on another machine: same accounts and people, other ids.
    const alex = makeSampleData({ now: NOW, yourName: 'Alex Kim' });
    const alexData = weekData(alex);
    const target0 = first(alexData.targets, "Alex's targets");
    const nwAlex = alex.accounts.find((a) => a.name === 'Northwind Analytics')!;
    const nwOurs = sample.accounts.find((a) => a.name === 'Northwind Analytics')!;
    // Alex ticks a cell we have not, edits the notes later than we edit employees.
    const cell = { contactId: target0.keyContactIds[0], item: 'executiveOutreach' as const };
    const alexTick: AirCoverTick = { id: tickId(target0.id, cell.contactId, cell.item), weekId: WEEK, targetId: target0.id, contactId: cell.contactId, item: cell.item, done: true, by: 'Alex Kim', at: T + HOUR };
    alexData.ticks = [...alexData.ticks.filter((t) => t.id !== alexTick.id), alexTick];
    alexData.accounts = alexData.accounts.map((a) => (a.id === nwAlex.id ? { ...a, notes: 'Budget approved', edits: { notes: T + 2 * HOUR }, updatedAt: T + 2 * HOUR } : a));
    await putAccount(db, { ...nwOurs, employees: 360, edits: { employees: T + HOUR }, updatedAt: T + HOUR });
    await db.delete('ticks', tickId(target0.id, sample.targets.find((t) => t.id === target0.id)!.keyContactIds[0], cell.item));
    const before = await getStats(db);

    const counts = await importText(bundleText(bundle(alexData)));
    expect(counts.accounts).toEqual({ added: 0, updated: 1, unchanged: 11 });
    expect(counts.contacts.added).toBe(0);
    expect(counts.targets.added).toBe(0);
    expect(counts.ticks).toMatchObject({ added: 1, updated: 0 });
    expect(await getStats(db)).toEqual({ ...before, ticks: before.ticks + 1 });

    const nw = (await getAccount(db, nwOurs.id))!;
    expect(nw).toMatchObject({ employees: 360, notes: 'Budget approved' });
    const ourContact = sample.targets.find((t) => t.id === target0.id)!.keyContactIds[0];
    expect(await db.get('ticks', tickId(target0.id, ourContact, 'executiveOutreach'))).toMatchObject({ done: true, by: 'Alex Kim', contactId: ourContact });

    // Importing the same bundle again changes nothing.
    const snap = await snapshot();
    const again = await importText(bundleText(bundle(alexData)));
    for (const store of Object.values(again)) expect(store).toEqual(none);
    expect(await snapshot()).toEqual(snap);
  });

  it('round trip between two profiles: export, start over with other data, merge, get the union', async () => {
    const mine = bundleText(bundle(await loadWeekData(db, WEEK, T)));
    const theirs = parseBundle(mine);

    // The other profile: two accounts of its own, one of them the same company under another id.
    await deleteAllData(db);
    const northwindCopy = newAccount({ name: 'Northwind Analytics, Inc.', domains: ['https://www.northwind-analytics.com'], notes: 'Their copy' }, T - 10 * 24 * HOUR);
    const other = newAccount({ name: 'Other Co', domains: ['other.example'] }, T);
    const otherContact = newContact({ accountId: other.id, name: 'Olga Other', email: 'olga@other.example' }, T);
    const otherTarget: Target = { id: 'their-target', createdAt: T, updatedAt: T, weekId: WEEK, accountId: other.id, keyContactIds: [otherContact.id], status: 'active' };
    const otherTick: AirCoverTick = { id: tickId('their-target', otherContact.id, 'onNewsletter'), weekId: WEEK, targetId: 'their-target', contactId: otherContact.id, item: 'onNewsletter', done: true, by: 'Alex Kim', at: T };
    await seed({ accounts: [northwindCopy, other], contacts: [otherContact], targets: [otherTarget], ticks: [otherTick] });

    const counts = await mergeBundle(db, theirs);
    expect(counts.accounts).toEqual({ added: 11, updated: 1, unchanged: 0 });
    expect(counts.targets).toEqual({ added: 12, updated: 0, unchanged: 0 });
    expect(counts.ticks).toEqual({ added: theirs.ticks.length, updated: 0, unchanged: 0 });
    expect(counts.weeks).toEqual({ added: 1, updated: 0, unchanged: 0 });

    const stats = await getStats(db);
    expect(stats).toMatchObject({ accounts: 13, contacts: theirs.contacts.length + 1, targets: 13, ticks: theirs.ticks.length + 1, weeks: 1 });
    // The bundle's Northwind landed on their copy: its contacts and target point to that id.
    const nw = (await getAccount(db, northwindCopy.id))!;
    expect(nw.notes).toBe('Their copy');
    const nwTarget = (await db.getFromIndex('targets', 'byWeekAccount', [WEEK, northwindCopy.id]))!;
    expect(nwTarget).toBeDefined();
    for (const id of nwTarget.keyContactIds) expect((await getContact(db, id))?.accountId).toBe(northwindCopy.id);
    const nwTicks = await db.getAllFromIndex('ticks', 'byTarget', nwTarget.id);
    expect(nwTicks.length).toBeGreaterThan(0);
    expect(await db.get('ticks', otherTick.id)).toEqual(otherTick);

    const snap = await snapshot();
    const again = await mergeBundle(db, theirs);
    for (const store of Object.values(again)) expect(store).toEqual(none);
    expect(await snapshot()).toEqual(snap);
  });

  it('for the same tick the newer one wins, whichever side it is on', async () => {
    const data = weekData(sample);
    const tick = first(data.ticks, 'sample ticks');
    await db.put('ticks', { ...tick, done: true, at: T, by: 'Sam Rep' });
    const older: Bundle = { ...bundle(data), ticks: [{ ...tick, done: false, at: T - HOUR, by: 'Alex Kim' }] };
    expect((await mergeBundle(db, parseBundle(bundleText(older)))).ticks).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await db.get('ticks', tick.id)).toMatchObject({ done: true, by: 'Sam Rep' });
    const newer: Bundle = { ...bundle(data), ticks: [{ ...tick, done: false, at: T + HOUR, by: 'Alex Kim' }] };
    expect((await mergeBundle(db, parseBundle(bundleText(newer)))).ticks).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(await db.get('ticks', tick.id)).toMatchObject({ done: false, by: 'Alex Kim' });
  });
});

describe('backup', () => {
  it('restores everything, settings and links included', async () => {
    await db.put('links', { pageKey: 'linkedin:in:jane-doe-4b1a2', kind: 'contact', targetId: first(sample.contacts).id, createdAt: T });
    await db.put('settings', { ...defaultSettings(T), yourName: 'Sam Rep' });
    const before = await snapshot();
    const text = JSON.stringify(await fullBackup(db));
    await deleteAllData(db);
    await putAccount(db, newAccount({ name: 'Will be replaced' }));
    const counts = await restoreBackup(db, text);
    expect(counts).toMatchObject({ accounts: sample.accounts.length, links: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('a broken or conflicting backup changes nothing', async () => {
    const backup = await fullBackup(db);
    const before = await snapshot();
    await expect(restoreBackup(db, JSON.stringify({ ...backup, contacts: [{ ...backup.contacts[0], department: 'astrology' }] }))).rejects.toThrow(/^This backup is damaged or incomplete: contacts\.0\.department/);
    await expect(restoreBackup(db, '{"format": "tiercover-bundle", "schemaVersion": 1}')).rejects.toThrow(/bundle, not a backup/);
    await expect(restoreBackup(db, JSON.stringify({ ...backup, schemaVersion: SCHEMA_VERSION + 1 }))).rejects.toThrow(`This backup comes from a newer Tiercover (schema ${SCHEMA_VERSION + 1}); update Tiercover to import it`);
    // Valid records that break a database constraint (two targets for one account in one week): the transaction fails as a whole.
    const t = first(backup.targets, 'backed-up targets');
    await expect(restoreBackup(db, { ...backup, targets: [...backup.targets, { ...t, id: 'duplicate' }] })).rejects.toThrow(/could not be restored.*Your data was not changed/);
    expect(await snapshot()).toEqual(before);
  });
});
