/**
 * The weekly target list (DOMAIN.md section 3): a week's view with progress and focus, starting a
 * week from the last one (carry-over after a review), and changes since last week.
 */
import { DEFAULT_STANDING_ITEMS, NO_TICKS, addProgress, emptyProgress, targetProgress, ticksById, ticksByTarget, type TargetProgress } from '../domain/aircover';
import { carriedTicks } from '../domain/carry';
import type { AirCoverItem } from '../domain/constants';
import { focusReport, workThisWeek, type FocusReport } from '../domain/focus';
import type { AccountTeam, AirCoverTick, Contact, MeetingField, Settings, Target, Tier, WeekId } from '../domain/schema';
import { decideTier } from '../domain/tier';
import { previousWeek, weekLabel } from '../domain/week';
import type { DB } from './db';
import type { ContactView } from '../messaging/protocol';
import { contactView } from '../domain/views';
import { coverageOf, namedIn, type CoverageSummary } from '../domain/coverage';
import { uiLocale } from '../i18n';
import { contactsIn, RECORD_STORES } from './records';
import { contactRef, DIGEST_STORES, readWeekRecords, resolveKeyContacts, saveWeekDigest, sameStamp } from './week-digest';
import type { KindStamp } from './packed';
import { keepWeekIn, readWeek, TARGET_STORES, targetsIn, TICK_STORES, ticksIn, weekIn } from './kept-weeks';

export interface TargetRow {
  target: Target;
  /** Names counted for every row; the coverage gaps in words with the details (`withDetails`). */
  account: { id: string; name: string; tier: Tier; tierSentence: string; gaps: string[]; named: number; owner?: string; marketingOwner?: string; team: AccountTeam };
  /** The account's coverage summary as read with the week (undefined: no contacts). */
  summary?: CoverageSummary;
  keyContacts: ContactView[];
  /** Key contacts and coverage gaps are worked out for the rows on screen only (`withDetails`). */
  detailed: boolean;
  ticks: AirCoverTick[];
  progress: TargetProgress;
}

export interface WeekChanges {
  added: number;
  carried: number;
  dropped: { account: string; reason?: string }[];
  done: { account: string; reason?: string }[];
  airCoverAdded: number;
}

export interface WeekView {
  weekId: WeekId;
  label: string;
  exists: boolean;
  startedFrom?: WeekId;
  rows: TargetRow[];
  focus: FocusReport;
  progress: TargetProgress;
  changes: WeekChanges;
  previous: { weekId: WeekId; exists: boolean; open: number };
  /**
   * Key contacts known so far, by `contactRef` (null: not stored there): from the week's stored
   * key contacts (lib/db/week-digest.ts) and every `readDetails` since, all as of `contactStamp`.
   */
  keyContactsKnown: ReadonlyMap<string, Contact | null>;
  contactStamp: KindStamp;
  /** The stored key contacts answered for every target: nothing to save once all are read. */
  keyContactsStored: boolean;
  /** A contact changed while the rows were read: what is known is not all of one moment, so it is not saved. */
  keyContactsMixed?: boolean;
}

type WeekSettings = Pick<Settings, 'focusBands' | 'standingItems'>;

/**
 * The week's focus (targets and air-cover work by tier) and its progress, from its rows. Work is
 * what was done this week (workThisWeek): a standing fact carried from last week is progress,
 * not work.
 */
function summarize(weekId: WeekId, rows: TargetRow[], settings: WeekSettings) {
  const live = rows.filter((r) => r.target.status !== 'dropped');
  const focus = focusReport(
    live.map((r) => r.account.tier),
    rows.flatMap((r) => workThisWeek(r.ticks, weekId).map(() => r.account.tier)),
    settings,
  );
  const progress = live.reduce((p, r) => addProgress(p, r.progress), emptyProgress());
  return { focus, progress };
}

/**
 * The view with one tick applied, as a change event brings it: no database read, so an open
 * week follows a tick at once however many targets it has.
 */
export function withTick(view: WeekView, tick: AirCoverTick, settings: WeekSettings): WeekView {
  return withTicks(view, [tick], settings);
}

/** The view with several ticks applied (a bulk tick): each target's progress worked out once. */
export function withTicks(view: WeekView, ticks: AirCoverTick[], settings: WeekSettings): WeekView {
  const byTarget = ticksByTarget(ticks.filter((t) => t.weekId === view.weekId));
  if (!view.rows.some((r) => byTarget.has(r.target.id))) return view;
  let airCoverAdded = view.changes.airCoverAdded;
  const rows = view.rows.map((r) => {
    const incoming = byTarget.get(r.target.id);
    if (!incoming) return r;
    const byId = ticksById(r.ticks);
    for (const t of incoming.values()) {
      const was = byId.get(t.id);
      airCoverAdded += workThisWeek([t], view.weekId).length - (was ? workThisWeek([was], view.weekId).length : 0);
      byId.set(t.id, t);
    }
    return { ...r, ticks: [...byId.values()], progress: targetProgress(r.target, byId, settings.standingItems) };
  });
  return { ...view, rows, ...summarize(view.weekId, rows, settings), changes: { ...view.changes, airCoverAdded } };
}

