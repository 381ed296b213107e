/**
 * This member's records as shared entries: the records a write touched, read from the database,
 * with everything they refer to (a tick's target, its account, week and contact), so the member's
 * map in the team document stays closed under references (lib/sync/doc.ts).
 */
import type { DB } from '../db/db';
import type { SharedKind } from './doc';
import type { SharedRef } from './writes';
import { sharedAccount, sharedContact } from './shared-copy';
import { accountsIn, contactsIn, RECORD_STORES } from '../db/records';

export interface LocalEntry {
  kind: SharedKind;
  id: string;
  record: Record<string, unknown>;
  /** Shared only because another entry refers to it (not counted as a change waiting). */
  dependency: boolean;
  /** Written even if unchanged (its ref said `again`). */
  again?: true;
}

type Previous = (kind: SharedKind, id: string) => Record<string, unknown> | undefined;

export async function localEntries(db: DB, refs: SharedRef[], previous: Previous): Promise<LocalEntry[]> {
  const tx = db.transaction([...RECORD_STORES, 'weeks', 'targets', 'ticks', 'links']);
  const out = new Map<string, LocalEntry>();
  const wholeIds = new Set(refs.filter((r) => (r.kind === 'account' || r.kind === 'contact') && r.whole).map((r) => `${r.kind}:${r.id}`));
  /** The ref being read asked for its records to be written again. */
  let again = false;
  const add = (kind: SharedKind, id: string, record: Record<string, unknown>, top: boolean) =>
    out.set(`${kind}:${id}`, { kind, id, record, dependency: !top, ...(top && again ? { again: true as const } : {}) });
  const has = (kind: SharedKind, id: string) => out.has(`${kind}:${id}`);

  async function account(id: string, top = false) {
    if (has('account', id)) return;
    const a = await accountsIn(tx).get(id);
    if (a) add('account', id, sharedAccount(a, previous('account', id), wholeIds.has(`account:${id}`)), top);
  }
  async function contact(id: string, top = false) {
    if (has('contact', id)) return;
    const c = await contactsIn(tx).get(id);
    if (!c) return;
    add('contact', id, sharedContact(c, previous('contact', id), wholeIds.has(`contact:${id}`)), top);
    await account(c.accountId);
  }
  async function week(id: string, top = false) {
    if (has('week', id)) return;
    const w = await tx.objectStore('weeks').get(id);
    if (w) add('week', id, { ...w }, top);
  }
  async function target(id: string, top = false) {
    if (has('target', id)) return;
    const t = await tx.objectStore('targets').get(id);
    if (!t) return;
    add('target', id, { ...t }, top);
    await account(t.accountId);
    await week(t.weekId);
    for (const c of t.keyContactIds) await contact(c);
  }
  async function tick(id: string, top = false) {
    if (has('tick', id)) return;
    const t = await tx.objectStore('ticks').get(id);
    if (!t) return;
    add('tick', id, { ...t }, top);
    await target(t.targetId);
    if (t.contactId) await contact(t.contactId);
  }
  async function link(pageKey: string, top = false) {
    const l = await tx.objectStore('links').get(pageKey);
    if (!l) return;
    add('link', pageKey, { ...l }, top);
    if (l.kind === 'account') await account(l.targetId);
    else await contact(l.targetId);
  }

  // A removal (`contactRemoved`, `linkRemoved`) has no record left to read: the engine marks its entry instead.
  for (const r of refs) {
    again = 'again' in r && !!r.again;
    if (r.kind === 'account') await account(r.id, true);
    else if (r.kind === 'contact') await contact(r.id, true);
    else if (r.kind === 'week') await week(r.id, true);
    else if (r.kind === 'target') await target(r.id, true);
    else if (r.kind === 'tick') await tick(r.id, true);
    else if (r.kind === 'link') await link(r.id, true);
    else if (r.kind === 'targetTicks') {
      for (const t of await tx.objectStore('ticks').index('byTarget').getAll(r.id)) await tick(t.id, true);
    } else if (r.kind === 'weekAll') {
      await week(r.id, true);
      for (const t of await tx.objectStore('targets').index('byWeek').getAll(r.id)) await target(t.id, true);
      for (const t of await tx.objectStore('ticks').index('byWeek').getAll(r.id)) await tick(t.id, true);
    }
  }
  await tx.done;
  // JSON copies: what goes into Yjs is plain data (no undefined fields).
  return [...out.values()].map((e) => ({ ...e, record: JSON.parse(JSON.stringify(e.record)) as Record<string, unknown> }));
}
