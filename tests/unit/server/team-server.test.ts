/**
 * The team server with real clients on loopback: HocuspocusProvider over `ws`, plain Y.Docs, the
 * real SQLite file, and for the two-node case a real redis-server of the test's own.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openSqliteStore } from '../../../server/sqlite-store.ts';
import { startTeamServer, type RunningTeamServer, type TeamServerOptions } from '../../../server/team-server.ts';
import { REFUSAL } from '../../../server/update-guard.ts';
import { connect, freePort, startRedis, tempDir, waitFor, type TestClient, type TestRedis } from './helpers.ts';

const ACME_TOKEN = 'acme-token-0123456789-secret';
const GLOBEX_TOKEN = 'globex-token-9876543210-secret';
const TEAMS = { acme: ACME_TOKEN, globex: GLOBEX_TOKEN };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function client(url: string, name: string, token: string, doc?: Y.Doc): TestClient {
  const c = connect(url, name, token, doc);
  cleanups.push(() => c.destroy());
  return c;
}

async function server(options: Partial<TeamServerOptions> & { dbPath: string }): Promise<RunningTeamServer> {
  const s = await startTeamServer({ teams: TEAMS, ...options });
  cleanups.push(() => s.stop());
  return s;
}

function dbDir(): string {
  const dir = tempDir('team-db');
  cleanups.push(() => dir.remove());
  return `${dir.path}/team.sqlite`;
}

/** What the SQLite file holds for a document, read with the server stopped. */
async function storedMap(dbPath: string, name: string): Promise<Record<string, unknown>> {
  const store = openSqliteStore(dbPath);
  try {
    const state = await store.fetch(name);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return doc.getMap('week').toJSON();
  } finally {
    await store.close();
  }
}

