/**
 * The team's shared document (Yjs): one map per member, `w:<member>`, which only that member
 * writes. Its entries are that member's latest version of each record it shared, as plain JSON
 * with the per-field edit times (`edits`), keyed `<kind>:<id>` by the member's own ids. Reading
 * merges every member's versions with lib/domain/merge.ts's rule (lib/db/apply-records.ts), so
 * Yjs never decides between two writers of one key (it would by client id): newer by time wins.
 *
 * Each member's map is closed under references: a tick's entry comes with its target's, the
 * target's account's, its week's and its contact's, so any changed entry can be applied with its
 * dependencies from the same map, whatever the receiver's own ids are.
 */
import * as Y from 'yjs';
type Transaction = Y.Transaction;
import { account, airCoverTick, contact, pageLink, target, week } from '../domain/schema';
import type { RecordSet } from '../db/apply-records';

export const SHARED_KINDS = ['account', 'contact', 'week', 'target', 'tick', 'link'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

/** One record as a member shared it; `at` is when the member wrote it (its clock, increasing). */
export interface SharedEntry {
  kind: SharedKind;
  record: Record<string, unknown>;
  at: number;
  /** Written only because another entry refers to it: not counted as a change of its own. */
  dependency?: true;
  /**
   * The member removed this record (a contact, or a page link): `record` is its last shared
   * copy, so the others can find their own copy of it, and `at` the time of the removal.
   */
  removed?: true;
}

const MEMBER_PREFIX = 'w:';
export const memberMapName = (member: string) => MEMBER_PREFIX + member;
export const entryKey = (kind: SharedKind, id: string) => `${kind}:${id}`;

/** The origin of this member's own writes: the bridge ignores them when reading. */
export const LOCAL_ORIGIN = Symbol('tiercover-local');

export function memberMap(doc: Y.Doc, member: string): Y.Map<SharedEntry> {
  return doc.getMap<SharedEntry>(memberMapName(member));
}

/** Every member that has a map in the document (their ids, without the prefix). */
export function members(doc: Y.Doc): string[] {
  return [...doc.share.keys()].filter((k) => k.startsWith(MEMBER_PREFIX)).map((k) => k.slice(MEMBER_PREFIX.length));
}

/** The members and keys a (remote) transaction changed. */
export function changedEntries(doc: Y.Doc, changed: Transaction["changed"]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [name, type] of doc.share) {
    if (!name.startsWith(MEMBER_PREFIX)) continue;
    const keys = changed.get(type);
    if (!keys) continue;
    out.set(name.slice(MEMBER_PREFIX.length), new Set([...keys].filter((k): k is string => typeof k === 'string')));
  }
  return out;
}

let lastAt = 0;
/** An increasing write time, so a member's entries order even within one millisecond. */
export function writeTime(now = Date.now()): number {
  lastAt = Math.max(now, lastAt + 1);
  return lastAt;
}

/**
 * Write this member's versions (one Yjs transaction, LOCAL_ORIGIN). An entry equal to what is
 * already there is not written again, so the document does not grow with repeats, unless asked
 * (`again`: the others must apply it again) or it was marked removed.
 */
export function writeEntries(doc: Y.Doc, member: string, entries: { kind: SharedKind; id: string; record: Record<string, unknown>; dependency?: boolean; again?: boolean }[], now = Date.now()): number {
  const map = memberMap(doc, member);
  let written = 0;
  doc.transact(() => {
    for (const e of entries) {
      const key = entryKey(e.kind, e.id);
      const prev = map.get(key);
      // A record shared again after its removal (an undo) is written even if it is unchanged.
      if (prev && !prev.removed && !e.again && JSON.stringify(prev.record) === JSON.stringify(e.record)) continue;
      map.set(key, { kind: e.kind, record: e.record, at: writeTime(now), ...(e.dependency ? { dependency: true as const } : {}) });
      written++;
    }
  }, LOCAL_ORIGIN);
  return written;
}

/**
 * Mark records this member shared as removed (one Yjs transaction, LOCAL_ORIGIN): each entry keeps
 * its last copy and gets the removal's time. A record never shared is not mentioned: the others
 * never had it from us. Returns how many were marked.
 */
export function writeRemovals(doc: Y.Doc, member: string, refs: { kind: SharedKind; id: string }[], now = Date.now()): number {
  const map = memberMap(doc, member);
  let written = 0;
  doc.transact(() => {
    for (const { kind, id } of refs) {
      const key = entryKey(kind, id);
      const prev = map.get(key);
      if (!prev || typeof prev !== 'object' || prev.removed) continue;
      map.set(key, { kind, record: prev.record, at: writeTime(now), removed: true });
      written++;
    }
  }, LOCAL_ORIGIN);
  return written;
}

