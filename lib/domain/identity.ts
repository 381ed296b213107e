/**
 * When two company references are the same account: the one place that says so. The page
 * look-up (`lib/db/match.ts`), the CSV import (`lib/io/csv-import.ts`) and the bundle merge
 * (`lib/io/bundle.ts`) all build an `AccountQuery` here and decide with `resolveAccount`; each
 * only supplies the candidates its own storage finds for an index and key.
 *
 * Order, most certain first (DOMAIN.md section 5): CRM record id, LinkedIn numeric id, LinkedIn
 * slug, website domain, then the company name. Names are never fuzzy: only whole normalised keys
 * count, tried as written first and then without the extras LinkedIn adds to how companies are
 * shown ("Acme (YC S25)", "Acme - We're hiring", "Acme | Tagline"). A name two accounts share is
 * ambiguous, and the caller asks the user instead of guessing.
 */
import { crmKeys as crmKeysOf, normalizeCompanyName, normalizeDomain, normalizeSlug } from './normalize';
import type { Account, CrmSystem } from './schema';

export type AccountIndexName = 'byCrm' | 'byLinkedinId' | 'byLinkedinSlug' | 'byDomain' | 'byNameKey';
export type AccountVia = 'crm' | 'linkedin-id' | 'linkedin-slug' | 'domain' | 'name';

/** Everything a reference offers to look an account up by, already normalised. */
export interface AccountQuery {
  crmIds: Partial<Record<CrmSystem, string>>;
  crmKeys: string[];
  linkedinId?: string;
  linkedinSlug?: string;
  domains: string[];
  /** Name keys to try in order: as written first, then without the extras. */
  nameKeys: string[];
}

export interface CompanyRefInput {
  name?: string;
  crmIds?: Partial<Record<CrmSystem, string>>;
  linkedinId?: string;
  linkedinSlug?: string;
  domains?: readonly (string | undefined)[];
}

export function accountQuery(ref: CompanyRefInput): AccountQuery {
  const crmIds = Object.fromEntries(Object.entries(ref.crmIds ?? {}).filter(([, v]) => !!v)) as AccountQuery['crmIds'];
  const domains = [...new Set((ref.domains ?? []).map((d) => normalizeDomain(d)).filter((d): d is string => !!d))];
  return {
    crmIds,
    crmKeys: crmKeysOf(crmIds),
    linkedinId: ref.linkedinId && /^\d+$/.test(ref.linkedinId) ? ref.linkedinId : undefined,
    linkedinSlug: normalizeSlug(ref.linkedinSlug),
    domains,
    nameKeys: ref.name ? companyNameKeys(ref.name) : [],
  };
}

/**
 * The query of an account record. Its keys were normalised when it was built (`withAccountKeys`
 * in records.ts), so only the name's variants are worked out: the same query as `accountQuery`,
 * at a third of the cost for an import's 50,000 rows.
 */
export function accountQueryOf(a: Pick<Account, 'name' | 'crmIds' | 'crmKeys' | 'domains' | 'linkedinSlug' | 'linkedinId'>): AccountQuery {
  return {
    crmIds: a.crmIds,
    crmKeys: a.crmKeys,
    linkedinId: a.linkedinId && /^\d+$/.test(a.linkedinId) ? a.linkedinId : undefined,
    linkedinSlug: a.linkedinSlug,
    domains: a.domains,
    nameKeys: a.name ? companyNameKeys(a.name) : [],
  };
}

/** The look-up steps in the order they decide. */
export const ACCOUNT_STEPS: readonly { via: AccountVia; index: AccountIndexName; keys: (q: AccountQuery) => string[] }[] = [
  { via: 'crm', index: 'byCrm', keys: (q) => q.crmKeys },
  { via: 'linkedin-id', index: 'byLinkedinId', keys: (q) => (q.linkedinId ? [q.linkedinId] : []) },
  { via: 'linkedin-slug', index: 'byLinkedinSlug', keys: (q) => (q.linkedinSlug ? [q.linkedinSlug] : []) },
  { via: 'domain', index: 'byDomain', keys: (q) => q.domains },
  { via: 'name', index: 'byNameKey', keys: (q) => q.nameKeys },
];

/** Every (index, key) a query needs, so a caller can fetch them all in one round. */
export function accountLookups(q: AccountQuery): { index: AccountIndexName; key: string }[] {
  return ACCOUNT_STEPS.flatMap((s) => s.keys(q).map((key) => ({ index: s.index, key })));
}

/** How many records a look-up fetches per key: enough to tell "one" from "several". */
export const LOOKUP_LIMIT = 5;