/**
 * How many rows of each tier come with their key contacts and are drawn first: what fills the
 * first screen. The list draws the rest of its first page after the first paint, and reads their
 * key contacts then.
 */
export const DETAIL_PER_TIER = 10;

/** What rows gain when their key contacts are read (by target id), and the contacts read, at their stamp. */
export interface RowDetails {
  rows: Map<string, Pick<TargetRow, 'keyContacts'> & { gaps: TargetRow['account']['gaps'] }>;
  read?: { weekId: WeekId; stamp: KindStamp; found: Map<string, Contact | null> };
}

/** A row's key contacts as shown: those still in its account (a stale id shows nothing). */
const keyContactViews = (accountId: string, contacts: readonly (Contact | null | undefined)[]) =>
  contacts.filter((c): c is Contact => !!c && c.accountId === accountId).map((c) => contactView(c));

/**
 * The key contacts of some rows, by target id: those the view already knows (the week's stored
 * key contacts) without a read, the rest in one read transaction, one page read per account (a
 * key contact lives in its target's account's page, lib/db/packed.ts `getIn`). A big week reads
 * these only for the rows it needs; coverage comes with every row from the summaries.
 */
export async function readDetails(db: DB, view: WeekView, targetIds: Iterable<string>, settings: Pick<Settings, 'coverage'>, now = new Date()): Promise<RowDetails> {
  const wanted = new Set(targetIds);
  const todo = view.rows.filter((r) => wanted.has(r.target.id) && !r.detailed);
  if (!todo.length) return { rows: new Map() };
  let stamp: Promise<KindStamp> | undefined;
  const { all, read } = await resolveKeyContacts(
    () => {
      const store = contactsIn(db.transaction(RECORD_STORES));
      stamp = store.stamp();
      return store;
    },
    view.keyContactsKnown,
    todo.flatMap((r) => r.target.keyContactIds.map((id) => ({ accountId: r.account.id, id }))),
  );
  const rowDetails = (r: TargetRow) => ({
    keyContacts: keyContactViews(r.account.id, r.target.keyContactIds.map((id) => all.get(contactRef(r.account.id, id)))),
    gaps: coverageOf(r.summary, settings, now.getTime()).gaps,
  });
  return {
    rows: new Map(todo.map((r) => [r.target.id, rowDetails(r)])),
    read: stamp && { weekId: view.weekId, stamp: await stamp, found: read },
  };
}

/**
 * The view with these rows' details filled in, matched by target id: applied to the view as it
 * is when the read ends, so a tick or edit that came in meanwhile is kept, and details read for
 * another week change nothing.
 */
export function applyDetails(view: WeekView, details: RowDetails): WeekView {
  const { rows, read } = details;
  let next = view;
  if (rows.size && view.rows.some((r) => !r.detailed && rows.has(r.target.id))) {
    next = {
      ...next,
      rows: next.rows.map((r) => {
        const d = r.detailed ? undefined : rows.get(r.target.id);
        return d ? { ...r, detailed: true, keyContacts: d.keyContacts, account: { ...r.account, gaps: d.gaps } } : r;
      }),
    };
  }
  // What was read joins what is known, if it is this week's and of the same moment (no contact
  // changed between).
  if (read?.found.size && read.weekId === view.weekId) {
    next = sameStamp(read.stamp, view.contactStamp)
      ? { ...next, keyContactsKnown: new Map([...view.keyContactsKnown, ...read.found]) }
      : { ...next, keyContactsMixed: true };
  }
  return next;
}

/**
 * The week's key contacts, when every one is known and all as of one moment and they were not
 * stored already: what `saveWeekContacts` stores for the next opening (the fill has read them all).
 */
export function keyContactsToStore(view: WeekView): Map<string, Contact | null> | undefined {
  if (view.keyContactsStored || view.keyContactsMixed) return undefined;
  const out = new Map<string, Contact | null>();
  for (const r of view.rows) {
    for (const id of r.target.keyContactIds) {
      const ref = contactRef(r.account.id, id);
      if (!view.keyContactsKnown.has(ref)) return undefined;
      out.set(ref, view.keyContactsKnown.get(ref) ?? null);
    }
  }
  return out.size ? out : undefined;
}

/** Fill in the key contacts of some rows of a view no one else changes meanwhile (its first screen). */
export async function withDetails(db: DB, view: WeekView, targetIds: Iterable<string>, settings: Pick<Settings, 'coverage'>, now = new Date()): Promise<WeekView> {
  return applyDetails(view, await readDetails(db, view, targetIds, settings, now));
}

