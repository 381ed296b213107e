/**
 * What a simulated member does to the team's week: one small edit at a time (a status, an owner, a
 * note or an air-cover tick on one of the week's targets), each stamped with a unique id and the
 * time it was made in an append-only `log` map, in the same transaction, so every receiver can
 * tell when each edit reached it and the end of the run can check that no edit was lost.
 *
 * Plain Yjs maps with flat keys (`acct-007.status`): nested maps created by two members at once
 * would replace each other; the benchmark measures the server, not that pitfall.
 */
import * as Y from 'yjs';

export const TARGETS = 200;
const STATUSES = ['todo', 'working', 'meeting-booked', 'done'] as const;
const OWNERS = ['ana', 'ben', 'chloe', 'dev', 'eli', 'fatima', 'gus'] as const;
const CHANNELS = ['linkedin-ads', 'email', 'event', 'direct-mail'] as const;

export interface EditStamp {
  by: string;
  sentAt: number;
}

export function logOf(doc: Y.Doc): Y.Map<EditStamp> {
  return doc.getMap<EditStamp>('log');
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Makes one edit as `member`; returns its id. `now` is a wall clock in ms (sub-ms precision). */
export function makeEdit(doc: Y.Doc, member: string, seq: number, random: () => number, now: () => number): string {
  const editId = `${member}#${seq}`;
  const account = `acct-${String(Math.floor(random() * TARGETS)).padStart(3, '0')}`;
  const week = doc.getMap('week');
  const ticks = doc.getMap('ticks');
  doc.transact(() => {
    const kind = Math.floor(random() * 4);
    if (kind === 0) week.set(`${account}.status`, pick(STATUSES, random));
    else if (kind === 1) week.set(`${account}.owner`, pick(OWNERS, random));
    else if (kind === 2) week.set(`${account}.note`, `${member}: called, follow up on ${pick(CHANNELS, random)} (${seq})`);
    else ticks.set(`${account}.${pick(CHANNELS, random)}`, { on: random() < 0.8, by: member, at: Date.now() });
    logOf(doc).set(editId, { by: member, sentAt: now() });
  });
  return editId;
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
