/**
 * The week digest: the accounts and coverage summaries of one week's targets, kept together in
 * one value (`meta` "weekDigest:<weekId>") with the stamps of the two kinds they were read at.
 *
 * Why: a week's 1,000 targets were 1,000 accounts spread over ~800 of the 2,048 account pages (256
 * bigger ones since database version 7), and as many summary pages: reading them was most of the
 * week's first screen (BENCHMARKS.md "The week digest"). One value read instead, then the kinds'
 * journals (lib/db/packed.ts `changedSince`) say which of its records changed since; only those are read again. A change
 * too big to list (an import), a cleared kind or a pruned journal makes it read everything again,
 * as before. It is a cache: nothing reads it for the truth, and losing it costs one slow read.
 */
import type { CoverageSummary } from '../domain/coverage';
import type { Account, Contact, WeekId } from '../domain/schema';
import type { DB } from './db';
import { ownOrLastWeeks, saveKept, writableMeta } from './kept';
import { ACCOUNT_CONTACTS_PREFIX, carriedAccountContacts, type WeekAccountContacts } from './week-account-contacts';
import { carriedNameOrder, emptyNameOrder, NAME_ORDER_PREFIX, type KeptNameOrder } from './account-name-order';
import { JOURNAL_MAX_IDS, type AnyTx, type KindStamp } from './packed';
import { accountsIn, contactsIn, summariesIn, type ContactStore } from './records';

export interface WeekDigest {
  key: `weekDigest:${string}`;
  weekId: WeekId;
  accounts: KindStamp;
  summaries: KindStamp;
  /** The accounts it was made for (an id without an account here: none was stored). */
  ids: string[];
  accountList: Account[];
  summaryList: CoverageSummary[];
}

/**
 * The week's key contacts, kept beside its digest (`meta` "weekContacts:<weekId>") with the
 * contacts' stamp. Written once the week has read them all (`saveWeekContacts`), so the next
 * opening, its search and its exports have them without reading ~2,000 contact pages.
 */
export interface WeekContacts {
  key: `weekContacts:${string}`;
  weekId: WeekId;
  stamp: KindStamp;
  /** The key contacts it answers for (`contactRef`); one not in `list` was not stored there. */
  refs: string[];
  list: Contact[];
}

/** A key contact as a target names it: in its account (a contact moved elsewhere is not it). */
export const contactRef = (accountId: string, contactId: string) => `${accountId}\u0001${contactId}`;
/** The account id and contact id a `contactRef` is made of. */
const refParts = (ref: string) => {
  const at = ref.indexOf('\u0001');
  return { accountId: ref.slice(0, at), id: ref.slice(at + 1) };
};

/** What a reader of the week needs: its accounts (with their summaries) and, optionally, key contacts. */
export interface WeekWants {
  accountIds: readonly string[];
  keyContacts?: readonly { accountId: string; id: string }[];
}

/** Stores a transaction reading the week's records must include. */
export const DIGEST_STORES = ['recordPages', 'recordKeys', 'meta'] as const;

/** Digests kept at most: the weeks looked at lately (a week's digest is ~1 KB per target). */
const KEEP_DIGESTS = 6;
const PREFIX = 'weekDigest:';
const CONTACTS_PREFIX = 'weekContacts:';
const keyOf = (weekId: WeekId) => `${PREFIX}${weekId}` as const;
const contactsKeyOf = (weekId: WeekId) => `${CONTACTS_PREFIX}${weekId}` as const;

export interface WeekRecords {
  accounts: Map<string, Account>;
  summaries: Map<string, CoverageSummary>;
  /** The key contacts the stored ones still answer for, by `contactRef` (null: none stored); the rest are the caller's to read. */
  keyContacts: Map<string, Contact | null>;
  /** How many of the wanted key contacts that leaves unanswered. */
  keyContactsMissing: number;
  /**
   * False when they were answered from the previous week's (this week has none kept): then they
   * are to be kept for this week, even if none is missing.
   */
  keyContactsOwn: boolean;
  /** Where the contacts stood in this transaction: what `saveWeekContacts` must be stamped with. */
  contactStamp: KindStamp;
  /** The digest as it should now be stored, when the stored one was missing or out of date. */
  fresh?: WeekDigest;
}

/**
 * The accounts and summaries of `wanted` in `tx` (over `DIGEST_STORES`): from the week's
 * digest (or, while it has none, the previous week's) where it is still true, from the records
 * for the rest; and the key contacts the stored ones (the same way) still answer for. The maps
 * may hold a few more (the rest of the digest). Read only, like every read of many records: they
 * share the digest's objects.
 */