/** The keys of the entries an entry needs to be applied: what it refers to, in the same map. */
function references(e: SharedEntry): string[] {
  const r = e.record;
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const refs: (string | undefined)[] = [];
  switch (e.kind) {
    case 'tick':
      refs.push(s(r.targetId) && entryKey('target', s(r.targetId)!), s(r.contactId) && entryKey('contact', s(r.contactId)!));
      break;
    case 'target':
      refs.push(s(r.accountId) && entryKey('account', s(r.accountId)!), s(r.weekId) && entryKey('week', s(r.weekId)!));
      if (Array.isArray(r.keyContactIds)) for (const c of r.keyContactIds) refs.push(s(c) && entryKey('contact', c as string));
      break;
    case 'contact':
      refs.push(s(r.accountId) && entryKey('account', s(r.accountId)!), s(r.reportsTo) && entryKey('contact', s(r.reportsTo)!));
      break;
    case 'link':
      refs.push(s(r.targetId) && entryKey(r.kind === 'contact' ? 'contact' : 'account', s(r.targetId)!));
      break;
    default:
      break;
  }
  return refs.filter((k): k is string => !!k);
}

/** The entries of `keys` in a member's map with everything they refer to (that the map has). */
export function withReferences(map: Y.Map<SharedEntry>, keys: Iterable<string>): SharedEntry[] {
  const seen = new Set<string>();
  const out: SharedEntry[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const e = map.get(key);
    if (!e || typeof e !== 'object') return;
    out.push(e);
    for (const k of references(e)) visit(k);
  };
  for (const k of keys) visit(k);
  return out;
}

const SCHEMAS = { account, contact, week, target, tick: airCoverTick, link: pageLink } as const;

/**
 * Shared entries as records the database takes, each checked by the data model's zod schema.
 * An entry that fails, or refers to a record the set does not have (and is not new to us), is
 * left out and counted as malformed: a bad entry from one member never blocks the others'.
 */
export function toRecordSet(entries: SharedEntry[], own: ReadonlySet<SharedEntry> = new Set()): { set: RecordSet; malformed: number } {
  const removedContacts: NonNullable<RecordSet['removedContacts']> = [];
  const removedLinks: NonNullable<RecordSet['removedLinks']> = [];
  const set: RecordSet = { accounts: [], contacts: [], weeks: [], targets: [], ticks: [], links: [], removedContacts, removedLinks };
  let malformed = 0;
  for (const e of entries) {
    const schema = e && typeof e === 'object' && Object.hasOwn(SCHEMAS, e.kind) ? SCHEMAS[e.kind] : undefined;
    const parsed = schema?.safeParse(e.record);
    if (!parsed?.success) {
      malformed++;
      continue;
    }
    const r = parsed.data;
    if (e.removed) {
      // Only a contact or a page link can be removed; anything else marked so is not ours to apply.
      if (e.kind === 'contact' && typeof e.at === 'number') removedContacts.push({ contact: r as RecordSet['contacts'][number], at: e.at, own: own.has(e) });
      else if (e.kind === 'link' && typeof e.at === 'number') removedLinks.push({ link: r as RecordSet['links'][number], at: e.at });
      else malformed++;
      continue;
    }
    if (e.kind === 'account') set.accounts.push(r as RecordSet['accounts'][number]);
    else if (e.kind === 'contact') set.contacts.push(r as RecordSet['contacts'][number]);
    else if (e.kind === 'week') set.weeks.push(r as RecordSet['weeks'][number]);
    else if (e.kind === 'target') set.targets.push(r as RecordSet['targets'][number]);
    else if (e.kind === 'tick') set.ticks.push(r as RecordSet['ticks'][number]);
    else set.links.push(r as RecordSet['links'][number]);
  }
  // References inside the set: a record whose parent was not shared with it cannot be placed.
  const accountIds = new Set(set.accounts.map((a) => a.id));
  const keep = <T>(list: T[], ok: (x: T) => boolean): T[] => list.filter((x) => ok(x) || (malformed++, false));
  set.contacts = keep(set.contacts, (c) => accountIds.has(c.accountId));
  // Our own removals name our own contacts; another member's needs its account to find ours.
  set.removedContacts = keep(removedContacts, (r) => r.own || accountIds.has(r.contact.accountId));
  // A member's ticks and page links of a contact it removed stay in its map: dropped with the
  // contact, not counted as malformed (a newcomer reads them all).
  const removedIds = new Set(set.removedContacts.map((r) => r.contact.id));
  set.ticks = set.ticks.filter((t) => !t.contactId || !removedIds.has(t.contactId));
  set.links = set.links.filter((l) => l.kind !== 'contact' || !removedIds.has(l.targetId));
  const placedContacts = new Set(set.contacts.map((c) => c.id));
  set.targets = keep(set.targets, (t) => accountIds.has(t.accountId));
  set.targets = set.targets.map((t) => ({ ...t, keyContactIds: t.keyContactIds.filter((c) => placedContacts.has(c)) }));
  const placedTargets = new Set(set.targets.map((t) => t.id));
  set.ticks = keep(set.ticks, (t) => placedTargets.has(t.targetId) && (!t.contactId || placedContacts.has(t.contactId)));
  set.links = keep(set.links, (l) => (l.kind === 'account' ? accountIds : placedContacts).has(l.targetId));
  return { set, malformed };
}
