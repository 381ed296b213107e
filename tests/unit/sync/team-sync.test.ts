/**
 * Team sync with a real team server on loopback (server/team-server.ts) and members each with
 * their own database: what one member does reaches the others' databases, merged by time; offline
 * edits are kept; an untick is never revived; a wrong token, a server that is down and a refused
 * update leave the local data as it was; the token appears in no status and no log line.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTeamServer, type RunningTeamServer } from '../../../server/team-server.ts';
import { tempDir } from '../server/helpers.ts';
import { member, tickOf, TEAM, TOKEN, WEEK, type Member } from './members';
import { countAccounts, countContacts } from '../helpers/records';
import { removeContact, restoreContact } from '@/lib/db/contacts';
import { contactsIn, RECORD_STORES } from '@/lib/db/records';
import { sharedRefs } from '@/lib/sync/writes';

const WAIT = { timeout: 20_000, interval: 25 };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function server(port = 0, dbPath?: string, maxUpdateBytes?: number): Promise<RunningTeamServer & { dbPath: string }> {
  let path = dbPath;
  if (!path) {
    const dir = tempDir('sync-client');
    cleanups.push(() => dir.remove());
    path = `${dir.path}/team.sqlite`;
  }
  const s = await startTeamServer({ port, dbPath: path, teams: { [TEAM]: TOKEN }, maxUpdateBytes });
  cleanups.push(() => s.stop());
  return { ...s, dbPath: path };
}

async function join(name: string, url: string, o?: Parameters<typeof member>[2]): Promise<Member> {
  const m = await member(name, url, o);
  cleanups.push(() => m.engine.stop());
  return m;
}

const connected = (m: Member) => expect.poll(() => m.engine.status().state, WAIT).toBe('connected');

/** Members A and B on this server, both connected. */
async function connectedPair(url: string) {
  const a = await join('a', url);
  const b = await join('b', url);
  await connected(a);
  await connected(b);
  return { a, b };
}

