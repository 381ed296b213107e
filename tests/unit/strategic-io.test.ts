import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, type DB } from '@/lib/db/db';
import { removeContact } from '@/lib/db/contacts';
import type { WeekId } from '@/lib/domain/schema';
import { BundleError, mergeBundle, parseBackup, parseBundle } from '@/lib/io/bundle';
import { bundle, fullBackup, loadWeekData, restoreBackup } from '@/lib/io/csv-export';
import { makeSampleData, type SampleData } from '@/lib/sample';
import { seed } from './helpers/seed';
import { getAccount, getContact } from './helpers/records';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK: WeekId = '2026-W48';
// VanArsdel Ltd, a Global account on this week's list, and three of its people.
const ACC = 'sample-account-16';
const [CEO, CFO, FIN] = ['sample-contact-16-0', 'sample-contact-16-1', 'sample-contact-16-2'];

let db: DB;
let sample: SampleData;

function mapped(s: SampleData): SampleData {
  return {
    ...s,
    contacts: s.contacts.map((c) =>
      c.id === CFO ? { ...c, reportsTo: CEO, influence: 'high', strength: 'good', relationshipOwner: 'Sam Rep' } : c.id === FIN ? { ...c, reportsTo: CFO } : c,
    ),
    accounts: s.accounts.map((a) =>
      a.id === ACC
        ? { ...a, touchpoints: [{ id: 'tp1', kind: 'executive-checkin', everyDays: 60, last: '2026-10-01', ours: ['Dana Fox'], theirs: [CEO] }], reviews: [{ id: 'r1', at: NOW.getTime(), by: 'Sam Rep', scores: Array(15).fill(3) }], potential: 'high' }
        : a,
    ),
  };
}

beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
  sample = mapped(makeSampleData({ now: NOW, yourName: 'Sam Rep' }));
  await seed(db, sample);
});
afterEach(async () => {
  await closeDb();
});

describe('strategic data in the backup and the bundle', () => {
  it('round-trips the map, touchpoints and reviews through a backup', async () => {
    const backup = JSON.stringify(await fullBackup(db, NOW.getTime()));
    await deleteAllData(db);
    await restoreBackup(db, backup);
    const cfo = await getContact(db, CFO);
    expect(cfo).toMatchObject({ reportsTo: CEO, influence: 'high', strength: 'good', relationshipOwner: 'Sam Rep' });
    const a = await getAccount(db, ACC);
    expect(a?.touchpoints?.[0]).toMatchObject({ kind: 'executive-checkin', theirs: [CEO] });
    expect(a?.reviews).toHaveLength(1);
    expect(a?.potential).toBe('high');
  });

  it('refuses a file whose map points at another account or nowhere, and says where', async () => {
    const backup = await fullBackup(db, NOW.getTime());
    const other = backup.contacts.find((c) => c.accountId !== ACC)!;
    const bad = { ...backup, contacts: backup.contacts.map((c) => (c.id === FIN ? { ...c, reportsTo: other.id } : c)) };
    expect(() => parseBackup(JSON.stringify(bad), NOW.getTime())).toThrow(BundleError);
    expect(() => parseBackup(JSON.stringify(bad), NOW.getTime())).toThrow(/reports to ".*", a contact of another account. Nothing was changed/);
    const nowhere = { ...backup, contacts: backup.contacts.map((c) => (c.id === FIN ? { ...c, reportsTo: 'ghost' } : c)) };
    expect(() => parseBackup(JSON.stringify(nowhere), NOW.getTime())).toThrow(/the contact they report to, "ghost", is not in the file/);
    const stranger = { ...backup, accounts: backup.accounts.map((a) => (a.id === ACC ? { ...a, touchpoints: [{ ...a.touchpoints![0], theirs: [other.id] }] } : a)) };
    expect(() => parseBackup(JSON.stringify(stranger), NOW.getTime())).toThrow(/touchpoints\[0\]: ".*" took part for the customer but is not a contact of this account/);
    const badScores = { ...backup, accounts: backup.accounts.map((a) => (a.id === ACC ? { ...a, reviews: [{ id: 'r', at: 1, by: 'x', scores: [6, 1] }] } : a)) };
    expect(() => parseBackup(JSON.stringify(badScores), NOW.getTime())).toThrow(/damaged or incomplete: accounts\.\d+\.reviews\.0\.scores/);
  });

  it('rewrites map ids to ours when a colleague\'s contacts match ours under other ids', async () => {
    const data = await loadWeekData(db, WEEK, NOW.getTime());
    const b = bundle({ ...data, exportedBy: 'Alex Kim' });
    // The colleague's copy: same people (same LinkedIn slugs), their own ids.
    const theirs = (id: string) => `theirs-${id}`;
    const renamed = {
      ...b,
      contacts: b.contacts.map((c) => ({ ...c, id: theirs(c.id), ...(c.reportsTo ? { reportsTo: theirs(c.reportsTo) } : {}) })),
      accounts: b.accounts.map((a) => (a.touchpoints ? { ...a, touchpoints: a.touchpoints.map((tp) => ({ ...tp, theirs: tp.theirs.map(theirs) })) } : a)),
      targets: b.targets.map((t) => ({ ...t, keyContactIds: t.keyContactIds.map(theirs) })),
      ticks: b.ticks.map((t) => ({ ...t, ...(t.contactId ? { contactId: theirs(t.contactId) } : {}) })),
      links: [],
    };
    const parsed = parseBundle(JSON.stringify(renamed), NOW.getTime());
    await mergeBundle(db, parsed);
    expect((await getContact(db, FIN))?.reportsTo).toBe(CFO);
    expect(await getContact(db, theirs(FIN))).toBeUndefined();
    expect((await getAccount(db, ACC))?.touchpoints?.[0]?.theirs).toEqual([CEO]);
  });

  it('removing a contact takes them off the map and out of touchpoints, so the backup stays valid', async () => {
    await removeContact(db, CEO);
    expect((await getContact(db, CFO))?.reportsTo).toBeUndefined();
    expect((await getAccount(db, ACC))?.touchpoints?.[0]?.theirs).toEqual([]);
    // The removal is stamped with the real clock.
    const backup = await fullBackup(db);
    expect(() => parseBackup(JSON.stringify(backup))).not.toThrow();
  });
});

