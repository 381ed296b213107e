/**
 * A worker thread hosting several simulated members, each with its own Y.Doc and its own
 * HocuspocusProvider (its own WebSocket) on the team's document. Started with jiti's loader
 * (`--import jiti/register`): the extension's lib/ imports without file extensions.
 *
 * Messages from the parent: `start` (edit until `until`), `settle` (wait until every member holds
 * `expected` edits), `close`. Reports: `ready`, `sent` (edits made), `settled` (arrivals).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { logOf, makeEdit, seededRandom, sharedState } from './week-edits.ts';

export interface MemberSpec {
  id: string;
  url: string;
}
export interface WorkerInput {
  members: MemberSpec[];
  documentName: string;
  token: string;
  editIntervalMs: number;
  seed: number;
}
/** Per edit seen here: the latest arrival among this worker's members, and how many received it. */
export type Arrivals = Record<string, { last: number; receivers: number }>;

const input = workerData as WorkerInput;
const port = parentPort!;
const now = () => performance.timeOrigin + performance.now();

interface Member {
  id: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  synced: boolean;
  sent: number;
}

const arrivals: Arrivals = {};
const members: Member[] = input.members.map((spec) => {
  const doc = new Y.Doc();
  const member: Member = { id: spec.id, doc, synced: false, sent: 0, provider: undefined as unknown as HocuspocusProvider };
  logOf(doc).observe((event) => {
    const at = now();
    for (const [editId, change] of event.changes.keys) {
      if (change.action !== 'add') continue;
      const stamp = logOf(doc).get(editId);
      if (!stamp || stamp.by === spec.id) continue;
      const seen = (arrivals[editId] ??= { last: 0, receivers: 0 });
      seen.last = Math.max(seen.last, at);
      seen.receivers++;
    }
  });
  member.provider = new HocuspocusProvider({
    url: spec.url,
    name: input.documentName,
    token: input.token,
    document: doc,
    WebSocketPolyfill: WebSocket,
    onSynced: () => {
      member.synced = true;
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return member;
});

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

await until(() => members.every((m) => m.synced), 120_000);
port.postMessage({ type: 'ready', synced: members.filter((m) => m.synced).length });

port.on('message', async (message: { type: string; until?: number; expected?: number }) => {
  if (message.type === 'start') {
    const end = message.until!;
    await Promise.all(members.map(async (member, index) => {
      const random = seededRandom(input.seed * 1000 + index + 1);
      // Each member starts at a random point of its first interval, as people do.
      await new Promise((r) => setTimeout(r, random() * input.editIntervalMs));
      while (Date.now() < end) {
        makeEdit(member.doc, member.id, member.sent++, random, now);
        await new Promise((r) => setTimeout(r, input.editIntervalMs));
      }
    }));
    port.postMessage({ type: 'sent', edits: Object.fromEntries(members.map((m) => [m.id, m.sent])) });
  } else if (message.type === 'settle') {
    const expected = message.expected!;
    await until(() => members.every((m) => logOf(m.doc).size >= expected), 120_000);
    const weekJson = sharedState(members[0]!.doc);
    port.postMessage({
      type: 'settled',
      arrivals,
      held: Object.fromEntries(members.map((m) => [m.id, logOf(m.doc).size])),
      // Every member of this worker holds the same week (compared across workers by the parent).
      converged: members.every((m) => sharedState(m.doc) === weekJson),
      weekJson,
    });
  } else if (message.type === 'log') {
    port.postMessage({ type: 'log', log: logOf(members[0]!.doc).toJSON() });
  } else if (message.type === 'close') {
    for (const m of members) m.provider.destroy();
    port.postMessage({ type: 'closed' });
  }
});