/** `settings` may still be on its way: the records are read meanwhile. */
export async function weekView(db: DB, weekId: WeekId, settingsOrPromise: Settings | Promise<Settings>, now = new Date()): Promise<WeekView> {
  const prevId = previousWeek(weekId);
  // The ticks in a transaction of their own (a tick written meanwhile waits only for that one
  // read). Ticks and targets as one kept value each where the week is kept (lib/db/kept-weeks.ts).
  const ticksRead = readWeek(db, db.transaction(TICK_STORES), 'ticks', weekId);
  // The week, its targets and their records in one: the week digest is asked for at once, beside
  // the targets that say which accounts it must answer for (lib/db/week-digest.ts).
  const tx = db.transaction(['weeks', ...TARGET_STORES, ...DIGEST_STORES]);
  const weekRead = Promise.all([
    tx.objectStore('weeks').get(weekId),
    readWeek(db, tx, 'targets', weekId),
    tx.objectStore('weeks').get(prevId),
    readWeek(db, tx, 'targets', prevId),
  ]);
  const records = readWeekRecords(
    tx,
    weekId,
    weekRead.then(([, targets, , prevTargets]) => ({
      accountIds: [...new Set([...targets, ...prevTargets].map((t) => t.accountId))],
      keyContacts: targets.flatMap((t) => t.keyContactIds.map((id) => ({ accountId: t.accountId, id }))),
    })),
  );
  const [[week, targets, prevWeek, prevTargets], ticks, { accounts, summaries, fresh, keyContacts, keyContactsMissing, keyContactsOwn, contactStamp }] = await Promise.all([weekRead, ticksRead, records]);
  if (fresh) void saveWeekDigest(db, fresh);
  performance.mark('tiercover:week-records-read'); // the benchmark splits reading from computing here
  const settings = await settingsOrPromise;

  const ticksOf = ticksByTarget(ticks);
  const rows: TargetRow[] = [];
  for (const t of targets) {
    const a = accounts.get(t.accountId);
    if (!a) continue;
    const tier = decideTier(a, settings, now);
    const summary = summaries.get(a.id);
    rows.push({
      target: t,
      account: { id: a.id, name: a.name, tier: tier.tier, tierSentence: tier.sentence, gaps: [], named: namedIn(summary), owner: a.team.owner, marketingOwner: a.team.marketingOwner, team: a.team },
      summary,
      // Known from the week's stored key contacts: a search by a contact's name finds the row at once.
      keyContacts: keyContactViews(a.id, t.keyContactIds.map((id) => keyContacts.get(contactRef(a.id, id)))),
      detailed: false,
      ticks: [...(ticksOf.get(t.id)?.values() ?? [])],
      progress: targetProgress(t, ticksOf.get(t.id) ?? NO_TICKS, settings.standingItems),
    });
  }
  const { focus, progress } = summarize(weekId, rows, settings);
  const name = (accountId: string) => accounts.get(accountId)?.name ?? '(deleted account)';
  // The first rows of each tier (what the list shows first) come with their key contacts.
  const perTier = new Map<Tier, number>();
  const first = rows.filter((r) => {
    const n = perTier.get(r.account.tier) ?? 0;
    perTier.set(r.account.tier, n + 1);
    return n < DETAIL_PER_TIER;
  });
  const view: WeekView = {
    weekId,
    label: weekLabel(weekId, uiLocale()),
    exists: !!week,
    startedFrom: week?.startedFrom,
    rows,
    focus,
    progress,
    changes: {
      added: targets.filter((t) => !t.carriedFrom).length,
      carried: targets.filter((t) => !!t.carriedFrom).length,
      dropped: prevTargets.filter((t) => t.status === 'dropped').map((t) => ({ account: name(t.accountId), reason: t.statusReason })),
      done: prevTargets.filter((t) => t.status === 'done').map((t) => ({ account: name(t.accountId), reason: t.statusReason })),
      airCoverAdded: workThisWeek(ticks, weekId).length,
    },
    previous: { weekId: prevId, exists: !!prevWeek, open: prevTargets.filter((t) => t.status === 'active').length },
    keyContactsKnown: keyContacts,
    contactStamp,
    // Every row's key contacts came stored for this week (a target of a deleted account has no
    // row to save for); from last week's, they are kept for this one once all are known.
    keyContactsStored: keyContactsOwn && (!keyContactsMissing || rows.every((r) => r.target.keyContactIds.every((id) => keyContacts.has(contactRef(r.account.id, id))))),
  };
  performance.mark('tiercover:week-computed'); // the benchmark: rows computed, first screen's key contacts next
  return withDetails(db, view, first.map((r) => r.target.id), settings, now);
}