export async function readWeekRecords(tx: AnyTx, weekId: WeekId, wants: WeekWants | Promise<WeekWants>): Promise<WeekRecords> {
  const accountStore = accountsIn(tx);
  const summaryStore = summariesIn(tx);
  const contactStore = contactsIn(tx);
  // The digest is asked for at once (the week's own, else last week's: `ownOrLastWeeks`); what is
  // wanted may still be on its way, read in this same transaction (the week's targets), so it
  // stays active for the reads that follow.
  const [{ value: digest, own: digestOwn }, { value: stored, own: keyContactsOwn }, aNow, sNow, cNow, wanted] = await Promise.all([
    ownOrLastWeeks<WeekDigest>(tx, keyOf, weekId),
    ownOrLastWeeks<WeekContacts>(tx, contactsKeyOf, weekId),
    accountStore.stamp(),
    summaryStore.stamp(),
    contactStore.stamp(),
    wants,
  ]);
  const { accountIds } = wanted;
  const [aChanged, sChanged, cChanged] = await Promise.all([
    digest && accountStore.changedSince(digest.accounts),
    digest && summaryStore.changedSince(digest.summaries),
    stored && contactStore.changedSince(stored.stamp),
  ]);

  const accounts = new Map<string, Account>();
  const summaries = new Map<string, CoverageSummary>();
  const known = new Set(digest?.ids ?? []);
  if (digest && aChanged) for (const a of digest.accountList) if (!aChanged.has(a.id)) accounts.set(a.id, a);
  if (digest && sChanged) for (const s of digest.summaryList) if (!sChanged.has(s.accountId)) summaries.set(s.accountId, s);
  // An id the digest answers for: it holds the record, or knows there is none.
  const answered = (changed: Set<string> | undefined, id: string) => !!changed && known.has(id) && !changed.has(id);
  const readAccounts = accountIds.filter((id) => !answered(aChanged, id));
  const readSummaries = accountIds.filter((id) => !answered(sChanged, id));
  const [aList, sList] = await Promise.all([
    Promise.all(readAccounts.map((id) => accountStore.get(id))),
    Promise.all(readSummaries.map((id) => summaryStore.get(id))),
  ]);
  for (const a of aList) if (a) accounts.set(a.id, a);
  for (const s of sList) if (s) summaries.set(s.accountId, s);

  const keyContacts = new Map<string, Contact | null>();
  let keyContactsMissing = 0;
  if (wanted.keyContacts?.length) {
    const storedRefs = new Set(stored?.refs ?? []);
    const byRef = new Map((stored?.list ?? []).map((c) => [contactRef(c.accountId, c.id), c]));
    for (const { accountId, id } of wanted.keyContacts) {
      const ref = contactRef(accountId, id);
      if (cChanged && storedRefs.has(ref) && !cChanged.has(id)) keyContacts.set(ref, byRef.get(ref) ?? null);
      else keyContactsMissing++;
    }
  }
  const result = { accounts, summaries, keyContacts, keyContactsMissing, keyContactsOwn, contactStamp: cNow };

  // The new digest answers for these ids and for every other one the week's own digest still
  // answers for (an export of part of the week must not shrink it); not for the rest of last
  // week's, or each week's digest would carry all the weeks before it.
  const ids = new Set(accountIds);
  if (digestOwn) for (const id of known) if (answered(aChanged, id) && answered(sChanged, id)) ids.add(id);
  const same = digestOwn && digest && !readAccounts.length && !readSummaries.length && ids.size === known.size && sameStamp(digest.accounts, aNow) && sameStamp(digest.summaries, sNow);
  if (same) return result;
  const fresh: WeekDigest = {
    key: keyOf(weekId),
    weekId,
    accounts: aNow,
    summaries: sNow,
    ids: [...ids],
    accountList: [...accounts.values()].filter((a) => ids.has(a.id)),
    summaryList: [...summaries.values()].filter((s) => ids.has(s.accountId)),
  };
  return { ...result, fresh };
}

export const sameStamp = (a: KindStamp, b: KindStamp) => a.version === b.version && a.seq === b.seq;

/**
 * Whether a write of at most this many accounts and contacts may be too big for the journals to
 * list, so its transaction should carry the digests (`carryWeekDigests`). A smaller one is listed:
 * carrying it would only cost (every digest read and written again). A moved contact changes the
 * summaries of two accounts.
 */
export const tooBigForJournals = (accounts: number, contacts: number) => Math.max(accounts, 2 * contacts) > JOURNAL_MAX_IDS;

/** Where one stored digest or kept key contacts stood before a big write, as far as still true. */
interface Carried<V> {
  value: V;
  /** Its records that changed before the write (since it was made): left for the week to read. */
  before: ReadonlySet<string>;
}

