import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, getStats, type DB } from '@/lib/db/db';
import { dbLookups } from '@/lib/io/import/lookups';
import { ImportSession, type ImportEvent } from '@/lib/io/import/session';

let db: DB;
beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
});
afterEach(async () => {
  await closeDb();
});

const file = (text: string) => new Blob([new TextEncoder().encode(text)]);
const accountsCsv = (n: number, tier = false) =>
  [`Company name,Company Domain Name${tier ? ',Tier' : ''}`, ...Array.from({ length: n }, (_, i) => `Company ${i},c${i}.example${tier ? ',Tier 1' : ''}`)].join('\n');

/** A session whose events are collected; `until` waits for the first event of a type. */
function session() {
  const events: ImportEvent[] = [];
  const waiters: [ImportEvent['type'], (e: ImportEvent) => void][] = [];
  const s = new ImportSession(getDb, (e) => {
    events.push(e);
    for (const [type, resolve] of waiters) if (type === e.type) resolve(e);
  });
  const until = <T extends ImportEvent['type']>(type: T) =>
    new Promise<Extract<ImportEvent, { type: T }>>((resolve) => {
      const hit = events.find((e) => e.type === type);
      if (hit) resolve(hit as Extract<ImportEvent, { type: T }>);
      else waiters.push([type, resolve as (e: ImportEvent) => void]);
    });
  return { s, events, until };
}

describe('an import driven by messages (the worker side)', () => {
  it('reads, plans and writes a recognised file, reporting progress by phase', async () => {
    const { s, events, until } = session();
    await s.handle({ type: 'read', file: file(accountsCsv(300)), name: 'a.csv' });
    const done = await until('done');
    expect(done).toMatchObject({ added: 300, merged: 0, skipped: 0 });
    const phases = events.filter((e) => e.type === 'progress').map((e) => (e as { phase: string }).phase);
    expect(phases).toEqual(expect.arrayContaining(['reading', 'planning', 'writing']));
    expect((await getStats(db)).accounts).toBe(300);
  });

  it('sends five sample rows for a file with unknown columns and plans with the mapping it gets back', async () => {
    const { s, until } = session();
    await s.handle({ type: 'read', file: file('Firma,Whatever\nAcme,x\nBeta,y\nGamma,z\nDelta,w\nEpsilon,v\nZeta,u'), name: 'u.csv' });
    const preview = await until('preview');
    expect(preview.rowCount).toBe(6);
    expect(preview.sample).toHaveLength(5);
    await s.handle({ type: 'plan', mapping: { ...preview.mapping, kind: 'accounts', mapping: { 0: 'name' }, unrecognised: [] } });
    expect(await until('done')).toMatchObject({ added: 6 });
  });

  it('waits for a yes before setting tier overrides; a cancel then writes nothing', async () => {
    const { s, until } = session();
    await s.handle({ type: 'read', file: file(accountsCsv(3, true)), name: 't.csv' });
    expect((await until('confirm')).summary.tierOverrides.set).toBe(3);
    await s.handle({ type: 'cancel' });
    await s.handle({ type: 'apply' });
    expect(await until('failed')).toMatchObject({ cancelled: true });
    expect((await getStats(db)).accounts).toBe(0);
  });

  it('a cancel while saving aborts the one transaction: the data is exactly as before', async () => {
    const { s, events, until } = session();
    await s.handle({ type: 'read', file: file(accountsCsv(50)), name: 'first.csv' });
    await until('done');
    const second = session();
    const running = second.s.handle({ type: 'read', file: file(accountsCsv(1500).replace(/Company (\d+),/g, 'Other $1,')), name: 'big.csv' });
    // Cancel as soon as the first record is saved.
    await new Promise<void>((resolve) => {
      const check = () => (second.events.some((e) => e.type === 'progress' && e.phase === 'writing') ? resolve() : setTimeout(check, 0));
      check();
    });
    await second.s.handle({ type: 'cancel' });
    await running;
    expect(await second.until('failed')).toMatchObject({ cancelled: true, message: 'import cancelled' });
    expect(second.events.some((e) => e.type === 'done')).toBe(false);
    expect((await getStats(db)).accounts).toBe(50);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
  });

  it('a cancel while reading stops before anything is planned', async () => {
    const { s, events, until } = session();
    const running = s.handle({ type: 'read', file: file(accountsCsv(60_000)), name: 'huge.csv' });
    await s.handle({ type: 'cancel' });
    await running;
    expect(await until('failed')).toMatchObject({ cancelled: true });
    expect(events.some((e) => e.type === 'progress' && e.phase === 'planning')).toBe(false);
    expect((await getStats(db)).accounts).toBe(0);
  });

  it('a refused file fails with its reason', async () => {
    const { s, until } = session();
    await s.handle({ type: 'read', file: file(''), name: 'empty.csv' });
    expect(await until('failed')).toMatchObject({ cancelled: false, problem: { code: 'empty' } });
  });

  it('a merge reports its stored look-ups index by index as they are answered', async () => {
    const { s, until } = session();
    await s.handle({ type: 'read', file: file(accountsCsv(10)), name: 'a.csv' });
    await until('done');
    const seen: number[] = [];
    const names = Array.from({ length: 2500 }, (_, i) => `company ${i}`);
    const found = await dbLookups(db).accounts({ crmKeys: [], domains: [], linkedinSlugs: [], linkedinIds: [], nameKeys: names }, (f) => seen.push(f));
    expect(found).toHaveLength(10);
    expect(seen).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });
});