describe('team sync between members', () => {
  it('a tick on one member reaches the other member\'s database, on its own target and contact, with a change push', async () => {
    const s = await server();
    const a = await join('a', s.url);
    const b = await join('b', s.url);
    await connected(a);
    await connected(b);
    await a.tick('followedPersonal', true, 5_000);
    await expect.poll(() => tickOf(b, 'followedPersonal'), WAIT).toMatchObject({ done: true, by: 'a', at: 5_000, targetId: b.targetId, contactId: b.contactId });
    expect(b.changes.flat()).toContain('ticks');
    // Attached to B's own records by the identity rules: no second account, contact or target.
    expect(await countAccounts(b.db)).toBe(1);
    expect(await countContacts(b.db)).toBe(1);
    expect(await b.db.count('targets')).toBe(1);
    // Nothing echoes back: A's database did not change, B shared nothing.
    expect(a.changes).toEqual([]);
    expect(b.engine.pending()).toBe(0);
    expect([...b.engine.doc.getMap(`w:${b.engine.member}`).keys()]).toEqual([]);
    // A's map holds the tick with what it refers to, under A's own ids.
    const keys = [...a.engine.doc.getMap(`w:${a.engine.member}`).keys()];
    expect(keys.sort()).toEqual([`account:${a.accountId}`, `contact:${a.contactId}`, `target:${a.targetId}`, `tick:${a.targetId}|${a.contactId}|followedPersonal`, `week:${WEEK}`].sort());
  });

  it('the newer edit wins by time, even when the older writer has the higher Yjs client id', async () => {
    const s = await server();
    const a = await join('a', s.url, { clientID: 0xfffffff0 });
    const b = await join('b', s.url, { clientID: 1 });
    await connected(a);
    await connected(b);
    // Written at once, so both are in flight together: Yjs alone would keep the higher client id's.
    await Promise.all([a.editTarget({ nextStep: 'A: older plan' }, 2_000), b.editTarget({ nextStep: 'B: newer plan', ask: 'A case study' }, 3_000)]);
    await expect.poll(async () => (await a.db.get('targets', a.targetId))?.nextStep, WAIT).toBe('B: newer plan');
    await expect.poll(async () => (await b.db.get('targets', b.targetId))?.ask, WAIT).toBe('A case study');
    expect((await b.db.get('targets', b.targetId))?.nextStep).toBe('B: newer plan');
    // A later edit by A wins again: time, not who.
    await a.editTarget({ nextStep: 'A: newest plan' }, 4_000);
    await expect.poll(async () => (await b.db.get('targets', b.targetId))?.nextStep, WAIT).toBe('A: newest plan');
  });

  it('edits both members make offline are all kept once the server is back (restarted on its data)', async () => {
    const first = await server();
    const a = await join('a', first.url);
    const b = await join('b', first.url);
    await connected(a);
    await connected(b);
    await first.stop();
    await expect.poll(() => a.engine.status(), WAIT).toMatchObject({ state: 'offline', problem: 'unreachable' });
    await expect.poll(() => b.engine.status().state, WAIT).toBe('offline');

    await a.tick('onNewsletter', true, 6_000, false);
    await a.editTarget({ notes: 'Met them at the fair' }, 6_100);
    await b.tick('engagedWithPosts', true, 6_200);
    await b.editTarget({ decision: 'Invite to the webinar' }, 6_300);
    expect(a.engine.status().pending).toBeGreaterThan(0);
    expect(b.engine.status().pending).toBeGreaterThan(0);
    // Offline, nothing crosses.
    expect(await tickOf(b, 'onNewsletter', false)).toBeUndefined();

    const port = Number(new URL(first.url).port);
    await server(port, first.dbPath);
    await connected(a);
    await connected(b);
    for (const m of [a, b]) {
      await expect.poll(() => tickOf(m, 'onNewsletter', false), WAIT).toMatchObject({ done: true, by: 'a' });
      await expect.poll(() => tickOf(m, 'engagedWithPosts'), WAIT).toMatchObject({ done: true, by: 'b' });
      await expect.poll(async () => (await m.db.get('targets', m.targetId)) ?? {}, WAIT).toMatchObject({ notes: 'Met them at the fair', decision: 'Invite to the webinar' });
    }
    await expect.poll(() => a.engine.status().pending, WAIT).toBe(0);
    expect(a.engine.status().lastSyncedAt).toBeGreaterThan(0);
  });

  it('an untick is not revived by an older tick arriving later', async () => {
    const s = await server();
    const a = await join('a', s.url);
    const b = await join('b', s.url);
    await connected(a);
    await connected(b);
    await b.tick('mentionedInPost', true, 7_000);
    await expect.poll(() => tickOf(a, 'mentionedInPost'), WAIT).toMatchObject({ done: true });
    // B unticks at 9 000; then A, whose clock is behind, ticks the same cell "at 8 000".
    await b.tick('mentionedInPost', false, 9_000);
    await expect.poll(() => tickOf(a, 'mentionedInPost'), WAIT).toMatchObject({ done: false, at: 9_000 });
    const late = await a.tick('mentionedInPost', true, 8_000);
    // B has received A's older tick and applied what it received: the untick stays.
    await expect.poll(() => (b.engine.doc.getMap<{ record: { at: number } }>(`w:${a.engine.member}`).get(`tick:${late.id}`))?.record.at, WAIT).toBe(8_000);
    await b.engine.idle();
    expect(await tickOf(b, 'mentionedInPost')).toMatchObject({ done: false, at: 9_000 });
  });
});

