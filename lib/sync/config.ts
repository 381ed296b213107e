/**
 * Team sync's configuration: what a user types in the Team section, checked once here (zod) and
 * kept in storage.local. The token has a key of its own and is read only by the connection
 * (lib/sync/connection.ts): never in IndexedDB, a bundle, a backup, a log or a message response.
 */
import { z } from 'zod';

/** Hosts where an unencrypted ws:// server is allowed: this machine only. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export const teamServerUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      if (u.username || u.password) return false;
      return u.protocol === 'wss:' || (u.protocol === 'ws:' && LOOPBACK.has(u.hostname));
    } catch {
      return false;
    }
  }, 'The server address must start with wss:// (ws:// only for localhost or 127.0.0.1), with no user name or password in it');

/** A team id: a short slug, also the name of the team's documents on the server. */
export const teamId = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9_-]{0,62})$/, 'The team id is a short name: lower-case letters, digits, - and _ (at most 63)');

/** Printable ASCII without spaces, as servers' configuration files and headers carry it. */
export const teamToken = z
  .string()
  .min(16, 'The team token is at least 16 characters long')
  .max(256, 'The team token is at most 256 characters long')
  .regex(/^[\x21-\x7e]+$/, 'The team token has letters, digits and symbols only, no spaces');

export const teamConnectRequest = z.object({ serverUrl: teamServerUrl, team: teamId, token: teamToken });
export type TeamConnectRequest = z.output<typeof teamConnectRequest>;

/** What is kept (without the token). `member` is this browser's own id in the team's documents. */
export interface TeamConfig {
  enabled: boolean;
  serverUrl: string;
  team: string;
  member: string;
}

export const TEAM_STORAGE_KEYS = {
  config: 'tiercover.teamSync',
  token: 'tiercover.teamToken',
} as const;

const storedConfig = z.object({ enabled: z.boolean(), serverUrl: teamServerUrl, team: teamId, member: z.string().min(8).max(100) });

/** The stored configuration, or undefined if none (or an unreadable one: sync stays off). */
export function readConfig(raw: unknown): TeamConfig | undefined {
  const p = storedConfig.safeParse(raw);
  return p.success ? p.data : undefined;
}

/**
 * The origin a host permission is asked for (the UI asks exactly this one): the host without its
 * port. Firefox refuses a match pattern with a port (bugs 1362809, 1468162), and Chrome reads a
 * pattern without one as that host on any port.
 */
export function serverOrigin(serverUrl: string): string {
  const u = new URL(serverUrl);
  return `${u.protocol}//${u.hostname}/*`;
}
