/**
 * Strategic accounts: the relationship map, governance touchpoints, 4R reviews, the account
 * team's rating and where to invest. Only our own pages send these (SENDERS); each write records
 * its edit time per field, so a bundle merge lets the newer edit win.
 */
import { newId, withContactKeys } from '../../domain/records';
import { reportsToProblem } from '../../domain/relationships';
import { rankInvestments } from '../../domain/invest';
import { tierOf } from '../../domain/tier';
import type { Contact, FourRReview } from '../../domain/schema';
import { getDb } from '../../db/db';
import { refreshCoverage } from '../../db/coverage';
import { notifyChange } from '../live';
import { contactView } from '../../domain/views';
import { forgetSettings, type Handler, UserError, requireAccount, settingsOf, touchAccount, viewOf } from './common';
import { RECORD_STORES, allAccounts, contactsIn } from '../../db/records';

const REVIEWS_KEPT = 200;

export const strategicHandlers: { [K in 'setRelationship' | 'saveTouchpoint' | 'removeTouchpoint' | 'addReview' | 'setTeamRating' | 'rankInvestments']: Handler<K> } = {
  async setRelationship({ contactId, changes }) {
    const db = await getDb();
    const tx = db.transaction([...RECORD_STORES], 'readwrite');
    const store = contactsIn(tx);
    const c = await store.get(contactId);
    if (!c) throw new UserError('That contact no longer exists.');
    if (changes.reportsTo) {
      const siblings = await store.index('byAccount').getAll(c.accountId);
      const problem = reportsToProblem(siblings, c.id, changes.reportsTo);
      if (problem) throw new UserError(problem);
    }
    const now = Date.now();
    const edits = { ...(c.edits ?? {}) };
    const next: Contact = { ...c, updatedAt: now, edits };
    for (const [k, v] of Object.entries(changes) as [keyof typeof changes, string | null][]) {
      edits[k] = now;
      (next as Record<string, unknown>)[k] = v === null || v === '' ? undefined : v;
    }
    if (!next.buyingRole) next.buyingRole = 'unknown';
    const saved = withContactKeys(next);
    await store.put(saved);
    await refreshCoverage(tx, [saved.accountId]);
    await tx.done;
    void notifyChange(['contacts']);
    return contactView(saved);
  },

  async saveTouchpoint({ accountId, touchpoint }) {
    const db = await getDb();
    const a = await requireAccount(db, accountId);
    const list = a.touchpoints ?? [];
    const at = list.findIndex((t) => t.id === touchpoint.id);
    if (at < 0 && list.length >= 30) throw new UserError(`${a.name} already has 30 touchpoints: remove one first.`);
    const touchpoints = at < 0 ? [...list, touchpoint] : list.map((t, i) => (i === at ? touchpoint : t));
    const next = await touchAccount(db, { ...a, touchpoints }, ['touchpoints']);
    void notifyChange(['accounts'], undefined, { accountIds: [a.id] });
    return viewOf(db, next);
  },

  async removeTouchpoint({ accountId, touchpointId }) {
    const db = await getDb();
    const a = await requireAccount(db, accountId);
    const next = await touchAccount(db, { ...a, touchpoints: (a.touchpoints ?? []).filter((t) => t.id !== touchpointId) }, ['touchpoints']);
    void notifyChange(['accounts'], undefined, { accountIds: [a.id] });
    return viewOf(db, next);
  },

  async addReview({ accountId, scores }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const review: FourRReview = { id: newId(), at: Date.now(), by: settings.yourName || 'Someone', scores };
    if (accountId) {
      const a = await requireAccount(db, accountId);
      // The oldest go first once the list is full: the trend needs the recent ones.
      await touchAccount(db, { ...a, reviews: [...(a.reviews ?? []), review].slice(-REVIEWS_KEPT) }, ['reviews']);
      void notifyChange(['accounts'], undefined, { accountIds: [a.id] });
    } else {
      await db.put('settings', { ...settings, teamReviews: [...settings.teamReviews, review].slice(-500), updatedAt: review.at });
      await forgetSettings();
      void notifyChange(['settings']);
    }
    return review;
  },

  async setTeamRating({ accountId, rating }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const a = await requireAccount(db, accountId);
    const teamRating = rating ? { ...rating, by: settings.yourName || 'Someone', at: Date.now() } : undefined;
    const next = await touchAccount(db, { ...a, teamRating }, ['teamRating']);
    void notifyChange(['accounts'], undefined, { accountIds: [a.id] });
    return viewOf(db, next, settings);
  },

  async rankInvestments({ limit }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const accounts = await allAccounts(db);
    return rankInvestments(accounts.map((account) => ({ account, tier: tierOf(account, settings).tier })), settings.investWeights).slice(0, limit);
  },
};
