import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { putSettings } from '@/lib/db/settings';
import { ACCOUNT_ITEMS, GROUP_LABELS, ITEM_GROUP, ITEM_LABELS, targetCells, tickId } from '@/lib/domain/aircover';
import { TIER_LABELS } from '@/lib/domain/tier';
import { defaultSettings, SCHEMA_VERSION, type WeekId } from '@/lib/domain/schema';
import { previousWeek } from '@/lib/domain/week';
import { parseCsv } from '@/lib/io/csv-import';
import {
  MARKETING_PACK_HEADERS,
  SALES_PACK_HEADERS,
  bundle,
  cellText,
  csvCells,
  linkedinCompanyUrl,
  linkedinProfileUrl,
  loadWeekData,
  marketingOwner,
  marketingPack,
  salesOwner,
  salesPack,
  targetViews,
  toCsv,
  xProfileUrl,
  type WeekData,
} from '@/lib/io/csv-export';
import { parseBundle } from '@/lib/io/bundle';
import { meetingAgenda } from '@/lib/io/agenda-markdown';
import { makeSampleData, type SampleData } from '@/lib/sample';
import { first, must } from './helpers/must';
import { seed } from './helpers/seed';
import { fileText } from './helpers/file-text';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK: WeekId = '2026-W48';

function weekData(s: SampleData, weekId = WEEK): WeekData {
  return {
    weekId,
    accounts: s.accounts,
    contacts: s.contacts,
    targets: s.targets.filter((t) => t.weekId === weekId),
    ticks: s.ticks.filter((t) => t.weekId === weekId),
    previousTargets: s.targets.filter((t) => t.weekId === previousWeek(weekId)),
    settings: { ...defaultSettings(NOW.getTime()), yourName: 'Sam Rep' },
    now: NOW.getTime(),
    week: s.weeks.find((w) => w.id === weekId),
  };
}

/** Parse a CSV export back (BOM and final line end dropped). */
function readBack(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const body = csv.slice(1, -2);
  return Papa.parse<string[]>(body, { delimiter: ',', newline: '\r\n' }).data;
}