/**
 * The week digests, kept key contacts and bundles' contacts (lib/db/week-account-contacts.ts)
 * carried across one big write in `tx` (readwrite, over DIGEST_STORES): call before the
 * transaction's first write, and `save()` after its last.
 *
 * Why: an import changes too many records for the journals to list ("many"), so every week read
 * all its records again on its next opening (1.5 s for 1,000 targets against 0.5 s, BENCHMARKS.md).
 * `save()` stores each one at the transaction's stamps with the records the transaction changed
 * taken from it (its pages are in memory: it just wrote them), and without those that changed
 * between the digest and the write: the week reads these few itself, as it does now. One that
 * the journals could not bring this far is left as it is (the week reads everything, as before).
 */
export async function carryWeekDigests(tx: AnyTx): Promise<{ save(): Promise<void> }> {
  // A cache: a digest it cannot carry (say, stored by an older version in another shape) is
  // left for the week to make again, never a failed write.
  try {
    return await carryFrom(tx);
  } catch (e) {
    console.warn('[tiercover] the week digests were not carried:', (e as Error).message);
    return { save: async () => undefined };
  }
}

async function carryFrom(tx: AnyTx): Promise<{ save(): Promise<void> }> {
  const accountStore = accountsIn(tx);
  const summaryStore = summariesIn(tx);
  const contactStore = contactsIn(tx);
  const meta = writableMeta(tx);
  const inRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const [digests, kept, accountContacts, keptNameOrders, accountsBefore] = await Promise.all([
    meta.getAll(inRange(PREFIX)) as Promise<WeekDigest[]>,
    meta.getAll(inRange(CONTACTS_PREFIX)) as Promise<WeekContacts[]>,
    meta.getAll(inRange(ACCOUNT_CONTACTS_PREFIX)) as Promise<WeekAccountContacts[]>,
    meta.getAll(inRange(NAME_ORDER_PREFIX)) as Promise<KeptNameOrder[]>,
    accountStore.count(),
  ]);
  // Into no accounts (a team's first import), the order before the write is the empty one, kept or not.
  const nameOrders = accountsBefore === 0 ? [emptyNameOrder(await accountStore.stamp())] : keptNameOrders;
  /** One the journals can bring to now, with what changed since it was made; else undefined. */
  const carried = async <V>(value: V, changed: Promise<ReadonlySet<string> | undefined>[]): Promise<Carried<V> | undefined> => {
    const before = new Set<string>();
    for (const ids of await Promise.all(changed)) {
      if (!ids) return undefined;
      for (const id of ids) before.add(id);
    }
    return { value, before };
  };
  const [digestsBefore, contactsBefore, accountContactsBefore, nameOrdersBefore] = await Promise.all([
    Promise.all(digests.map((d) => carried(d, [accountStore.changedSince(d.accounts), summaryStore.changedSince(d.summaries)]))),
    Promise.all(kept.map((k) => carried(k, [contactStore.changedSince(k.stamp)]))),
    Promise.all(accountContacts.map((k) => carried(k, [contactStore.changedSince(k.stamp)]))),
    Promise.all(nameOrders.map((k) => carried(k, [accountStore.changedSince(k.stamp)]))),
  ]);

  const save = async () => {
    const [aNow, sNow, cNow] = await Promise.all([accountStore.stamp(), summaryStore.stamp(), contactStore.stamp()]);
    const aHere = accountStore.changedHere();
    const sHere = summaryStore.changedHere();
    const cHere = contactStore.changedHere();
    const accountHere: ChangedHere<Account> = (id) => (aHere?.has(id) ? accountStore.get(id) : undefined);
    const summaryHere: ChangedHere<CoverageSummary> = (id) => (sHere?.has(id) ? summaryStore.get(id) : undefined);
    const contactHere: ChangedHere<Contact> = (id) => (cHere?.has(id) ? contactStore.get(id) : undefined);
    // A kind cleared here (no list of what changed): its caches are left to be made again.
    const values = await Promise.all([
      ...(aHere && sHere ? digestsBefore : []).map((c) => c && carriedDigest(c, aNow, sNow, accountHere, summaryHere)),
      ...(cHere ? contactsBefore : []).map((c) => c && carriedContacts(c, cNow, contactHere)),
      ...(cHere ? accountContactsBefore : []).map((c) => c && carriedAccountContacts(c.value, c.before, contactStore, cNow)),
      ...(aHere ? nameOrdersBefore : []).map((c) => c && carriedNameOrder(c.value, c.before, accountStore, aNow)),
    ]);
    await Promise.all(values.map((v) => v && meta.put(v)));
  };
  return {
    save: () =>
      save().catch((e: unknown) => {
        console.warn('[tiercover] the week digests were not carried:', (e as Error).message);
      }),
  };
}

