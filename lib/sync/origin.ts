/**
 * The team server's address as the user types it, checked before anything is asked or sent: a
 * WebSocket URL (wss://; ws:// only on this machine, for a server on loopback), and the host
 * permission pattern for exactly that host, which the options page requests on Connect.
 * Pure: no browser API, so it is tested with plain strings.
 */
export type ServerAddress =
  | { ok: true; url: string; origin: string; host: string }
  | { ok: false; reason: 'empty' | 'invalid' | 'scheme' | 'insecure' };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function serverAddress(input: string): ServerAddress {
  const typed = input.trim();
  if (!typed) return { ok: false, reason: 'empty' };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') return { ok: false, reason: 'scheme' };
  // A token over plain ws:// to another machine would cross the network in clear text.
  if (url.protocol === 'ws:' && !LOOPBACK.has(url.hostname)) return { ok: false, reason: 'insecure' };
  if (url.username || url.password || !url.hostname) return { ok: false, reason: 'invalid' };
  url.hash = '';
  url.search = '';
  // Match patterns carry no port: the permission is for the host, the URL keeps its port.
  return { ok: true, url: url.href.replace(/\/$/, ''), origin: `${url.protocol}//${url.hostname}/*`, host: url.host };
}
