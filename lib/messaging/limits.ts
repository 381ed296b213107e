/**
 * The protocol's size limits for what a content script reads from a page, in one place: the
 * background's zod schemas (protocol.ts) enforce them, and the content script truncates to them
 * before sending (clampPage), so an oversized field on a hostile or unusual page shortens the
 * field instead of failing the whole card. No zod here: this module is bundled into content
 * scripts.
 */
import type { PageContext } from '../sites/types';

export const LIMITS = {
  text: 300,
  url: 4000,
  pageKey: 500,
  slug: 200,
  linkedinId: 30,
  crmId: 100,
  email: 320,
  domain: 253,
  signal: 100,
  signals: 50,
} as const;

const PERSON: Record<string, number> = {
  name: LIMITS.text,
  title: LIMITS.text,
  companyName: LIMITS.text,
  companyLinkedinId: LIMITS.linkedinId,
  companyLinkedinSlug: LIMITS.slug,
  linkedinSlug: LIMITS.slug,
  salesNavLeadId: LIMITS.slug,
  email: LIMITS.email,
};
const COMPANY: Record<string, number> = {
  name: LIMITS.text,
  domain: LIMITS.domain,
  linkedinSlug: LIMITS.slug,
  linkedinId: LIMITS.linkedinId,
  sizeText: LIMITS.text,
  industry: LIMITS.text,
};
const CRM: Record<string, number> = {
  // Enums: the background checks the value; the limit only bounds the length.
  system: 20,
  objectType: 20,
  id: LIMITS.crmId,
  name: LIMITS.text,
  domain: LIMITS.domain,
  accountName: LIMITS.text,
  accountId: LIMITS.crmId,
  email: LIMITS.email,
  title: LIMITS.text,
};

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s[max - 1] ?? '') ? max - 1 : max;
  return s.slice(0, end);
}

function clampFields<T extends object>(o: T | undefined, limits: Record<string, number>): T | undefined {
  if (!o) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    // Only fields the protocol knows travel; a string field with no limit here is dropped.
    if (typeof v === 'string') {
      const max = Object.hasOwn(limits, k) ? limits[k] : undefined;
      if (max !== undefined) out[k] = cut(v, max);
    } else if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && v >= 0) out[k] = v;
    } else if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** The page context cut to the protocol's limits: what the background will accept. */
export function clampPage(page: PageContext): PageContext {
  if (page.kind === 'unsupported') return { kind: 'unsupported', url: cut(page.url, LIMITS.url) };
  const out: PageContext = {
    ...page,
    url: cut(page.url, LIMITS.url),
    pageKey: cut(page.pageKey, LIMITS.pageKey),
    signals: page.signals.slice(0, LIMITS.signals).map((s) => cut(s, LIMITS.signal)),
  };
  if (page.person) out.person = clampFields(page.person, PERSON);
  if (page.company) out.company = clampFields(page.company, COMPANY);
  if (page.crm) out.crm = clampFields(page.crm, CRM);
  return out;
}
