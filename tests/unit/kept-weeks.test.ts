/**
 * A week's ticks and targets kept as one value each (lib/db/kept-weeks.ts): after every writer of
 * either, a kept week holds exactly what the records of that week hold, and no code writes the
 * two stores but through `ticksIn` and `targetsIn`.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tickCells } from '@/lib/db/aircover';
import { applyRecords } from '@/lib/db/apply-records';
import { removeContact, restoreContact } from '@/lib/db/contacts';
import { closeDb, deleteAllData, getDb, type DB } from '@/lib/db/db';
import { acceptEvidence } from '@/lib/db/evidence';
import { replaceSampleData } from '@/lib/db/sample';
import { setKeyContact, setTargetStatus, startWeek, updateTarget } from '@/lib/db/week';
import { weekHandlers } from '@/lib/background/handlers/week';
import { keepWeek, putTick, readWeek, TICK_STORES, ticksIn, weekIn, type KeptStore, type KeptWeek } from '@/lib/db/kept-weeks';
import { tickId } from '@/lib/domain/aircover';
import { AIR_COVER_ITEMS } from '@/lib/domain/constants';
import type { AirCoverTick, WeekId } from '@/lib/domain/schema';
import { fullBackup, loadWeekData, marketingPack, MARKETING_PACK_HEADERS, restoreBackup } from '@/lib/io/csv-export';
import { importMarketingPack } from '@/lib/io/pack-import';
import { makeSampleData } from '@/lib/sample';
import { byId, getContact } from './helpers/records';
import { seed } from './helpers/seed';
import { first, must } from './helpers/must';
import { fileText } from './helpers/file-text';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK: WeekId = '2026-W48';
const NEXT: WeekId = '2026-W49';

const STORES: KeptStore[] = ['ticks', 'targets'];
const PREFIX = { ticks: 'weekTicks:', targets: 'weekTargets:' };
const keptOf = async <S extends KeptStore = 'ticks'>(db: DB, weekId: WeekId, store: S = 'ticks' as S) => (await db.get('meta', `${PREFIX[store]}${weekId}`)) as KeptWeek<S> | undefined;
const recordsOf = (db: DB, weekId: WeekId) => db.getAllFromIndex('ticks', 'byWeek', weekId);
const storedOf = (db: DB, weekId: WeekId, store: KeptStore) => db.getAllFromIndex(store, 'byWeek', weekId);
/** Neither store of the week kept: it is read from its records. */
const dropWeek = async (db: DB, weekId: WeekId) => {
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([...Object.values(PREFIX).map((p) => tx.store.delete(`${p}${weekId}`)), tx.done]);
};
const keepBoth = async (db: DB, weekId: WeekId) => {
  for (const store of STORES) await keepWeek(db, store, weekId);
};

/** The week is kept, ticks and targets, and what it keeps is what its records say. */
async function expectKeptTrue(db: DB, weekId: WeekId) {
  for (const store of STORES) {
    const kept = await keptOf(db, weekId, store);
    expect(kept, `${weekId}'s ${store} are kept`).toBeDefined();
    expect(must(kept).records, `${weekId}'s ${store}`).toEqual(byId(await storedOf(db, weekId, store)));
  }
}

const sample = () => makeSampleData({ now: NOW, yourName: 'Sam Rep' });

beforeEach(async () => {
  await closeDb();
  const db = await getDb();
  await deleteAllData(db);
  await seed(db, sample());
  await keepBoth(db, WEEK);
  await keepBoth(db, NEXT);
});
afterEach(() => vi.restoreAllMocks());