describe('team server', () => {
  it('listens on loopback by default and says where', async () => {
    const s = await server({ dbPath: dbDir(), port: 0 });
    expect(s.url).toBe(`ws://127.0.0.1:${s.port}`);
    expect(s.port).toBeGreaterThan(0);
  });

  it('carries an edit from one member to another', async () => {
    const s = await server({ dbPath: dbDir() });
    const a = client(s.url, 'acme/week', ACME_TOKEN);
    const b = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('both synced', () => a.synced() && b.synced());
    a.doc.getMap('week').set('target:northwind', { owner: 'ana', status: 'working' });
    await waitFor('B to see the edit', () => b.doc.getMap('week').has('target:northwind'));
    expect(b.doc.getMap('week').get('target:northwind')).toEqual({ owner: 'ana', status: 'working' });
  });

  it('refuses a wrong token, and another team\'s token, with an authentication failure; nothing changes', async () => {
    const s = await server({ dbPath: dbDir() });
    const a = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('A synced', () => a.synced());
    a.doc.getMap('week').set('kept', 1);

    const wrongDoc = new Y.Doc();
    wrongDoc.getMap('week').set('intruder', 'wrong token');
    const wrong = client(s.url, 'acme/week', 'not-the-token-at-all', wrongDoc);
    const otherDoc = new Y.Doc();
    otherDoc.getMap('week').set('intruder', 'globex token');
    const otherTeam = client(s.url, 'acme/week', GLOBEX_TOKEN, otherDoc);
    const noTeam = client(s.url, 'initech/week', ACME_TOKEN);

    await waitFor('three refusals', () => !!wrong.authFailure() && !!otherTeam.authFailure() && !!noTeam.authFailure());
    expect([wrong.authFailure(), otherTeam.authFailure(), noTeam.authFailure()]).toEqual(['permission-denied', 'permission-denied', 'permission-denied']);
    // The refused clients never received the team's data…
    expect(wrongDoc.getMap('week').has('kept')).toBe(false);
    expect(otherDoc.getMap('week').has('kept')).toBe(false);
    // …and wrote nothing into it: a member who joins now sees only the real edit.
    const b = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('B synced', () => b.synced() && b.doc.getMap('week').has('kept'));
    expect(b.doc.getMap('week').toJSON()).toEqual({ kept: 1 });
  });

  it('loses nothing across a restart, and clients carry on', async () => {
    const dbPath = dbDir();
    const first = await startTeamServer({ dbPath, teams: TEAMS });
    const a = client(first.url, 'acme/week', ACME_TOKEN);
    await waitFor('A synced', () => a.synced());
    a.doc.getMap('week').set('before-restart', 'tick');
    const b = client(first.url, 'acme/week', ACME_TOKEN);
    await waitFor('B got it from the first server', () => b.doc.getMap('week').has('before-restart'));
    // Stopped well inside the store debounce: a clean stop stores what is pending.
    await first.stop();
    expect(await storedMap(dbPath, 'acme/week')).toEqual({ 'before-restart': 'tick' });

    const second = await server({ dbPath, port: first.port });
    const late = client(second.url, 'acme/week', ACME_TOKEN);
    await waitFor('a new member sees the week', () => late.doc.getMap('week').get('before-restart') === 'tick');
    // A, still running, reconnects by itself and its next edit reaches the new member.
    a.doc.getMap('week').set('after-restart', 'note');
    await waitFor('A reconnected and synced its edit', () => late.doc.getMap('week').get('after-restart') === 'note');
  });

  it('refuses an oversized update with a clear reason and leaves the document as it was', async () => {
    const dbPath = dbDir();
    const s = await startTeamServer({ dbPath, teams: TEAMS, maxUpdateBytes: 64 * 1024 });
    const a = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('A synced', () => a.synced());
    a.doc.getMap('week').set('small', 'fits');
    const b = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('B has the small edit', () => b.doc.getMap('week').get('small') === 'fits');

    a.doc.getMap('week').set('huge', 'x'.repeat(200 * 1024));
    await waitFor('A told why', () => a.closeReasons.includes(REFUSAL.tooLarge));

    // Another member, and a fresh one, never see it; the stored document is unchanged.
    b.doc.getMap('week').set('after', 'still works');
    const c = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('C synced with B\'s later edit', () => c.doc.getMap('week').get('after') === 'still works');
    expect(c.doc.getMap('week').has('huge')).toBe(false);
    expect(b.doc.getMap('week').has('huge')).toBe(false);
    await s.stop();
    expect(await storedMap(dbPath, 'acme/week')).toEqual({ small: 'fits', after: 'still works' });
  });

  it('survives malformed messages, before and after authentication', async () => {
    const s = await server({ dbPath: dbDir() });
    const a = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('A synced', () => a.synced());
    a.doc.getMap('week').set('before', 1);

    // Garbage before any authentication.
    const raw1 = await openRaw(s.url);
    raw1.socket.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    raw1.socket.send(Buffer.from('not a yjs message at all'));
    // An authenticated connection that sends a sync update whose payload is garbage.
    const raw2 = await openRaw(s.url);
    raw2.socket.send(message('acme/week', (e) => {
      encoding.writeVarUint(e, 2); // Auth
      encoding.writeVarUint(e, 0); // Token
      encoding.writeVarString(e, ACME_TOKEN);
    }));
    raw2.socket.send(message('acme/week', (e) => {
      encoding.writeVarUint(e, 0); // Sync
      encoding.writeVarUint(e, 2); // Update
      encoding.writeVarUint8Array(e, Uint8Array.from([0x05, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x13]));
    }));
    await waitFor('the malformed update refused with its reason', () => raw2.received.some((m) => m.includes(REFUSAL.malformed)));

    // The server still serves the team.
    const b = client(s.url, 'acme/week', ACME_TOKEN);
    await waitFor('B synced', () => b.synced() && b.doc.getMap('week').get('before') === 1);
    a.doc.getMap('week').set('after', 2);
    await waitFor('B sees A\'s next edit', () => b.doc.getMap('week').get('after') === 2);
    raw1.socket.close();
    raw2.socket.close();
  });

  it('two nodes behind one Redis: a member on each exchanges edits', async () => {
    const redis: TestRedis = await startRedis();
    cleanups.push(() => redis.stop());
    const dbPath = dbDir();
    const node1 = await server({ dbPath, redis });
    const node2 = await server({ dbPath, redis });
    const a = client(node1.url, 'acme/week', ACME_TOKEN);
    const b = client(node2.url, 'acme/week', ACME_TOKEN);
    await waitFor('both synced', () => a.synced() && b.synced());
    a.doc.getMap('week').set('from-a', 'node 1');
    await waitFor('B on node 2 sees A', () => b.doc.getMap('week').get('from-a') === 'node 1');
    b.doc.getMap('week').set('from-b', 'node 2');
    await waitFor('A on node 1 sees B', () => a.doc.getMap('week').get('from-b') === 'node 2');
  });

  it('refuses to start when the configured Redis cannot be reached', async () => {
    const port = await freePort();
    await expect(startTeamServer({ dbPath: dbDir(), teams: TEAMS, redis: { host: '127.0.0.1', port } }))
      .rejects.toThrow(`Cannot use Redis at 127.0.0.1:${port}: ECONNREFUSED. Start redis-server there or fix TIERCOVER_REDIS`);
  });

  it('never writes a token to its log or the console', async () => {
    const lines: string[] = [];
    const consoleLines: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
      cleanups.push(() => spy.mockRestore());
    }
    const wrongToken = 'wrong-token-that-must-not-be-logged';
    const s = await server({ dbPath: dbDir(), log: (line) => lines.push(line), maxUpdateBytes: 16 * 1024 });
    const a = client(s.url, 'acme/week', ACME_TOKEN);
    const wrong = client(s.url, 'acme/week', wrongToken);
    await waitFor('A synced and the wrong token refused', () => a.synced() && !!wrong.authFailure());
    a.doc.getMap('week').set('big', 'y'.repeat(40 * 1024));
    await waitFor('the oversized update refused', () => a.closeReasons.includes(REFUSAL.tooLarge));
    await s.stop();

    expect(lines.some((l) => l.includes('listening on') && l.includes('acme') && l.includes('globex'))).toBe(true);
    expect(lines.some((l) => l.includes('refused a connection'))).toBe(true);
    expect(lines.some((l) => l.includes('refused a message'))).toBe(true);
    for (const secret of [ACME_TOKEN, GLOBEX_TOKEN, wrongToken]) {
      expect([...lines, ...consoleLines].filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});

function message(address: string, body: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, address);
  body(e);
  return encoding.toUint8Array(e);
}

async function openRaw(url: string): Promise<{ socket: WebSocket; received: string[] }> {
  const socket = new WebSocket(url);
  const received: string[] = [];
  socket.on('message', (data: Buffer) => received.push(data.toString('latin1')));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, received };
}
