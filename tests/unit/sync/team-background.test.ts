/**
 * Team sync through the background's own message handling: connecting with `teamConnect`, a tick
 * sent as the card sends it (`tickAirCover`) reaching another member's database, another member's
 * tick reaching ours with the `changed` push open views follow, the status pushes, disconnecting;
 * and with sync off, not one connection.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging';
import { teamDisconnect, teamSyncIdle } from '@/lib/background/team-sync';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { tickId } from '@/lib/domain/aircover';
import { startTeamServer } from '../../../server/team-server.ts';
import { tempDir } from '../server/helpers.ts';
import { member, tickOf, TEAM, TOKEN, WEEK } from './members';
import { contactsOf } from '../helpers/records';

const WAIT = { timeout: 20_000, interval: 25 };
const extension = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
async function send<T = unknown>(type: string, payload: unknown): Promise<T> {
  const r = await handleMessage({ tiercover: 1, type, payload }, extension() as never);
  if (!r?.ok) throw new Error(`${type}: ${JSON.stringify(r)}`);
  return r.data as T;
}

const cleanups: (() => unknown)[] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  await deleteAllData(await getDb());
});
afterEach(async () => {
  await teamDisconnect();
  while (cleanups.length) await cleanups.pop()!();
  vi.restoreAllMocks();
});

async function teamServer() {
  const dir = tempDir('sync-bg');
  cleanups.push(() => dir.remove());
  const s = await startTeamServer({ dbPath: `${dir.path}/team.sqlite`, teams: { [TEAM]: TOKEN } });
  cleanups.push(() => s.stop());
  return s;
}

describe('team sync in the background', () => {
  it('a tick sent as the card sends it reaches a teammate, and a teammate\'s tick reaches our open views', async () => {
    const s = await teamServer();
    const b = await member('b', s.url);
    cleanups.push(() => b.engine.stop());
    const pushes: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => void pushes.push(m));

    const status = await send<Record<string, unknown>>('teamConnect', { serverUrl: s.url, team: TEAM, token: TOKEN });
    expect(status).toMatchObject({ enabled: true, team: TEAM, serverUrl: s.url });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    await expect.poll(() => send<{ state: string }>('teamStatus', {}).then((st) => st.state), WAIT).toBe('connected');
    expect(pushes).toContainEqual({ type: 'teamStatusChanged', status: expect.objectContaining({ state: 'connected', pending: 0 }) });

    // Our own record of the same company (created from a page), this week's target, a tick.
    const account = await send<{ id: string }>('createAccount', { account: { name: 'ACME Corp.', domains: ['www.acme.com'] } });
    const target = await send<{ id: string }>('addTarget', { accountId: account.id, weekId: WEEK });
    await send('tickAirCover', { weekId: WEEK, targetId: target.id, item: 'onNewsletter', done: true });
    await expect.poll(() => tickOf(b, 'onNewsletter', false), WAIT).toMatchObject({ done: true, targetId: b.targetId });

    // B ticks a cell on its contact Jane: we get Jane (by LinkedIn) and the tick, and views hear it.
    pushes.length = 0;
    await b.tick('followedPersonal', true, Date.now());
    const db = await getDb();
    await expect.poll(async () => (await contactsOf(db, account.id)).map((c) => c.name), WAIT).toEqual(['Jane Doe']);
    const [jane] = await contactsOf(db, account.id);
    await expect.poll(() => db.get('ticks', tickId(target.id, jane!.id, 'followedPersonal')), WAIT).toMatchObject({ done: true, by: 'b' });
    await expect.poll(() => pushes.filter((p) => (p as { type?: string }).type === 'changed'), WAIT).toContainEqual(expect.objectContaining({ stores: expect.arrayContaining(['ticks']) }));
    // The merged-in records were not shared back as our own changes.
    await teamSyncIdle();
    expect((await send<{ pending: number }>('teamStatus', {})).pending).toBe(0);

    const off = await send('teamDisconnect', {});
    expect(off).toMatchObject({ enabled: false, state: 'off' });
    expect(JSON.stringify(pushes)).not.toContain(TOKEN);
  });

  it('ticks a filled marketing pack wrote in the week page are shared when the page announces them', async () => {
    const s = await teamServer();
    const b = await member('b', s.url);
    cleanups.push(() => b.engine.stop());
    await send('teamConnect', { serverUrl: s.url, team: TEAM, token: TOKEN });
    await expect.poll(() => send<{ state: string }>('teamStatus', {}).then((st) => st.state), WAIT).toBe('connected');
    const account = await send<{ id: string }>('createAccount', { account: { name: 'ACME Corp.', domains: ['www.acme.com'] } });
    const target = await send<{ id: string }>('addTarget', { accountId: account.id, weekId: WEEK });
    // As lib/io/pack-import.ts writes it, in the page's own transaction: the background does not see it.
    const id = tickId(target.id, undefined, 'onNewsletter');
    const db = await getDb();
    await db.put('ticks', { id, weekId: WEEK, targetId: target.id, item: 'onNewsletter', done: true, by: 'Mia', at: Date.now(), source: 'marketingPack', link: 'https://blog.example.com/x' });
    await send('announceChange', { stores: ['ticks'], ticks: [id] });
    await expect.poll(() => tickOf(b, 'onNewsletter', false), WAIT).toMatchObject({ done: true, by: 'Mia', source: 'marketingPack' });
  });

  it('"delete all data" with sync off also deletes the local copy of the team document', async () => {
    const s = await teamServer();
    await send('teamConnect', { serverUrl: s.url, team: TEAM, token: TOKEN });
    await expect.poll(() => send<{ state: string }>('teamStatus', {}).then((st) => st.state), WAIT).toBe('connected');
    const teamCopies = async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('tiercover-team:'));
    const copies = await teamCopies();
    expect(copies.length).toBeGreaterThan(0);
    await send('teamDisconnect', {});
    // Disconnecting keeps it (changes not yet sent stay); deleting everything removes it.
    expect(await teamCopies()).toEqual(copies);
    await send('deleteAllData', { confirm: 'DELETE' });
    await expect.poll(teamCopies, WAIT).toEqual([]);
  });

  it('with sync off, writes open no connection at all', async () => {
    const opened = vi.fn();
    vi.stubGlobal('WebSocket', class {
      constructor(...args: unknown[]) {
        opened(...args);
        throw new Error('no connection expected');
      }
    });
    cleanups.push(() => vi.unstubAllGlobals());
    const account = await send<{ id: string }>('createAccount', { account: { name: 'Initech', domains: ['initech.com'] } });
    const target = await send<{ id: string }>('addTarget', { accountId: account.id, weekId: WEEK });
    await send('tickAirCover', { weekId: WEEK, targetId: target.id, item: 'onNewsletter', done: true });
    await send('setFactor', { accountId: account.id, key: 'productFit', state: 'checked' });
    await teamSyncIdle();
    expect(await send('teamStatus', {})).toEqual({ enabled: false, state: 'off', pending: 0 });
    expect(opened).not.toHaveBeenCalled();
  });
});