describe('reading a week\'s ticks', () => {
  it('reads a week not kept from its records, then keeps it', async () => {
    const db = await getDb();
    await deleteAllData(db);
    await seed(db, sample());
    expect(await keptOf(db, WEEK)).toBeUndefined();
    const read = await readWeek(db, db.transaction(TICK_STORES), 'ticks', WEEK);
    expect(read.length).toBeGreaterThan(3);
    expect(byId(read)).toEqual(byId(await recordsOf(db, WEEK)));
    await vi.waitFor(async () => expect(await keptOf(db, WEEK)).toBeDefined());
    expect(must(await keptOf(db, WEEK)).records).toEqual(byId(await recordsOf(db, WEEK)));
    // The next read is the kept value, in the index's order.
    expect(await readWeek(db, db.transaction(TICK_STORES), 'ticks', WEEK)).toEqual(await recordsOf(db, WEEK));
    expect((await weekIn(db.transaction(TICK_STORES), 'ticks', WEEK)).kept).toBe(true);
  });

  it('keeps the few weeks looked at last', async () => {
    const db = await getDb();
    for (let w = 30; w <= 40; w++) await keepWeek(db, 'ticks', `2026-W${w}`);
    const keys = await db.getAllKeys('meta', IDBKeyRange.bound('weekTicks:', 'weekTicks:\uffff'));
    // The newest six (W48 and W49 were kept before), whatever order they were looked at in.
    expect(keys).toEqual(['weekTicks:2026-W37', 'weekTicks:2026-W38', 'weekTicks:2026-W39', 'weekTicks:2026-W40', `weekTicks:${WEEK}`, `weekTicks:${NEXT}`]);
    // An older week looked at again is kept, in place of the oldest other.
    await keepWeek(db, 'ticks', '2026-W31');
    expect(await keptOf(db, '2026-W31')).toBeDefined();
    expect(await keptOf(db, '2026-W37')).toBeUndefined();
  });
});

