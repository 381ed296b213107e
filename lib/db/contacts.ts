/**
 * A rep fixing a contact where they see it: connected, followed, buying role, left or verified,
 * and removing one with an undo. A removal takes the contact out of everything that points at it
 * (its account's targets' key contacts, its air-cover ticks, page links to it) in one transaction
 * and returns all of it, so an undo puts back exactly what was there.
 */
import { withContactKeys } from '../domain/records';
import type { AirCoverTick, Contact, PageLink, Target } from '../domain/schema';
import type { DB } from './db';
import { refreshCoverage } from './coverage';
import { accountsIn, contactsIn, RECORD_STORES } from './records';
import { TARGET_STORES, targetsIn, TICK_STORES, ticksIn } from './kept-weeks';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { TiercoverDB } from './schema';

export interface ContactFix {
  connected?: boolean;
  followed?: boolean;
  buyingRole?: Contact['buyingRole'];
  status?: Contact['status'];
  /** Checked just now: status active, lastVerified now. */
  verified?: boolean;
}

export async function fixContact(db: DB, contactId: string, fix: ContactFix, now = Date.now()): Promise<Contact | undefined> {
  const tx = db.transaction([...RECORD_STORES], 'readwrite');
  const c = await contactsIn(tx).get(contactId);
  if (!c) return undefined;
  const { verified, ...changes } = fix;
  const next: Contact = { ...c, ...changes, updatedAt: now, edits: { ...(c.edits ?? {}) } };
  if (verified) Object.assign(next, { status: 'active', lastVerified: now });
  else if (changes.status) next.lastVerified = now;
  for (const k of [...Object.keys(changes), ...(verified ? ['status', 'lastVerified'] : [])]) next.edits![k] = now;
  const saved = withContactKeys(next);
  await contactsIn(tx).put(saved);
  await refreshCoverage(tx, [saved.accountId]);
  await tx.done;
  return saved;
}

/** Everything a removal took away, to put back on undo. */
export interface RemovedContact {
  contact: Contact;
  /** Targets that had it as a key contact, with its place in their list. */
  keyOf: { targetId: string; index: number }[];
  ticks: AirCoverTick[];
  links: PageLink[];
}

export async function removeContact(db: DB, contactId: string, now = Date.now()): Promise<RemovedContact | undefined> {
  const tx = db.transaction([...RECORD_STORES, ...TARGET_STORES, ...TICK_STORES, 'links'], 'readwrite');
  const removed = await removeContactIn(tx, contactId, now);
  await tx.done;
  return removed;
}

/** The stores a removal changes: its transaction is over these, and maybe others. */
type RemovalStore = (typeof RECORD_STORES)[number] | (typeof TARGET_STORES)[number] | (typeof TICK_STORES)[number] | 'links';

/**
 * The removal inside a readwrite transaction over RECORD_STORES, TARGET_STORES, TICK_STORES and links: the
 * rep's removal above, and a teammate's applied by team sync (lib/db/apply-records.ts).
 */
export async function removeContactIn<S extends StoreNames<TiercoverDB>>(
  tx: IDBPTransaction<TiercoverDB, (S | RemovalStore)[], 'readwrite'>,
  contactId: string,
  now = Date.now(),
): Promise<RemovedContact | undefined> {
  const contact = await contactsIn(tx).get(contactId);
  if (!contact) return undefined;
  const targets = targetsIn(tx);
  const keyOf: RemovedContact['keyOf'] = [];
  const accountTargets = await targets.index('byAccount').getAll(contact.accountId);
  for (const t of accountTargets) {
    const index = t.keyContactIds.indexOf(contactId);
    if (index < 0) continue;
    keyOf.push({ targetId: t.id, index });
    await targets.put({ ...t, keyContactIds: t.keyContactIds.filter((id) => id !== contactId), updatedAt: now });
  }
  // Its ticks on every target of the account, a key contact there or not (a teammate's tick may
  // name it on a target where it is not one here).
  const ticks: AirCoverTick[] = [];
  const tickStore = ticksIn(tx);
  for (const { id: targetId } of accountTargets) {
    for (const tick of await tickStore.index('byTarget').getAll(targetId)) {
      if (tick.contactId !== contactId) continue;
      ticks.push(tick);
      await tickStore.delete(tick);
    }
  }
  await Promise.all([targets.save(), tickStore.save()]);
  const links = await tx.objectStore('links').index('byTarget').getAll(contactId);
  for (const l of links) await tx.objectStore('links').delete(l.pageKey);
  // Their reports now report to nobody on the map (a reference to no one would fail a backup's checks).
  const contacts = contactsIn(tx);
  for (const c of await contacts.index('byAccount').getAll(contact.accountId)) {
    if (c.reportsTo === contactId) await contacts.put({ ...c, reportsTo: undefined, updatedAt: now, edits: { ...(c.edits ?? {}), reportsTo: now } });
  }
  // Nor do they stay listed as having taken part in a touchpoint.
  const account = await accountsIn(tx).get(contact.accountId);
  if (account?.touchpoints?.some((tp) => tp.theirs.includes(contactId))) {
    const touchpoints = account.touchpoints.map((tp) => ({ ...tp, theirs: tp.theirs.filter((id) => id !== contactId) }));
    await accountsIn(tx).put({ ...account, touchpoints, updatedAt: now, edits: { ...(account.edits ?? {}), touchpoints: now } });
  }
  await contacts.delete(contactId);
  await refreshCoverage(tx, [contact.accountId]);
  return { contact, keyOf, ticks, links };
}

/** Undo a removal: the contact, its places as a key contact, its ticks and links. */
export async function restoreContact(db: DB, removed: RemovedContact, now = Date.now()): Promise<void> {
  const tx = db.transaction([...RECORD_STORES, ...TARGET_STORES, ...TICK_STORES, 'links'], 'readwrite');
  await contactsIn(tx).put(removed.contact);
  await refreshCoverage(tx, [removed.contact.accountId]);
  const targets = targetsIn(tx);
  for (const { targetId, index } of removed.keyOf) {
    const t: Target | undefined = await targets.get(targetId);
    if (!t || t.keyContactIds.includes(removed.contact.id)) continue;
    const ids = [...t.keyContactIds];
    ids.splice(Math.min(index, ids.length), 0, removed.contact.id);
    await targets.put({ ...t, keyContactIds: ids, updatedAt: now });
  }
  const ticks = ticksIn(tx);
  for (const tick of removed.ticks) await ticks.put(tick);
  await Promise.all([targets.save(), ticks.save()]);
  for (const link of removed.links) await tx.objectStore('links').put(link);
  await tx.done;
}
