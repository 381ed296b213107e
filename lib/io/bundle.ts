/**
 * The bundle (a week for the other team) and the backup (everything): versioned JSON, checked
 * with the data model's zod schemas before anything is written. Importing a colleague's bundle
 * merges it field by field (the newer edit wins) and keeps the ticks of both sides.
 */
import { z } from 'zod';
import { describeStorageError, type DB } from '../db/db';
import { refreshCoverage } from '../db/coverage';
import { tickId } from '../domain/aircover';
import { withAccountKeys, withContactKeys } from '../domain/records';
import {
  SCHEMA_VERSION,
  account,
  airCoverTick,
  contact,
  pageLink,
  settings,
  target,
  week,
  weekId,
  type Account,
  type AirCoverTick,
  type Contact,
  type PageLink,
  type Target,
  type Week,
} from '../domain/schema';
import { accountLookups, accountQuery, LOOKUP_LIMIT, resolveAccount } from '../domain/identity';
import { contactsConflict, normalizePersonName } from './csv-import';
import { contentProblems, countProblems, earliest } from './import-checks';

export const BUNDLE_FORMAT = 'tiercover-bundle';
export const BACKUP_FORMAT = 'tiercover-backup';
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;

const schemaVersion = z.number().int().min(1);

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion,
  exportedAt: z.string().max(100),
  exportedBy: z.string().max(200).default(''),
  weekId,
  week: week.optional(),
  accounts: z.array(account),
  contacts: z.array(contact),
  targets: z.array(target),
  ticks: z.array(airCoverTick),
  links: z.array(pageLink).default([]),
});
export type Bundle = z.infer<typeof bundleSchema>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion,
  exportedAt: z.string().max(100),
  accounts: z.array(account),
  contacts: z.array(contact),
  weeks: z.array(week),
  targets: z.array(target),
  ticks: z.array(airCoverTick),
  links: z.array(pageLink),
  settings: settings.nullable().default(null),
});
export type Backup = z.infer<typeof backupSchema>;

/** A bundle or backup Tiercover refuses; nothing was changed. */
export class BundleError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'BundleError';
  }
}

function parseJson(text: string, noun: 'bundle' | 'backup', maxChars = Infinity): unknown {
  if (text.length > maxChars) throw new BundleError(`This ${noun} is larger than ${maxChars / 1024 / 1024} MB; Tiercover does not import files that big`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BundleError('This file is not valid JSON', e);
  }
}