describe('every writer of ticks and targets keeps the kept weeks true', () => {
  it('one tick, and a tick undone', async () => {
    const db = await getDb();
    const t = first((await recordsOf(db, WEEK)).filter((x) => x.done));
    await putTick(db, { ...t, done: false, at: 9 });
    await expectKeptTrue(db, WEEK);
    await putTick(db, { ...t, id: tickId(t.targetId, undefined, 'companyPageFollow'), contactId: undefined, item: 'companyPageFollow', done: true });
    await expectKeptTrue(db, WEEK);
  });

  it('a column of the grid ticked and unticked (tickCells)', async () => {
    const db = await getDb();
    const targets = await db.getAllFromIndex('targets', 'byWeek', WEEK);
    const cells = targets.slice(0, 3).map((t) => ({ targetId: t.id, item: 'companyPageFollow' as const }));
    await tickCells(db, WEEK, cells, true, 'Mia');
    await expectKeptTrue(db, WEEK);
    await tickCells(db, WEEK, cells, false, 'Mia');
    await expectKeptTrue(db, WEEK);
  });

  it('the next week started, its standing ticks carried (startWeek)', async () => {
    const db = await getDb();
    const r = await startWeek(db, NEXT);
    expect(r.standingCarried).toBeGreaterThan(0);
    await expectKeptTrue(db, NEXT);
    await expectKeptTrue(db, WEEK);
  });

  it('the next week started with nothing of it kept: kept as made, so its first screen reads one value each (startWeek)', async () => {
    const db = await getDb();
    await dropWeek(db, NEXT);
    const before = (await storedOf(db, NEXT, 'targets')).length;
    const r = await startWeek(db, NEXT);
    expect(r.carried).toBeGreaterThan(0);
    expect(r.standingCarried).toBeGreaterThan(0);
    await expectKeptTrue(db, NEXT);
    expect(must(await keptOf(db, NEXT, 'targets')).records).toHaveLength(before + r.carried);
    // Started again: nothing twice, and still kept true.
    expect(await startWeek(db, NEXT)).toEqual({ carried: 0, standingCarried: 0 });
    await expectKeptTrue(db, NEXT);
  });

  it('a target added, its status, notes and key contacts changed (addTarget, setTargetStatus, updateTarget, setKeyContact)', async () => {
    const db = await getDb();
    const [target, other] = await db.getAllFromIndex('targets', 'byWeek', WEEK);
    await weekHandlers.addTarget({ accountId: must(other).accountId, weekId: NEXT, keyContactIds: [] }, { kind: 'extension' } as never);
    await expectKeptTrue(db, NEXT);
    await setTargetStatus(db, must(target).id, 'dropped', 'no budget');
    await updateTarget(db, must(target).id, { notes: 'call in March', decision: 'wait' });
    await setKeyContact(db, must(target).id, 'someone-new', true);
    await expectKeptTrue(db, WEEK);
    expect((await keptOf(db, WEEK, 'targets'))?.records.find((t) => t.id === must(target).id)).toMatchObject({ status: 'dropped', notes: 'call in March' });
  });

  it('evidence accepted from a page (acceptEvidence)', async () => {
    const db = await getDb();
    const followed = new Set((await recordsOf(db, WEEK)).filter((t) => t.item === 'companyPageFollow' && t.done).map((t) => t.targetId));
    const target = must((await db.getAllFromIndex('targets', 'byWeek', WEEK)).find((t) => !followed.has(t.id)));
    const out = await acceptEvidence(db, { fact: 'companyFollowed', weekId: WEEK, targetId: target.id }, 'Mia');
    expect(out.tick).toBeDefined();
    await expectKeptTrue(db, WEEK);
  });

  it('a contact removed with its ticks, and put back (removeContact, restoreContact)', async () => {
    const db = await getDb();
    const ticked = must((await recordsOf(db, WEEK)).find((t) => t.contactId));
    const removed = must(await removeContact(db, must(ticked.contactId)));
    expect(removed.ticks.length).toBeGreaterThan(0);
    await expectKeptTrue(db, WEEK);
    await restoreContact(db, removed);
    expect(await db.get('ticks', ticked.id)).toEqual(ticked);
    await expectKeptTrue(db, WEEK);
  });

  it('a teammate\'s ticks and a removal merged (applyRecords)', async () => {
    const db = await getDb();
    const [a, b] = (await recordsOf(db, WEEK)).filter((t) => t.contactId);
    const changed: AirCoverTick = { ...must(a), done: !must(a).done, at: NOW.getTime() + 1, by: 'Lea' };
    const target = first(await db.getAllFromIndex('targets', 'byWeek', WEEK));
    const added: AirCoverTick = { id: tickId(target.id, undefined, 'visitedWebsite'), weekId: WEEK, targetId: target.id, item: 'visitedWebsite', done: true, by: 'Lea', at: NOW.getTime() + 1 };
    const contact = must(await getContact(db, must(must(b).contactId)));
    const none = { accounts: [], contacts: [], weeks: [], targets: [], ticks: [], links: [] };
    const edited = { ...target, notes: 'from Lea', updatedAt: NOW.getTime() + 1, edits: { ...(target.edits ?? {}), notes: NOW.getTime() + 1 } };
    await applyRecords(db, { ...none, targets: [edited], ticks: [changed, added] });
    await expectKeptTrue(db, WEEK);
    expect((await keptOf(db, WEEK))?.records.some((t) => t.id === added.id)).toBe(true);
    expect((await keptOf(db, WEEK, 'targets'))?.records.find((t) => t.id === target.id)?.notes).toBe('from Lea');
    // A removal in a merge takes the contact's ticks with it.
    await applyRecords(db, { ...none, ticks: [{ ...changed, done: !changed.done, at: changed.at + 1 }], removedContacts: [{ contact, at: NOW.getTime() + 5, own: true }] });
    await expectKeptTrue(db, WEEK);
    expect((await keptOf(db, WEEK))?.records.some((t) => t.contactId === contact.id)).toBe(false);
  });

  it('a filled marketing pack imported (importMarketingPack)', async () => {
    const db = await getDb();
    const csv = fileText(marketingPack(await loadWeekData(db, WEEK, NOW.getTime())));
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    rows[0]![MARKETING_PACK_HEADERS.indexOf('Evidence link')] = 'https://blog.example.com/post';
    const r = await importMarketingPack(db, WEEK, Papa.unparse([must(header), must(rows[0])]), 'Mia');
    expect(r.ticked).toBe(1);
    await expectKeptTrue(db, WEEK);
  });

  it('the sample loaded again (replaceSampleData)', async () => {
    const db = await getDb();
    await putTick(db, { ...first(await recordsOf(db, WEEK)), done: false });
    await replaceSampleData(db, sample());
    await expectKeptTrue(db, WEEK);
  });

  it('a backup restored, or all data deleted: no week is kept any more', async () => {
    const db = await getDb();
    const backup = await fullBackup(db);
    await restoreBackup(db, { ...backup, ticks: backup.ticks.slice(1) });
    for (const store of STORES) expect(await keptOf(db, WEEK, store)).toBeUndefined();
    await keepBoth(db, WEEK);
    await deleteAllData(db);
    for (const store of STORES) expect(await keptOf(db, WEEK, store)).toBeUndefined();
  });
});

