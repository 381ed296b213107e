/**
 * The backup worker's session (lib/io/backup/session.ts), run here without a worker: a backup
 * exported, a backup restored and a bundle merged report their phases and result; a cancel while writing, or a bad
 * file, changes nothing. The worker itself is driven in the browsers (restore-worker.e2e.ts,
 * firefox.e2e.ts, io.e2e.ts).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, getStats, type DB } from '@/lib/db/db';
import { bundle, fullBackup, loadWeekData } from '@/lib/io/csv-export';
import { BackupSession, type BackupEvent } from '@/lib/io/backup/session';
import { makeSampleData } from '@/lib/sample';
import { seed } from './helpers/seed';

const NOW = new Date('2026-11-25T12:00:00Z');

let db: DB;
beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
  await seed(db, makeSampleData({ now: NOW, yourName: 'Sam Rep' }));
});
afterEach(async () => {
  await closeDb();
});

const file = (value: unknown) => new Blob([typeof value === 'string' ? value : JSON.stringify(value)]);

/** Run one request through a session; `onEvent` may answer (a cancel) as each event comes. */
async function run(kind: 'export' | 'restore' | 'merge', blob: Blob, onEvent: (e: BackupEvent, s: BackupSession) => void = () => undefined) {
  const events: BackupEvent[] = [];
  const session: BackupSession = new BackupSession(getDb, (e) => {
    events.push(e);
    onEvent(e, session);
  });
  await session.handle(kind === 'export' ? { type: 'export' } : { type: kind, file: blob });
  return events;
}

/** A backup of the sample data with many more accounts: its writing lasts a while. */
async function bigBackup() {
  const backup = await fullBackup(db);
  const extra = Array.from({ length: 3000 }, (_, i) => ({ ...backup.accounts[0]!, id: `big-${i}`, name: `Big Company ${i}`, nameKey: `big company ${i}`, domains: [`big${i}.example`], crmIds: {}, crmKeys: [], linkedinSlug: undefined, linkedinId: undefined }));
  return { ...backup, accounts: [...backup.accounts, ...extra] };
}

describe('the backup worker\'s session', () => {
  it('exports the full backup as UTF-8 bytes, moved to the page, that restore to the same data', async () => {
    const events = await run('export', new Blob([]));
    expect(events[0]).toEqual({ type: 'progress', phase: 'reading' });
    const last = events.at(-1)!;
    if (last.type !== 'exported') throw new Error(`expected the backup, got ${JSON.stringify(last)}`);
    const { exportedAt: _a, ...exported } = JSON.parse(new TextDecoder().decode(last.bytes));
    const { exportedAt: _b, ...stored } = await fullBackup(db);
    expect(exported).toEqual(JSON.parse(JSON.stringify(stored)));
  });

  it('restores a backup: reading, then writing to the end, then the counts', async () => {
    const backup = await bigBackup();
    const events = await run('restore', file(backup));
    expect(events[0]).toEqual({ type: 'progress', phase: 'reading' });
    expect(events[1]).toEqual({ type: 'progress', phase: 'writing', fraction: 0 });
    const last = events.at(-1)!;
    expect(last).toEqual({ type: 'restored', counts: expect.objectContaining({ accounts: backup.accounts.length, contacts: backup.contacts.length }) });
    expect((await getStats(db)).accounts).toBe(backup.accounts.length);
  });

  it('a cancel while writing aborts the transaction: the data is exactly as before', async () => {
    const before = await fullBackup(db);
    // A turn after writing began: the transaction is under way (the merge below is cancelled before it begins).
    const events = await run('restore', file(await bigBackup()), (e, s) => {
      if (e.type === 'progress' && e.phase === 'writing') setTimeout(() => void s.handle({ type: 'cancel' }), 0);
    });
    expect(events.at(-1)).toEqual({ type: 'failed', cancelled: true, message: expect.stringContaining('cancelled') });
    const { exportedAt: _a, ...now } = await fullBackup(db);
    const { exportedAt: _b, ...was } = before;
    expect(now).toEqual(was);
  });

  it('a file that is not a backup fails with the reason, not as a cancel, and changes nothing', async () => {
    const before = await getStats(db);
    const events = await run('restore', file('{"format":"something-else"}'));
    expect(events.at(-1)).toEqual({ type: 'failed', cancelled: false, message: 'This is not a Tiercover backup' });
    expect(await getStats(db)).toEqual(before);
  });

  it('merges a bundle, and a cancel while merging leaves the data as before', async () => {
    const weekId = (await loadWeekData(db, '2026-W48', NOW.getTime())).weekId;
    const b = bundle({ ...(await loadWeekData(db, weekId, NOW.getTime())), exportedBy: 'Ana' });
    const renamed = { ...b, accounts: b.accounts.map((a) => ({ ...a, notes: 'from Ana', updatedAt: a.updatedAt + 1000 })) };
    const before = await fullBackup(db);
    const cancelled = await run('merge', file(renamed), (e, s) => {
      if (e.type === 'progress' && e.phase === 'writing') void s.handle({ type: 'cancel' });
    });
    expect(cancelled.at(-1)).toEqual({ type: 'failed', cancelled: true, message: 'The merge was cancelled. Nothing was changed.' });
    expect((await fullBackup(db)).accounts).toEqual(before.accounts);
    const merged = await run('merge', file(renamed));
    expect(merged.at(-1)).toEqual(expect.objectContaining({ type: 'merged', weekId, exportedBy: 'Ana' }));
    expect((await fullBackup(db)).accounts.filter((a) => a.notes === 'from Ana').length).toBe(renamed.accounts.length);
  });
});
