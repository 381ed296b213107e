// @vitest-environment happy-dom
/**
 * The Team section as a user meets it, with the browser faked: Connect asks for exactly the typed
 * server's host permission before anything is sent; a refusal says so and changes nothing; the
 * token is never shown back; the status line follows the background's pushes.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamSection } from '@/components/options/TeamSection';
import { teamStatus } from '@/components/options/teamStatus';
import type { TeamStatus } from '@/lib/sync/status';

const OFF: TeamStatus = { enabled: false, state: 'off', pending: 0 };
const URL_TYPED = 'ws://127.0.0.1:4444';
const TOKEN = 'a-team-token-of-24-chars';

let root: HTMLElement;
let sent: { type: string; payload: unknown }[];
let permissionAnswer: boolean;
let requested: unknown[];

const byTestId = (id: string) => root.querySelector(`[data-testid=${id}]`) as HTMLInputElement;
/** Let promises and Preact's re-render settle. */
const settle = () => new Promise((r) => setTimeout(r, 20));

function type(id: string, value: string) {
  const input = byTestId(id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function fillAndConnect(serverUrl = URL_TYPED, team = 'north-team', token = TOKEN) {
  type('team-server', serverUrl);
  type('team-name', team);
  type('team-token', token);
  await settle();
  (root.querySelector('form') as HTMLFormElement).requestSubmit();
  await settle();
}

beforeEach(async () => {
  sent = [];
  requested = [];
  permissionAnswer = true;
  teamStatus.value = OFF;
  fakeBrowser.permissions.request = (async (p: unknown) => {
    requested.push(p);
    return permissionAnswer;
  }) as typeof fakeBrowser.permissions.request;
  fakeBrowser.runtime.sendMessage = vi.fn(async (m: { type: string; payload: { serverUrl: string; team: string } }) => {
    sent.push({ type: m.type, payload: m.payload });
    if (m.type === 'teamConnect') return { ok: true, data: { enabled: true, serverUrl: m.payload.serverUrl, team: m.payload.team, state: 'connecting', pending: 0 } };
    return { ok: true, data: OFF };
  }) as never;
  root = document.createElement('div');
  document.body.append(root);
  render(<TeamSection />, root);
  await settle();
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the Team section', () => {
  it('is off by default and says nothing leaves the browser', () => {
    expect(byTestId('team-state').dataset.state).toBe('off');
    expect(byTestId('team-state').textContent).toBe('Off. Nothing leaves this browser.');
    expect(byTestId('team-where').textContent).toContain('goes only to the server your team runs');
    expect(byTestId('team-token').type).toBe('password');
  });

  it('asks for exactly that server\'s host permission (no port: Firefox refuses one), then connects, and never shows the token again', async () => {
    await fillAndConnect();
    expect(requested).toEqual([{ origins: ['ws://127.0.0.1/*'] }]);
    expect(sent).toEqual([{ type: 'teamConnect', payload: { serverUrl: URL_TYPED, team: 'north-team', token: TOKEN } }]);
    expect(byTestId('team-token').value).toBe('');
    expect(byTestId('team-token-note').dataset.saved).toBe('true');
    expect(root.textContent).not.toContain(TOKEN);
    expect(byTestId('team-state').textContent).toContain('Connecting to ws://127.0.0.1:4444…');
  });

  it('a refused permission says so and changes nothing', async () => {
    permissionAnswer = false;
    await fillAndConnect();
    expect(requested).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(byTestId('team-status').textContent).toBe('Tiercover was not allowed to connect to 127.0.0.1:4444, so nothing changed. Connect again and allow it.');
    expect(byTestId('team-state').dataset.state).toBe('off');
  });

  it.each([
    ['https://sync.example.com', 'north-team', TOKEN, 'The address must start with wss:// (a secure WebSocket).'],
    ['ws://sync.example.com', 'north-team', TOKEN, 'Only a server on this computer may use ws://.'],
    ['wss://sync.example.com', 'North Team', TOKEN, 'The team is a short name'],
    ['wss://sync.example.com', 'north-team', 'short', 'The token is 16 to 256'],
  ])('%s / %s / a token: refused before asking anything', async (serverUrl, team, token, text) => {
    await fillAndConnect(serverUrl, team, token);
    expect(requested).toEqual([]);
    expect(sent).toEqual([]);
    expect(byTestId('team-status').textContent).toContain(text);
  });

  it('follows the background: offline with changes waiting, then a wrong token', async () => {
    teamStatus.value = { enabled: true, serverUrl: URL_TYPED, team: 'north-team', state: 'offline', problem: 'unreachable', pending: 3, lastSyncedAt: Date.now() - 5 * 60_000 };
    await settle();
    expect(byTestId('team-state').textContent).toBe('Unreachable: ws://127.0.0.1:4444 does not answer. Your edits are kept here. 3 changes waiting to be sent. Last synced 5 minutes ago.');
    teamStatus.value = { enabled: true, serverUrl: URL_TYPED, team: 'north-team', state: 'refused', problem: 'wrong-token', pending: 0 };
    await settle();
    expect(byTestId('team-state').dataset.problem).toBe('wrong-token');
    expect(byTestId('team-state').textContent).toContain('Refused: wrong token for team north-team.');
    // Connected: Disconnect is there, and disconnecting gives the permission back.
    const removed: unknown[] = [];
    fakeBrowser.permissions.remove = (async (p: unknown) => (removed.push(p), true)) as typeof fakeBrowser.permissions.remove;
    (byTestId('team-disconnect') as unknown as HTMLButtonElement).click();
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['teamDisconnect']);
    expect(removed).toEqual([{ origins: ['ws://127.0.0.1/*'] }]);
    expect(byTestId('team-state').dataset.state).toBe('off');
  });
});