export interface AccountResolution<A> {
  account?: A;
  via?: AccountVia;
  /** Several accounts carry the name: which one is for the user to say (at most LOOKUP_LIMIT). */
  ambiguous?: A[];
}

type Keyed = Pick<Account, 'id' | 'crmIds' | 'linkedinId'>;

/**
 * Decide from the candidates each index holds. `found(index, key)` returns what storage has for
 * that key (any order). The first step with a hit decides; records that contradict the query (a
 * different id in the same CRM, a different LinkedIn id) are never a hit.
 */
export function resolveAccount<A extends Keyed>(q: AccountQuery, found: (index: AccountIndexName, key: string) => readonly A[] | undefined): AccountResolution<A> {
  const fits = (a: A) => !accountsConflict(a, q);
  for (const step of ACCOUNT_STEPS) {
    for (const key of step.keys(q)) {
      const hits = (found(step.index, key) ?? []).filter(fits);
      if (!hits.length) continue;
      if (step.via !== 'name') return { account: hits[0], via: step.via };
      // A name: one account decides; several ask; none tries the next way of writing it.
      const unique = [...new Map(hits.map((a) => [a.id, a])).values()];
      return unique.length === 1 ? { account: unique[0], via: 'name' } : { ambiguous: unique };
    }
  }
  return {};
}

/** Two records with different ids in the same CRM (or different LinkedIn ids) are never the same. */
export function accountsConflict(a: Pick<Account, 'crmIds' | 'linkedinId'>, b: Pick<Account, 'crmIds' | 'linkedinId'>): boolean {
  if (a.linkedinId && b.linkedinId && a.linkedinId !== b.linkedinId) return true;
  return crmIdsConflict(a.crmIds, b.crmIds);
}

export function crmIdsConflict(a: Partial<Record<CrmSystem, string>>, b: Partial<Record<CrmSystem, string>>): boolean {
  return (Object.keys(a) as CrmSystem[]).some((s) => a[s] && b[s] && crmKeysOf({ [s]: a[s] })[0] !== crmKeysOf({ [s]: b[s] })[0]);
}

// ---------------------------------------------------------------- how companies are written

// "We're hiring" and its translations, as LinkedIn appends it to a company's name or tagline.
const HIRING =
  /\s*(?:[-–—|·:]\s*)?\(?\s*(?:we['’]?re hiring|we are hiring|now hiring|hiring!?|wir stellen ein|on recrute|nous recrutons|estamos contratando|¡?estamos contratando!?|stiamo assumendo|wij zoeken collega['’]?s)\s*!?\)?\s*$/i;
// A trailing parenthetical: "(YC S25)", "(by Parent Co)", "(formerly Foo)".
const PARENTHETICAL = /\s*[([][^()[\]]*[)\]]\s*$/;
// A tagline after a spaced separator: "Acme - Data for all", "Acme | Cloud", "Acme · Group".
const TAGLINE = /\s+[-–—|·•]\s+.*$/;

/**
 * Every extra above needs one of these: a bracket, a separator or a hiring word. Most names have
 * none, and an import of 200,000 rows skips the five replaces for them.
 */
const MAY_HAVE_EXTRAS = /[([\-–—|·•]|hiring|stellen ein|recrut|contratando|assumendo|zoeken/i;

/** The ways a shown company name may be written, most literal first; empty parts dropped. */
export function companyNameVariants(shown: string): string[] {
  const s = shown.replace(/\s+/g, ' ').trim();
  if (!MAY_HAVE_EXTRAS.test(s)) return s ? [s] : [];
  return everyVariant(s);
}

/** Every step tried on a name (exported for the test that the shortcut above changes nothing). */
export function everyVariant(shown: string): string[] {
  const s = shown.replace(/\s+/g, ' ').trim();
  const noHiring = s.replace(HIRING, '').trim();
  const noParen = stripAll(noHiring, PARENTHETICAL);
  const head = noParen.replace(TAGLINE, '').trim();
  const headThenParen = stripAll(noHiring.replace(TAGLINE, '').trim(), PARENTHETICAL);
  return [...new Set([s, noHiring, noParen, head, headThenParen].filter((v) => v.length > 0))];
}

function stripAll(s: string, re: RegExp): string {
  let cur = s;
  for (let next = cur.replace(re, '').trim(); next !== cur && next; next = cur.replace(re, '').trim()) cur = next;
  return cur;
}

/** Normalised name keys to try, in order, without repeats. */
export function companyNameKeys(shown: string): string[] {
  return [...new Set(companyNameVariants(shown).map(normalizeCompanyName).filter(Boolean))];
}

/** The name to prefill when creating an account from a page: the shown name without its extras. */
export function cleanCompanyName(shown: string): string {
  return companyNameVariants(shown).at(-1) ?? shown.trim();
}
