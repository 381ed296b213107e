/** Contacts: added from a page, edited in our pages, fixed and removed (with undo) from the card. */
import { departmentFromTitle, suggestBuyingRole } from '../../domain/department';
import { newContact, withContactKeys } from '../../domain/records';
import { getDb } from '../../db/db';
import { fixContact, removeContact, restoreContact } from '../../db/contacts';
import { refreshCoverage } from '../../db/coverage';
import { keepForUndo, takeUndo } from '../undo';
import { notifyChange } from '../live';
import { contactView } from '../../domain/views';
import { type Handler, UserError, requireAccount } from './common';
import { contactsIn, RECORD_STORES } from '../../db/records';

export const contactsHandlers: { [K in ('addContact' | 'updateContact' | 'fixContact' | 'removeContact' | 'restoreContact')]: Handler<K> } = {
  async addContact({ accountId, contact, pageKey }) {
    const db = await getDb();
    await requireAccount(db, accountId);
    const c = newContact({
      ...contact,
      accountId,
      department: contact.department ?? departmentFromTitle(contact.title ?? ''),
      buyingRole: contact.buyingRole ?? suggestBuyingRole(contact.title ?? ''),
      lastVerified: Date.now(),
    });
    const tx = db.transaction([...RECORD_STORES, 'links'], 'readwrite');
    await Promise.all([
      contactsIn(tx).put(c).then(() => refreshCoverage(tx, [c.accountId])),
      pageKey ? tx.objectStore('links').put({ pageKey, kind: 'contact', targetId: c.id, createdAt: Date.now() }) : undefined,
      tx.done,
    ]);
    void notifyChange(['contacts', 'links']);
    return contactView(c);
  },

  async updateContact({ contactId, changes }) {
    const db = await getDb();
    // Read, write and summarise in one transaction: the account's coverage moves with the edit.
    const tx = db.transaction([...RECORD_STORES], 'readwrite');
    const c = await contactsIn(tx).get(contactId);
    if (!c) throw new UserError('That contact no longer exists.');
    const now = Date.now();
    const edits = { ...(c.edits ?? {}) };
    for (const k of Object.keys(changes)) edits[k] = now;
    const next = withContactKeys({ ...c, ...changes, updatedAt: now, edits, ...(changes.status ? { lastVerified: now } : {}) });
    await contactsIn(tx).put(next);
    await refreshCoverage(tx, [c.accountId, next.accountId]);
    await tx.done;
    void notifyChange(['contacts']);
    return contactView(next);
  },

  async fixContact({ contactId, fix }) {
    const c = await fixContact(await getDb(), contactId, fix);
    if (!c) throw new UserError('That contact no longer exists.');
    void notifyChange(['contacts']);
    return contactView(c);
  },

  async removeContact({ contactId }) {
    const removed = await removeContact(await getDb(), contactId);
    if (!removed) throw new UserError('That contact no longer exists.');
    const undoToken = await keepForUndo(removed);
    void notifyChange(['contacts', 'targets', 'ticks', 'links']);
    return { undoToken, name: removed.contact.name };
  },

  async restoreContact({ undoToken }) {
    const removed = await takeUndo(undoToken);
    if (!removed) throw new UserError('Too late to undo: the contact was removed more than two minutes ago.');
    await restoreContact(await getDb(), removed);
    void notifyChange(['contacts', 'targets', 'ticks', 'links']);
    return { ok: true as const, contactId: removed.contact.id, targetIds: removed.keyOf.map((k) => k.targetId) };
  },
};
