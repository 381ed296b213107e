/**
 * Every contact of a week's target accounts, kept in one value (`meta`
 * "weekAccountContacts:<weekId>") with the contacts' stamp: what the week's bundle carries.
 *
 * Why: contacts are paged by their account, ~490 to a page at 500,000 contacts, so the bundle of
 * a 1,000-target week read ~630 pages and decoded ~300,000 contacts to keep ~10,000 (188–271 ms
 * of its 223–318 ms, BENCHMARKS.md "The bundle's contacts kept"). One value read instead, then
 * the contacts' journal (lib/db/packed.ts `changedSince`) says which changed since; only those
 * are read again. Like the week digest (lib/db/week-digest.ts) it is a cache, carried across an
 * import or a big merge with it (`carriedAccountContacts`); any other change too big to list, a
 * cleared kind or a pruned journal makes it read every page again, as before; losing it costs one
 * slow read. Made by the first bundle export of a week, not by the week's opening, which needs
 * only the key contacts.
 */
import { byIdOrder } from '../domain/order';
import type { Contact, WeekId } from '../domain/schema';
import type { DB } from './db';
import { ownOrLastWeeks, saveKept } from './kept';
import type { AnyTx, KindStamp } from './packed';
import { contactsIn, type ContactStore } from './records';

export interface WeekAccountContacts {
  key: `weekAccountContacts:${string}`;
  weekId: WeekId;
  stamp: KindStamp;
  /** The accounts it holds every contact of. */
  accountIds: string[];
  list: Contact[];
}

export const ACCOUNT_CONTACTS_PREFIX = 'weekAccountContacts:';
const keyOf = (weekId: WeekId) => `${ACCOUNT_CONTACTS_PREFIX}${weekId}` as const;
/** ~300 bytes a contact: 3 MB for 1,000 accounts of 10. The weeks exported lately. */
const KEEP = 3;
/**
 * Changed contacts read one by one at most (each is a key look-up and a page): past this many, or
 * past a tenth of the accounts, reading every account's page is as quick.
 */
const REREAD_MAX = 300;

/**
 * Every contact of `accountIds` in `tx` (over DIGEST_STORES), by account in the order of
 * `accountIds`, each account's in id order: from the kept value (the week's own, else last
 * week's) where it is still true, from the records for the rest. Read only: the caller must not
 * change them. `fresh`: the value to store (`saveWeekAccountContacts`) when the kept one was
 * missing, out of date or last week's.
 */
export async function readWeekAccountContacts(tx: AnyTx, weekId: WeekId, accountIds: readonly string[]): Promise<{ contacts: Contact[]; fresh?: WeekAccountContacts }> {
  const store = contactsIn(tx);
  // The week's own, else last week's (a new week's first bundle): read from, then kept for this week.
  const [{ value: kept, own }, stamp] = await Promise.all([ownOrLastWeeks<WeekAccountContacts>(tx, keyOf, weekId), store.stamp()]);
  const changed = kept && (await store.changedSince(kept.stamp));
  const usable = !!changed && changed.size <= Math.min(REREAD_MAX, Math.max(1, accountIds.length / 10));
  const wanted = new Set(accountIds);
  // Accounts the kept value answers for: every contact it had there, less the changed ones, plus
  // the changed ones there now (moved in, added, edited).
  const answered = new Set(usable ? kept!.accountIds.filter((id) => wanted.has(id)) : []);
  const [again, read] = await Promise.all([
    usable ? Promise.all([...changed!].map((id) => store.get(id))) : [],
    // Every page at once, not copied (read only, like the kept list).
    store.findMany('byAccount', accountIds.filter((id) => !answered.has(id))),
  ]);
  const byAccount = new Map<string, Contact[]>();
  const add = (c: Contact) => (byAccount.get(c.accountId) ?? byAccount.set(c.accountId, []).get(c.accountId)!).push(c);
  if (usable) for (const c of kept!.list) if (answered.has(c.accountId) && !changed!.has(c.id)) add(c);
  for (const c of again) if (c && answered.has(c.accountId)) add(c);
  read.forEach(add);
  // Each account's contacts in id order, as a page gives them: the same file from the kept value as from the pages.
  const contacts = [...wanted].flatMap((id) => byAccount.get(id)?.sort(byIdOrder) ?? []);
  const unchanged = own && usable && changed!.size === 0 && answered.size === wanted.size && kept!.accountIds.length === wanted.size;
  return unchanged ? { contacts } : { contacts, fresh: { key: keyOf(weekId), weekId, stamp, accountIds: [...wanted], list: contacts } };
}

/**
 * A kept value as it stands after a write too big for the journal (an import), in that write's
 * transaction (`carryWeekDigests`, lib/db/week-digest.ts): each account's contacts from its page
 * where the transaction holds it (every contact the write moved, added or removed is on a page it
 * held), the kept ones for the rest. `changedBefore`: contacts changed between the value and the
 * write. Any such one may have moved into an account whose page the write never held, so the
 * value is then not carried (undefined): the next bundle reads every page.
 */
export function carriedAccountContacts(value: WeekAccountContacts, changedBefore: ReadonlySet<string>, store: ContactStore, stamp: KindStamp): WeekAccountContacts | undefined {
  if (changedBefore.size) return undefined;
  const kept = new Map<string, Contact[]>();
  for (const c of value.list) (kept.get(c.accountId) ?? kept.set(c.accountId, []).get(c.accountId)!).push(c);
  const list = value.accountIds.flatMap((id) => store.loadedPartition(id) ?? kept.get(id) ?? []);
  return { ...value, stamp, list };
}

/** Store what `readWeekAccountContacts` made, when the page is idle; a failure (a full disk) is a warning. */
export function saveWeekAccountContacts(db: DB, value: WeekAccountContacts): Promise<void> {
  return saveKept(db, ACCOUNT_CONTACTS_PREFIX, value, KEEP);
}
