/**
 * This member's records as shared entries: the records a write touched, read from the database,
 * with everything they refer to (a tick's target, its account, week and contact), so the member's
 * map in the team document stays closed under references (lib/sync/doc.ts).
 */
import type { DB } from '../db/db';
import type { SharedKind } from './doc';
import type { SharedRef } from './writes';
import { sharedAccount, sharedContact } from './shared-copy';

export interface LocalEntry {
  kind: SharedKind;
  id: string;
  record: Record<string, unknown>;
}

type Previous = (kind: SharedKind, id: string) => Record<string, unknown> | undefined;

export async function localEntries(db: DB, refs: SharedRef[], previous: Previous): Promise<LocalEntry[]> {
  const tx = db.transaction(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links']);
  const out = new Map<string, LocalEntry>();
  const wholeIds = new Set(refs.filter((r) => (r.kind === 'account' || r.kind === 'contact') && r.whole).map((r) => `${r.kind}:${r.id}`));
  const add = (kind: SharedKind, id: string, record: Record<string, unknown>) => out.set(`${kind}:${id}`, { kind, id, record });
  const has = (kind: SharedKind, id: string) => out.has(`${kind}:${id}`);

  async function account(id: string) {
    if (has('account', id)) return;
    const a = await tx.objectStore('accounts').get(id);
    if (a) add('account', id, sharedAccount(a, previous('account', id), wholeIds.has(`account:${id}`)));
  }
  async function contact(id: string) {
    if (has('contact', id)) return;
    const c = await tx.objectStore('contacts').get(id);
    if (!c) return;
    add('contact', id, sharedContact(c, previous('contact', id), wholeIds.has(`contact:${id}`)));
    await account(c.accountId);
  }
  async function week(id: string) {
    if (has('week', id)) return;
    const w = await tx.objectStore('weeks').get(id);
    if (w) add('week', id, { ...w });
  }
  async function target(id: string) {
    if (has('target', id)) return;
    const t = await tx.objectStore('targets').get(id);
    if (!t) return;
    add('target', id, { ...t });
    await account(t.accountId);
    await week(t.weekId);
    for (const c of t.keyContactIds) await contact(c);
  }
  async function tick(id: string) {
    if (has('tick', id)) return;
    const t = await tx.objectStore('ticks').get(id);
    if (!t) return;
    add('tick', id, { ...t });
    await target(t.targetId);
    if (t.contactId) await contact(t.contactId);
  }
  async function link(pageKey: string) {
    const l = await tx.objectStore('links').get(pageKey);
    if (!l) return;
    add('link', pageKey, { ...l });
    if (l.kind === 'account') await account(l.targetId);
    else await contact(l.targetId);
  }

  for (const r of refs) {
    if (r.kind === 'account') await account(r.id);
    else if (r.kind === 'contact') await contact(r.id);
    else if (r.kind === 'week') await week(r.id);
    else if (r.kind === 'target') await target(r.id);
    else if (r.kind === 'tick') await tick(r.id);
    else if (r.kind === 'link') await link(r.id);
    else if (r.kind === 'targetTicks') {
      for (const t of await tx.objectStore('ticks').index('byTarget').getAll(r.id)) await tick(t.id);
    } else {
      await week(r.id);
      for (const t of await tx.objectStore('targets').index('byWeek').getAll(r.id)) await target(t.id);
      for (const t of await tx.objectStore('ticks').index('byWeek').getAll(r.id)) await tick(t.id);
    }
  }
  await tx.done;
  // JSON copies: what goes into Yjs is plain data (no undefined fields).
  return [...out.values()].map((e) => ({ ...e, record: JSON.parse(JSON.stringify(e.record)) as Record<string, unknown> }));
}
