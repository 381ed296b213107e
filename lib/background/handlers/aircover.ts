/** Air-cover ticks, one cell or many. */
import { tickId } from '../../domain/aircover';
import { type AirCoverTick } from '../../domain/schema';
import { getDb } from '../../db/db';
import { putTick } from '../../db/kept-weeks';
import { notifyChange } from '../live';
import { NotOnWeekError, tickCells } from '../../db/aircover';
import { type Handler, UserError, settingsOf } from './common';

export const aircoverHandlers: { [K in ('tickAirCover' | 'tickAirCoverMany')]: Handler<K> } = {
  async tickAirCover(p) {
    const db = await getDb();
    const settings = await settingsOf(db);
    const target = await db.get('targets', p.targetId);
    if (!target || target.weekId !== p.weekId) throw new UserError('This target is not on that week\'s list any more.');
    const tick: AirCoverTick = {
      id: tickId(p.targetId, p.contactId, p.item),
      weekId: p.weekId,
      targetId: p.targetId,
      contactId: p.contactId,
      item: p.item,
      done: p.done,
      by: settings.yourName || 'Someone',
      at: Date.now(),
      link: p.link?.trim() || undefined,
      note: p.note?.trim() || undefined,
    };
    // One record per checklist cell: ticks of different cells never overwrite each other.
    await putTick(db, tick);
    void notifyChange(['ticks'], p.weekId, { tick });
    return tick;
  },

  async tickAirCoverMany({ weekId, cells, done, source, note }) {
    const db = await getDb();
    const settings = await settingsOf(db);
    try {
      const written = await tickCells(db, weekId, cells, done, settings.yourName || 'Someone', Date.now(), { source, note: note?.trim() || undefined });
      if (written.length) void notifyChange(['ticks'], weekId);
      return written;
    } catch (e) {
      if (e instanceof NotOnWeekError) throw new UserError(e.message);
      throw e;
    }
  },
};
