import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, type DB } from '@/lib/db/db';
import { defaultSettings, weekId, type WeekId } from '@/lib/domain/schema';
import { previousWeek } from '@/lib/domain/week';
import { parseBundle } from '@/lib/io/bundle';
import { bundle, fullBackup, restoreBackup, type WeekData } from '@/lib/io/csv-export';
import { earliest, IMPORT_LIMITS } from '@/lib/io/import-checks';
import { makeSampleData, type SampleData } from '@/lib/sample';
import { first, must } from './helpers/must';

const NOW = new Date('2026-11-25T12:00:00Z');
const T = NOW.getTime();
const WEEK: WeekId = '2026-W48';
const sample: SampleData = makeSampleData({ now: NOW, yourName: 'Sam Rep' });

function weekBundle() {
  const data: WeekData = {
    weekId: WEEK,
    accounts: sample.accounts,
    contacts: sample.contacts,
    targets: sample.targets.filter((t) => t.weekId === WEEK),
    ticks: sample.ticks.filter((t) => t.weekId === WEEK),
    previousTargets: sample.targets.filter((t) => t.weekId === previousWeek(WEEK)),
    settings: { ...defaultSettings(T), yourName: 'Alex Kim' },
    now: T,
    week: sample.weeks.find((w) => w.id === WEEK),
  };
  return structuredClone(bundle(data));
}
const parse = (b: unknown) => parseBundle(JSON.stringify(b), T);

describe('ISO weeks', () => {
  it.each(['2026-W48', '2026-W53', '2020-W53', '2000-W01', '2099-W52'])('%s exists', (id) => {
    expect(weekId.safeParse(id).success).toBe(true);
  });
  it.each(['9999-W52', '2025-W53', '2027-W53', '1999-W10', '2026-W00', '2026-W54', '2026-w48'])('%s is refused', (id) => {
    expect(weekId.safeParse(id).success).toBe(false);
  });
});

describe('a bundle is checked beyond its schema, and each refusal says what and where', () => {
  it('our own export passes', () => {
    expect(parse(weekBundle()).targets.length).toBeGreaterThan(0);
  });

  it('an edit time in the future (year 9999) is refused', () => {
    const b = weekBundle();
    const account = must(b.accounts[2], 'a third account');
    account.edits = { ...account.edits, name: Date.UTC(9999, 0, 1) };
    expect(() => parse(b)).toThrow(/accounts\[2\]\.edits\.name is 9999-01-01, later than now.*Nothing was changed/);
  });

  it('a colleague whose clock is a few minutes ahead is fine', () => {
    const b = weekBundle();
    first(b.ticks, 'ticks').at = T + 5 * 60_000;
    expect(() => parse(b)).not.toThrow();
  });

  it('a week that does not exist is refused', () => {
    const b = { ...weekBundle(), weekId: '2025-W53' };
    expect(() => parse(b)).toThrow(/weekId: not a real ISO week/);
  });

  it('a duplicate id is refused rather than replacing a record', () => {
    const b = weekBundle();
    const original = first(b.contacts, 'contacts');
    b.contacts.push({ ...original, name: 'Impostor' });
    expect(() => parse(b)).toThrow(new RegExp(`contacts\\[${b.contacts.length - 1}\\]: the id "${original.id}" appears twice`));
  });

  it('a reference to a record the file does not hold is refused', () => {
    const b = weekBundle();
    must(b.ticks[3], 'a fourth tick').targetId = 'no-such-target';
    must(b.targets[1], 'a second target').weekId = '2026-W47';
    const err = (() => {
      try {
        parse(b);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(err).toContain('ticks[3]: its target "no-such-target" is not in the file');
    expect(err).toContain("targets[1]: its week 2026-W47 is not the bundle's week 2026-W48");
  });

  it('300,000 targets are refused at once, by count, without a stack overflow', () => {
    const b = weekBundle();
    // Small records, so the file stays under the size limit and the count is what refuses it.
    const many = { ...b, targets: Array.from({ length: 300_000 }, (_, i) => ({ id: `t${i}` })) };
    const started = performance.now();
    expect(() => parse(many)).toThrow(`targets: 300,000 records, more than the ${IMPORT_LIMITS.bundle.targets.toLocaleString('en-US')} a bundle may hold`);
    // Refused before 300,000 records are parsed one by one.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('earliest() takes any number of values', () => {
    expect(earliest(Array.from({ length: 500_000 }, (_, i) => 1_000_000 - i))).toBe(500_001);
    expect(earliest([])).toBeUndefined();
  });
});

describe('a backup is checked the same way, and a refused one changes nothing', () => {
  let db: DB;
  beforeEach(async () => {
    db = await getDb();
    await deleteAllData(db);
  });
  afterEach(async () => {
    await closeDb();
  });

  it('a duplicate id or a future time refuses the whole restore', async () => {
    const backup = structuredClone(await fullBackup(db, T));
    backup.accounts = structuredClone(sample.accounts);
    backup.contacts = structuredClone(sample.contacts);
    backup.weeks = structuredClone(sample.weeks);
    backup.targets = structuredClone(sample.targets);
    backup.ticks = structuredClone(sample.ticks);
    await restoreBackup(db, backup);
    const before = await fullBackup(db, T);

    const dup = structuredClone(backup);
    dup.accounts.push({ ...first(dup.accounts, 'accounts'), name: 'Replaced' });
    await expect(restoreBackup(db, dup)).rejects.toThrow(/accounts\[40\]: the id ".*" appears twice/);
    const future = structuredClone(backup);
    first(future.weeks, 'weeks').updatedAt = Date.UTC(9999, 0, 1);
    await expect(restoreBackup(db, future)).rejects.toThrow(/weeks\[0\]\.updatedAt is 9999-01-01/);
    expect(await fullBackup(db, T)).toEqual(before);
  });
});
