/**
 * LinkedIn Sales Navigator: lead pages (/sales/lead/<ACwAA…>,NAME_SEARCH,x) and account pages
 * (/sales/company/<id>, older /sales/accounts/insights?companyId=N). The stable hooks are the
 * `data-anonymize` attributes Sales Navigator uses for its own screenshots mode.
 */
import {
  buildContext, clean, decode, docTitle, domainFromUrl, firstOf, hrefUrl, pageUrl, parseEmployees, textIn, textOf,
} from './dom';
import type { CompanyInfo, PageContext, PersonInfo, SiteAdapter } from './types';

export const SELECTORS = {
  // salesnav-lead.html
  leadName: ['h1[data-anonymize="person-name"]', '[data-anonymize="person-name"]'],
  leadTitle: '[data-anonymize="title"]',
  companyLink: 'a[data-anonymize="company-name"][href*="/sales/company/"]',
  companyName: '[data-anonymize="company-name"]',
  profileLink: 'a[href*="/in/"]',
  // salesnav-company.html
  accountName: ['h1[data-anonymize="company-name"]', '[data-anonymize="company-name"]'],
  industry: '[data-anonymize="industry"]',
  headcount: '[data-anonymize="headcount"]',
  website: 'a[data-control-name="visit_company_website"]',
  mainH1: 'main h1',
} as const;

const S = SELECTORS;

type Page = { kind: 'person'; id: string } | { kind: 'company'; id: string };

export function identify(url: URL): Page | undefined {
  const h = url.hostname.toLowerCase();
  if (!(h === 'linkedin.com' || h.endsWith('.linkedin.com'))) return undefined;
  const lead = /^\/sales\/(?:lead|people)\/([^/?#]+)/.exec(url.pathname);
  if (lead) {
    // "ACwAAA…,NAME_SEARCH,x" (the comma may arrive escaped): keep what is before the first comma.
    const id = decode(lead[1]).split(',')[0].trim();
    return /^[\w-]+$/.test(id) ? { kind: 'person', id } : undefined;
  }
  const company = /^\/sales\/company\/(\d+)(?:[/?#]|$)/.exec(url.pathname + '/');
  if (company) return { kind: 'company', id: company[1] };
  if (/^\/sales\/accounts\/insights\/?$/.test(url.pathname)) {
    const id = url.searchParams.get('companyId');
    if (id && /^\d+$/.test(id)) return { kind: 'company', id };
  }
  return undefined;
}

export function pageKey(url: URL): string | undefined {
  const p = identify(url);
  return p && `salesnav:${p.kind === 'person' ? 'lead' : 'company'}:${p.id}`;
}

/** "Jane Doe | Sales Navigator" -> "Jane Doe" */
function titleName(doc: Document): string | undefined {
  const t = docTitle(doc);
  if (!/\|\s*(?:LinkedIn\s+)?Sales Navigator\s*$/i.test(t)) return undefined;
  return clean(t.split(' | ')[0]);
}

function readLead(doc: Document, url: URL, id: string, signals: string[]) {
  const person: PersonInfo = { salesNavLeadId: id };
  person.name = firstOf(signals, [
    ['data-anonymize', () => textOf(doc, S.leadName)],
    ['h1', () => textOf(doc, [S.mainH1])],
    ['title', () => titleName(doc)],
  ]);
  // Scope to the lead's own card: "similar leads" further down use the same hooks.
  const card = doc.querySelector(S.leadName[0])?.closest('section') ?? doc;
  person.title = firstOf(signals, [['data-anonymize', () => textOf(card, [S.leadTitle])]]);
  const link = card.querySelector(S.companyLink);
  person.companyName = firstOf(signals, [
    ['company-link', () => textIn(link)],
    ['data-anonymize', () => textOf(card, [S.companyName])],
  ]);
  const cid = /\/sales\/company\/(\d+)/.exec(hrefUrl(link?.getAttribute('href'), url)?.pathname ?? '')?.[1];
  if (cid) person.companyLinkedinId = cid;
  // A public profile link, when the page has one with a readable slug (not the ACwAA key).
  for (const a of card.querySelectorAll(S.profileLink)) {
    const m = /^\/in\/([^/?#]+)/.exec(hrefUrl(a.getAttribute('href'), url)?.pathname ?? '');
    const slug = m && decode(m[1]).toLowerCase();
    if (slug && !slug.startsWith('acwaa')) {
      person.linkedinSlug = slug;
      break;
    }
  }
  return { readable: !!person.name, person };
}

function readAccount(doc: Document, url: URL, id: string, signals: string[]) {
  const company: CompanyInfo = { linkedinId: id };
  company.name = firstOf(signals, [
    ['data-anonymize', () => textOf(doc, S.accountName)],
    ['h1', () => textOf(doc, [S.mainH1])],
    ['title', () => titleName(doc)],
  ]);
  company.industry = firstOf(signals, [['data-anonymize', () => textOf(doc, [S.industry])]]);
  company.sizeText = firstOf(signals, [['data-anonymize', () => textOf(doc, [S.headcount])]]);
  if (company.sizeText) company.employees = parseEmployees(company.sizeText);
  company.domain = firstOf(signals, [
    ['website-link', () => domainFromUrl(hrefUrl(doc.querySelector(S.website)?.getAttribute('href'), url)?.href)],
  ]);
  return { readable: !!company.name, company };
}

export const salesnav: SiteAdapter = {
  site: 'salesnav',
  matches: (url) => identify(url) !== undefined,
  extract(doc: Document, url: URL): PageContext {
    const page = identify(url);
    if (!page) return { kind: 'unsupported', url: pageUrl(url) };
    const key = pageKey(url) ?? '';
    if (page.kind === 'person') {
      return buildContext('salesnav', 'person', url, key, (s) => readLead(doc, url, page.id, s), () => ({
        person: { salesNavLeadId: page.id },
      }));
    }
    return buildContext('salesnav', 'company', url, key, (s) => readAccount(doc, url, page.id, s), () => ({
      company: { linkedinId: page.id },
    }));
  },
  readySelectors(url) {
    const page = identify(url);
    if (!page) return [];
    return page.kind === 'person' ? [...S.leadName] : [...S.accountName];
  },
};
