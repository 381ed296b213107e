/**
 * Records from elsewhere (a colleague's bundle, the team's shared document) merged into the
 * database in ONE readwrite transaction (all or nothing), by lib/domain/merge.ts's rule.
 * Records match by id, then accounts by the identity rules (lib/domain/identity.ts), contacts by
 * CRM id, LinkedIn slug, email and name within the account, targets by week and account. Ids of
 * matched records are rewritten to ours throughout (contacts' accounts, targets' key contacts,
 * tick ids), so merging the same records twice changes nothing the second time.
 */
import { abortOn, type DB, type WriteOptions } from './db';
import { refreshCoverage } from './coverage';
import { tickId } from '../domain/aircover';
import { withAccountKeys, withContactKeys } from '../domain/records';
import { type Account, type AirCoverTick, type Contact, type PageLink, type Target, type Week } from '../domain/schema';
import { accountLookups, accountQuery, LOOKUP_LIMIT, resolveAccount } from '../domain/identity';
import { mergeFields, mergeTick, same, type Timed } from '../domain/merge';
// From their own modules, not the csv-import barrel: that one brings papaparse into the worker.
import { contactsConflict } from '../io/import/match-index';
import { normalizePersonName } from '../io/import/values';
import { earliest } from '../io/import-checks';
import { accountsIn, contactsIn } from './records';
import { removeContactIn } from './contacts';
import { carryWeekDigests, DIGEST_STORES, tooBigForJournals } from './week-digest';
import { TARGET_STORES, targetsIn, TICK_STORES, ticksIn } from './kept-weeks';

export interface RecordSet {
  accounts: Account[];
  contacts: Contact[];
  weeks: Week[];
  targets: Target[];
  ticks: AirCoverTick[];
  links: PageLink[];
  /**
   * Team sync only: contacts a member removed, as that member last shared them, and when. Each
   * is found by the contact rules (another member's in the account its account matches; ours,
   * `own`, in our own) and removed with all that points at it (lib/db/contacts.ts), unless
   * edited here after the removal.
   */
  removedContacts?: { contact: Contact; at: number; own: boolean }[];
  /** Team sync only: pages a member unlinked (a link is keyed by its page for everyone), and when. */
  removedLinks?: { link: PageLink; at: number }[];
}

export interface StoreCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Team sync only: removed because a member removed them (a contact, and what pointed at it). */
  removed?: number;
}
export type MergeCounts = Record<'accounts' | 'contacts' | 'weeks' | 'targets' | 'ticks' | 'links', StoreCounts>;

const zero = (): StoreCounts => ({ added: 0, updated: 0, unchanged: 0 });
const addRemoved = (c: StoreCounts, n: number) => {
  if (n) c.removed = (c.removed ?? 0) + n;
};

/** A record new to us keeps its times; one shared without a creation time (0) takes its last edit's. */
const created = <T extends { createdAt: number; updatedAt: number }>(r: T): T => (r.createdAt ? r : { ...r, createdAt: r.updatedAt });

/** Records merged between two progress reports: a report per record would cost more than the merge. */
const REPORT_EVERY = 200;

/**
 * Merge `set` into the database; throws (and changes nothing) if any write fails or `opts.signal`
 * aborts. `opts.onProgress` follows the accounts, contacts, targets and ticks merged.
 */
