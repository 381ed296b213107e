/**
 * What a page's evidence suggests and what accepting it writes (lib/domain/evidence.ts,
 * lib/db/evidence.ts): only what the records do not say yet, never more, with "seen on LinkedIn".
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { suggestionsFor, writeFor } from '@/lib/domain/evidence';
import { acceptEvidence } from '@/lib/db/evidence';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { newContact } from '@/lib/domain/records';
import type { PageContext } from '@/lib/sites/types';
import { getContact, putContact } from './helpers/records';

const person = (evidence: NonNullable<Extract<PageContext, { pageKey: string }>['evidence']>): PageContext => ({
  kind: 'person', site: 'linkedin', url: 'https://www.linkedin.com/in/ann/', pageKey: 'linkedin:in:ann', readable: true, evidence, signals: ['url'],
});
const contact = { id: 'c1', connected: false, followed: false };
const target = { id: 't1', keyContactIds: ['c1'] };

describe('suggestions', () => {
  it('a 1st-degree, followed person who is a key contact: connected, followed and its tick', () => {
    const s = suggestionsFor(person({ degree: 1, following: true }), { contact, target, ticks: [] });
    expect(s.map((x) => [x.fact, x.write])).toEqual([
      ['connected', { contact: { connected: true } }],
      ['followed', { contact: { followed: true }, tick: { contactId: 'c1', item: 'followedPersonal' } }],
    ]);
  });

  it('nothing the records already say, nothing for 2nd/3rd degree or "Follow"', () => {
    expect(suggestionsFor(person({ degree: 1, following: true }), { contact: { id: 'c1', connected: true, followed: true } })).toEqual([]);
    expect(suggestionsFor(person({ degree: 2, following: false, savedLead: false }), { contact, target })).toEqual([]);
    // Not a contact yet: nothing to mark (the card offers "Add" instead).
    expect(suggestionsFor(person({ degree: 1 }), {})).toEqual([]);
  });

  it('a followed key contact whose field is set but tick is not: the tick only', () => {
    expect(writeFor('followed', { contact: { ...contact, followed: true }, target, ticks: [] })).toEqual({ tick: { contactId: 'c1', item: 'followedPersonal' } });
    const tick = { id: 't1|c1|followedPersonal', weekId: '2026-W48', targetId: 't1', contactId: 'c1', item: 'followedPersonal' as const, done: true, by: 'x', at: 1 };
    expect(writeFor('followed', { contact: { ...contact, followed: true }, target, ticks: [tick] })).toEqual({});
  });

  it('a saved lead marks the contact followed, without an air-cover tick', () => {
    expect(writeFor('savedLead', { contact, target, ticks: [] })).toEqual({ contact: { followed: true } });
  });

  it('a followed company page: the account tick, only for a target', () => {
    const company: PageContext = { kind: 'company', site: 'linkedin', url: 'https://www.linkedin.com/company/acme/', pageKey: 'linkedin:company:acme', readable: true, evidence: { following: true }, signals: [] };
    expect(suggestionsFor(company, { target, ticks: [] }).map((s) => s.write)).toEqual([{ tick: { item: 'companyPageFollow' } }]);
    expect(suggestionsFor(company, {})).toEqual([]);
  });
});

describe('accepting', () => {
  beforeEach(async () => {
    await closeDb();
    await deleteAllData(await getDb());
  });

  it('writes the field and the tick with who, when and "seen on LinkedIn"; refuses a target of another week', async () => {
    const db = await getDb();
    const c = newContact({ accountId: 'a1', name: 'Ann Lee' });
    await putContact(db, c);
    await db.put('targets', { id: 't1', weekId: '2026-W48', accountId: 'a1', keyContactIds: [c.id], status: 'active', createdAt: 1, updatedAt: 1 });
    const r = await acceptEvidence(db, { fact: 'followed', weekId: '2026-W48', contactId: c.id, targetId: 't1' }, 'Mia', 1_000);
    expect(r.contact).toMatchObject({ followed: true, seenOnLinkedin: { followed: 1_000 } });
    expect(await db.get('ticks', `t1|${c.id}|followedPersonal`)).toMatchObject({ done: true, by: 'Mia', at: 1_000, source: 'linkedin' });
    expect((await getContact(db, c.id))?.connected).toBe(false);
    await expect(acceptEvidence(db, { fact: 'connected', weekId: '2026-W47', contactId: c.id, targetId: 't1' }, 'Mia')).rejects.toThrow(/not on that week/);
    expect((await getContact(db, c.id))?.connected).toBe(false);
  });
});