/** A record as the transaction left it, or undefined when it did not change it. */
type ChangedHere<T> = (id: string) => Promise<T | undefined> | undefined;

async function carriedDigest(
  { value: d, before }: Carried<WeekDigest>,
  accounts: KindStamp,
  summaries: KindStamp,
  accountHere: ChangedHere<Account>,
  summaryHere: ChangedHere<CoverageSummary>,
): Promise<WeekDigest> {
  const ids = d.ids.filter((id) => !before.has(id));
  const oldAccounts = new Map(d.accountList.map((a) => [a.id, a]));
  const oldSummaries = new Map(d.summaryList.map((s) => [s.accountId, s]));
  // A record the write changed is taken as it left it (deleted: none); the rest as they were.
  const [accountList, summaryList] = await Promise.all([
    Promise.all(ids.map((id) => accountHere(id) ?? oldAccounts.get(id))),
    Promise.all(ids.map((id) => summaryHere(id) ?? oldSummaries.get(id))),
  ]);
  return {
    ...d,
    accounts,
    summaries,
    ids,
    accountList: accountList.filter((a): a is Account => !!a),
    summaryList: summaryList.filter((s): s is CoverageSummary => !!s),
  };
}

async function carriedContacts({ value: k, before }: Carried<WeekContacts>, stamp: KindStamp, contactHere: ChangedHere<Contact>): Promise<WeekContacts> {
  const stored = new Map(k.list.map((c) => [contactRef(c.accountId, c.id), c]));
  const refs: string[] = [];
  const list: Contact[] = [];
  await Promise.all(
    k.refs.map(async (ref) => {
      const { accountId, id } = refParts(ref);
      if (before.has(id)) return;
      refs.push(ref);
      const changed = contactHere(id);
      // A key contact is the one in the target's account: one moved elsewhere is none there now.
      const c = changed ? await changed : stored.get(ref);
      if (c && c.accountId === accountId) list.push(c);
    }),
  );
  return { ...k, stamp, refs, list };
}

/**
 * Key contacts by `contactRef` (null: not in that account): from `known` (the week's stored ones,
 * `readWeekRecords`) where it has them, the rest read from their target's account's page (`getIn`:
 * one page each, no id look-up; a contact moved elsewhere is not the target's any more). `store`
 * is asked for only if something must be read. `read`: the ones read now.
 */
export async function resolveKeyContacts(
  store: () => ContactStore,
  known: ReadonlyMap<string, Contact | null>,
  wanted: readonly { accountId: string; id: string }[],
): Promise<{ all: Map<string, Contact | null>; read: Map<string, Contact | null> }> {
  const all = new Map<string, Contact | null>();
  const read = new Map<string, Contact | null>();
  let contacts: ContactStore | undefined;
  await Promise.all(
    wanted.map(async ({ accountId, id }) => {
      const ref = contactRef(accountId, id);
      if (known.has(ref)) return void all.set(ref, known.get(ref) ?? null);
      const c = (await (contacts ??= store()).getIn(accountId, id)) ?? null;
      all.set(ref, c);
      read.set(ref, c);
    }),
  );
  return { all, read };
}

/**
 * Every week digest, every week's kept key contacts and account contacts, and the accounts' name
 * order deleted, in `tx` (over 'meta'): they are copies of the team's data, so deleting all data
 * or replacing it with a backup deletes them too.
 */
export function dropWeekDigests(tx: AnyTx): Promise<unknown>[] {
  const meta = writableMeta(tx);
  return [PREFIX, CONTACTS_PREFIX, ACCOUNT_CONTACTS_PREFIX, NAME_ORDER_PREFIX].map((prefix) => meta.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
}

/**
 * Store a digest `readWeekRecords` made, and drop the oldest beyond the few kept. A failed write
 * (a full disk) is not an error: the next read of the week reads its records, as without one.
 */
export function saveWeekDigest(db: DB, digest: WeekDigest): Promise<void> {
  return saveKept(db, PREFIX, digest, KEEP_DIGESTS);
}

/**
 * Store the week's key contacts, all read at `stamp` (by `contactRef`; null: none stored there).
 * Same rules as `saveWeekDigest`.
 */
export function saveWeekContacts(db: DB, weekId: WeekId, stamp: KindStamp, found: ReadonlyMap<string, Contact | null>): Promise<void> {
  const list = [...found.values()].filter((c): c is Contact => !!c);
  return saveKept(db, CONTACTS_PREFIX, { key: contactsKeyOf(weekId), weekId, stamp, refs: [...found.keys()], list }, KEEP_DIGESTS);
}
