import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, type DB } from '@/lib/db/db';
import { startWeek, weekView } from '@/lib/db/week';
import { DEFAULT_STANDING_ITEMS, ITEM_GROUP, NO_TICKS, progressSentence, targetCells, targetProgress, tickId, tickIdParts, ticksById, ticksByTarget } from '@/lib/domain/aircover';
import { carriedTicks } from '@/lib/domain/carry';
import { defaultSettings, type AirCoverItem, type AirCoverTick, type Target } from '@/lib/domain/schema';
import { newAccount } from '@/lib/domain/records';
import { workThisWeek } from '@/lib/domain/focus';
import { weekStart } from '@/lib/domain/week';
import { first } from './helpers/must';
import { putAccount } from './helpers/records';

const W1 = '2026-W47';
const W2 = '2026-W48';
const W3 = '2026-W49';

const tick = (targetId: string, contactId: string | undefined, item: AirCoverItem, extra: Partial<AirCoverTick> = {}): AirCoverTick => ({
  id: tickId(targetId, contactId, item),
  weekId: W1,
  targetId,
  contactId,
  item,
  done: true,
  by: 'Morgan Lee',
  at: 1_700_000_000_000,
  ...extra,
});

describe('the carry rule', () => {
  const to = { id: 'next', weekId: W2, keyContactIds: ['c1', 'c2'] };

  it('carries done standing ticks with their who, when, link and note, marked as carried', () => {
    const from = [
      tick('t1', 'c1', 'onNewsletter', { note: 'since March' }),
      tick('t1', undefined, 'companyPageFollow', { link: 'https://example.com/p' }),
    ];
    expect(carriedTicks(from, to, DEFAULT_STANDING_ITEMS)).toEqual([
      { ...from[0], id: 'next|c1|onNewsletter', weekId: W2, targetId: 'next', carriedFrom: W1 },
      { ...from[1], id: 'next|account|companyPageFollow', weekId: W2, targetId: 'next', carriedFrom: W1 },
    ]);
  });

  it('leaves weekly items, unticked facts and contacts no longer key behind', () => {
    const from = [
      tick('t1', 'c1', 'inRecentCampaign'),
      tick('t1', 'c1', 'followedPersonal', { done: false, by: 'Jo Alvarez' }),
      tick('t1', 'gone', 'onNewsletter'),
      tick('t1', undefined, 'visitedWebsite'),
    ];
    expect(carriedTicks(from, to, DEFAULT_STANDING_ITEMS)).toEqual([]);
  });

  it('follows the setting: an item made weekly stops carrying, one made standing starts', () => {
    const from = [tick('t1', 'c1', 'onNewsletter'), tick('t1', 'c1', 'inRecentCampaign')];
    expect(carriedTicks(from, to, ['inRecentCampaign']).map((t) => t.item)).toEqual(['inRecentCampaign']);
  });

  it('keeps the week a fact was first ticked in across several carries', () => {
    const once = carriedTicks([tick('t1', 'c1', 'onNewsletter')], to, DEFAULT_STANDING_ITEMS);
    const twice = carriedTicks(once, { id: 'third', weekId: W3, keyContactIds: ['c1'] }, DEFAULT_STANDING_ITEMS);
    expect(twice).toMatchObject([{ weekId: W3, carriedFrom: W1, by: 'Morgan Lee', at: 1_700_000_000_000 }]);
  });
});

describe('this week\'s work', () => {
  it('leaves out a carried fact even when its time falls in the week', () => {
    const inWeek = weekStart(W2).getTime() + 1000;
    const ticks = [tick('t', 'a', 'onNewsletter', { weekId: W2, at: inWeek, carriedFrom: W1 }), tick('t', 'a', 'mentionedInPost', { weekId: W2, at: inWeek })];
    expect(workThisWeek(ticks, W2).map((t) => t.item)).toEqual(['mentionedInPost']);
  });
});

