import { describe, expect, it } from 'vitest';
import { serverAddress } from '@/lib/sync/origin';
import { formatRelativeTime } from '@/lib/i18n/format';

describe('the team server address typed in the options', () => {
  it.each([
    ['wss://sync.example.com', 'wss://sync.example.com', 'wss://sync.example.com/*'],
    ['  wss://sync.example.com:8443/team/  ', 'wss://sync.example.com:8443/team', 'wss://sync.example.com/*'],
    ['wss://sync.example.com/?x=1#frag', 'wss://sync.example.com', 'wss://sync.example.com/*'],
    ['ws://127.0.0.1:41234', 'ws://127.0.0.1:41234', 'ws://127.0.0.1/*'],
    ['ws://localhost:1234', 'ws://localhost:1234', 'ws://localhost/*'],
  ])('%s connects to %s and asks for %s only', (typed, url, origin) => {
    expect(serverAddress(typed)).toMatchObject({ ok: true, url, origin });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['sync.example.com', 'invalid'],
    ['https://sync.example.com', 'scheme'],
    ['http://127.0.0.1:1234', 'scheme'],
    ['ws://sync.example.com', 'insecure'],
    ['ws://10.0.0.5:1234', 'insecure'],
    ['wss://user:pw@sync.example.com', 'invalid'],
  ])('%j is refused (%s)', (typed, reason) => {
    expect(serverAddress(typed)).toEqual({ ok: false, reason });
  });
});

describe('last synced, relative', () => {
  const now = Date.UTC(2026, 11, 4, 12, 0, 0);
  it.each([
    [now - 3_000, 'now'],
    [now - 45_000, '45 seconds ago'],
    [now - 5 * 60_000, '5 minutes ago'],
    [now - 3 * 3_600_000, '3 hours ago'],
    [now - 86_400_000, 'yesterday'],
    [now - 14 * 86_400_000, '2 weeks ago'],
  ])('%i reads %s', (when, text) => {
    expect(formatRelativeTime(when, now)).toBe(text);
  });
});