describe('a contact removed by one member', () => {
  /** A removal from the card, as the background does it: the database, then what it shares. */
  async function remove(m: Member) {
    const removed = (await removeContact(m.db, m.contactId))!;
    await m.engine.share(sharedRefs('removeContact', { contactId: m.contactId }, { undoToken: crypto.randomUUID(), name: removed.contact.name }));
    return removed;
  }
  const keyContactsOf = async (m: Member) => (await m.db.get('targets', m.targetId))?.keyContactIds;
  /** Two connected members; A's tick on the contact has reached B, so A has shared the contact. */
  async function contactShared(url: string) {
    const { a, b } = await connectedPair(url);
    await a.tick('followedPersonal', true, 5_000);
    await expect.poll(() => tickOf(b, 'followedPersonal'), WAIT).toMatchObject({ done: true });
    return { a, b };
  }

  it('goes from the others\' databases with its key-contact places and ticks, and comes back with an undo', async () => {
    const s = await server();
    const { a, b } = await contactShared(s.url);

    const removed = await remove(a);
    await expect.poll(() => countContacts(b.db), WAIT).toBe(0);
    expect(await keyContactsOf(b)).toEqual([]);
    expect(await tickOf(b, 'followedPersonal')).toBeUndefined();
    expect(b.changes.flat()).toEqual(expect.arrayContaining(['contacts', 'targets', 'ticks']));
    // Only the removal was marked: A's map keeps the contact's last copy, flagged.
    expect(a.engine.doc.getMap<{ removed?: true }>(`w:${a.engine.member}`).get(`contact:${a.contactId}`)).toMatchObject({ removed: true });
    // A newcomer reads A's whole map: the removal applies there too, and A's old tick of the
    // removed contact goes with it, not reported as a malformed record.
    const c = await join('c', s.url);
    await connected(c);
    await expect.poll(() => countContacts(c.db), WAIT).toBe(0);
    await c.engine.idle();
    expect(c.logs).toEqual([]);
    expect(c.engine.status().problem).toBeUndefined();

    // The undo: A's contact, its place on the target and its tick, again on B.
    await restoreContact(a.db, removed);
    const targetIds = removed.keyOf.map((k) => k.targetId);
    await a.engine.share(sharedRefs('restoreContact', { undoToken: crypto.randomUUID() }, { ok: true, contactId: removed.contact.id, targetIds }));
    await expect.poll(() => countContacts(b.db), WAIT).toBe(1);
    await expect.poll(async () => (await keyContactsOf(b))?.length, WAIT).toBe(1);
    const [back] = (await keyContactsOf(b))!;
    await expect.poll(async () => (await b.db.getAllFromIndex('ticks', 'byTarget', b.targetId)).map((t) => [t.contactId, t.item, t.done]), WAIT).toEqual([[back, 'followedPersonal', true]]);
  });

  it('is not brought back by a tick another member made before hearing of it, on either side', async () => {
    const first = await server();
    const { a, b } = await contactShared(first.url);
    await first.stop();
    await expect.poll(() => a.engine.status().state, WAIT).toBe('offline');
    await expect.poll(() => b.engine.status().state, WAIT).toBe('offline');

    // Offline: A removes the contact; B, not knowing, ticks another item on it (its tick brings
    // B's copy of the contact along, last changed before the removal).
    await remove(a);
    const late = await b.tick('engagedWithPosts', true, 6_000);

    await server(Number(new URL(first.url).port), first.dbPath);
    await connected(a);
    await connected(b);
    await expect.poll(() => countContacts(b.db), WAIT).toBe(0);
    // A has B's tick (and B's copy of the contact with it) and has applied them.
    await expect.poll(() => a.engine.doc.getMap(`w:${b.engine.member}`).has(`tick:${late.id}`), WAIT).toBe(true);
    await a.engine.idle();
    await b.engine.idle();
    // A applied B's tick and the contact it named, and removed them again in the same transaction.
    expect(await countContacts(a.db)).toBe(0);
    expect(await a.db.count('ticks')).toBe(0);
    expect(await keyContactsOf(a)).toEqual([]);
    expect(await b.db.count('ticks')).toBe(0);
    expect(await keyContactsOf(b)).toEqual([]);
  });

  it('stays with a member who edited it after the removal', async () => {
    const s = await server();
    const { a, b } = await contactShared(s.url);
    // B's own edit carries a time after the removal's (a clock ahead, or an edit made just after).
    const c = (await contactsIn(b.db.transaction([...RECORD_STORES], 'readonly')).get(b.contactId))!;
    const tx = b.db.transaction([...RECORD_STORES], 'readwrite');
    await contactsIn(tx).put({ ...c, title: 'CFO', updatedAt: Date.now() + 60_000, edits: { title: Date.now() + 60_000 } });
    await tx.done;
    await remove(a);
    await expect.poll(() => b.engine.doc.getMap<{ removed?: true }>(`w:${a.engine.member}`).get(`contact:${a.contactId}`)?.removed, WAIT).toBe(true);
    await b.engine.idle();
    expect(await countContacts(b.db)).toBe(1);
  });
});

describe('a page unlinked by one member', () => {
  const PAGE = 'linkedin:in:jane-doe';
  /** A link or unlink as the background does it: the database, then what it shares. */
  async function link(m: Member, createdAt: number) {
    await m.db.put('links', { pageKey: PAGE, kind: 'contact', targetId: m.contactId, createdAt });
    await m.engine.share(sharedRefs('linkPage', { pageKey: PAGE, kind: 'contact', targetId: m.contactId }, { ok: true }));
  }
  async function unlink(m: Member) {
    await m.db.delete('links', PAGE);
    await m.engine.share(sharedRefs('unlinkPage', { pageKey: PAGE }, { ok: true }));
  }

  it('goes from the others\' databases; an older link does not bring it back; linking again does', async () => {
    const s = await server();
    const { a, b } = await connectedPair(s.url);
    await link(a, Date.now());
    // On B, to B's own copy of the contact.
    await expect.poll(() => b.db.get('links', PAGE), WAIT).toMatchObject({ kind: 'contact', targetId: b.contactId });
    await unlink(a);
    await expect.poll(() => b.db.get('links', PAGE), WAIT).toBeUndefined();

    // C links the page with a time before the unlink (a clock behind, or a link made offline):
    // A and B apply it and remove it again in the same transaction.
    const c = await join('c', s.url);
    await connected(c);
    await expect.poll(() => c.db.get('links', PAGE), WAIT).toBeUndefined();
    await link(c, 1_000);
    await expect.poll(() => a.engine.doc.getMap(`w:${c.engine.member}`).has(`link:${PAGE}`), WAIT).toBe(true);
    await a.engine.idle();
    await b.engine.idle();
    expect(await a.db.get('links', PAGE)).toBeUndefined();
    expect(await b.db.get('links', PAGE)).toBeUndefined();

    // C links it again after the unlink: the newer link stays, on A and B too.
    await link(c, Date.now() + 1_000);
    await expect.poll(() => b.db.get('links', PAGE), WAIT).toMatchObject({ targetId: b.contactId });
    await expect.poll(() => a.db.get('links', PAGE), WAIT).toMatchObject({ targetId: a.contactId });
  });
});

