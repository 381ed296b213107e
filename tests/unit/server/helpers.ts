/**
 * Real clients and a real Redis for the team-server tests: HocuspocusProvider over `ws` on
 * loopback, plain Y.Docs, and a redis-server of our own on a free port in a temp folder.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** Generous: these tests share 2 cores with builds and browsers. */
export const WAIT_MS = 20_000;

export async function waitFor(what: string, condition: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `tiercover-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  synced(): boolean;
  authFailure(): string | null;
  closeReasons: string[];
  destroy(): void;
}

export function connect(url: string, name: string, token: string, doc = new Y.Doc()): TestClient {
  let synced = false;
  let failure: string | null = null;
  const closeReasons: string[] = [];
  const provider = new HocuspocusProvider({
    url,
    name,
    token,
    document: doc,
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly: the restart test waits for it.
    delay: 100,
    minDelay: 50,
    maxDelay: 1000,
    onSynced: () => {
      synced = true;
    },
    onAuthenticationFailed: ({ reason }) => {
      failure = reason;
    },
    onClose: ({ event }) => {
      closeReasons.push(event.reason);
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    doc,
    provider,
    synced: () => synced,
    authFailure: () => failure,
    closeReasons,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface TestRedis {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** A redis-server on loopback, no persistence, in its own temp folder; stopped by `stop()`. */
export async function startRedis(): Promise<TestRedis> {
  const dir = tempDir('redis');
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir.path, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', (error) => {
    output += `${error.message}: install it with apt-get install redis-server (.ci/run does)`;
    exited = true;
  });
  await waitFor('redis-server to accept connections', () => exited || /Ready to accept connections/i.test(output));
  if (exited) throw new Error(`redis-server did not start:\n${output}`);
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await waitFor('redis-server to exit', () => exited);
      }
      dir.remove();
    },
  };
}

/** Debian's PostgreSQL server binaries, if installed (`apt-get install postgresql`). */
export function postgresBinDir(): string | null {
  try {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`)) return `/usr/lib/postgresql/${v}/bin`;
  } catch {
    // not installed
  }
  return null;
}

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster on loopback in a temp folder (trust auth, user `tiercover`).
 * PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user.
 */
export async function startPostgres(bin: string): Promise<TestPostgres> {
  const dir = tempDir('pg');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir.path]);
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe', cwd: dir.path });
  run(`${bin}/initdb`, ['-D', `${dir.path}/data`, '-U', 'tiercover', '--auth=trust', '--no-sync']);
  run(`${bin}/pg_ctl`, ['-D', `${dir.path}/data`, '-l', `${dir.path}/log`, '-w', '-t', '60', '-o', `-p ${port} -k ${dir.path} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  return {
    url: `postgresql://tiercover@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run(`${bin}/pg_ctl`, ['-D', `${dir.path}/data`, '-m', 'fast', '-w', 'stop']);
      } finally {
        dir.remove();
      }
    },
  };
}
