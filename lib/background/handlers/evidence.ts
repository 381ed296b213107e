/** A fact the page showed, accepted from the card with one click (lib/domain/evidence.ts). */
import { factsShown } from '../../domain/evidence';
import { acceptEvidence, EvidenceTargetGone } from '../../db/evidence';
import { getDb } from '../../db/db';
import { notifyChange } from '../live';
import { tabPage } from '../tab-cards';
import { type Handler, UserError, settingsOf } from './common';

export const evidenceHandlers: { [K in 'acceptEvidence']: Handler<K> } = {
  async acceptEvidence(p, sender) {
    // From a card: only what its tab's page shows now (a frame cannot make up evidence).
    if (sender.kind === 'frame') {
      const page = sender.tabId === undefined ? undefined : await tabPage(sender.tabId);
      if (!page || !factsShown(page).includes(p.fact)) throw new UserError('The page no longer shows that. Reload it and try again.');
    }
    const db = await getDb();
    const settings = await settingsOf(db);
    try {
      const done = await acceptEvidence(db, p, settings.yourName || 'Someone');
      const stores = [...(done.contact ? (['contacts'] as const) : []), ...(done.tick ? (['ticks'] as const) : [])];
      if (stores.length) void notifyChange(stores, p.weekId, done.tick ? { tick: done.tick } : undefined);
      return { contact: !!done.contact, tick: !!done.tick };
    } catch (e) {
      if (e instanceof EvidenceTargetGone) throw new UserError(e.message);
      throw e;
    }
  },
};
