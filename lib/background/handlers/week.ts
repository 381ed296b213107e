/** The week's targets: adding, starting a week, status, fields, key contacts. */
import { type Target, type WeekId } from '../../domain/schema';
import { currentWeekId } from '../../domain/week';
import { getDb } from '../../db/db';
import { notifyChange } from '../live';
import { setKeyContact, setTargetStatus, startWeek, updateTarget } from '../../db/week';
import { type Handler, UserError, requireAccount, settingsOf } from './common';
import { contactsIn, RECORD_STORES } from '../../db/records';
import { TARGET_STORES, targetsIn } from '../../db/kept-weeks';

export const weekHandlers: { [K in ('addTarget' | 'startWeek' | 'setTargetStatus' | 'updateTarget' | 'setKeyContact')]: Handler<K> } = {
  async addTarget({ accountId, weekId, keyContactIds }) {
    const db = await getDb();
    const account = await requireAccount(db, accountId);
    const week: WeekId = weekId ?? currentWeekId();
    const now = Date.now();
    const tx = db.transaction([...RECORD_STORES, ...TARGET_STORES, 'weeks'], 'readwrite');
    const targets = targetsIn(tx);
    const existing = await targets.index('byWeekAccount').get([week, accountId]);
    let target: Target;
    if (existing) {
      // Edit times recorded, so a bundle merge or team sync takes the re-activation as the newer edit.
      target = { ...existing, status: 'active', statusReason: undefined, updatedAt: now, edits: { ...(existing.edits ?? {}), status: now, statusReason: now } };
    } else {
      let keys = keyContactIds;
      if (!keys) {
        // Default key contacts: decision makers first, then the rest, up to three.
        const cs = (await contactsIn(tx).index('byAccount').getAll(accountId)).filter((c) => c.status !== 'left');
        cs.sort((a, b) => Number(b.buyingRole === 'decision-maker') - Number(a.buyingRole === 'decision-maker'));
        keys = cs.slice(0, 3).map((c) => c.id);
      }
      target = {
        id: crypto.randomUUID(),
        createdAt: now,
        updatedAt: now,
        weekId: week,
        accountId,
        keyContactIds: keys,
        salesOwner: account.team.owner,
        marketingOwner: account.team.marketingOwner,
        status: 'active',
      };
    }
    await targets.put(target);
    if (!(await tx.objectStore('weeks').get(week))) {
      await tx.objectStore('weeks').put({ id: week, createdAt: now, updatedAt: now, reviewed: false });
    }
    await targets.save();
    await tx.done;
    void notifyChange(['targets', 'weeks'], week);
    return target;
  },

  async startWeek({ weekId }) {
    const db = await getDb();
    const r = await startWeek(db, weekId, (await settingsOf(db)).standingItems);
    void notifyChange(['weeks', 'targets', 'ticks'], weekId);
    return r;
  },

  async setTargetStatus({ targetId, status, reason }) {
    const db = await getDb();
    if (status !== 'active' && !reason) throw new UserError(`Say why the target is ${status}: the reason goes to the weekly meeting.`);
    const t = await setTargetStatus(db, targetId, status, reason);
    void notifyChange(['targets'], t.weekId);
    return t;
  },

  async updateTarget({ targetId, changes }) {
    const db = await getDb();
    const t = await updateTarget(db, targetId, changes);
    void notifyChange(['targets'], t.weekId);
    return t;
  },

  async setKeyContact({ targetId, contactId, key }) {
    const db = await getDb();
    const t = await setKeyContact(db, targetId, contactId, key);
    void notifyChange(['targets'], t.weekId);
    return t;
  },
};