/**
 * Start `weekId` from the week before: every target still active there (after the review marked
 * the rest done or dropped) is carried over with its key contacts, owners and notes, and its
 * standing air cover (lib/domain/carry.ts). Running it twice adds nothing twice.
 *
 * Both weeks' targets and ticks are read as kept (one value each, lib/db/kept-weeks.ts), not a
 * look-up per target; and the new week is kept as made, so its first screen reads one value each.
 */
export async function startWeek(
  db: DB,
  weekId: WeekId,
  standingItems: readonly AirCoverItem[] = DEFAULT_STANDING_ITEMS,
  now = Date.now(),
): Promise<{ carried: number; standingCarried: number }> {
  const from = previousWeek(weekId);
  const tx = db.transaction(['weeks', ...TARGET_STORES, ...TICK_STORES], 'readwrite');
  const weeks = tx.objectStore('weeks');
  const targets = targetsIn(tx);
  const ticks = ticksIn(tx);
  const [lastTargets, lastTicks, ownTargets, ownTicks, existing] = await Promise.all([
    weekIn(tx, 'targets', from),
    weekIn(tx, 'ticks', from),
    weekIn(tx, 'targets', weekId),
    weekIn(tx, 'ticks', weekId),
    weeks.get(weekId),
  ]);
  const lastTicksOf = ticksByTarget(lastTicks.records);
  /** One target per account and week: an account already on the new week is not carried again. */
  const targeted = new Set(ownTargets.records.map((t) => t.accountId));
  const made: Target[] = [];
  const madeTicks: AirCoverTick[] = [];
  for (const t of lastTargets.records) {
    if (t.status !== 'active' || targeted.has(t.accountId)) continue;
    targeted.add(t.accountId);
    const next: Target = {
      ...t,
      id: crypto.randomUUID(),
      weekId,
      createdAt: now,
      updatedAt: now,
      edits: undefined,
      status: 'active',
      statusReason: undefined,
      // Last week's decision was made; the next step, its owner and the ask are still open.
      decision: undefined,
      carriedFrom: from,
    };
    made.push(next);
    madeTicks.push(...carriedTicks([...(lastTicksOf.get(t.id)?.values() ?? [])], next, standingItems));
  }
  await Promise.all([
    ...made.map((t) => targets.put(t)),
    ...madeTicks.map((t) => ticks.put(t)),
    weeks.put({ ...(existing ?? { id: weekId, createdAt: now }), updatedAt: now, startedFrom: from, reviewed: true }),
  ]);
  await Promise.all([targets.save(), ticks.save()]);
  // A new week kept already has its writes patched in by save(); one not kept is kept now.
  await Promise.all([
    ownTargets.kept || keepWeekIn(tx, 'targets', weekId, [...ownTargets.records, ...made]),
    ownTicks.kept || keepWeekIn(tx, 'ticks', weekId, [...ownTicks.records, ...madeTicks]),
  ]);
  await tx.done;
  return { carried: made.length, standingCarried: madeTicks.length };
}

/**
 * One target read and written in one transaction (two tabs editing different fields of one
 * target both land), with its kept week.
 */
async function changeTarget(db: DB, targetId: string, change: (t: Target) => Target): Promise<Target> {
  const tx = db.transaction(TARGET_STORES, 'readwrite');
  const targets = targetsIn(tx);
  const t = await targets.get(targetId);
  if (!t) throw new Error('That target no longer exists.');
  const next = change(t);
  await targets.put(next);
  await targets.save();
  await tx.done;
  return next;
}

export function setTargetStatus(db: DB, targetId: string, status: Target['status'], reason: string | undefined, now = Date.now()) {
  return changeTarget(db, targetId, (t) => ({ ...t, status, statusReason: status === 'active' ? undefined : reason, updatedAt: now, edits: { ...(t.edits ?? {}), status: now, statusReason: now } }));
}

export function setKeyContact(db: DB, targetId: string, contactId: string, key: boolean, now = Date.now()) {
  return changeTarget(db, targetId, (t) => {
    const ids = t.keyContactIds.filter((x) => x !== contactId);
    if (key) ids.push(contactId);
    return { ...t, keyContactIds: ids, updatedAt: now, edits: { ...(t.edits ?? {}), keyContactIds: now } };
  });
}

export function updateTarget(
  db: DB,
  targetId: string,
  changes: Partial<Pick<Target, 'salesOwner' | 'marketingOwner' | 'notes' | MeetingField>>,
  now = Date.now(),
) {
  return changeTarget(db, targetId, (t) => {
    const edits = { ...(t.edits ?? {}) };
    for (const k of Object.keys(changes)) edits[k] = now;
    return { ...t, ...changes, updatedAt: now, edits };
  });
}