export async function applyRecords(db: DB, set: RecordSet, opts: WriteOptions = {}): Promise<MergeCounts> {
  const counts: MergeCounts = { accounts: zero(), contacts: zero(), weeks: zero(), targets: zero(), ticks: zero(), links: zero() };
  const tx = db.transaction([...DIGEST_STORES, 'weeks', ...TARGET_STORES, ...TICK_STORES, 'links'], 'readwrite');
  const stop = abortOn(tx, opts.signal);
  const total = set.accounts.length + set.contacts.length + set.targets.length + set.ticks.length;
  let merged = 0;
  const step = () => {
    if (++merged % REPORT_EVERY === 0) opts.onProgress?.(merged / total);
  };
  const accounts = accountsIn(tx);
  const contacts = contactsIn(tx);
  /** Accounts whose contacts the merge wrote: their coverage summaries are redone once, at the end. */
  const touched = new Set<string>();
  const accountIds = new Map<string, string>();
  const contactIds = new Map<string, string>();
  const targetIds = new Map<string, string>();

  /** Put `next` if it differs from `current`, counting what happened. */
  async function save<T>(store: { put(v: T): Promise<unknown> }, c: StoreCounts, current: T | undefined, next: T) {
    if (!current) c.added++;
    else if (same(current, next)) return void c.unchanged++;
    else c.updated++;
    await store.put(next);
  }

  /** The same id, else the identity rules (`lib/domain/identity.ts`); several by name is no match. */
  async function findAccount(a: Account): Promise<Account | undefined> {
    const byId = await accounts.get(a.id);
    if (byId) return byId;
    const q = accountQuery({ name: a.name, crmIds: a.crmIds, domains: a.domains, linkedinSlug: a.linkedinSlug, linkedinId: a.linkedinId });
    const lookups = accountLookups(q);
    const found = await Promise.all(lookups.map((l) => accounts.index(l.index).getAll(l.key, LOOKUP_LIMIT)));
    const byLookup = new Map(lookups.map((l, i) => [`${l.index}|${l.key}`, found[i]]));
    return resolveAccount(q, (index, key) => byLookup.get(`${index}|${key}`)).account;
  }

  async function findContact(c: Contact): Promise<Contact | undefined> {
    const byId = await contacts.get(c.id);
    if (byId) return byId;
    for (const k of c.crmKeys) {
      const hit = await contacts.index('byCrm').get(k);
      if (hit) return hit;
    }
    const ok = (list: Contact[]) => list.find((x) => !contactsConflict(x, c));
    if (c.linkedinSlug) {
      const hit = ok(await contacts.index('byLinkedinSlug').getAll(c.linkedinSlug, 5));
      if (hit) return hit;
    }
    if (c.email) {
      const hit = ok(await contacts.index('byEmail').getAll(c.email, 5));
      if (hit) return hit;
    }
    const name = normalizePersonName(c.name);
    const named = (await contacts.index('byAccount').getAll(c.accountId)).filter((x) => normalizePersonName(x.name) === name && !contactsConflict(x, c));
    return named.length === 1 ? named[0] : undefined;
  }

  // Any failure (a constraint, a bug) aborts the transaction: nothing of the set is kept.
  tx.done.catch(() => undefined);
  try {
    // A set bigger than a journal entry lists (a whole bundle, a team's first share): the week
    // digests carried across it, as an import does (lib/db/week-digest.ts). Not for the small
    // sets of everyday sync, which the journals list: reading the digests would cost each one.
    const carrying = tooBigForJournals(set.accounts.length, set.contacts.length) ? await carryWeekDigests(tx) : undefined;
    for (const incoming of set.accounts) {
      step();
      const current = await findAccount(withAccountKeys(incoming));
      const next = current ? withAccountKeys(mergeFields(current, { ...incoming, id: current.id })) : withAccountKeys(created(incoming));
      accountIds.set(incoming.id, next.id);
      await save(accounts, counts.accounts, current, next);
    }

    for (const raw of set.contacts) {
      step();
      const incoming = withContactKeys({ ...raw, accountId: accountIds.get(raw.accountId) ?? raw.accountId });
      const current = await findContact(incoming);
      const next = current ? withContactKeys(mergeFields(current, { ...incoming, id: current.id, accountId: current.accountId })) : created(incoming);
      contactIds.set(raw.id, next.id);
      touched.add(next.accountId);
      await save(contacts, counts.contacts, current, next);
    }

    // Ids on the relationship map and in touchpoints are the sender's: rewrite them to ours, now
    // that every contact's match is known (a manager may come after their report).
    const ours = (id: string) => contactIds.get(id) ?? id;
    for (const raw of set.contacts) {
      if (!raw.reportsTo) continue;
      const saved = await contacts.get(ours(raw.id));
      if (saved && saved.reportsTo && saved.reportsTo !== ours(saved.reportsTo)) await contacts.put({ ...saved, reportsTo: ours(saved.reportsTo) });
    }
    for (const raw of set.accounts) {
      if (!raw.touchpoints?.length) continue;
      const saved = await accounts.get(accountIds.get(raw.id) ?? raw.id);
      if (!saved?.touchpoints) continue;
      const touchpoints = saved.touchpoints.map((tp) => ({ ...tp, theirs: [...new Set(tp.theirs.map(ours))] }));
      if (!same(touchpoints, saved.touchpoints)) await accounts.put({ ...saved, touchpoints });
    }

    const weeks = tx.objectStore('weeks');
    for (const w of set.weeks) {
      const current = await weeks.get(w.id);
      const next = current ? (mergeFields({ ...current } as Week & Timed, { ...w } as Week & Timed) as Week) : w;
      await save(weeks, counts.weeks, current, next);
    }

    const targets = targetsIn(tx);
    for (const raw of set.targets) {
      step();
      const incoming: Target = {
        ...raw,
        accountId: accountIds.get(raw.accountId) ?? raw.accountId,
        keyContactIds: [...new Set(raw.keyContactIds.map((id) => contactIds.get(id) ?? id))],
      };
      const current = (await targets.get(incoming.id)) ?? (await targets.index('byWeekAccount').get([incoming.weekId, incoming.accountId]));
      const next = current ? mergeFields(current, { ...incoming, id: current.id, weekId: current.weekId, accountId: current.accountId }) : created(incoming);
      targetIds.set(raw.id, next.id);
      await save(targets, counts.targets, current, next);
    }
    // A target's week must exist for it to show.
    for (const weekId of new Set(set.targets.map((t) => t.weekId))) {
      if (await weeks.get(weekId)) continue;
      const at = earliest(set.targets.filter((t) => t.weekId === weekId).map((t) => t.createdAt || t.updatedAt)) ?? Date.now();
      await save(weeks, counts.weeks, undefined, { id: weekId, createdAt: at, updatedAt: at, reviewed: false } satisfies Week);
    }

    const ticks = ticksIn(tx);
    for (const raw of set.ticks) {
      step();
      const targetId = targetIds.get(raw.targetId) ?? raw.targetId;
      const contactId = raw.contactId ? (contactIds.get(raw.contactId) ?? raw.contactId) : undefined;
      const incoming: AirCoverTick = { ...raw, targetId, contactId, id: tickId(targetId, contactId, raw.item) };
      if (!incoming.contactId) delete incoming.contactId;
      const current = await ticks.get(incoming.id);
      await save(ticks, counts.ticks, current, mergeTick(current, incoming));
    }

    const links = tx.objectStore('links');
    for (const raw of set.links) {
      const targetId = (raw.kind === 'account' ? accountIds : contactIds).get(raw.targetId) ?? raw.targetId;
      const current = await links.get(raw.pageKey);
      const incoming: PageLink = { ...raw, targetId };
      await save(links, counts.links, current, current ?? incoming);
    }
    // Removals last: a contact a member removed goes, even if this set brought it back (an older
    // tick of another member's that still named it), and so do its key-contact places and ticks.
    for (const { contact: raw, at, own } of set.removedContacts ?? []) {
      // Found by the contact rules in both cases: what came back may be another member's copy.
      const local = await findContact(withContactKeys({ ...raw, accountId: own ? raw.accountId : (accountIds.get(raw.accountId) ?? raw.accountId) }));
      if (!local || local.updatedAt > at) continue; // edited here since: the newer edit wins
      const removed = await removeContactIn(tx, local.id);
      if (!removed) continue;
      addRemoved(counts.contacts, 1);
      counts.targets.updated += removed.keyOf.length;
      addRemoved(counts.ticks, removed.ticks.length);
      addRemoved(counts.links, removed.links.length);
    }
    for (const { link, at } of set.removedLinks ?? []) {
      const current = await links.get(link.pageKey);
      if (!current || current.createdAt > at) continue; // linked again since: the newer link wins
      await links.delete(link.pageKey);
      addRemoved(counts.links, 1);
    }
    await Promise.all([targets.save(), ticks.save()]);
    await refreshCoverage(tx, touched);
    await carrying?.save();
    await tx.done;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already aborted */
    }
    throw e;
  } finally {
    stop();
  }
  opts.onProgress?.(1);
  return counts;
}

/** The stores a merge changed, for the `changed` push. */
export function changedStores(c: MergeCounts): (keyof MergeCounts)[] {
  return (Object.keys(c) as (keyof MergeCounts)[]).filter((k) => c[k].added + c[k].updated + (c[k].removed ?? 0) > 0);
}
