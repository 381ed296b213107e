/**
 * One merge rule for the bundle import and team sync (lib/domain/merge.ts), what a member's
 * shared copy of an account carries (lib/sync/shared-copy.ts), and how shared entries become
 * records (lib/sync/doc.ts).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { tickId } from '@/lib/domain/aircover';
import { mergeFields, mergeTick } from '@/lib/domain/merge';
import { newAccount, newContact } from '@/lib/domain/records';
import type { AirCoverTick, Target } from '@/lib/domain/schema';
import { mergeBundle, mergeFields as bundleMergeFields, type Bundle } from '@/lib/io/bundle';
import { SCHEMA_VERSION } from '@/lib/domain/schema';
import { memberMap, toRecordSet, withReferences, writeEntries, writeRemovals } from '@/lib/sync/doc';
import { removalsNaming } from '@/lib/sync/removals';
import { sharedAccount } from '@/lib/sync/shared-copy';
import { putAccount } from '../helpers/records';

const WEEK = '2026-W48';

describe('one merge rule', () => {
  it('the bundle import merges with the same function as team sync', () => {
    expect(bundleMergeFields).toBe(mergeFields);
  });

  it('a cell\'s newer record wins, an untick included; different cells are both kept', () => {
    const tick = (done: boolean, at: number, item: AirCoverTick['item'] = 'onNewsletter'): AirCoverTick => ({ id: `t|account|${item}`, weekId: WEEK, targetId: 't', item, done, by: 'x', at });
    expect(mergeTick(tick(false, 9), tick(true, 8))).toMatchObject({ done: false, at: 9 });
    expect(mergeTick(tick(true, 8), tick(false, 9))).toMatchObject({ done: false, at: 9 });
    expect(mergeTick(undefined, tick(true, 8))).toMatchObject({ done: true });
  });

  describe('the bundle import', () => {
    beforeEach(async () => {
      await closeDb();
      await deleteAllData(await getDb());
    });

    it('keeps our untick against an older tick in a colleague\'s bundle, and takes a newer one', async () => {
      const db = await getDb();
      const account = newAccount({ name: 'Acme Corp', domains: ['acme.com'] }, 1_000);
      const target: Target = { id: 'tg', createdAt: 1_000, updatedAt: 1_000, weekId: WEEK, accountId: account.id, keyContactIds: [], status: 'active' };
      const untick: AirCoverTick = { id: tickId('tg', undefined, 'onNewsletter'), weekId: WEEK, targetId: 'tg', item: 'onNewsletter', done: false, by: 'me', at: 9_000 };
      await putAccount(db, account);
      await db.put('targets', target);
      await db.put('weeks', { id: WEEK, createdAt: 1_000, updatedAt: 1_000, reviewed: false });
      await db.put('ticks', untick);
      const theirs = (at: number): Bundle => ({
        format: 'tiercover-bundle', schemaVersion: SCHEMA_VERSION, exportedAt: '', exportedBy: 'them', weekId: WEEK,
        accounts: [{ ...account, id: 'their-acme' }], contacts: [], links: [],
        targets: [{ ...target, id: 'their-target', accountId: 'their-acme' }],
        ticks: [{ ...untick, id: tickId('their-target', undefined, 'onNewsletter'), targetId: 'their-target', done: true, by: 'them', at }],
      });
      await mergeBundle(db, theirs(8_000));
      expect(await db.get('ticks', untick.id)).toMatchObject({ done: false, by: 'me' });
      await mergeBundle(db, theirs(10_000));
      expect(await db.get('ticks', untick.id)).toMatchObject({ done: true, by: 'them' });
    });
  });
});

describe('a member\'s shared copy of an account', () => {
  it('carries identity, tier boxes and edited fields, not the rest of the CRM import', () => {
    const a = { ...newAccount({ name: 'Acme Corp', domains: ['acme.com'], employees: 900, notes: 'from the CRM', crmIds: { salesforce: '001A' } }, 1_000) };
    a.factors = { ...a.factors, productFit: 'checked' };
    a.edits = { 'factors.productFit': 5_000, potential: 5_000 };
    a.potential = 'high';
    const copy = sharedAccount(a);
    expect(copy).toMatchObject({ name: 'Acme Corp', domains: ['acme.com'], crmIds: { salesforce: '001A' }, potential: 'high', createdAt: 0, edits: a.edits });
    expect((copy.factors as Record<string, string>).productFit).toBe('checked');
    expect(copy).not.toHaveProperty('employees');
    expect(copy).not.toHaveProperty('notes');
    // An unedited field of the copy never beats a member's own (its time is the copy's creation: 0).
    const theirs = { ...newAccount({ name: 'Acme Corp', domains: ['acme.com'], employees: 1200 }, 2_000), edits: {} };
    const merged = mergeFields(theirs, { ...(copy as typeof theirs), id: theirs.id });
    expect(merged).toMatchObject({ employees: 1200, potential: 'high' });
    expect(merged.factors.productFit).toBe('checked');
  });

  it('made by hand from a page, it is shared whole, and stays whole in later copies', () => {
    const a = newAccount({ name: 'Globex', domains: ['globex.com'], employees: 300 }, 3_000);
    const first = sharedAccount(a, undefined, true);
    expect(first).toMatchObject({ employees: 300, createdAt: 3_000 });
    const later = sharedAccount({ ...a, potential: 'low', edits: { potential: 4_000 }, updatedAt: 4_000 }, first);
    expect(later).toMatchObject({ employees: 300, potential: 'low', createdAt: 3_000 });
  });
});

describe('shared entries as records', () => {
  it('come with what they refer to, and one that cannot be placed is left out', () => {
    const doc = new Y.Doc();
    const account = newAccount({ name: 'Acme Corp', domains: ['acme.com'] }, 1_000);
    const contact = newContact({ name: 'Jane Doe', accountId: account.id }, 1_000);
    const target: Target = { id: 'tg', createdAt: 1, updatedAt: 1, weekId: WEEK, accountId: account.id, keyContactIds: [contact.id], status: 'active' };
    const tick: AirCoverTick = { id: tickId('tg', contact.id, 'onNewsletter'), weekId: WEEK, targetId: 'tg', contactId: contact.id, item: 'onNewsletter', done: true, by: 'a', at: 5 };
    const orphan: AirCoverTick = { ...tick, id: 'orphan', targetId: 'missing' };
    const json = (r: object) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    writeEntries(doc, 'a', [
      { kind: 'account', id: account.id, record: json(account) },
      { kind: 'contact', id: contact.id, record: json(contact) },
      { kind: 'target', id: 'tg', record: json(target) },
      { kind: 'tick', id: tick.id, record: json(tick) },
      { kind: 'tick', id: 'orphan', record: json(orphan) },
    ]);
    const map = memberMap(doc, 'a');
    const entries = withReferences(map, [`tick:${tick.id}`, 'tick:orphan']);
    expect(entries.map((e) => e.kind).sort()).toEqual(['account', 'contact', 'target', 'tick', 'tick']);
    const { set, malformed } = toRecordSet(entries);
    expect(set.ticks.map((t) => t.id)).toEqual([tick.id]);
    expect(set.accounts).toHaveLength(1);
    expect(malformed).toBe(1);
    // Writing the same record again adds nothing to the document.
    const size = Y.encodeStateAsUpdate(doc).byteLength;
    expect(writeEntries(doc, 'a', [{ kind: 'tick', id: tick.id, record: json(tick) }])).toBe(0);
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBe(size);
  });

  it('a removal is marked only for a record the member shared; a batch is checked against the removals that may name its contacts', () => {
    const doc = new Y.Doc();
    const json = (r: object) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    const account = newAccount({ name: 'Acme Corp', domains: ['acme.com'] }, 1_000);
    const jane = newContact({ name: 'Jane Doe', accountId: account.id, email: 'Jane@Acme.com', crmIds: { hubspot: '77' } }, 1_000);
    const sam = newContact({ name: 'Sam Rep', accountId: account.id, linkedinSlug: 'sam-rep' }, 1_000);
    writeEntries(doc, 'a', [
      { kind: 'account', id: account.id, record: json(account) },
      { kind: 'contact', id: jane.id, record: json(jane) },
      { kind: 'contact', id: sam.id, record: json(sam) },
    ]);
    expect(writeRemovals(doc, 'a', [{ kind: 'contact', id: jane.id }, { kind: 'contact', id: sam.id }, { kind: 'contact', id: 'never-shared' }])).toBe(2);
    expect(writeRemovals(doc, 'a', [{ kind: 'contact', id: jane.id }])).toBe(0); // marked once
    expect(memberMap(doc, 'a').get('contact:never-shared')).toBeUndefined();
    // As records: removed contacts, each with its time, and its account to be found by.
    const all = withReferences(memberMap(doc, 'a'), [`contact:${jane.id}`]);
    const { set } = toRecordSet(all);
    expect(set.contacts).toEqual([]);
    expect(set.removedContacts?.map((r) => [r.contact.name, typeof r.at, r.own])).toEqual([['Jane Doe', 'number', false]]);
    expect(set.accounts).toHaveLength(1);

    // Another member's copy of Jane, under its own id: named by her email (any case), her CRM id or her name.
    const removedNaming = (c: object) => removalsNaming(doc, [json(c)]).flatMap((m) => m.entries.filter((e) => e.removed).map((e) => e.record.name));
    expect(removedNaming({ id: 'b-1', name: 'Someone Else', email: 'jane@acme.com' })).toEqual(['Jane Doe']);
    expect(removedNaming({ id: 'b-2', name: 'Someone Else', crmIds: { hubspot: '77' } })).toEqual(['Jane Doe']);
    expect(removedNaming({ id: 'b-3', name: 'JANE  DOE' })).toEqual(['Jane Doe']);
    expect(removedNaming({ id: 'b-4', name: 'Sam', linkedinSlug: 'sam-rep' })).toEqual(['Sam Rep']);
    expect(removedNaming({ id: 'b-5', name: 'Nobody We Know' })).toEqual([]);
  });
});
