/**
 * Team sync in real browsers: the team server on loopback (a temp SQLite file, optionally Redis
 * between nodes), builds of the extension whose loopback host permission is granted at install,
 * and a page object for the options page's Team section.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_DIR, openExtensionPage, type Session } from './harness';
import { FIREFOX_ADDON } from './firefox-harness';

/**
 * A copy of a build with `ws://127.0.0.1/*` granted at install, under `field` of its manifest.
 * Headless browsers cannot answer the permission prompt `permissions.request` opens (the call
 * stays pending for ever), so the tests grant the loopback host up front; the Team section still
 * asks for it in the click, and the browser answers "granted" at once for a host it already
 * holds. Everything else is the real build, byte for byte.
 */
function withLoopbackGranted(build: string, field: 'host_permissions' | 'permissions'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tiercover-sync-build-'));
  cpSync(build, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string[] | undefined>;
  manifest[field] = [...(manifest[field] ?? []), 'ws://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

/** Chromium's build (MV3: a host permission). */
export const loopbackGrantedBuild = () => withLoopbackGranted(CHROME_DIR, 'host_permissions');
/** Firefox's build (MV2: hosts are among the permissions). */
export const loopbackGrantedFirefoxBuild = () => withLoopbackGranted(FIREFOX_ADDON, 'permissions');

/** A TCP port nobody listens on right now (the OS picks it; the probe closes before we use it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Debian's redis-server on a free loopback port, no persistence, in its own temp folder. */
export async function startRedis(): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tiercover-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  // Ready when it answers PING.
  await expect
    .poll(
      () =>
        new Promise<boolean>((resolve) => {
          if (exited) return resolve(false);
          const socket = createConnection({ host: '127.0.0.1', port }, () => socket.end('PING\r\n'));
          socket.once('data', (d) => (socket.destroy(), resolve(d.toString().startsWith('+PONG'))));
          socket.once('error', () => resolve(false));
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => (rmSync(dir, { recursive: true, force: true }), resolve()));
        child.kill('SIGTERM');
      }),
  };
}

// ------------------------------------------------------------------ the Team section's page object

export interface TeamLogin {
  serverUrl: string;
  team: string;
  token: string;
}

/** The options page scrolled to the Team section. */
export async function openTeamSection(s: Session): Promise<Page> {
  const page = await openExtensionPage(s, 'options.html');
  await page.getByTestId('team-state').waitFor();
  return page;
}

/**
 * Type the address, team and token and press Connect: a real click, or Enter in the token field
 * (the keyboard path); either is the user gesture the permission request needs.
 */
export async function connectTeam(page: Page, login: TeamLogin, how: 'click' | 'enter' = 'click') {
  await page.getByTestId('team-server').fill(login.serverUrl);
  await page.getByTestId('team-name').fill(login.team);
  await page.getByTestId('team-token').fill(login.token);
  if (how === 'enter') await page.getByTestId('team-token').press('Enter');
  else await page.getByTestId('team-connect').click();
}

/** The state the Team section shows (`data-state` of its status line), e.g. "connected". */
export const teamState = (page: Page) => page.getByTestId('team-state').getAttribute('data-state');
export const teamProblem = (page: Page) => page.getByTestId('team-state').getAttribute('data-problem');

/** Connect and wait until the section says "connected". */
export async function connectAndWait(s: Session, login: TeamLogin): Promise<Page> {
  const page = await openTeamSection(s);
  await connectTeam(page, login);
  await expect.poll(() => teamState(page), { timeout: 30_000 }).toBe('connected');
  return page;
}

export interface NetLogRequest {
  url: string;
  /** The origin that asked ("chrome-extension://…" for ours); browser-internal requests have none. */
  initiator?: string;
  /** When (epoch ms). */
  at: number;
}

/**
 * Every request the browser's network stack saw, from Chromium's own net log (`--log-net-log`,
 * written out when the browser closes): page loads, the service worker's fetches and WebSocket
 * handshakes alike, which a Playwright route cannot all see (it never sees a WebSocket).
 */
export function netLogRequests(path: string): NetLogRequest[] {
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    constants: { timeTickOffset: string | number };
    events: { time: string; params?: { url?: string; initiator?: string } }[];
  };
  const offset = Number(log.constants.timeTickOffset);
  return log.events
    .filter((e) => typeof e.params?.url === 'string')
    .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator, at: Number(e.time) + offset }));
}
