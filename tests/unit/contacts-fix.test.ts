import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, type DB } from '@/lib/db/db';
import { fixContact, removeContact, restoreContact } from '@/lib/db/contacts';
import { makeSampleData, type SampleData } from '@/lib/sample';
import { seed } from './helpers/seed';
import { first } from './helpers/must';
import { getContact } from './helpers/records';

const NOW = new Date('2026-11-25T12:00:00Z');
let db: DB;
let sample: SampleData;

beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
  sample = makeSampleData({ now: NOW, yourName: 'Sam Rep' });
  await seed(db, sample);
});
afterEach(async () => {
  await closeDb();
});

/** A key contact of some target that has ticks of its own. */
function keyContactWithTicks() {
  for (const t of sample.targets) {
    for (const id of t.keyContactIds) {
      if (sample.ticks.some((x) => x.targetId === t.id && x.contactId === id)) return { target: t, contactId: id };
    }
  }
  throw new Error('sample has no key contact with ticks');
}

describe('a rep fixing contacts', () => {
  it('marks connected, followed, a buying role, left and verified, each with its edit time', async () => {
    const c = first(sample.contacts, 'sample contacts');
    const t = NOW.getTime() + 1000;
    const fixed = await fixContact(db, c.id, { connected: true, followed: true, buyingRole: 'champion' }, t);
    expect(fixed).toMatchObject({ connected: true, followed: true, buyingRole: 'champion', updatedAt: t });
    expect(fixed?.edits).toMatchObject({ connected: t, followed: t, buyingRole: t });
    expect(await fixContact(db, c.id, { status: 'left' }, t + 1)).toMatchObject({ status: 'left', lastVerified: t + 1 });
    expect(await fixContact(db, c.id, { verified: true }, t + 2)).toMatchObject({ status: 'active', lastVerified: t + 2 });
    expect(await fixContact(db, 'no-such-contact', { connected: true })).toBeUndefined();
  });

  it('a removal takes the contact out of targets, ticks and links, and an undo puts back exactly that', async () => {
    const { target, contactId } = keyContactWithTicks();
    await db.put('links', { pageKey: 'linkedin:in:someone', kind: 'contact', targetId: contactId, createdAt: 1 });
    const before = {
      contact: await getContact(db, contactId),
      target: await db.get('targets', target.id),
      ticks: (await db.getAllFromIndex('ticks', 'byTarget', target.id)).filter((x) => x.contactId === contactId),
    };
    expect(before.ticks.length).toBeGreaterThan(0);

    const removed = await removeContact(db, contactId, NOW.getTime());
    expect(removed?.keyOf).toContainEqual({ targetId: target.id, index: target.keyContactIds.indexOf(contactId) });
    expect(await getContact(db, contactId)).toBeUndefined();
    expect((await db.get('targets', target.id))?.keyContactIds).not.toContain(contactId);
    expect((await db.getAllFromIndex('ticks', 'byTarget', target.id)).filter((x) => x.contactId === contactId)).toEqual([]);
    expect(await db.get('links', 'linkedin:in:someone')).toBeUndefined();

    await restoreContact(db, removed!);
    expect(await getContact(db, contactId)).toEqual(before.contact);
    expect((await db.get('targets', target.id))?.keyContactIds).toEqual(before.target?.keyContactIds);
    expect((await db.getAllFromIndex('ticks', 'byTarget', target.id)).filter((x) => x.contactId === contactId)).toEqual(before.ticks);
    expect(await db.get('links', 'linkedin:in:someone')).toMatchObject({ targetId: contactId });
  });
});
