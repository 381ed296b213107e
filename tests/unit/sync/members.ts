/**
 * Team members for the sync tests: each with its own Tiercover database (fake-indexeddb), its own
 * "CRM import" (the same companies and people under its own ids), and a sync engine connected to
 * a real team server on loopback.
 */
import WebSocket from 'ws';
import { refreshCoverage } from '@/lib/db/coverage';
import { openDatabase, type DB } from '@/lib/db/db';
import { accountsIn, contactsIn, RECORD_STORES } from '@/lib/db/records';
import { tickId } from '@/lib/domain/aircover';
import { newAccount, newContact } from '@/lib/domain/records';
import type { AirCoverItem, AirCoverTick, Target } from '@/lib/domain/schema';
import { TeamEngine, type EngineStore } from '@/lib/sync/engine';
import { currentWeekId } from '@/lib/domain/week';
import type { TeamStatus } from '@/lib/sync/status';

export const TEAM = 'acme';
export const TOKEN = 'acme-token-0123456789-secret';
export const WEEK = currentWeekId();

export function memoryStore(): EngineStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (k) => structuredClone(data.get(k)), set: async (k, v) => void data.set(k, structuredClone(v)) };
}

export interface Member {
  name: string;
  db: DB;
  engine: TeamEngine;
  statuses: TeamStatus[];
  logs: string[];
  changes: string[][];
  store: ReturnType<typeof memoryStore>;
  accountId: string;
  contactId: string;
  targetId: string;
  /** A new engine for this member (same database, same local document), as after a worker restart. */
  restart(url?: string): Promise<void>;
  tick(item: AirCoverItem, done: boolean, at: number, contact?: boolean): Promise<AirCoverTick>;
  editTarget(changes: Partial<Target>, at: number): Promise<Target>;
}

let n = 0;

/**
 * A member whose database already holds the same account, contact and this week's target as
 * everyone else's, under ids of its own (its own CRM import and its own "add to this week").
 */
export async function member(name: string, url: string, o: { token?: string; clientID?: number; persist?: boolean } = {}): Promise<Member> {
  const memberId = `member-${name}-${++n}`;
  const db = await openDatabase(`tiercover-test-${memberId}-${Date.now()}`);
  const now = 1_000;
  const account = newAccount({ name: 'Acme Corp', domains: ['acme.com'] }, now);
  const contact = newContact({ name: 'Jane Doe', accountId: account.id, linkedinSlug: 'jane-doe' }, now);
  const target: Target = { id: crypto.randomUUID(), createdAt: now, updatedAt: now, weekId: WEEK, accountId: account.id, keyContactIds: [contact.id], status: 'active' };
  const tx = db.transaction([...RECORD_STORES, 'targets', 'weeks'], 'readwrite');
  await Promise.all([
    accountsIn(tx).putMany([account]),
    contactsIn(tx).putMany([contact]),
    tx.objectStore('targets').put(target),
    tx.objectStore('weeks').put({ id: WEEK, createdAt: now, updatedAt: now, reviewed: false }),
  ]);
  await refreshCoverage(tx, [account.id]);
  await tx.done;
  const store = memoryStore();
  const m = { name, db, statuses: [], logs: [], changes: [], store, accountId: account.id, contactId: contact.id, targetId: target.id } as unknown as Member;
  const start = async (serverUrl: string) => {
    m.engine = new TeamEngine({
      config: { enabled: true, serverUrl, team: TEAM, member: memberId },
      token: o.token ?? TOKEN,
      db: async () => db,
      store,
      onStatus: (s) => m.statuses.push(s),
      onChange: (stores) => m.changes.push(stores),
      persist: o.persist ?? false,
      WebSocketPolyfill: WebSocket,
      retry: { delay: 100, maxDelay: 500 },
      log: (line) => m.logs.push(line),
    });
    if (o.clientID !== undefined) m.engine.doc.clientID = o.clientID;
    await m.engine.whenReady();
  };
  let serverUrl = url;
  await start(url);
  m.restart = async (next = serverUrl) => {
    await m.engine.stop();
    serverUrl = next;
    await start(next);
  };
  m.tick = async (item, done, at, onContact = true) => {
    const t: AirCoverTick = { id: tickId(target.id, onContact ? contact.id : undefined, item), weekId: WEEK, targetId: target.id, item, done, by: name, at };
    if (onContact) t.contactId = contact.id;
    await db.put('ticks', t);
    await m.engine.share([{ kind: 'tick', id: t.id }]);
    return t;
  };
  m.editTarget = async (changes, at) => {
    const t = (await db.get('targets', target.id))!;
    const edits = { ...(t.edits ?? {}) };
    for (const k of Object.keys(changes)) edits[k] = at;
    const next = { ...t, ...changes, updatedAt: Math.max(t.updatedAt, at), edits };
    await db.put('targets', next);
    await m.engine.share([{ kind: 'target', id: t.id }]);
    return next;
  };
  return m;
}

/** This member's tick of a cell, by what it is about (the ids are the member's own). */
export async function tickOf(m: Member, item: AirCoverItem, onContact = true): Promise<AirCoverTick | undefined> {
  return m.db.get('ticks', tickId(m.targetId, onContact ? m.contactId : undefined, item));
}
