/**
 * The team server's address as the user types it, checked before anything is asked or sent, with
 * the reason in a form the Team section can say in the user's language. The rule itself is
 * `teamServerUrl` (lib/sync/config.ts, also what the background checks) and the permission
 * pattern is its `serverOrigin`: this only tells the reasons apart.
 */
import { serverOrigin, teamServerUrl } from './config';

export type ServerAddress =
  | { ok: true; url: string; origin: string; host: string }
  | { ok: false; reason: 'empty' | 'invalid' | 'scheme' | 'insecure' };

export function serverAddress(input: string): ServerAddress {
  const typed = input.trim();
  if (!typed) return { ok: false, reason: 'empty' };
  const checked = teamServerUrl.safeParse(typed);
  if (!checked.success) {
    const protocol = URL.canParse(typed) ? new URL(typed).protocol : '';
    // ws:// to another machine would carry the token in clear text; anything else is no WebSocket.
    return { ok: false, reason: protocol === 'ws:' ? 'insecure' : protocol && protocol !== 'wss:' ? 'scheme' : 'invalid' };
  }
  const url = new URL(checked.data);
  url.hash = '';
  url.search = '';
  return { ok: true, url: url.href.replace(/\/$/, ''), origin: serverOrigin(url.href), host: url.host };
}
