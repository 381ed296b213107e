/**
 * Team sync's messages: who may send them, what they accept, and that the token is kept under its
 * own storage key and never comes back in a status.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging';
import { TEAM_STORAGE_KEYS } from '@/lib/sync/config';
import { requestSchemas } from '@/lib/messaging/protocol';

const id = () => fakeBrowser.runtime.id;
const WEB = 'https://www.linkedin.com/company/acme/';
const extension = () => ({ id: id(), url: `chrome-extension://${id()}/options.html` });
const frame = () => ({ id: id(), url: `chrome-extension://${id()}/card.html?site=linkedin`, tab: { id: 7, url: WEB }, frameId: 4 });
const send = (type: string, payload: unknown, sender: object = extension()) => handleMessage({ tiercover: 1, type, payload }, sender as never);

const TOKEN = 'team-token-0123456789-secret';

beforeEach(() => fakeBrowser.reset());

describe('teamConnect request', () => {
  const ok = { serverUrl: 'wss://sync.example.com/team', team: 'acme-sales', token: TOKEN };
  it.each([
    ['wss anywhere', ok, true],
    ['ws to localhost', { ...ok, serverUrl: 'ws://localhost:1234' }, true],
    ['ws to 127.0.0.1', { ...ok, serverUrl: 'ws://127.0.0.1:8080/' }, true],
    ['ws to another host', { ...ok, serverUrl: 'ws://sync.example.com' }, false],
    ['https', { ...ok, serverUrl: 'https://sync.example.com' }, false],
    ['credentials in the URL', { ...ok, serverUrl: 'wss://me:pw@sync.example.com' }, false],
    ['not a URL', { ...ok, serverUrl: 'sync.example.com' }, false],
    ['team with spaces', { ...ok, team: 'Acme Sales' }, false],
    ['team too long', { ...ok, team: 'a'.repeat(64) }, false],
    ['token too short', { ...ok, token: 'short-token-15ch' .slice(0, 15) }, false],
    ['token of 16', { ...ok, token: 'x'.repeat(16) }, true],
    ['token too long', { ...ok, token: 'x'.repeat(257) }, false],
    ['token with a space', { ...ok, token: 'abc def ghi jkl mno' }, false],
  ])('%s', (_name, payload, valid) => {
    expect(requestSchemas.teamConnect.safeParse(payload).success).toBe(valid);
  });
});

describe('team messages', () => {
  it('off by default, with nothing configured', async () => {
    expect(await send('teamStatus', {})).toEqual({ ok: true, data: { enabled: false, state: 'off', pending: 0 } });
  });

  it('are for our own pages only: the card frame is refused', async () => {
    for (const type of ['teamStatus', 'teamConnect', 'teamDisconnect']) {
      const r = await send(type, {}, frame());
      expect(r).toMatchObject({ ok: false, error: expect.stringContaining('Refused') });
    }
  });

  it('connect keeps the token under its own key and never answers it; disconnect forgets it', async () => {
    const r = await send('teamConnect', { serverUrl: 'ws://127.0.0.1:1', team: 'acme', token: TOKEN });
    expect(r?.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(r).toMatchObject({ data: { enabled: true, serverUrl: 'ws://127.0.0.1:1', team: 'acme' } });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored[TEAM_STORAGE_KEYS.token]).toBe(TOKEN);
    expect(JSON.stringify(stored[TEAM_STORAGE_KEYS.config])).not.toContain(TOKEN);
    expect(JSON.stringify(await send('teamStatus', {}))).not.toContain(TOKEN);

    const off = await send('teamDisconnect', {});
    expect(off).toMatchObject({ ok: true, data: { enabled: false, state: 'off', team: 'acme' } });
    expect((await fakeBrowser.storage.local.get(TEAM_STORAGE_KEYS.token))[TEAM_STORAGE_KEYS.token]).toBeUndefined();
  });

  it('a bad request changes nothing', async () => {
    const r = await send('teamConnect', { serverUrl: 'http://example.com', team: 'acme', token: TOKEN });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('wss://') });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
