/**
 * The marketing pack round trip (lib/io/csv-export.ts marketingPack → a spreadsheet → lib/io/
 * pack-import.ts): filled evidence becomes ticks with who, when and the source; row errors are
 * listed by sheet row; nothing else changes.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { putSettings } from '@/lib/db/settings';
import { defaultSettings, type WeekId } from '@/lib/domain/schema';
import { loadWeekData, marketingPack, MARKETING_PACK_HEADERS } from '@/lib/io/csv-export';
import { importMarketingPack, PackFileError } from '@/lib/io/pack-import';
import { packRowProblemText } from '@/lib/io/problem-text';
import { makeSampleData } from '@/lib/sample';
import { seed } from './helpers/seed';
import { allAccounts, allContacts } from './helpers/records';
import { fileText } from './helpers/file-text';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK: WeekId = '2026-W48';
const col = (name: string) => MARKETING_PACK_HEADERS.indexOf(name);

async function snapshot() {
  const db = await getDb();
  return Promise.all([allAccounts(db), allContacts(db), ...(['targets', 'weeks'] as const).map((s) => db.getAll(s))]);
}

beforeEach(async () => {
  await closeDb();
  const db = await getDb();
  await deleteAllData(db);
  await seed(db, makeSampleData({ now: NOW, yourName: 'Sam Rep' }));
  await putSettings({ ...defaultSettings(NOW.getTime()), yourName: 'Mia Marketer' }, db);
});

describe('marketing pack round trip', () => {
  it('export, fill rows in a spreadsheet, import: ticks with who and when; errors by row; nothing else changed', async () => {
    const db = await getDb();
    const csv = fileText(marketingPack(await loadWeekData(db, WEEK, NOW.getTime())));
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(header).toEqual(MARKETING_PACK_HEADERS);
    expect(rows.length).toBeGreaterThan(6);
    const before = await snapshot();
    const ticksBefore = await db.getAll('ticks');

    // The marketer's edits: a link, a note with someone else as "Done by", a bad link, a key cell
    // broken, a row of another week, and the same task twice.
    rows[0]![col('Evidence link')] = 'https://blog.example.com/their-strategy';
    rows[1]![col('Evidence note')] = '=Liked their post on Monday';
    rows[1]![col('Done by')] = 'Lea Social';
    rows[2]![col('Evidence link')] = 'not a link';
    rows[3]![col('Evidence note')] = 'done';
    rows[3]![col('Tiercover cell (do not edit)')] = 'edited by mistake';
    rows[4]![col('Evidence note')] = 'done';
    rows[4]![col('Week')] = '2026-W47';
    rows[5]![col('Evidence note')] = 'twice';
    const dup = [...rows[0]!];
    // Sorting or moving rows does not matter: the key says which cell a row is.
    const edited = Papa.unparse([header!, rows[5]!, ...rows.slice(0, 5), dup, ...rows.slice(6)]);
    const keyOf = (r: string[]) => r[col('Tiercover cell (do not edit)')]!;

    const result = await importMarketingPack(db, WEEK, edited, 'Mia Marketer', NOW.getTime() + 1000);
    expect(result.ticked).toBe(3);
    expect(result.errors.map((e) => e.row)).toEqual([5, 6, 7, 8]);
    expect(result.errors.map((e) => packRowProblemText(e.problem))).toEqual([
      '"not a link" is not a web link (https://…)',
      'the "Tiercover cell (do not edit)" cell was changed or emptied; export the pack again and fill that row there',
      'this row is for 2026-W47, not 2026-W48',
      'the same task is filled on an earlier row too; only that one counts',
    ]);

    const t0 = await db.get('ticks', keyOf(rows[0]!));
    expect(t0).toMatchObject({ done: true, by: 'Mia Marketer', at: NOW.getTime() + 1000, link: 'https://blog.example.com/their-strategy', source: 'marketingPack' });
    // The note comes back as written (the export's formula defusing undone once inside Tiercover).
    expect(await db.get('ticks', keyOf(rows[1]!))).toMatchObject({ done: true, by: 'Lea Social', note: '=Liked their post on Monday' });
    expect((await db.get('ticks', keyOf(rows[5]!)))?.note).toBe('twice');
    expect(await db.get('ticks', keyOf(rows[2]!))).toBeUndefined();

    // Nothing else changed: accounts, contacts, targets, weeks, and every tick that was there.
    expect(await snapshot()).toEqual(before);
    const after = new Map((await db.getAll('ticks')).map((t) => [t.id, t]));
    for (const t of ticksBefore) expect(after.get(t.id)).toEqual(t);
    expect(after.size).toBe(ticksBefore.length + 3);

    // The new pack no longer lists the cells now done.
    const again = fileText(marketingPack(await loadWeekData(db, WEEK, NOW.getTime())));
    expect(again).not.toContain(keyOf(rows[0]!));
    expect(again).toContain(keyOf(rows[2]!));
  });

  it('an unfilled pack imports nothing; a file that is not a pack is refused whole', async () => {
    const db = await getDb();
    const csv = fileText(marketingPack(await loadWeekData(db, WEEK, NOW.getTime())));
    const r = await importMarketingPack(db, WEEK, csv, 'Mia');
    expect(r).toMatchObject({ ticked: 0, errors: [] });
    expect(r.empty).toBeGreaterThan(0);
    await expect(importMarketingPack(db, WEEK, 'Name,Email\r\nAnn,ann@x.com\r\n', 'Mia')).rejects.toThrow(PackFileError);
  });
});
