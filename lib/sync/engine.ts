/**
 * The sync engine: the team's Yjs document, kept in this browser by y-indexeddb (its own
 * database: an edit is stored there before anything is sent, so it survives a stopped worker or
 * a browser restart), connected to the team's Hocuspocus server with the team token, and bridged
 * to Tiercover's database both ways:
 * - `share(refs)`: a local write (lib/sync/writes.ts) is copied into this member's map;
 * - remote entries (other members' maps, from the server or from the local copy at start) are
 *   checked, merged into the database by lib/db/apply-records.ts and announced as `changed`.
 * The database writes of the second path never call `share`, so nothing echoes back.
 *
 * Constructed only when team sync is on (lib/background/team-sync.ts).
 */
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { DB } from '../db/db';
import { applyRecords, changedStores, type MergeCounts } from '../db/apply-records';
import type { ChangeEvent } from '../messaging/protocol';
import type { TeamConfig } from './config';
import { changedEntries, LOCAL_ORIGIN, memberMap, members, toRecordSet, withReferences, writeEntries, writeRemovals, type SharedEntry, type SharedKind } from './doc';
import { localEntries } from './local-records';
import { removalsNaming } from './removals';
import type { TeamProblem, TeamState, TeamStatus } from './status';
import type { SharedRef } from './writes';

/** The close reasons of the team server's update guard (server/update-guard.ts REFUSAL). */
const UPDATE_REFUSALS = new Set(['update-too-large', 'malformed-update']);

/** Small state kept across worker restarts (storage.local in the extension, memory in tests). */
export interface EngineStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface EngineOptions {
  config: TeamConfig;
  /** Sent to the server only; never logged, never in a status. */
  token: string;
  db: () => Promise<DB>;
  store: EngineStore;
  onStatus: (s: TeamStatus) => void;
  onChange: (stores: ChangeEvent['stores'], weekId?: ChangeEvent['weekId']) => void;
  /** false: keep the document in memory only (tests of two members in one process). */
  persist?: boolean;
  /** Node tests: a WebSocket implementation (browsers have their own). */
  WebSocketPolyfill?: unknown;
  /** Reconnect delays (ms); the defaults back off from 1 s to 30 s. */
  retry?: { delay: number; maxDelay: number };
  /** Problems worth a line in the console; the token is never passed to it. */
  log?: (line: string) => void;
}

/** The team's document on the server: `<team>/shared` (the server accepts `<team>/<anything>`). */
export const documentName = (team: string) => `${team}/shared`;
/** This browser's copy of it (y-indexeddb's own database, not Tiercover's). */
export const TEAM_DOC_PREFIX = 'tiercover-team:';
export const localDocName = (c: TeamConfig) => `${TEAM_DOC_PREFIX}${new URL(c.serverUrl).host}/${c.team}/${c.member}`;

const KEYS = { applied: 'tiercover.teamApplied', lastSynced: 'tiercover.teamLastSynced' } as const;
/** The storage.local keys the engine writes (removed with its local copies). */
export const ENGINE_KEYS = Object.values(KEYS);

export class TeamEngine {
  readonly doc = new Y.Doc();
  private readonly o: EngineOptions;
  private persistence?: IndexeddbPersistence;
  private socket?: HocuspocusProviderWebsocket;
  private provider?: HocuspocusProvider;
  private state: TeamState = 'connecting';
  private problem?: TeamProblem;
  private lastSyncedAt?: number;
  /** Members' entries applied up to this write time (theirs), so a restart re-applies nothing. */
  private applied: Record<string, number> = {};
  /** Serialises applying remote entries and sharing local writes. */
  private queue: Promise<void> = Promise.resolve();
  private waiting = new Map<string, Set<string>>();
  private ready: Promise<void>;
  private stopped = false;

  constructor(o: EngineOptions) {
    this.o = o;
    this.ready = this.start();
  }

  /** Resolves once the local copy is loaded and applied and the connection is under way. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** This browser's member id: its map in the document is `w:<member>`. */
  get member() {
    return this.o.config.member;
  }

  private get me() {
    return this.o.config.member;
  }