const defused = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('toCsv', () => {
  it('writes UTF-8 with BOM, RFC 4180 quoting and CRLF', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 'plain']])).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });

  it('defuses formulas but not numbers', () => {
    expect(['=1+1', '+49 30 1234', '-5', '@SUM(A1)', '\tx', '\rx', 'a=b', ' =1'].map(cellText)).toEqual(["'=1+1", "'+49 30 1234", "'-5", "'@SUM(A1)", "'\tx", "'\rx", 'a=b', ' =1']);
    expect(cellText(-5)).toBe('-5');
    expect(cellText(3.5)).toBe('3.5');
    expect(cellText(NaN)).toBe('');
    expect(cellText(true)).toBe('yes');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 10, 25, 9, 30)))).toBe('2026-11-25T09:30:00.000Z');
    expect(toCsv(['h'], [['=HYPERLINK("http://x","y")']])).toBe('\uFEFFh\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });

  it('round-trips through papaparse and through the importer', async () => {
    const rows = [
      ['Acme, Inc.', 'multi\nline', '=cmd|\' /C calc\'!A0', ''],
      ['', '', '', ''],
      ['"quoted"', 'tab\there', '-12', 'Zürich 😀'],
    ];
    const csv = toCsv(['A', 'B', 'C', 'D'], rows);
    expect(readBack(csv)).toEqual([['A', 'B', 'C', 'D'], ...rows.map((r) => r.map(defused))]);
    const parsed = await parseCsv(new Blob([csv]));
    expect(parsed.headers).toEqual(['A', 'B', 'C', 'D']);
    expect(parsed.rows).toEqual([must(rows[0]).map(defused), must(rows[2]).map(defused)]); // the blank row is skipped on import
  });

  it('round-trips arbitrary strings (property)', () => {
    const nasty = fc.constantFrom('"', ',', '\r', '\n', '\r\n', '=', '-', '+', '@', '\t', ' ', ';', "'", 'a', 'é', '😀', '\u2028', '\uFEFF');
    const text = fc.oneof(fc.string(), fc.string({ unit: nasty }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((w) => fc.tuple(fc.array(text, { minLength: w, maxLength: w }), fc.array(fc.array(text, { minLength: w, maxLength: w }), { maxLength: 6 }))),
        ([headers, rows]) => {
          expect(readBack(toCsv(headers, rows))).toEqual([headers.map(defused), ...rows.map((r) => r.map(defused))]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('cells made into CSV text in pieces join into the same line (property)', () => {
    // The marketing pack builds an account's and a contact's cells once and joins the pieces.
    const nasty = fc.constantFrom('"', ',', '\r', '\n', '=', '-', '@', '\uFEFF', 'a', ' ');
    const cells = fc.array(fc.oneof(fc.string({ unit: nasty }), fc.string(), fc.integer(), fc.constant(undefined)), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(cells, cells, (a, b) => {
        expect(`${csvCells(a)},${csvCells(b)}`).toBe(csvCells([...a, ...b]));
        expect(toCsv(['h'], [[...a, ...b]])).toBe(`\uFEFFh\r\n${csvCells([...a, ...b])}\r\n`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('week exports', () => {
  const sample = makeSampleData({ now: NOW, yourName: 'Sam Rep' });
  const data = weekData(sample);

  it('sales pack: one row per key contact of every target still on the list', () => {
    const [header, ...rows] = readBack(salesPack(data));
    expect(header).toEqual(SALES_PACK_HEADERS);
    const listed = data.targets.filter((t) => t.status !== 'dropped');
    expect(rows).toHaveLength(listed.reduce((n, t) => n + Math.max(1, t.keyContactIds.length), 0));
    const col = (name: string) => SALES_PACK_HEADERS.indexOf(name);
    const jane = rows.find((r) => r[col('Contact')] === 'Jane Doe')!;
    expect(jane[col('Account')]).toBe('Northwind Analytics');
    expect(jane[col('Week')]).toBe(WEEK);
    expect(jane[col('LinkedIn URL')]).toBe('https://www.linkedin.com/in/jane-doe-4b1a2/');
    expect(jane[col('Department')]).toBe('Finance');
    expect(jane[col('Buying role')]).toBe('Decision maker');
    expect(jane[col('Tier')]).toMatch(/^(Tier [1-4]|Global)$/);
    expect(jane[col('Tier reason')]).toMatch(/boxes/);
    expect(jane[col('Air cover done')]).toMatch(/^\d+ of 10(: .+)?$/);
    for (const r of rows) {
      expect(r).toHaveLength(SALES_PACK_HEADERS.length);
      expect(r[col('Air cover done')]).toMatch(/^\d+ of \d+/);
    }
  });

  it('sales pack: a target without key contacts gets one row, contact columns empty', () => {
    const t = { ...first(data.targets, 'targets'), keyContactIds: [] };
    const row = must(readBack(salesPack({ ...data, targets: [t] }))[1], 'a data row');
    expect(row.slice(7, 13)).toEqual(['', '', '', '', '', '']);
    expect(row[14]).toMatch(new RegExp(`^\\d+ of ${ACCOUNT_ITEMS.length}`));
  });

  it('marketing pack: one row per open task of the active targets', () => {
    const [header, ...rows] = readBack(fileText(marketingPack(data)));
    expect(header).toEqual(MARKETING_PACK_HEADERS);
    const done = new Set(data.ticks.filter((t) => t.done).map((t) => t.id));
    const expected = data.targets
      .filter((t) => t.status === 'active')
      .reduce((n, t) => n + targetCells(t.keyContactIds).filter((c) => !done.has(tickId(t.id, c.contactId, c.item))).length, 0);
    expect(rows).toHaveLength(expected);
    const labels = new Set(Object.values(ITEM_LABELS));
    for (const r of rows) expect(labels.has(r[5] ?? '')).toBe(true);
    const accountRow = rows.find((r) => r[3] === '(account)')!;
    expect(accountRow[6]).toMatch(/^https:\/\/www\.linkedin\.com\/company\/[a-z0-9-]+\/$/);
    expect(accountRow[8]).toBe('');
    const personRow = rows.find((r) => r[3] !== '(account)')!;
    expect(personRow[6]).toMatch(/^https:\/\/www\.linkedin\.com\/in\/.+\/$/);
    expect(personRow[8]).toMatch(/@/);
  });

  it('hostile names are defused in CSV', () => {
    const evil = '=cmd|\' /C calc\'!A0 *bold* [x](javascript:alert(1)) <img src=x onerror=alert(1)> | # _u_ `c`';
    const t = first(data.targets, 'targets');
    const hacked = { ...data, accounts: data.accounts.map((a) => (a.id === t.accountId ? { ...a, name: evil } : a)) };
    const row = must(readBack(salesPack(hacked))[1], 'a data row');
    expect(row[1]).toBe(`'${evil}`);
  });

  it('marketing pack: hostile account and contact names come back whole and defused, every row full width', () => {
    const evil = '=HYPERLINK("x"), then\r\na "quote"';
    const t = first(data.targets.filter((x) => x.status === 'active' && x.keyContactIds.length), 'an active target with key contacts');
    const contactId = first(t.keyContactIds, 'key contacts');
    const hacked = {
      ...data,
      accounts: data.accounts.map((a) => (a.id === t.accountId ? { ...a, name: evil } : a)),
      contacts: data.contacts.map((c) => (c.id === contactId ? { ...c, name: `@${evil}` } : c)),
    };
    const [, ...rows] = readBack(fileText(marketingPack(hacked)));
    for (const r of rows) expect(r).toHaveLength(MARKETING_PACK_HEADERS.length);
    const theirs = rows.filter((r) => r[1] === `'${evil}`);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((r) => r[3] === `'@${evil}`).length).toBeGreaterThan(0);
    expect(theirs.every((r) => r[14]?.startsWith(`${t.id}|`))).toBe(true);
  });

  it('marketing pack: the bytes of the plain CSV of its rows, whatever the names and ids hold', () => {
    // Ids from elsewhere (a bundle, a CRM) that need quoting or defusing in the cell key, names
    // outside ASCII, and done ticks: the pack copies encoded pieces onto its rows
    // (lib/io/utf8.ts Utf8Writer), so it is checked against each row made as text on its own.
    const active = data.targets.filter((t) => t.status === 'active' && t.keyContactIds.length);
    const [odd, quoted] = [must(active[0], 'an active target'), must(active[1], 'another')];
    const contactId = first(quoted.keyContactIds, 'key contacts');
    const renamed = new Map([[odd.id, '=odd'], [contactId, 'c,"1"']]);
    const rename = (id: string) => renamed.get(id) ?? id;
    const hacked: WeekData = {
      ...data,
      accounts: data.accounts.map((a) => (a.id === odd.accountId ? { ...a, name: 'Société Générale 山田 🚀' } : a)),
      contacts: data.contacts.map((c) => ({ ...c, id: rename(c.id), ...(c.id === contactId ? { name: 'Zoë «Q»' } : {}) })),
      targets: data.targets.map((t) => ({ ...t, id: rename(t.id), keyContactIds: t.keyContactIds.map(rename) })),
      ticks: data.ticks.map((t) => ({ ...t, targetId: rename(t.targetId) })).map((t) => ({ ...t, id: t.id.startsWith(`${odd.id}|`) ? `=odd${t.id.slice(odd.id.length)}` : t.id })),
    };
    hacked.ticks.push({ ...must(data.ticks[0], 'a tick'), id: tickId('=odd', undefined, 'strategyBlog'), targetId: '=odd', contactId: undefined, item: 'strategyBlog', done: true });
    const done = new Set(hacked.ticks.filter((t) => t.done).map((t) => t.id));
    const rows = targetViews(hacked)
      .filter((v) => v.target.status === 'active')
      .flatMap((v) => {
        const people = new Map(v.keyContacts.map((c) => [c.id, c]));
        return targetCells(v.keyContacts.map((c) => c.id))
          .filter((cell) => !done.has(tickId(v.target.id, cell.contactId, cell.item)))
          .map((cell) => {
            const c = cell.contactId ? people.get(cell.contactId) : undefined;
            const links = c ? [linkedinProfileUrl(c.linkedinSlug), xProfileUrl(c.xHandle), c.email] : [linkedinCompanyUrl(v.account), '', ''];
            return [WEEK, v.accountName, v.tier ? TIER_LABELS[v.tier.tier] : '', c ? c.name : '(account)', GROUP_LABELS[ITEM_GROUP[cell.item]], ITEM_LABELS[cell.item], ...links, marketingOwner(v), salesOwner(v), '', '', '', tickId(v.target.id, cell.contactId, cell.item)];
          });
      });
    expect(rows.some((r) => r[1] === 'Société Générale 山田 🚀')).toBe(true);
    expect(rows.some((r) => r[14] === tickId('=odd', undefined, 'strategyBlog'))).toBe(false);
    expect(fileText(marketingPack(hacked))).toBe(toCsv(MARKETING_PACK_HEADERS, rows));
    const [, ...back] = readBack(fileText(marketingPack(hacked)));
    expect(back.filter((r) => r[14]?.startsWith("'=odd|")).length).toBeGreaterThan(0);
    expect(back.filter((r) => r[14]?.startsWith(`${quoted.id}|c,"1"|`)).length).toBeGreaterThan(0);
  });

  it('bundle: the week, its accounts and contacts only, valid against the schema', () => {
    const b = bundle(data);
    expect(b).toMatchObject({ format: 'tiercover-bundle', schemaVersion: SCHEMA_VERSION, weekId: WEEK, exportedBy: 'Sam Rep', exportedAt: NOW.toISOString() });
    const ids = new Set(data.targets.map((t) => t.accountId));
    expect(b.accounts.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(b.contacts.every((c) => ids.has(c.accountId))).toBe(true);
    expect(b.contacts.length).toBe(sample.contacts.filter((c) => ids.has(c.accountId)).length);
    expect(b.targets).toHaveLength(12);
    expect(b.ticks).toEqual(data.ticks);
    expect(parseBundle(JSON.stringify(b))).toEqual(b);
  });

  it('loadWeekData reads the same snapshot from the database, with every contact or only the key contacts', async () => {
    const db = await getDb();
    await deleteAllData(db);
    await seed(db, sample);
    await putSettings(data.settings, db);
    const loaded = await loadWeekData(db, WEEK, NOW.getTime());
    expect(salesPack(loaded)).toBe(salesPack(data));
    expect(marketingPack(loaded)).toEqual(marketingPack(data));
    expect(meetingAgenda(loaded)).toBe(meetingAgenda(data));
    // The packs and the agenda from the key contacts and the stored coverage summaries alone.
    const keys = await loadWeekData(db, WEEK, NOW.getTime(), { contacts: 'keys' });
    expect(keys.contacts.length).toBeLessThan(loaded.contacts.length);
    expect(new Set(keys.contacts.map((c) => c.id))).toEqual(new Set(keys.targets.flatMap((t) => t.keyContactIds)));
    expect(salesPack(keys)).toBe(salesPack(data));
    expect(marketingPack(keys)).toEqual(marketingPack(data));
    expect(meetingAgenda(keys)).toBe(meetingAgenda(data));
    await closeDb();
  });
});

afterEach(async () => {
  await closeDb();
});
