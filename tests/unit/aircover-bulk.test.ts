import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { tickId } from '@/lib/domain/aircover';

const ext = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/app.html` };
const contentScript = { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/jane/', tab: { id: 7, url: 'https://www.linkedin.com/in/jane/' } };
const W = '2026-W48';
const send = (payload: unknown, sender: object = ext) => handleMessage({ tiercover: 1, type: 'tickAirCoverMany', payload }, sender as never);

describe('tickAirCoverMany: a column or a row of the grid at once', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await closeDb();
    const db = await getDb();
    await deleteAllData(db);
    for (const id of ['t1', 't2']) await db.put('targets', { id, createdAt: 1, updatedAt: 1, weekId: W, accountId: `a-${id}`, keyContactIds: ['c1', 'c2'], status: 'active' });
    await db.put('ticks', { id: tickId('t1', 'c1', 'onNewsletter'), weekId: W, targetId: 't1', contactId: 'c1', item: 'onNewsletter', done: true, by: 'Jo Alvarez', at: 5, note: 'since May' });
  });

  const column = [
    { targetId: 't1', contactId: 'c1', item: 'onNewsletter' },
    { targetId: 't1', contactId: 'c2', item: 'onNewsletter' },
    { targetId: 't2', contactId: 'c1', item: 'onNewsletter' },
  ];

  it('is refused from a content script', async () => {
    expect(await send({ weekId: W, done: true, cells: column }, contentScript)).toEqual({ ok: false, error: "Refused: tickAirCoverMany is only allowed from Tiercover's own pages." });
  });

  it('ticks the open cells and leaves a done one with its who and when', async () => {
    const r = (await send({ weekId: W, done: true, cells: column })) as { ok: true; data: { id: string }[] };
    expect(r.data.map((t) => t.id)).toEqual([tickId('t1', 'c2', 'onNewsletter'), tickId('t2', 'c1', 'onNewsletter')]);
    const db = await getDb();
    expect(await db.get('ticks', tickId('t1', 'c1', 'onNewsletter'))).toMatchObject({ by: 'Jo Alvarez', at: 5, note: 'since May' });
    // Undo: untick what was ticked; the note of an unticked cell stays.
    const undo = (await send({ weekId: W, done: false, cells: column })) as { ok: true; data: { done: boolean; note?: string }[] };
    expect(undo.data).toHaveLength(3);
    expect(undo.data[0]).toMatchObject({ done: false, note: 'since May' });
  });

  it('writes nothing when a target is not on that week', async () => {
    const r = await send({ weekId: '2026-W49', done: true, cells: column });
    expect(r).toEqual({ ok: false, error: "A target is not on that week's list any more: nothing was ticked." });
    expect(await (await getDb()).count('ticks')).toBe(1);
  });
});