describe('any sequence of tick and target writers', () => {
  const week = fc.constantFrom(WEEK, NEXT);
  const op = fc.oneof(
    fc.record({ kind: fc.constant('tick' as const), pick: fc.nat(), item: fc.constantFrom(...AIR_COVER_ITEMS), done: fc.boolean(), contact: fc.boolean() }),
    fc.record({ kind: fc.constant('cells' as const), pick: fc.nat(), n: fc.integer({ min: 1, max: 4 }), item: fc.constantFrom(...AIR_COVER_ITEMS), done: fc.boolean() }),
    fc.record({ kind: fc.constant('start' as const) }),
    fc.record({ kind: fc.constant('evidence' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('undo' as const) }),
    fc.record({ kind: fc.constant('merge' as const), pick: fc.nat(), done: fc.boolean() }),
    fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom('active', 'done', 'dropped' as const) }),
    fc.record({ kind: fc.constant('notes' as const), pick: fc.nat(), notes: fc.string({ maxLength: 8 }) }),
    fc.record({ kind: fc.constant('key' as const), pick: fc.nat(), key: fc.boolean() }),
    fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), week }),
    fc.record({ kind: fc.constant('read' as const), week }),
    fc.record({ kind: fc.constant('drop' as const), week }),
    fc.record({ kind: fc.constant('sample' as const) }),
    fc.record({ kind: fc.constant('restore' as const) }),
  );
  type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

  async function run(db: DB, o: Op, undo: Awaited<ReturnType<typeof removeContact>>[]) {
    const targets = [...(await db.getAllFromIndex('targets', 'byWeek', WEEK)), ...(await db.getAllFromIndex('targets', 'byWeek', NEXT))];
    const target = targets.length ? targets[('pick' in o ? o.pick : 0) % targets.length] : undefined;
    const by = 'Mia';
    switch (o.kind) {
      case 'tick':
        if (!target) return;
        return putTick(db, { id: tickId(target.id, o.contact ? target.keyContactIds[0] : undefined, o.item), weekId: target.weekId, targetId: target.id, contactId: o.contact ? target.keyContactIds[0] : undefined, item: o.item, done: o.done, by, at: 7 });
      case 'cells': {
        const mine = targets.filter((t) => t.weekId === target?.weekId).slice(0, o.n);
        if (!target) return;
        return void (await tickCells(db, target.weekId, mine.map((t) => ({ targetId: t.id, item: o.item })), o.done, by));
      }
      case 'start':
        return void (await startWeek(db, NEXT));
      case 'evidence':
        if (!target) return;
        return void (await acceptEvidence(db, { fact: 'companyFollowed', weekId: target.weekId, targetId: target.id }, by));
      case 'remove': {
        const ticked = (await db.getAll('ticks')).filter((t) => t.contactId);
        const t = ticked[o.pick % Math.max(1, ticked.length)];
        if (t?.contactId) undo.push(await removeContact(db, t.contactId));
        return;
      }
      case 'undo': {
        const removed = undo.pop();
        if (removed) await restoreContact(db, removed);
        return;
      }
      case 'merge': {
        const all = await db.getAll('ticks');
        const t = all[o.pick % Math.max(1, all.length)];
        if (t) await applyRecords(db, { accounts: [], contacts: [], weeks: [], targets: [], ticks: [{ ...t, done: o.done, at: t.at + 1, by: 'Lea' }], links: [] });
        return;
      }
      case 'status':
        if (target) await setTargetStatus(db, target.id, o.status, 'because');
        return;
      case 'notes':
        if (target) await updateTarget(db, target.id, { notes: o.notes });
        return;
      case 'key': {
        const contacts = await db.getAll('ticks').then((l) => l.flatMap((t) => t.contactId ?? []));
        if (target && contacts.length) await setKeyContact(db, target.id, must(contacts[o.pick % contacts.length]), o.key);
        return;
      }
      case 'add': {
        const accounts = [...new Set(targets.map((t) => t.accountId))];
        if (accounts.length) await weekHandlers.addTarget({ accountId: must(accounts[o.pick % accounts.length]), weekId: o.week, keyContactIds: [] }, { kind: 'extension' } as never);
        return;
      }
      case 'read':
        await readWeek(db, db.transaction(TICK_STORES), 'ticks', o.week);
        await readWeek(db, db.transaction(['targets', 'meta']), 'targets', o.week);
        return;
      case 'drop':
        return dropWeek(db, o.week);
      case 'sample':
        return replaceSampleData(db, sample());
      case 'restore':
        return void (await restoreBackup(db, await fullBackup(db)));
    }
  }

  it('leave every kept week equal to its records, none of them dropped for a forgotten save', async () => {
    const error = vi.spyOn(console, 'error');
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await closeDb();
        const db = await getDb();
        await deleteAllData(db);
        await seed(db, sample());
        await keepBoth(db, WEEK);
        const undo: Awaited<ReturnType<typeof removeContact>>[] = [];
        for (const o of ops) {
          await run(db, o, undo);
          await new Promise((r) => setTimeout(r, 0)); // a week read keeps itself on the next task
          for (const w of [WEEK, NEXT]) {
            for (const store of STORES) {
              const kept = await keptOf(db, w, store);
              if (kept) expect(kept.records, `${w}'s ${store} after ${o.kind}`).toEqual(byId(await storedOf(db, w, store)));
            }
          }
          expect(error, `no forgotten save after ${o.kind}`).not.toHaveBeenCalled();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('a writer that forgets to save', () => {
  it('drops the weeks it changed, so they are read from the records again, and says so', async () => {
    const db = await getDb();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const tick = first(await recordsOf(db, WEEK));
    const tx = db.transaction(TICK_STORES, 'readwrite');
    await ticksIn(tx).put({ ...tick, done: false });
    await tx.done;
    await vi.waitFor(async () => expect(await keptOf(db, WEEK)).toBeUndefined());
    expect(error).toHaveBeenCalledWith(expect.stringContaining('without saving'), WEEK);
    expect(await keptOf(db, NEXT)).toBeDefined();
  });
});

describe('the ticks and targets stores are written only through ticksIn and targetsIn', () => {
  const ROOT = join(import.meta.dirname, '../..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
    });
  // The writers themselves; the upgrade steps (see the note above MIGRATIONS).
  const ALLOWED = new Set(['lib/db/kept-weeks.ts', 'lib/db/migrations.ts']);

  const KEPT_IN_HAND = /objectStore\('(ticks|targets)'\)(?!\.(get|getAll|getKey|getAllKeys|count|index)\()/;
  const DIRECT_WRITE = /\.(put|add|delete|clear)\(\s*'(ticks|targets)'/;
  // A readwrite transaction of that store alone writes through `tx.store`.
  const STORE_ALONE = /transaction\(\s*'(ticks|targets)'\s*,\s*'readwrite'/;

  it('no other source keeps the stores in hand or writes them directly', () => {
    const offenders: string[] = [];
    for (const file of ['lib', 'components', 'entrypoints'].flatMap((d) => files(join(ROOT, d)))) {
      const rel = relative(ROOT, file);
      if (ALLOWED.has(rel)) continue;
      const text = readFileSync(file, 'utf8');
      // A read goes straight on (`objectStore('ticks').index(…)`, `.get(…)`); anything else may write.
      for (const [rule, what] of [[KEPT_IN_HAND, 'keeps the store in hand'], [DIRECT_WRITE, 'writes it directly'], [STORE_ALONE, 'opens it alone for writing']] as const) {
        if (rule.test(text)) offenders.push(`${rel}: ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check finds a store kept in hand, a direct write and a store opened alone', () => {
    expect(KEPT_IN_HAND.test("const ticks = tx.objectStore('ticks');")).toBe(true);
    expect(KEPT_IN_HAND.test("await tx.objectStore('targets').put(t)")).toBe(true);
    expect(KEPT_IN_HAND.test("await tx.objectStore('ticks').index('byWeek').getAll(w)")).toBe(false);
    expect(DIRECT_WRITE.test("await db.put('ticks', tick)")).toBe(true);
    expect(STORE_ALONE.test("const tx = db.transaction('targets', 'readwrite');")).toBe(true);
    expect(STORE_ALONE.test("const tx = db.transaction('targets');")).toBe(false);
  });
});
