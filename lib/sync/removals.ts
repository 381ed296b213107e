/**
 * Which members' removals (contacts, page links) a batch of shared entries is checked against
 * (lib/sync/doc.ts `writeRemovals` marks them; lib/db/apply-records.ts applies them). Apart from
 * doc.ts, which the sync benchmark's members load in plain Node: this needs the contact rules'
 * normalising.
 */
import type * as Y from 'yjs';
import type { Contact } from '../domain/schema';
import { withContactKeys } from '../domain/records';
// From its own module, not the csv-import barrel (papaparse stays out of the worker).
import { normalizePersonName } from '../io/import/values';
import { memberMap, members, withReferences, type SharedEntry } from './doc';

/**
 * What may name the same person in two members' copies: at least every match the contact rules
 * make (lib/db/apply-records.ts `findContact`: id, CRM key, LinkedIn slug, email, name).
 */
function personKeys(record: Record<string, unknown>): string[] {
  const c = withContactKeys(record as unknown as Contact);
  const out = [`id:${String(c.id)}`];
  if (c.linkedinSlug) out.push(`slug:${c.linkedinSlug}`);
  if (c.email) out.push(`email:${c.email}`);
  for (const k of c.crmKeys ?? []) out.push(`crm:${k}`);
  if (typeof c.name === 'string') out.push(`name:${normalizePersonName(c.name)}`);
  return out;
}

/**
 * Every member's removals that may name one of these contacts or pages (page links are keyed by
 * the page for everyone), each with what it refers to, from that member's map. Why only those: a
 * batch is checked against the removals it could undo, not against every removal ever made
 * (each costs look-ups when applied).
 */
export function removalsNaming(doc: Y.Doc, contacts: Record<string, unknown>[], pageKeys: string[] = []): { member: string; entries: SharedEntry[] }[] {
  const named = new Set(contacts.flatMap(personKeys));
  const pages = new Set(pageKeys);
  const names = (e: SharedEntry) => (e.kind === 'link' ? pages.has(String(e.record.pageKey)) : e.kind === 'contact' && personKeys(e.record).some((k) => named.has(k)));
  return members(doc).map((m) => {
    const map = memberMap(doc, m);
    const keys = [...map.entries()]
      .filter(([, e]) => !!e && typeof e === 'object' && e.removed && names(e))
      .map(([k]) => k);
    return { member: m, entries: withReferences(map, keys) };
  });
}