describe('progress, standing and weekly', () => {
  const target = { id: 't', keyContactIds: ['a', 'b'] };

  it('counts both kinds and says which is which', () => {
    // Account: 5 items (2 standing); each contact: 10 items (2 standing).
    const ticks = ticksById([
      tick('t', undefined, 'companyPageFollow', { carriedFrom: W1 }),
      tick('t', 'a', 'onNewsletter'),
      tick('t', 'b', 'followedPersonal', { done: false }),
      tick('t', 'a', 'mentionedInPost'),
      tick('t', undefined, 'visitedWebsite'),
    ]);
    const p = targetProgress(target, ticks);
    expect(p.all).toEqual({ done: 4, total: 25 });
    expect(p.standing).toEqual({ done: 2, total: 6 });
    expect(p.weekly).toEqual({ done: 2, total: 19 });
    expect(p.groups.social).toEqual({ done: 2, total: 7 });
    expect(progressSentence(p)).toBe('2 of 6 standing · 2 of 19 this week');
    expect(p.standing.total + p.weekly.total).toBe(targetCells(target.keyContactIds).length);
  });

  it('follows the standing-items setting', () => {
    const p = targetProgress(target, new Map(), ['onNewsletter']);
    expect(p.standing.total).toBe(2);
    expect(p.weekly.total).toBe(23);
  });

  it('reads a tick id back into its subject and item, for its own target only', () => {
    const items = Object.keys(ITEM_GROUP) as AirCoverItem[];
    fc.assert(
      fc.property(fc.uuid(), fc.option(fc.uuid(), { nil: undefined }), fc.constantFrom(...items), (targetId, contactId, item) => {
        expect(tickIdParts(tickId(targetId, contactId, item), targetId)).toEqual({ subject: contactId ?? 'account', item });
        expect(tickIdParts(tickId(targetId, contactId, item), `${targetId}x`)).toBeUndefined();
        expect(tickIdParts(tickId(targetId, contactId, item), targetId.slice(0, -1))).toBeUndefined();
      }),
    );
    expect(tickIdParts('t|onNewsletter', 't')).toBeUndefined();
  });

  it('is the sum over its checklist cells, one by one, for any key contacts, ticks and standing items', () => {
    const items = Object.keys(ITEM_GROUP) as AirCoverItem[];
    const people = ['a', 'b', 'c', 'd'];
    // The definition: every cell of the checklist, its tick looked up by id.
    const byCells = (t: { id: string; keyContactIds: string[] }, ticks: Map<string, AirCoverTick>, standing: AirCoverItem[]) => {
      const p = { all: { done: 0, total: 0 }, standing: { done: 0, total: 0 }, weekly: { done: 0, total: 0 }, groups: {} as Record<string, { done: number; total: number }> };
      for (const cell of targetCells(t.keyContactIds)) {
        const d = ticks.get(tickId(t.id, cell.contactId, cell.item))?.done === true ? 1 : 0;
        const group = (p.groups[ITEM_GROUP[cell.item]] ??= { done: 0, total: 0 });
        for (const b of [p.all, group, standing.includes(cell.item) ? p.standing : p.weekly]) {
          b.total++;
          b.done += d;
        }
      }
      return p;
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...people), { maxLength: 4 }),
        fc.array(fc.record({ target: fc.constantFrom('t', 'other'), contact: fc.constantFrom(undefined, ...people), item: fc.constantFrom(...items), done: fc.boolean() }), { maxLength: 40 }),
        fc.subarray(items),
        // Ids no tick of ours has, which must count as their cell would (by id) or not at all.
        fc.subarray(['t|account|followedPersonal', 't|a|companyPageFollow', 't|onNewsletter', 't||onNewsletter', 't|a|toString', 't|a|b|onNewsletter', 'other|a|onNewsletter', 't|a|onNewsletter']),
        (keyContactIds, cells, standing, oddIds) => {
          const t = { id: 't', keyContactIds: oddIds.includes('t||onNewsletter') ? [...keyContactIds, ''] : keyContactIds };
          const ticks = ticksById(cells.map((c) => tick(c.target, c.contact, c.item, { done: c.done })));
          for (const id of oddIds) ticks.set(id, { ...tick('t', 'a', 'onNewsletter'), id });
          const p = targetProgress(t, ticks, standing);
          const want = byCells(t, ticks, standing);
          expect({ all: p.all, standing: p.standing, weekly: p.weekly }).toEqual({ all: want.all, standing: want.standing, weekly: want.weekly });
          for (const [g, v] of Object.entries(p.groups)) expect(v).toEqual(want.groups[g] ?? { done: 0, total: 0 });
          // The same from the target's own ticks (`ticksByTarget`, what a week passes).
          const own = ticksByTarget([...ticks.values()].filter((x) => x.id.startsWith('t|'))).get('t') ?? NO_TICKS;
          expect(targetProgress(t, own, standing)).toEqual(p);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('starting a week carries standing facts', () => {
  let db: DB;
  beforeEach(async () => {
    db = await getDb();
    await deleteAllData(db);
  });
  afterEach(async () => {
    await closeDb();
  });

  const target = (id: string, accountId: string, extra: Partial<Target> = {}): Target => ({
    id,
    createdAt: 1,
    updatedAt: 1,
    weekId: W1,
    accountId,
    keyContactIds: ['c1'],
    status: 'active',
    ...extra,
  });

  it('carries the standing ticks of carried targets, starts the weekly ones empty, and does it once', async () => {
    const a = newAccount({ name: 'Northwind' }, 1);
    const b = newAccount({ name: 'Fabrikam' }, 1);
    await putAccount(db, a);
    await putAccount(db, b);
    await db.put('weeks', { id: W1, createdAt: 1, updatedAt: 1, reviewed: true });
    await db.put('targets', target('n', a.id));
    await db.put('targets', target('f', b.id, { status: 'done', statusReason: 'Meeting booked' }));
    for (const t of [
      tick('n', 'c1', 'onNewsletter'),
      tick('n', 'c1', 'followedPersonal'),
      tick('n', undefined, 'someoneKnowsOrg', { note: 'Dana, ex-colleague' }),
      tick('n', 'c1', 'inRecentCampaign'),
      tick('n', undefined, 'visitedWebsite'),
      tick('f', 'c1', 'onNewsletter'),
    ]) await db.put('ticks', t);

    expect(await startWeek(db, W2, DEFAULT_STANDING_ITEMS, 2)).toEqual({ carried: 1, standingCarried: 3 });
    expect(await startWeek(db, W2, DEFAULT_STANDING_ITEMS, 3)).toEqual({ carried: 0, standingCarried: 0 });

    const settings = defaultSettings();
    const view = await weekView(db, W2, settings);
    expect(view.rows).toHaveLength(1);
    const row = first(view.rows, 'week rows');
    expect(row.ticks.map((t) => t.item).sort()).toEqual(['followedPersonal', 'onNewsletter', 'someoneKnowsOrg']);
    expect(row.ticks.every((t) => t.carriedFrom === W1 && t.by === 'Morgan Lee' && t.weekId === W2)).toBe(true);
    expect(row.ticks.find((t) => t.item === 'someoneKnowsOrg')?.note).toBe('Dana, ex-colleague');
    expect(progressSentence(row.progress)).toBe('3 of 4 standing · 0 of 11 this week');
    // Carried facts are progress, not this week's work.
    expect(view.changes.airCoverAdded).toBe(0);
    expect(view.focus.totalWork).toBe(0);
  });
});
