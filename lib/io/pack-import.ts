/**
 * The marketing pack comes back: a marketer fills "Evidence link" / "Evidence note" (and "Done
 * by") of the exported pack (lib/io/csv-export.ts) in a spreadsheet; importing it ticks those
 * cells, with who and when and the source "marketing pack". Rows are checked one by one: a row
 * with a problem is listed with its sheet row number and skipped; the others are written in one
 * transaction. Nothing else changes: no contact, account or target field, no untick, no other week.
 */
import Papa from 'papaparse';
import { ACCOUNT_SUBJECT, tickId } from '../domain/aircover';
import { AIR_COVER_ITEMS, type AirCoverItem } from '../domain/constants';
import type { AirCoverTick, WeekId } from '../domain/schema';
import type { DB } from '../db/db';
import { TARGET_STORES, TICK_STORES, ticksIn, weekIn } from '../db/kept-weeks';
import { decodeText } from './csv-import';
import { PACK_EVIDENCE_HEADERS } from './csv-export';

/** Why a filled row was not imported (words: components/week/PackImport.tsx). */
export type PackRowProblem =
  | { code: 'keyChanged'; key: string }
  | { code: 'otherWeek'; rowWeek: string; week: WeekId }
  | { code: 'notALink'; link: string }
  | { code: 'duplicate' }
  | { code: 'notOnList'; week: WeekId }
  | { code: 'notKeyContact' };

export interface PackRowError {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  problem: PackRowProblem;
}

export interface PackImportResult {
  /** Ticks written. */
  ticked: number;
  /** Their ids (shared with the team when team sync is on). */
  tickIds: string[];
  /** Filled rows whose cell was already done: left as they were. */
  alreadyDone: number;
  /** Rows left empty (not done yet). */
  empty: number;
  errors: PackRowError[];
}

/** The file is not a pack at all: nothing was imported. */
export type PackFileProblem = { code: 'unreadable' } | { code: 'notAPack'; link: string; note: string; key: string };

export class PackFileError extends Error {
  readonly problem: PackFileProblem;
  constructor(problem: PackFileProblem, cause?: unknown) {
    super(`Not a marketing pack: ${problem.code}`, { cause });
    this.name = 'PackFileError';
    this.problem = problem;
  }
}

const [LINK, NOTE, BY, KEY] = PACK_EVIDENCE_HEADERS;

/** Undo the export's formula defusing: "'=x" was written for "=x". */
const undefuse = (v: string | undefined) => (v ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');

/** Ticks put before the loop lets the page's event loop turn (~25 ms of work here). */
const WRITES_PER_TURN = 1000;

const isLink = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/** Import a filled marketing pack for `weekId`. Throws PackFileError when the file is not a pack at all. */
export async function importMarketingPack(db: DB, weekId: WeekId, input: File | Blob | string, importer: string, now = Date.now()): Promise<PackImportResult> {
  let text: string;
  try {
    text = await decodeText(input);
  } catch (e) {
    throw new PackFileError({ code: 'unreadable' }, e);
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const col = (name: string) => header?.findIndex((h) => h.trim() === name) ?? -1;
  const [iLink, iNote, iBy, iKey, iWeek] = [col(LINK), col(NOTE), col(BY), col(KEY), col('Week')];
  if (iKey < 0 || (iLink < 0 && iNote < 0)) {
    throw new PackFileError({ code: 'notAPack', link: LINK, note: NOTE, key: KEY });
  }

  const result: PackImportResult = { ticked: 0, tickIds: [], alreadyDone: 0, empty: 0, errors: [] };
  const tx = db.transaction([...TARGET_STORES, ...TICK_STORES], 'readwrite');
  const ticks = ticksIn(tx);
  // The week's targets and ticks read once (its kept copies, or its records): a row's target and
  // tick are looked up in memory. Why: a get of each per row, 25,000 rows for 1,000 targets, took
  // the import 10.4 s (BENCHMARKS.md "Backups and bundles in a worker").
  const [weekTargets, weekTicks] = await Promise.all([weekIn(tx, 'targets', weekId), weekIn(tx, 'ticks', weekId)]);
  const targetById = new Map(weekTargets.records.map((t) => [t.id, t]));
  const tickById = new Map(weekTicks.records.map((t) => [t.id, t]));
  const writes: Promise<void>[] = [];
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const row = i + 2;
    const link = undefuse(r[iLink]);
    const note = undefuse(r[iNote]).slice(0, 2000);
    if (!link && !note) {
      result.empty++;
      continue;
    }
    const fail = (problem: PackRowProblem) => result.errors.push({ row, problem });
    const key = (r[iKey] ?? '').trim();
    const [targetId, subject, item] = key.split('|');
    if (!targetId || !subject || !item || key.split('|').length !== 3 || !AIR_COVER_ITEMS.includes(item as AirCoverItem)) {
      fail({ code: 'keyChanged', key: KEY });
      continue;
    }
    if (iWeek >= 0 && (r[iWeek] ?? '').trim() && (r[iWeek] ?? '').trim() !== weekId) {
      fail({ code: 'otherWeek', rowWeek: (r[iWeek] ?? '').trim().slice(0, 40), week: weekId });
      continue;
    }
    if (link && !isLink(link)) {
      fail({ code: 'notALink', link: link.slice(0, 80) });
      continue;
    }
    if (seen.has(key)) {
      fail({ code: 'duplicate' });
      continue;
    }
    seen.add(key);
    const target = targetById.get(targetId);
    if (!target) {
      fail({ code: 'notOnList', week: weekId });
      continue;
    }
    const contactId = subject === ACCOUNT_SUBJECT ? undefined : subject;
    if (contactId && !target.keyContactIds.includes(contactId)) {
      fail({ code: 'notKeyContact' });
      continue;
    }
    const id = tickId(targetId, contactId, item as AirCoverItem);
    const was = tickById.get(id);
    if (was?.done) {
      result.alreadyDone++;
      continue;
    }
    const by = (r[iBy] ?? '').trim().slice(0, 200) || importer;
    const tick: AirCoverTick = {
      id, weekId, targetId, contactId, item: item as AirCoverItem, done: true, by, at: now,
      link: link || was?.link, note: note || was?.note, source: 'marketingPack',
    };
    // Not awaited one by one: the transaction writes them in order, and a failure fails them all.
    writes.push(ticks.put(tick));
    result.ticked++;
    result.tickIds.push(id);
    // Waiting for the writes so far ends the page's task: the loop never holds it for long (in one
    // task, 25,000 rows took ~600 ms). The wait is for requests of the transaction, so it stays open.
    if (writes.length >= WRITES_PER_TURN) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  await ticks.save();
  await tx.done;
  return result;
}
