/**
 * What of a local record is shared with the team. Weeks, targets, ticks and page links are the
 * team's own records: shared whole. Accounts and contacts mostly come from each person's CRM
 * import, which stays local: their shared copy carries the identity keys (so the others attach
 * it to their own record of the same company or person, lib/domain/identity.ts), the tier boxes,
 * and the fields people edited (those with an edit time), with `createdAt: 0` so an unedited
 * field never beats anyone's own data. A record a person made by hand (from a page) is shared
 * whole, and stays so: later copies start from the previous one.
 */
import type { Account, Contact } from '../domain/schema';

const ACCOUNT_IDENTITY = ['name', 'nameKey', 'domains', 'linkedinSlug', 'linkedinId', 'crmIds', 'crmKeys', 'factors'] as const;
const CONTACT_IDENTITY = ['accountId', 'name', 'linkedinSlug', 'email', 'crmIds', 'crmKeys'] as const;
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'edits']);

type Rec = Record<string, unknown>;

function copyOf(local: Rec, identity: readonly string[], previous: Rec | undefined, whole: boolean): Rec {
  const out: Rec = { ...(previous ?? {}) };
  const edited = new Set(Object.keys((local.edits as Record<string, number> | undefined) ?? {}).map((k) => k.split('.')[0] ?? k));
  const fields = whole ? Object.keys(local).filter((k) => !BOOKKEEPING.has(k)) : [...identity, ...edited];
  for (const f of new Set([...fields, ...identity])) {
    if (BOOKKEEPING.has(f)) continue;
    if (local[f] === undefined) delete out[f];
    else out[f] = local[f];
  }
  out.id = local.id;
  out.updatedAt = local.updatedAt;
  out.createdAt = whole ? local.createdAt : ((previous?.createdAt as number | undefined) ?? 0);
  if (local.edits) out.edits = local.edits;
  else delete out.edits;
  return out;
}

export function sharedAccount(a: Account, previous?: Rec, whole = false): Rec {
  return copyOf(a as unknown as Rec, ACCOUNT_IDENTITY, previous, whole);
}

export function sharedContact(c: Contact, previous?: Rec, whole = false): Rec {
  return copyOf(c as unknown as Rec, CONTACT_IDENTITY, previous, whole);
}
