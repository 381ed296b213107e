/**
 * Several air-cover cells ticked (or unticked) at once: a column of the grid ("on the
 * newsletter" for every key contact) or a row. One transaction: all land or none.
 */
import { tickId } from '../domain/aircover';
import type { AirCoverItem } from '../domain/constants';
import type { AirCoverTick, TickSource, WeekId } from '../domain/schema';
import type { DB } from './db';
import { TARGET_STORES, targetsIn, TICK_STORES, ticksIn } from './kept-weeks';

export interface Cell {
  targetId: string;
  contactId?: string;
  item: AirCoverItem;
}

export class NotOnWeekError extends Error {}

/**
 * Sets every cell to `done`. A cell already in that state keeps its record (who ticked it and
 * when stay true); a link or note on a cell is kept. Returns the records written.
 */
export async function tickCells(
  db: DB, weekId: WeekId, cells: Cell[], done: boolean, by: string, now = Date.now(), from: { source?: TickSource; note?: string } = {},
): Promise<AirCoverTick[]> {
  const tx = db.transaction([...TARGET_STORES, ...TICK_STORES], 'readwrite');
  const targets = targetsIn(tx); // read only here
  const ticks = ticksIn(tx);
  const checked = new Map<string, boolean>();
  const written: AirCoverTick[] = [];
  for (const c of cells) {
    if (!checked.has(c.targetId)) checked.set(c.targetId, (await targets.get(c.targetId))?.weekId === weekId);
    if (!checked.get(c.targetId)) {
      tx.done.catch(() => undefined); // the abort below is the answer, not an error to report twice
      tx.abort();
      throw new NotOnWeekError('A target is not on that week\'s list any more: nothing was ticked.');
    }
    const id = tickId(c.targetId, c.contactId, c.item);
    const was = await ticks.get(id);
    if ((was?.done ?? false) === done) continue;
    const tick: AirCoverTick = {
      id, weekId, targetId: c.targetId, contactId: c.contactId, item: c.item, done, by, at: now, link: was?.link, note: from.note ?? was?.note,
      ...(done && from.source ? { source: from.source } : {}),
    };
    await ticks.put(tick);
    written.push(tick);
  }
  await ticks.save();
  await tx.done;
  return written;
}
