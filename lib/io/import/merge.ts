/** Merging without overwriting: an import fills gaps and adds identifiers, never replaces a value. */
import { withAccountKeys, withContactKeys } from '../../domain/records';
import { FACTOR_KEYS, type Account, type Contact, type CrmSystem } from '../../domain/schema';

// ---------------------------------------------------------------- merging without overwriting

const empty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * `base` with the gaps filled from `extra`: fields base lacks, identifiers it does not have yet.
 * Returns null when nothing changes. Changed fields get an edit time, so a later bundle merge
 * knows when they were set.
 */
export function fillAccount(base: Account, extra: Account, now: number): Account | null {
  const next: Account = { ...base, team: { ...base.team }, factors: { ...base.factors }, crmIds: { ...base.crmIds } };
  const changed = new Set<string>();
  const domains = [...new Set([...base.domains, ...extra.domains])].slice(0, 50);
  if (domains.length !== base.domains.length) {
    next.domains = domains;
    changed.add('domains');
  }
  for (const [sys, id] of Object.entries(extra.crmIds) as [CrmSystem, string][]) {
    if (!id || next.crmIds[sys]) continue;
    next.crmIds[sys] = id;
    changed.add('crmIds');
  }
  for (const f of ['linkedinSlug', 'linkedinId', 'employees', 'founded', 'global', 'tierOverride', 'notes'] as const) {
    if (!empty(base[f]) || empty(extra[f])) continue;
    (next as Record<string, unknown>)[f] = extra[f];
    changed.add(f);
  }
  for (const f of Object.keys(extra.team) as (keyof Account['team'])[]) {
    if (!empty(base.team[f]) || empty(extra.team[f])) continue;
    next.team[f] = extra.team[f];
    changed.add('team');
  }
  for (const f of FACTOR_KEYS) {
    if (base.factors[f] !== 'unknown' || extra.factors[f] === 'unknown') continue;
    next.factors[f] = extra.factors[f];
    changed.add(`factors.${f}`);
  }
  if (!changed.size) return null;
  const edits = { ...(base.edits ?? {}) };
  for (const f of changed) edits[f] = now;
  return withAccountKeys({ ...next, edits, updatedAt: Math.max(now, base.updatedAt) });
}

export function fillContact(base: Contact, extra: Contact, now: number): Contact | null {
  const next: Contact = { ...base, crmIds: { ...base.crmIds } };
  const changed = new Set<string>();
  for (const f of ['title', 'linkedinSlug', 'email', 'xHandle', 'notes', 'lastVerified'] as const) {
    if (!empty(base[f]) || empty(extra[f])) continue;
    (next as Record<string, unknown>)[f] = extra[f];
    changed.add(f);
  }
  for (const [sys, id] of Object.entries(extra.crmIds) as [CrmSystem, string][]) {
    if (!id || next.crmIds[sys]) continue;
    next.crmIds[sys] = id;
    changed.add('crmIds');
  }
  if (base.department === 'other' && extra.department !== 'other') {
    next.department = extra.department;
    changed.add('department');
  }
  if (base.buyingRole === 'unknown' && extra.buyingRole !== 'unknown') {
    next.buyingRole = extra.buyingRole;
    changed.add('buyingRole');
  }
  if (!base.connected && extra.connected) {
    next.connected = true;
    changed.add('connected');
  }
  if (!changed.size) return null;
  const edits = { ...(base.edits ?? {}) };
  for (const f of changed) edits[f] = now;
  return withContactKeys({ ...next, edits, updatedAt: Math.max(now, base.updatedAt) });
}
