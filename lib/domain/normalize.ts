/**
 * Normalisation used for matching: company names, domains, slugs.
 * "Northwind Analytics, Inc." and "northwind analytics" share a key; "Bounce" and
 * "Bounced Inc." do not (whole-word suffix removal only, never prefix matching).
 */

/** Legal-form suffixes dropped from the end of a company name (after punctuation is gone). */
const LEGAL_SUFFIXES = [
  'incorporated', 'inc', 'corporation', 'corp', 'company', 'co', 'llc', 'llp', 'lp', 'ltd', 'limited',
  'plc', 'gmbh', 'ag', 'kg', 'ug', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as',
  'aps', 'pty', 'pte', 'kk', 'sl', 'sau', 'slu', 'and co kg', 'and co', 'co kg', 'holding', 'holdings', 'group',
];
const SUFFIX_RE = new RegExp(
  `(?:\\s+(?:${LEGAL_SUFFIXES.sort((a, b) => b.length - a.length).map((s) => s.replace(/ /g, '\\s+')).join('|')}))+$`,
);

/** Lower case, no accents, no punctuation, single spaces, legal-form suffixes removed. */
export function normalizeCompanyName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "S.A." -> "sa", "Co.," -> "co": remove dots between letters before other punctuation.
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const stripped = base.replace(SUFFIX_RE, '').trim();
  // A name made only of a suffix word ("Group") keeps it.
  return stripped || base;
}

/** `https://www.Acme.com/about?x` -> `acme.com`. Returns undefined for anything not a host name. */
export function normalizeDomain(input: string | undefined | null): string | undefined {
  if (!input) return undefined;
  let s = input.trim().toLowerCase();
  if (!s) return undefined;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/^[^@/]*@/, ''); // user@ in URLs, or an email address
  s = s.split(/[/?#:\s]/)[0] ?? ''; // split always yields at least one part
  s = s.replace(/^www\d?\./, '').replace(/\.$/, '');
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(s)) return undefined;
  return s;
}

/** Domain of an email address, unless it's a free-mail provider. */
const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com', 'gmx.de', 'gmx.net', 'web.de', 'orange.fr', 'free.fr', 'aol.com', 'proton.me', 'protonmail.com']);
export function companyDomainFromEmail(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return undefined;
  const d = normalizeDomain(email.slice(at + 1));
  return d && !FREE_MAIL.has(d) ? d : undefined;
}

/** LinkedIn slugs: URL-decoded, lower case, no slashes. */
export function normalizeSlug(slug: string | undefined | null): string | undefined {
  if (!slug) return undefined;
  let s = slug.trim();
  try {
    s = decodeURIComponent(s);
  } catch {
    /* keep as is */
  }
  s = s.replace(/^\/+|\/+$/g, '').toLowerCase();
  return s || undefined;
}

export function normalizeEmail(email: string | undefined | null): string | undefined {
  const s = email?.trim().toLowerCase();
  return s && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s) ? s : undefined;
}

/** `system:id` keys for the CRM index. Salesforce 18-char ids are case-safe; 15-char ids are case-sensitive. */
export function crmKeys(ids: Partial<Record<string, string>>): string[] {
  return Object.entries(ids)
    .filter(([, v]) => !!v)
    .map(([k, v]) => `${k}:${k === 'salesforce' ? salesforceId15(v!) : v}`);
}

/** Salesforce ids match on their first 15 characters (the 18-char form adds a case checksum). */
export function salesforceId15(id: string): string {
  return id.length === 18 ? id.slice(0, 15) : id;
}