function checkVersioned<S extends z.ZodType>(json: unknown, format: string, schema: S, noun: 'bundle' | 'backup'): z.infer<S> {
  const head = (json && typeof json === 'object' ? json : {}) as { format?: unknown; schemaVersion?: unknown };
  if (head.format !== format) {
    if (head.format === BACKUP_FORMAT) throw new BundleError('This is a Tiercover backup, not a bundle: restore it from the backup section instead');
    if (head.format === BUNDLE_FORMAT) throw new BundleError('This is a Tiercover bundle, not a backup: import it as a bundle instead');
    throw new BundleError(`This is not a Tiercover ${noun}`);
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > SCHEMA_VERSION) {
    throw new BundleError(`This ${noun} comes from a newer Tiercover (schema ${head.schemaVersion}); update Tiercover to import it`);
  }
  refuse(noun, 'is too big to import', countProblems(json, noun));
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const listed = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`);
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    throw new BundleError(`This ${noun} is damaged or incomplete: ${listed.join('; ')}${more}`, parsed.error);
  }
  return parsed.data;
}

function refuse(noun: 'bundle' | 'backup', what: string, problems: string[]) {
  if (problems.length) throw new BundleError(`This ${noun} ${what}: ${problems.join('; ')}. Nothing was changed.`);
}

/** Check a bundle's text: size, JSON, format, version, counts, every record, ids and references. */
export function parseBundle(text: string, now = Date.now()): Bundle {
  const b = checkVersioned(parseJson(text, 'bundle', MAX_BUNDLE_BYTES), BUNDLE_FORMAT, bundleSchema, 'bundle');
  refuse('bundle', "can't be trusted", contentProblems({ ...b, weeks: b.week ? [b.week] : [] }, now));
  return b;
}

export function parseBackup(text: string, now = Date.now()): Backup {
  return checkBackup(parseJson(text, 'backup'), now);
}

/** The same checks on an object already parsed. */
export function checkBackup(json: unknown, now = Date.now()): Backup {
  const b = checkVersioned(json, BACKUP_FORMAT, backupSchema, 'backup');
  refuse('backup', "can't be trusted", contentProblems(b, now));
  return b;
}

/** Read a bundle file, refusing a too-large one before reading it. */
export async function readBundleFile(file: Blob): Promise<Bundle> {
  if (file.size > MAX_BUNDLE_BYTES) throw new BundleError(`This bundle is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB; Tiercover does not import files that big`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch (e) {
    throw new BundleError('This file is not valid JSON', e);
  }
  return parseBundle(text);
}

// ---------------------------------------------------------------- field-by-field merge

interface Timed {
  id: string;
  createdAt: number;
  updatedAt: number;
  edits?: Record<string, number>;
}

/** Kept from both sides rather than chosen. */
const UNION_FIELDS = new Set(['domains']);
/** Merged key by key ("factors.website", "team.owner", "crmIds.hubspot"). */
const NESTED_FIELDS = new Set(['factors', 'team', 'crmIds']);
/** Recomputed from the others. */
const SKIP_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'edits', 'nameKey', 'crmKeys']);

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const same = (a: unknown, b: unknown) => a === b || stable(a) === stable(b);

/**
 * When a field was last set. An edit time if one was recorded (for "factors.website", also one
 * recorded for "factors"). Otherwise: a record that tracks edits but not this field has not had
 * it edited since it was created; a record that tracks no edits only knows its updatedAt.
 * `exact`: an edit time was recorded for this very path, so an absent value there was a deletion.
 */
function fieldTime(r: Timed, path: string): { at: number; exact: boolean } {
  const e = r.edits;
  const at = e?.[path] ?? e?.[path.split('.')[0] ?? path];
  if (at !== undefined) return { at, exact: e?.[path] !== undefined };
  return { at: e && Object.keys(e).length ? r.createdAt : r.updatedAt, exact: false };
}

/**
 * Per field the newer edit wins (ties keep ours). An absent value on the winning side only wins
 * if an edit of that very field removed it. Conflicts decided on a record that tracks edits
 * record the winning time, so merging the same data again changes nothing.
 */
export function mergeFields<T extends Timed>(ours: T, theirs: T): T {
  const out = { ...ours } as Record<string, unknown>;
  const edits: Record<string, number> = { ...(ours.edits ?? {}) };
  for (const [k, t] of Object.entries(theirs.edits ?? {})) edits[k] = Math.max(edits[k] ?? 0, t);
  const tracks = !!(ours.edits || theirs.edits);

  const pick = (path: string, a: unknown, b: unknown): unknown => {
    if (same(a, b)) return a;
    const ta = fieldTime(ours, path);
    const tb = fieldTime(theirs, path);
    let win: 'a' | 'b' = tb.at > ta.at ? 'b' : 'a';
    if (win === 'b' && b === undefined && !tb.exact) win = 'a';
    else if (win === 'a' && a === undefined && !ta.exact) win = 'b';
    if (tracks) edits[path] = Math.max(edits[path] ?? 0, ta.at, tb.at);
    return win === 'a' ? a : b;
  };

  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(o), ...Object.keys(t)])) {
    if (SKIP_FIELDS.has(key)) continue;
    const a = o[key];
    const b = t[key];
    if (UNION_FIELDS.has(key) && Array.isArray(a) && Array.isArray(b)) {
      out[key] = [...new Set([...a, ...b])];
    } else if (NESTED_FIELDS.has(key) && (a ?? {}) instanceof Object && (b ?? {}) instanceof Object) {
      const ao = (a ?? {}) as Record<string, unknown>;
      const bo = (b ?? {}) as Record<string, unknown>;
      const sub: Record<string, unknown> = {};
      for (const s of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
        const v = pick(`${key}.${s}`, ao[s], bo[s]);
        if (v !== undefined) sub[s] = v;
      }
      out[key] = sub;
    } else {
      const v = pick(key, a, b);
      if (v === undefined) delete out[key];
      else out[key] = v;
    }
  }
  if (Object.keys(edits).length) out.edits = edits;
  out.updatedAt = Math.max(ours.updatedAt, theirs.updatedAt);
  return out as unknown as T;
}

// ---------------------------------------------------------------- merging a bundle

export interface StoreCounts {
  added: number;
  updated: number;
  unchanged: number;
}
export type MergeCounts = Record<'accounts' | 'contacts' | 'weeks' | 'targets' | 'ticks' | 'links', StoreCounts>;

const zero = (): StoreCounts => ({ added: 0, updated: 0, unchanged: 0 });

/**
 * Merge a parsed bundle into the database in ONE readwrite transaction (all or nothing).
 * Records match by id, then accounts by CRM id, domain, LinkedIn and unique name, contacts by CRM
 * id, LinkedIn slug, email and name within the account, targets by week and account. Ids of
 * matched records are rewritten to ours throughout (contacts' accounts, targets' key contacts,
 * tick ids), so importing the same bundle twice changes nothing the second time.
 */
export async function mergeBundle(db: DB, b: Bundle): Promise<MergeCounts> {
  const counts: MergeCounts = { accounts: zero(), contacts: zero(), weeks: zero(), targets: zero(), ticks: zero(), links: zero() };
  const tx = db.transaction(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'coverage'], 'readwrite');
  const accounts = tx.objectStore('accounts');
  const contacts = tx.objectStore('contacts');
  /** Accounts whose contacts the merge wrote: their coverage summaries are redone once, at the end. */
  const touched = new Set<string>();
  const accountIds = new Map<string, string>();
  const contactIds = new Map<string, string>();
  const targetIds = new Map<string, string>();

  /** Put `next` if it differs from `current`, counting what happened. */
  async function save<T>(store: { put(v: T): Promise<unknown> }, c: StoreCounts, current: T | undefined, next: T) {
    if (!current) c.added++;
    else if (same(current, next)) return void c.unchanged++;
    else c.updated++;
    await store.put(next);
  }

  /** The same id, else the identity rules (`lib/domain/identity.ts`); several by name is no match. */
  async function findAccount(a: Account): Promise<Account | undefined> {
    const byId = await accounts.get(a.id);
    if (byId) return byId;
    const q = accountQuery({ name: a.name, crmIds: a.crmIds, domains: a.domains, linkedinSlug: a.linkedinSlug, linkedinId: a.linkedinId });
    const lookups = accountLookups(q);
    const found = await Promise.all(lookups.map((l) => accounts.index(l.index).getAll(l.key, LOOKUP_LIMIT)));
    const byLookup = new Map(lookups.map((l, i) => [`${l.index}|${l.key}`, found[i]]));
    return resolveAccount(q, (index, key) => byLookup.get(`${index}|${key}`)).account;
  }

  async function findContact(c: Contact): Promise<Contact | undefined> {
    const byId = await contacts.get(c.id);
    if (byId) return byId;
    for (const k of c.crmKeys) {
      const hit = await contacts.index('byCrm').get(k);
      if (hit) return hit;
    }
    const ok = (list: Contact[]) => list.find((x) => !contactsConflict(x, c));
    if (c.linkedinSlug) {
      const hit = ok(await contacts.index('byLinkedinSlug').getAll(c.linkedinSlug, 5));
      if (hit) return hit;
    }
    if (c.email) {
      const hit = ok(await contacts.index('byEmail').getAll(c.email, 5));
      if (hit) return hit;
    }
    const name = normalizePersonName(c.name);
    const named = (await contacts.index('byAccount').getAll(c.accountId)).filter((x) => normalizePersonName(x.name) === name && !contactsConflict(x, c));
    return named.length === 1 ? named[0] : undefined;
  }

  // Any failure (a constraint, a bug) aborts the transaction: nothing of the bundle is kept.
  tx.done.catch(() => undefined);
  try {
    for (const incoming of b.accounts) {
      const current = await findAccount(withAccountKeys(incoming));
      const next = current ? withAccountKeys(mergeFields(current, { ...incoming, id: current.id })) : withAccountKeys(incoming);
      accountIds.set(incoming.id, next.id);
      await save(accounts, counts.accounts, current, next);
    }

    for (const raw of b.contacts) {
      const incoming = withContactKeys({ ...raw, accountId: accountIds.get(raw.accountId) ?? raw.accountId });
      const current = await findContact(incoming);
      const next = current ? withContactKeys(mergeFields(current, { ...incoming, id: current.id, accountId: current.accountId })) : incoming;
      contactIds.set(raw.id, next.id);
      touched.add(next.accountId);
      if (current) touched.add(current.accountId);
      await save(contacts, counts.contacts, current, next);
    }

    // Ids on the relationship map and in touchpoints are the bundle's: rewrite them to ours, now
    // that every contact's match is known (a manager may come after their report in the file).
    const ours = (id: string) => contactIds.get(id) ?? id;
    for (const raw of b.contacts) {
      if (!raw.reportsTo) continue;
      const saved = await contacts.get(ours(raw.id));
      if (saved && saved.reportsTo && saved.reportsTo !== ours(saved.reportsTo)) await contacts.put({ ...saved, reportsTo: ours(saved.reportsTo) });
    }
    for (const raw of b.accounts) {
      if (!raw.touchpoints?.length) continue;
      const saved = await accounts.get(accountIds.get(raw.id) ?? raw.id);
      if (!saved?.touchpoints) continue;
      const touchpoints = saved.touchpoints.map((tp) => ({ ...tp, theirs: [...new Set(tp.theirs.map(ours))] }));
      if (!same(touchpoints, saved.touchpoints)) await accounts.put({ ...saved, touchpoints });
    }

    const weeks = tx.objectStore('weeks');
    const bundleWeeks: Week[] = b.week ? [b.week] : [];
    for (const w of bundleWeeks) {
      const current = await weeks.get(w.id);
      const next = current ? (mergeFields({ ...current } as Week & Timed, { ...w } as Week & Timed) as Week) : w;
      await save(weeks, counts.weeks, current, next);
    }

    const targets = tx.objectStore('targets');
    for (const raw of b.targets) {
      const incoming: Target = {
        ...raw,
        accountId: accountIds.get(raw.accountId) ?? raw.accountId,
        keyContactIds: [...new Set(raw.keyContactIds.map((id) => contactIds.get(id) ?? id))],
      };
      const current = (await targets.get(incoming.id)) ?? (await targets.index('byWeekAccount').get([incoming.weekId, incoming.accountId]));
      const next = current ? mergeFields(current, { ...incoming, id: current.id, weekId: current.weekId, accountId: current.accountId }) : incoming;
      targetIds.set(raw.id, next.id);
      await save(targets, counts.targets, current, next);
    }
    // A bundle's week must exist for its targets to show.
    if (!b.week && b.targets.length && !(await weeks.get(b.weekId))) {
      const at = earliest(b.targets.map((t) => t.createdAt)) ?? Date.now();
      await save(weeks, counts.weeks, undefined, { id: b.weekId, createdAt: at, updatedAt: at, reviewed: false } satisfies Week);
    }

    const ticks = tx.objectStore('ticks');
    for (const raw of b.ticks) {
      const targetId = targetIds.get(raw.targetId) ?? raw.targetId;
      const contactId = raw.contactId ? (contactIds.get(raw.contactId) ?? raw.contactId) : undefined;
      const incoming: AirCoverTick = { ...raw, targetId, contactId, id: tickId(targetId, contactId, raw.item) };
      if (!incoming.contactId) delete incoming.contactId;
      const current = await ticks.get(incoming.id);
      await save(ticks, counts.ticks, current, current && current.at >= incoming.at ? current : incoming);
    }

    const links = tx.objectStore('links');
    for (const raw of b.links) {
      const targetId = (raw.kind === 'account' ? accountIds : contactIds).get(raw.targetId) ?? raw.targetId;
      const current = await links.get(raw.pageKey);
      const incoming: PageLink = { ...raw, targetId };
      await save(links, counts.links, current, current ?? incoming);
    }
    await refreshCoverage(tx, touched);
    await tx.done;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already aborted */
    }
    throw new BundleError(`The bundle could not be merged: ${describeStorageError(e)}. Nothing was changed.`, e);
  }
  return counts;
}