  private async start() {
    const stored = await this.o.store.get(KEYS.applied);
    const marks = stored && typeof stored === 'object' ? (stored as Record<string, Record<string, number>>)[this.me] : undefined;
    this.applied = marks && typeof marks === 'object' ? { ...marks } : {};
    const last = await this.o.store.get(KEYS.lastSynced);
    if (typeof last === 'number') this.lastSyncedAt = last;

    // Every transaction that is not our own write (the local copy loading, the server) is read.
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === LOCAL_ORIGIN || this.stopped) return;
      for (const [member, keys] of changedEntries(this.doc, tr.changed)) {
        if (member === this.me || !keys.size) continue;
        const w = this.waiting.get(member) ?? new Set<string>();
        for (const k of keys) w.add(k);
        this.waiting.set(member, w);
      }
      if (this.waiting.size) this.enqueue(() => this.applyWaiting());
    });

    if (this.o.persist !== false) {
      try {
        this.persistence = new IndexeddbPersistence(localDocName(this.o.config), this.doc);
        await this.persistence.whenSynced;
      } catch (e) {
        this.fail('storage', e);
        return;
      }
    }
    // A member's entries the database may not have yet (a worker stopped while applying them).
    for (const m of members(this.doc)) {
      if (m === this.me) continue;
      const map = memberMap(this.doc, m);
      const w = this.waiting.get(m) ?? new Set<string>();
      for (const k of map.keys()) w.add(k);
      this.waiting.set(m, w);
    }
    this.enqueue(() => this.applyWaiting());
    await this.queue;
    if (!this.stopped) this.connect();
  }

  private connect() {
    const { config, token, retry } = this.o;
    this.socket = new HocuspocusProviderWebsocket({
      url: config.serverUrl,
      ...(this.o.WebSocketPolyfill ? { WebSocketPolyfill: this.o.WebSocketPolyfill as never } : {}),
      delay: retry?.delay ?? 1000,
      minDelay: Math.min(retry?.delay ?? 1000, 1000),
      maxDelay: retry?.maxDelay ?? 30_000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: documentName(config.team),
      document: this.doc,
      token,
      // Awareness stays on with its empty local state ({}: no name, nothing shown or stored): its
      // renewal every 15 s, echoed by the server, is the connection's heartbeat. Without it the
      // provider drops a connection that heard nothing for 30 s, and Chrome stops a worker that
      // has been idle for 30 s, so an idle team would flap between offline and connected.
      onStatus: ({ status }) => {
        if (this.state === 'refused') return;
        if (status === WebSocketStatus.Disconnected) this.set('offline', 'unreachable');
        else if (status === WebSocketStatus.Connecting && this.state !== 'offline') this.set('connecting');
        else this.emit();
      },
      onSynced: ({ state }) => {
        if (state) this.confirmSynced();
      },
      onUnsyncedChanges: ({ number }) => {
        if (number === 0 && this.provider?.synced) this.confirmSynced();
        else this.emit();
      },
      onAuthenticationFailed: () => this.refuse('wrong-token'),
      onClose: ({ event }) => {
        if (UPDATE_REFUSALS.has(event?.reason ?? '')) this.refuse('update-refused');
      },
    });
    this.provider.attach();
  }

  /** The server refused us: stop retrying (nothing local changes) until the settings change. */
  private refuse(problem: TeamProblem) {
    this.set('refused', problem);
    this.disconnect();
  }

  private confirmSynced() {
    if (this.state === 'refused' || !this.provider || this.provider.hasUnsyncedChanges) return this.emit();
    const own = [...memberMap(this.doc, this.me).values()].reduce((m, e) => Math.max(m, e?.at ?? 0), 0);
    this.lastSyncedAt = Math.max(Date.now(), own);
    void this.o.store.set(KEYS.lastSynced, this.lastSyncedAt).catch(() => undefined);
    this.set('connected');
  }

  private fail(problem: TeamProblem, e: unknown) {
    this.o.log?.(`team sync: ${problem}: ${(e as Error)?.message ?? String(e)}`);
    this.set('error', problem);
  }

  private set(state: TeamState, problem?: TeamProblem) {
    this.state = state;
    this.problem = problem;
    this.emit();
  }

  private emit() {
    if (!this.stopped) this.o.onStatus(this.status());
  }

  /** Local changes the server has not confirmed: this member's entries written since the last sync. */
  pending(): number {
    const since = this.lastSyncedAt ?? 0;
    let n = 0;
    for (const e of memberMap(this.doc, this.me).values()) if ((e?.at ?? 0) > since && !e.dependency) n++;
    return n;
  }

  status(): TeamStatus {
    const { serverUrl, team } = this.o.config;
    return {
      enabled: true,
      serverUrl,
      team,
      state: this.state,
      ...(this.problem ? { problem: this.problem } : {}),
      ...(this.lastSyncedAt ? { lastSyncedAt: this.lastSyncedAt } : {}),
      pending: this.pending(),
    };
  }

  private enqueue(job: () => Promise<void>) {
    this.queue = this.queue.then(job).catch((e) => this.fail('storage', e));
  }

  /** Apply the other members' entries that changed, with what they refer to, in one transaction. */
  private async applyWaiting() {
    const waiting = this.waiting;
    this.waiting = new Map();
    const entries: SharedEntry[] = [];
    const marks = { ...this.applied };
    for (const [member, keys] of waiting) {
      const map = memberMap(this.doc, member);
      const since = this.applied[member] ?? 0;
      const fresh = [...keys].filter((k) => {
        const e = map.get(k);
        return !!e && typeof e === 'object' && typeof e.at === 'number' && e.at > since;
      });
      if (!fresh.length) continue;
      for (const k of fresh) marks[member] = Math.max(marks[member] ?? 0, map.get(k)!.at);
      entries.push(...withReferences(map, fresh));
    }
    if (!entries.length) return;
    const own = this.addRemovals(entries);
    const { set, malformed } = toRecordSet(entries, own);
    let counts: MergeCounts | undefined;
    try {
      counts = await applyRecords(await this.o.db(), set);
    } catch (e) {
      // Nothing was written (one transaction); the entries stay in the document for the next try.
      for (const [member, keys] of waiting) {
        const w = this.waiting.get(member) ?? new Set<string>();
        for (const k of keys) w.add(k);
        this.waiting.set(member, w);
      }
      throw e;
    }
    this.applied = marks;
    const all = ((await this.o.store.get(KEYS.applied)) ?? {}) as Record<string, unknown>;
    await this.o.store.set(KEYS.applied, { ...all, [this.me]: marks });
    if (malformed) {
      this.o.log?.(`team sync: ${malformed} shared record(s) did not pass the checks and were skipped`);
      if (this.state !== 'refused') this.set(this.state, 'malformed');
    }
    const stores = changedStores(counts);
    if (stores.length) {
      const weeks = new Set([...set.targets, ...set.ticks].map((r) => r.weekId));
      this.o.onChange(stores, weeks.size === 1 ? [...weeks][0] : undefined);
    }
  }

  /**
   * Add to a batch every member's removals that may name its contacts or pages (ours included,
   * without our own records they refer to): an edit another member made before hearing of a
   * removal must not bring the record back. Returns our own removals, which name our own ids.
   */
  private addRemovals(entries: SharedEntry[]): Set<SharedEntry> {
    const own = new Set<SharedEntry>();
    const contacts = entries.filter((e) => e?.kind === 'contact' && !e.removed).map((e) => e.record);
    const pageKeys = entries.filter((e) => e?.kind === 'link' && !e.removed).map((e) => String(e.record.pageKey));
    if (!contacts.length && !pageKeys.length) return own;
    const present = new Set(entries);
    for (const { member, entries: removals } of removalsNaming(this.doc, contacts, pageKeys)) {
      for (const e of removals) {
        if (present.has(e) || (member === this.me && !e.removed)) continue;
        if (member === this.me) own.add(e);
        present.add(e);
        entries.push(e);
      }
    }
    return own;
  }

  /** Copy what a local write changed into this member's map (stored locally first, then sent). */
  share(refs: SharedRef[]): Promise<void> {
    if (!refs.length) return Promise.resolve();
    const done = this.ready.then(() => {
      this.enqueue(async () => {
        if (this.stopped) return;
        const map = memberMap(this.doc, this.me);
        const removed = refs.flatMap((r): { kind: SharedKind; id: string }[] => (r.kind === 'contactRemoved' ? [{ kind: 'contact', id: r.id }] : r.kind === 'linkRemoved' ? [{ kind: 'link', id: r.id }] : []));
        const entries = await localEntries(await this.o.db(), refs, (kind, id) => map.get(`${kind}:${id}`)?.record);
        const written = writeRemovals(this.doc, this.me, removed) + writeEntries(this.doc, this.me, entries);
        if (written) this.emit();
      });
      return this.queue;
    });
    return done;
  }

  /** Everything applied is forgotten (the database was emptied): re-apply the whole document. */
  async reapply() {
    await this.ready;
    this.applied = {};
    const all = ((await this.o.store.get(KEYS.applied)) ?? {}) as Record<string, unknown>;
    await this.o.store.set(KEYS.applied, { ...all, [this.me]: {} });
    for (const m of members(this.doc)) {
      if (m === this.me) continue;
      this.waiting.set(m, new Set(memberMap(this.doc, m).keys()));
    }
    this.enqueue(() => this.applyWaiting());
    await this.queue;
  }

  /** Settle: everything queued applied or shared. */
  async idle() {
    await this.ready;
    await this.queue;
  }

  private disconnect() {
    const p = this.provider;
    const s = this.socket;
    this.provider = undefined;
    this.socket = undefined;
    // Later in the turn: a provider must not be destroyed from inside its own event handler.
    setTimeout(() => {
      p?.destroy();
      s?.destroy();
    }, 0);
  }

  async stop() {
    this.stopped = true;
    await this.ready.catch(() => undefined);
    await this.queue.catch(() => undefined);
    this.provider?.destroy();
    this.socket?.destroy();
    this.provider = undefined;
    this.socket = undefined;
    await this.persistence?.destroy();
    this.doc.destroy();
  }
}
