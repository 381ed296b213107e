/**
 * Team sync in the background: the configuration (storage.local), the status every page is told
 * about (`teamStatusChanged`), and the engine's life. The engine (Yjs, the Hocuspocus provider)
 * is imported only when sync is on, so with sync off nothing of it loads and no request is made.
 */
import { browser } from 'wxt/browser';
import type { PushMessage } from '../messaging/protocol';
import { readConfig, TEAM_STORAGE_KEYS, type TeamConfig, type TeamConnectRequest } from '../sync/config';
import { TEAM_STATUS_OFF, type TeamStatus } from '../sync/status';

let status: TeamStatus = TEAM_STATUS_OFF;

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

function baseStatus(c: TeamConfig | undefined): TeamStatus {
  if (!c?.enabled) return { ...TEAM_STATUS_OFF, ...(c ? { serverUrl: c.serverUrl, team: c.team } : {}) };
  return { enabled: true, serverUrl: c.serverUrl, team: c.team, state: 'offline', pending: 0 };
}

export async function teamStatus(): Promise<TeamStatus> {
  if (status.enabled || status.state !== 'off') return status;
  const s = baseStatus(await loadConfig());
  status = s;
  return s;
}

export async function teamConnect(req: TeamConnectRequest): Promise<TeamStatus> {
  const previous = await loadConfig();
  // The member id stays this browser's for good: its entries in the team document are its own.
  const config: TeamConfig = { enabled: true, serverUrl: req.serverUrl, team: req.team, member: previous?.member ?? crypto.randomUUID() };
  await browser.storage.local.set({ [TEAM_STORAGE_KEYS.config]: config, [TEAM_STORAGE_KEYS.token]: req.token });
  publish(baseStatus(config));
  return status;
}

export async function teamDisconnect(): Promise<TeamStatus> {
  const previous = await loadConfig();
  if (previous) await browser.storage.local.set({ [TEAM_STORAGE_KEYS.config]: { ...previous, enabled: false } });
  // Disconnecting forgets the token: connecting again asks for it.
  await browser.storage.local.remove(TEAM_STORAGE_KEYS.token);
  publish(baseStatus(previous && { ...previous, enabled: false }));
  return status;
}

export function setupTeamSync() {
  void teamStatus().catch(() => undefined);
}
