/**
 * Team sync in the background: the configuration (storage.local), the status every page is told
 * about (`teamStatusChanged`), the engine's life, and the hook that shares a user's writes.
 * The engine (Yjs, y-indexeddb, the Hocuspocus provider: lib/sync/engine.ts) is constructed only
 * when sync is on, so with sync off no request is made and no local copy is opened.
 *
 * MV3 stops the service worker after 30 s idle, dropping the connection: every start of the
 * background reconnects if sync is on, and while it is on an alarm every 30 s wakes the worker
 * (reconnecting if it had been stopped), so other members' edits keep arriving. Nothing is lost
 * in between: an edit is in the local copy of the document (y-indexeddb) before it is sent.
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent, MessageType, PushMessage, Responses } from '../messaging/protocol';
import { readConfig, TEAM_STORAGE_KEYS, type TeamConfig, type TeamConnectRequest } from '../sync/config';
import { TEAM_STATUS_OFF, type TeamStatus } from '../sync/status';
import { sharedRefs, SHARED_WRITES } from '../sync/writes';
// Static, not import(): an MV3 service worker may not use dynamic import (the HTML spec disallows
// it in a ServiceWorkerGlobalScope). With sync off the engine is never constructed: no socket,
// no timer, no database of its own.
import { ENGINE_KEYS, TEAM_DOC_PREFIX, TeamEngine } from '../sync/engine';
import type { Payload } from './handlers/common';
import { getDb } from '../db/db';
import { notifyChange } from './live';
import { currentWeekId } from '../domain/week';

const ALARM = 'tiercover-team-sync';

let status: TeamStatus = TEAM_STATUS_OFF;
let engine: Promise<TeamEngine | undefined> | undefined;
/** Whether sync is on, known without a storage read once loaded (checked on every write). */
let enabled: Promise<boolean> | undefined;

function publish(next: TeamStatus) {
  status = next;
  const push: PushMessage = { type: 'teamStatusChanged', status: next };
  browser.runtime.sendMessage(push).catch(() => {
    /* no extension page open */
  });
}

async function loadConfig(): Promise<TeamConfig | undefined> {
  const got: Record<string, unknown> = await browser.storage.local.get(TEAM_STORAGE_KEYS.config);
  return readConfig(got[TEAM_STORAGE_KEYS.config]);
}

function statusOf(c: TeamConfig | undefined): TeamStatus {
  if (!c?.enabled) return { ...TEAM_STATUS_OFF, ...(c ? { serverUrl: c.serverUrl, team: c.team } : {}) };
  return { enabled: true, serverUrl: c.serverUrl, team: c.team, state: 'connecting', pending: 0 };
}

const storageStore = {
  get: async (key: string) => ((await browser.storage.local.get(key)) as Record<string, unknown>)[key],
  set: (key: string, value: unknown) => browser.storage.local.set({ [key]: value }),
};

/** The running engine, started if sync is on and not running (a woken worker). */
function ensureEngine(): Promise<TeamEngine | undefined> {
  engine ??= (async () => {
    const config = await loadConfig();
    enabled = Promise.resolve(!!config?.enabled);
    if (!config?.enabled) return undefined;
    const token = ((await browser.storage.local.get(TEAM_STORAGE_KEYS.token)) as Record<string, unknown>)[TEAM_STORAGE_KEYS.token];
    if (typeof token !== 'string') {
      publish({ ...statusOf(config), state: 'refused', problem: 'wrong-token' });
      return undefined;
    }
    publish(statusOf(config));
    void browser.alarms?.create(ALARM, { periodInMinutes: 0.5 });
    return new TeamEngine({
      config,
      token,
      db: getDb,
      store: storageStore,
      onStatus: publish,
      onChange: (stores: ChangeEvent['stores'], weekId?: string) => void notifyChange(stores, weekId),
      // Never the token: only the problem and the error's own message.
      log: (line) => console.warn(`Tiercover: ${line}`),
    });
  })().catch((e) => {
    engine = undefined;
    console.warn('Tiercover: team sync could not start', (e as Error)?.message);
    publish({ ...status, state: 'error', problem: 'storage' });
    return undefined;
  });
  return engine;
}

async function stopEngine() {
  const e = engine;
  engine = undefined;
  await (await e)?.stop();
  await browser.alarms?.clear(ALARM).catch(() => undefined);
}

export async function teamStatus(): Promise<TeamStatus> {
  const e = await ensureEngine();
  if (e) return e.status();
  if (status.enabled) return status;
  return statusOf(await loadConfig());
}

export async function teamConnect(req: TeamConnectRequest): Promise<TeamStatus> {
  await stopEngine();
  const previous = await loadConfig();
  // The member id stays this browser's for good: its entries in the team document are its own.
  const config: TeamConfig = { enabled: true, serverUrl: req.serverUrl, team: req.team, member: previous?.member ?? crypto.randomUUID() };
  await browser.storage.local.set({ [TEAM_STORAGE_KEYS.config]: config, [TEAM_STORAGE_KEYS.token]: req.token });
  const e = await ensureEngine();
  // The week on screen is the team's from now on: share it (the others merge it into theirs).
  if (e) void e.share([{ kind: 'weekAll', id: currentWeekId() }]);
  return e ? e.status() : status;
}

export async function teamDisconnect(): Promise<TeamStatus> {
  await stopEngine();
  const previous = await loadConfig();
  const config = previous && { ...previous, enabled: false };
  if (config) await browser.storage.local.set({ [TEAM_STORAGE_KEYS.config]: config });
  // Disconnecting forgets the token: connecting again asks for it.
  await browser.storage.local.remove(TEAM_STORAGE_KEYS.token);
  enabled = Promise.resolve(false);
  publish(statusOf(config));
  return status;
}

/**
 * After a successful message: share what a user's write changed (lib/sync/writes.ts). Does
 * nothing (no storage read after the first) while sync is off.
 */
export async function afterWrite<K extends MessageType>(type: K, payload: Payload<K>, result: Responses[K]) {
  if (!SHARED_WRITES[type] && type !== 'deleteAllData') return;
  enabled ??= loadConfig().then((c) => !!c?.enabled);
  if (!(await enabled)) {
    if (type === 'deleteAllData') await forgetTeamCopies();
    return;
  }
  const e = await ensureEngine();
  if (!e) return;
  if (type === 'deleteAllData') await e.reapply();
  else await e.share(sharedRefs(type, payload, result));
}

/**
 * "Delete all data" with sync off also deletes the local copies of team documents (y-indexeddb
 * databases `tiercover-team:…`) and what was noted about them. With sync on they are the team's:
 * the engine applies the team's records again instead.
 */
async function forgetTeamCopies() {
  const dbs = (await indexedDB.databases?.().catch(() => [])) ?? [];
  await Promise.all(
    dbs
      .filter((d) => d.name?.startsWith(TEAM_DOC_PREFIX))
      .map((d) => new Promise<void>((done) => {
        const r = indexedDB.deleteDatabase(d.name!);
        r.onsuccess = r.onerror = r.onblocked = () => done();
      })),
  );
  await browser.storage.local.remove([...ENGINE_KEYS]);
}

/** Resolves when everything queued (applying the team's changes, sharing writes) is done. */
export async function teamSyncIdle() {
  await (await engine)?.idle();
}

export function setupTeamSync() {
  // A woken worker reconnects at once if sync is on (and imports nothing if it is off).
  void ensureEngine();
  browser.alarms?.onAlarm.addListener((a) => {
    if (a.name === ALARM) void ensureEngine();
  });
}
