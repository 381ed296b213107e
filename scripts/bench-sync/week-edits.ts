/**
 * What a simulated member does to the team's week, through the extension's own document code
 * (lib/sync/doc.ts `writeEntries`: each member writes its versions of records into its own map
 * `w:<member>`): one small edit at a time, a target's status, owner, note or next step, or an
 * air-cover tick, on one of the week's 200 targets.
 *
 * Each edit is also stamped, in the same Yjs transaction, with a unique id and the time it was made
 * in a benchmark-only map (`bench-log`, outside the `w:` maps the extension reads), so every
 * receiver can tell when each edit reached it and the end of the run can check none was lost.
 */
import * as Y from 'yjs';
import { AIR_COVER_ITEMS } from '../../lib/domain/constants.ts';
import { writeEntries } from '../../lib/sync/doc.ts';

export const TARGETS = 200;
const WEEK = '2026-W49';
const STATUSES = ['active', 'done', 'dropped'] as const;
const OWNERS = ['ana', 'ben', 'chloe', 'dev', 'eli', 'fatima', 'gus'] as const;

export interface EditStamp {
  by: string;
  sentAt: number;
}

export function logOf(doc: Y.Doc): Y.Map<EditStamp> {
  return doc.getMap<EditStamp>('bench-log');
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Makes one edit as `member`; returns its id. `now` is a wall clock in ms (sub-ms precision). */
export function makeEdit(doc: Y.Doc, member: string, seq: number, random: () => number, now: () => number): string {
  const editId = `${member}#${seq}`;
  const n = String(Math.floor(random() * TARGETS)).padStart(3, '0');
  const targetId = `target-${n}`;
  const at = Date.now();
  doc.transact(() => {
    if (random() < 0.5) {
      const item = pick(AIR_COVER_ITEMS, random);
      const id = `${targetId}|account|${item}`;
      writeEntries(doc, member, [{ kind: 'tick', id, record: { id, weekId: WEEK, targetId, item, done: random() < 0.8, by: member, at } }], at);
    } else {
      const field = pick(['status', 'salesOwner', 'notes', 'nextStep'] as const, random);
      const value = field === 'status' ? pick(STATUSES, random)
        : field === 'salesOwner' ? pick(OWNERS, random)
        : `${member}: called, follow up next week (${seq})`;
      writeEntries(doc, member, [{
        kind: 'target',
        id: targetId,
        record: { id: targetId, weekId: WEEK, accountId: `account-${n}`, keyContactIds: [], status: 'active', createdAt: at, updatedAt: at, [field]: value, edits: { [field]: at } },
      }], at);
    }
    logOf(doc).set(editId, { by: member, sentAt: now() });
  });
  return editId;
}

/** The team's shared state as one string, to check that every member ends with the same. */
export function sharedState(doc: Y.Doc): string {
  const maps = [...doc.share.keys()].filter((k) => k.startsWith('w:')).sort();
  return JSON.stringify(maps.map((name) => [name, Object.entries(doc.getMap(name).toJSON()).sort(([a], [b]) => a.localeCompare(b))]));
}

/** A small seeded generator, so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}