describe('a member\'s local copy', () => {
  it('keeps edits made with the server down across an engine restart, and sends them when it is up', async () => {
    const s = await server();
    const port = Number(new URL(s.url).port);
    await s.stop();
    const a = await join('a', s.url, { persist: true });
    await expect.poll(() => a.engine.status().state, WAIT).toBe('offline');
    await a.tick('someoneKnowsOrg', true, 10_000, false);
    expect(a.engine.status().pending).toBe(1);
    // The worker is stopped and started again: the edit is still waiting.
    await a.restart();
    expect(a.engine.status().pending).toBe(1);

    await server(port, s.dbPath);
    const b = await join('b', s.url);
    await expect.poll(() => tickOf(b, 'someoneKnowsOrg', false), WAIT).toMatchObject({ done: true, by: 'a' });
    await expect.poll(() => a.engine.status(), WAIT).toMatchObject({ state: 'connected', pending: 0 });
  });
});

describe('refusals change nothing locally', () => {
  it('a wrong token: refused, "wrong-token", no retry, the database as it was', async () => {
    const s = await server();
    const bad = 'not-the-team-token-at-all-0000';
    const a = await join('a', s.url, { token: bad });
    await expect.poll(() => a.engine.status(), WAIT).toMatchObject({ state: 'refused', problem: 'wrong-token' });
    await a.tick('visitedWebsite', true, 11_000);
    expect(await tickOf(a, 'visitedWebsite')).toMatchObject({ done: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(a.engine.status().state).toBe('refused');
    // Nothing reached the team.
    const b = await join('b', s.url);
    await connected(b);
    await b.engine.idle();
    expect(await tickOf(b, 'visitedWebsite')).toBeUndefined();
    expect(JSON.stringify(a.statuses)).not.toContain(bad);
  });

  it('an update the server refuses (too large): refused, "update-refused", the local data kept', async () => {
    const s = await server(0, undefined, 300);
    const a = await join('a', s.url);
    await connected(a);
    await a.editTarget({ notes: 'x'.repeat(2_000) }, 14_000);
    await expect.poll(() => a.engine.status(), WAIT).toMatchObject({ state: 'refused', problem: 'update-refused' });
    expect(await a.db.get('targets', a.targetId)).toMatchObject({ notes: 'x'.repeat(2_000) });
    expect(a.engine.status().pending).toBeGreaterThan(0);
  });

  it('the token is in no status and no log line', async () => {
    const s = await server();
    const a = await join('a', s.url);
    await connected(a);
    await a.tick('followedPersonal', true, 12_000);
    await s.stop();
    await expect.poll(() => a.engine.status().state, WAIT).toBe('offline');
    const everything = JSON.stringify({ statuses: a.statuses, logs: a.logs, store: [...a.store.data] });
    expect(a.statuses.length).toBeGreaterThan(2);
    expect(everything).not.toContain(TOKEN);
    expect(a.statuses.every((st) => st.team === TEAM && !('token' in st))).toBe(true);
  });
});

describe('what the engine checks', () => {
  it('a member\'s malformed entry is skipped and reported; the rest still applies', async () => {
    const s = await server();
    const a = await join('a', s.url);
    const b = await join('b', s.url);
    await connected(a);
    await connected(b);
    // A broken client writes a tick with a week that does not exist beside a good one.
    const map = a.engine.doc.getMap<Record<string, unknown>>(`w:member-forged`);
    a.engine.doc.transact(() => {
      map.set('tick:x', { kind: 'tick', at: 1, record: { id: 'x', weekId: '2026-W99', targetId: 't', item: 'followedPersonal', done: true, by: 'z', at: 1 } });
    });
    await a.tick('companyPageFollow', true, 13_000, false);
    await expect.poll(() => tickOf(b, 'companyPageFollow', false), WAIT).toMatchObject({ done: true });
    await expect.poll(() => b.engine.status().problem, WAIT).toBe('malformed');
    expect(await b.db.count('ticks')).toBe(1);
    expect(await b.db.get('weeks', WEEK)).toBeDefined();
  });
});
