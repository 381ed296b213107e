/**
 * LinkedIn Sales Navigator: lead pages (/sales/lead/<ACwAA…>,NAME_SEARCH,x), account pages
 * (/sales/company/<id>, older /sales/accounts/insights?companyId=N) and the lead panel a people
 * search (/sales/search/people?…) opens beside its results.
 *
 * Class names are hashed and change with every release, so nothing here reads them. The hooks are
 * the `data-anonymize` attributes Sales Navigator uses for its own screenshot mode, the
 * `data-sn-view-name` / `data-x--…` attributes its views and tests carry, `urn:li:fs_salesCompany`
 * urns, `/sales/lead/` and `/sales/company/` links, and the title "Name | Sales Navigator".
 *
 * A lead page also shows other people's companies (interests, similar leads, the viewer's header,
 * hovercards) and the lead's past employers ("Also worked at", experience). The company is only
 * ever read from the first position of the current-role block; when that block is missing or
 * unclear the company stays undefined rather than being guessed.
 */
import {
  buildContext, clean, decode, docTitle, domainFromUrl, firstOf, hrefUrl, note, pageUrl, parseEmployees, textIn, type Read,
} from './dom';
import { degreeFrom, evidenceOf, savedLeadFrom } from './evidence';
import { NO_SUBJECT, type CompanyInfo, type PageContext, type PageEvidence, type PersonInfo, type SiteAdapter } from './types';

export const SELECTORS = {
  // Lead name. salesnav-lead.html (h1), salesnav-lead-2026-en/-de/-no-company-page.html (h1 with
  // data-x--lead--name), salesnav-search-panel-2026.html (inside the panel).
  leadName: ['h1[data-anonymize="person-name"]', '[data-x--lead--name]'],
  // 2026 current-role block: salesnav-lead-2026-en/-de/-no-company-page.html, salesnav-search-panel-2026.html.
  currentRole: '[data-sn-view-name="lead-current-role"]',
  // One position inside it (the "Also worked at" line is a <p>, not a position): same fixtures.
  position: 'li',
  // Job title of a position: salesnav-lead-2026-*.html, salesnav-search-panel-2026.html.
  jobTitle: '[data-anonymize="job-title"]',
  // Pre-2026 title in the lead's own card: salesnav-lead.html.
  leadTitle: '[data-anonymize="title"]',
  // Company of a position (a link when it has a page, plain text otherwise): all lead fixtures.
  companyName: '[data-anonymize="company-name"]',
  // Sales company urn on the company link or its hovercard button: salesnav-lead-2026-en/-de.html,
  // salesnav-search-panel-2026.html.
  companyUrn: '[data-entity-hovercard-id^="urn:li:fs_salesCompany:"]',
  // Any Sales Navigator company link: salesnav-lead.html, salesnav-lead-2026-*.html.
  companyLink: 'a[href*="/sales/company/"]',
  // Public profile link in the pre-2026 card: salesnav-lead.html.
  profileLink: 'a[href*="/in/"]',
  // Lead links (the search panel's own lead): salesnav-search-panel-2026.html.
  leadLink: 'a[href*="/sales/lead/"]',
  // Where the lead panel of a search page lives: salesnav-search-panel-2026.html. The outlet id is
  // the one the 2026 lead page capture carries (empty there); the others are generic panel shapes.
  panel: ['#inline-sidesheet-outlet', '[role="dialog"]', 'aside'],
  // Account name: salesnav-company-2026.html (h1 + data-x--account--name), salesnav-company.html
  // (a div in the account header).
  accountName: ['h1[data-anonymize="company-name"]', '[data-x--account--name]'],
  accountHeader: ['[data-sn-view-name="account-header"]', '[data-sn-view-name="feature-account-top-card"]', '[data-x--account--profile-card]'],
  // Account facts, read inside the header: salesnav-company.html, salesnav-company-2026.html.
  industry: '[data-anonymize="industry"]',
  headcount: '[data-anonymize="headcount"]',
  website: ['a[data-control-name="visit_company_website"]', 'a[data-x--account--website]'],
  // Text only screen readers get ("Sales Navigator Lead Page", "Basic lead information for …"):
  // never a name. salesnav-lead-2026-*.html, salesnav-company-2026.html, salesnav-search-panel-2026.html.
  // Not [aria-hidden]: dialogs may hide the whole page behind them from screen readers while it stays on screen.
  hidden: '.a11y-text, .visually-hidden, .sr-only',
  // Evidence (lib/sites/evidence.ts). The lead's save call-to-action, "Save"/"Saved" (localised):
  // salesnav-lead-2026-en/-de.html (not saved), salesnav-lead-2026-saved-en/-fr.html (saved).
  saveCta: 'button[data-x--lead-save-cta]',
  // Degree badge ("3rd") in the sublabel right after the lead's name: salesnav-lead-2026-en.html.
  nameSublabel: 'span',
  // Places that only ever hold other people or companies: hovercards and tooltips.
  elsewhere: '[role="tooltip"]',
} as const;

const S = SELECTORS;

type Page =
  | { kind: 'person'; id: string }
  | { kind: 'company'; id: string }
  /** A people search: the lead, if any, is the one in the side panel, not in the URL. */
  | { kind: 'search' };

const SEARCH_KEY = 'salesnav:search:people';

export function identify(url: URL): Page | undefined {
  const h = url.hostname.toLowerCase();
  if (!(h === 'linkedin.com' || h.endsWith('.linkedin.com'))) return undefined;
  const lead = /^\/sales\/(?:lead|people)\/([^/?#]+)/.exec(url.pathname);
  if (lead) {
    const id = leadIdOf(lead[1]);
    return id ? { kind: 'person', id } : undefined;
  }
  const company = /^\/sales\/company\/(\d+)(?:[/?#]|$)/.exec(url.pathname + '/')?.[1];
  if (company) return { kind: 'company', id: company };
  if (/^\/sales\/accounts\/insights\/?$/.test(url.pathname)) {
    const id = url.searchParams.get('companyId');
    if (id && /^\d+$/.test(id)) return { kind: 'company', id };
  }
  if (/^\/sales\/search\/people\/?$/.test(url.pathname)) return { kind: 'search' };
  return undefined;
}

/** "ACwAAA…,NAME_SEARCH,x" (the comma may arrive escaped): what is before the first comma. */
function leadIdOf(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  const id = (decode(segment).split(',')[0] ?? '').trim();
  return /^[\w-]+$/.test(id) ? id : undefined;
}

/** The key from the URL alone; a search page has none until its panel is read. */
export function pageKey(url: URL): string | undefined {
  const p = identify(url);
  if (!p || p.kind === 'search') return undefined;
  return `salesnav:${p.kind === 'person' ? 'lead' : 'company'}:${p.id}`;
}

/** "Jane Doe | Sales Navigator" -> "Jane Doe" */
function titleName(doc: Document): string | undefined {
  const t = docTitle(doc);
  if (!/\|\s*(?:LinkedIn\s+)?Sales Navigator\s*$/i.test(t)) return undefined;
  return clean(t.split(' | ')[0]);
}

type Root = Document | Element;

/** Elements matching a selector that a sighted reader sees as page content (no a11y-only text, no hovercards). */
function shown(root: Root, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => !el.closest(S.hidden) && !el.closest(S.elsewhere));
}

/** Text of the first shown element matching any selector, in order. */
function shownText(root: Root, selectors: readonly string[]): string | undefined {
  for (const sel of selectors) {
    for (const el of shown(root, sel)) {
      const t = textIn(el);
      if (t) return t;
    }
  }
  return undefined;
}

function leadNameElement(root: Root): Element | undefined {
  for (const sel of S.leadName) {
    const el = shown(root, sel).find((e) => textIn(e));
    if (el) return el;
  }
  return undefined;
}

const salesCompanyId = (urn: string | null | undefined) => /^urn:li:fs_salesCompany:(\d+)$/.exec(urn?.trim() ?? '')?.[1];
const companyIdOfLink = (a: Element | null, url: URL) =>
  /^\/sales\/company\/(\d+)\/?$/.exec(hrefUrl(a?.getAttribute('href'), url)?.pathname ?? '')?.[1];

/**
 * The company id of one position, from the urn on its company element or the links inside the
 * position. All of them belong to this one position; if they disagree we do not know which is right.
 */
function positionCompanyId(position: Element, url: URL, signals: string[]): string | undefined {
  const fromUrns = new Set(
    [...position.querySelectorAll(S.companyUrn)].map((e) => salesCompanyId(e.getAttribute('data-entity-hovercard-id'))).filter(Boolean),
  );
  const fromLinks = new Set([...position.querySelectorAll(S.companyLink)].map((a) => companyIdOfLink(a, url)).filter(Boolean));
  const all = new Set([...fromUrns, ...fromLinks]);
  if (all.size !== 1) return undefined;
  return firstOf(signals, [
    ['sales-company-urn', () => [...fromUrns][0]],
    ['company-link', () => [...fromLinks][0]],
  ]);
}

/**
 * 2026 layout: the first position of the current-role block is the lead's current job. Only that
 * position is read; the "Also worked at" line and the experience list below name past employers.
 */
function readCurrentRole(block: Element, url: URL, signals: string[]): Pick<PersonInfo, 'title' | 'companyName' | 'companyLinkedinId'> {
  const position = [...block.querySelectorAll(S.position)].find((li) => li.querySelector(S.jobTitle) || li.querySelector(S.companyName));
  if (!position) return {};
  const out: Pick<PersonInfo, 'title' | 'companyName' | 'companyLinkedinId'> = {};
  out.title = firstOf(signals, [['data-anonymize:job-title', () => textIn(position.querySelector(S.jobTitle))]]);
  const companies = position.querySelectorAll(S.companyName);
  // One company per position; two would mean a layout we do not understand.
  if (companies.length === 1) {
    out.companyName = firstOf(signals, [['data-anonymize:company-name', () => textIn(companies[0])]]);
    if (out.companyName) out.companyLinkedinId = positionCompanyId(position, url, signals);
  }
  note(signals, 'sn-view:lead-current-role');
  return out;
}

/**
 * Pre-2026 layout: title and company sit next to the name in the lead's own card section.
 * Without that section nothing is taken: the whole page has other leads' companies too.
 */
function readLeadCard(nameEl: Element | undefined, url: URL, signals: string[]): PersonInfo {
  const card = nameEl?.closest('section');
  if (!card) return {};
  const out: PersonInfo = {};
  out.title = firstOf(signals, [['data-anonymize:title', () => textIn(card.querySelector(S.leadTitle))]]);
  const companies = shown(card, S.companyName);
  const company = companies.length === 1 ? companies[0] : undefined; // two or more: which one is unknowable
  if (company) {
    out.companyName = firstOf(signals, [['data-anonymize:company-name', () => textIn(company)]]);
    if (out.companyName) out.companyLinkedinId = firstOf(signals, [['company-link', () => companyIdOfLink(company, url)]]);
  }
  // A public profile link with a readable slug (not the ACwAA key).
  for (const a of card.querySelectorAll(S.profileLink)) {
    const linked = /^\/in\/([^/?#]+)/.exec(hrefUrl(a.getAttribute('href'), url)?.pathname ?? '')?.[1];
    const slug = linked && decode(linked).toLowerCase();
    if (slug && !slug.startsWith('acwaa')) {
      out.linkedinSlug = slug;
      break;
    }
  }
  return out;
}

/** Name, title and current company of the lead shown in `root` (the page, or the search panel). */
function readLeadIn(root: Root, url: URL, signals: string[], titleFallback: () => string | undefined): PersonInfo {
  const nameEl = leadNameElement(root);
  const person: PersonInfo = {};
  const byAnonymize = nameEl?.matches(S.leadName[0]);
  person.name = firstOf(signals, [
    ['data-anonymize:person-name', () => (byAnonymize ? textIn(nameEl) : undefined)],
    ['data-x--lead--name', () => (byAnonymize ? undefined : textIn(nameEl))],
    ['title', titleFallback],
  ]);
  const block = shown(root, S.currentRole)[0];
  Object.assign(person, block ? readCurrentRole(block, url, signals) : readLeadCard(nameEl, url, signals));
  return person;
}

function readLead(doc: Document, url: URL, id: string, signals: string[]): Read {
  const person: PersonInfo = { salesNavLeadId: id, ...readLeadIn(doc, url, signals, () => titleName(doc)) };
  return { readable: !!person.name, person, evidence: leadEvidence(doc, signals) };
}

/** Saved-lead state and degree of the lead page's own lead (a search panel's lead is not read). */
function leadEvidence(root: Root, signals: string[]): PageEvidence | undefined {
  const nameEl = leadNameElement(root);
  const savedLead = firstOf(signals, [['evidence:save-cta', () => savedLeadFrom(shown(root, S.saveCta)[0])]]);
  const degree = firstOf(signals, [['evidence:name-sublabel', () => {
    const sub = nameEl?.nextElementSibling;
    return sub ? degreeFrom([sub, ...sub.querySelectorAll(S.nameSublabel)].filter((e) => !e.children.length).map((e) => textIn(e) ?? '')) : undefined;
  }]]);
  return evidenceOf({ degree, savedLead });
}

/** The open lead panel of a search page: the container around a lead name that is not a result row. */
function searchPanel(doc: Document): Element | undefined {
  for (const sel of S.leadName) {
    for (const el of shown(doc, sel)) {
      const panel = el.closest(S.panel.join(','));
      if (panel && textIn(el)) return panel;
    }
  }
  return undefined;
}

/**
 * The panel's own lead id: the lead link on or around its name, else the one lead every lead link
 * of the panel outside lists points to. Lists in the panel (similar leads, interests) are other people.
 */
function panelLeadId(panel: Element, url: URL, signals: string[]): string | undefined {
  const idOf = (a: Element | null | undefined) => {
    const m = /^\/sales\/(?:lead|people)\/([^/?#]+)/.exec(hrefUrl(a?.getAttribute('href'), url)?.pathname ?? '');
    return m ? leadIdOf(m[1]) : undefined;
  };
  const nameEl = leadNameElement(panel);
  const onName = nameEl && (nameEl.closest(S.leadLink) ?? nameEl.querySelector(S.leadLink));
  const ids = new Set(shown(panel, S.leadLink).filter((a) => !a.closest('li')).map(idOf).filter(Boolean));
  return firstOf(signals, [
    ['panel-lead-link:name', () => idOf(onName)],
    ['panel-lead-link', () => (ids.size === 1 ? [...ids][0] : undefined)],
  ]);
}

function searchContext(doc: Document, url: URL): PageContext {
  const signals: string[] = [];
  let panel: Element | undefined;
  let id: string | undefined;
  try {
    panel = searchPanel(doc);
    id = panel && panelLeadId(panel, url, signals);
  } catch {
    panel = undefined;
  }
  if (!panel || !id) {
    // No panel open (or no way to tell whose it is): a known page type with nothing to read.
    return buildContext('salesnav', 'person', url, SEARCH_KEY, (s) => {
      s.push('search:no-panel', NO_SUBJECT);
      return { readable: false };
    });
  }
  const p = panel;
  const leadId = id;
  return buildContext('salesnav', 'person', url, `salesnav:lead:${leadId}`, (s) => {
    s.push('search-panel', ...signals);
    // No title fallback: the search page's title names the search, not the lead.
    const person: PersonInfo = { salesNavLeadId: leadId, ...readLeadIn(p, url, s, () => undefined) };
    return { readable: !!person.name, person };
  }, () => ({ person: { salesNavLeadId: leadId } }));
}

/** The account header: the section the account's name sits in, from the first hook that is there. */
function accountHeader(doc: Document): Element | undefined {
  for (const sel of S.accountHeader) {
    const el = shown(doc, sel)[0];
    if (el) return el;
  }
  const nameEl = shown(doc, S.accountName.join(','))[0];
  return nameEl?.closest('section') ?? undefined;
}

function readAccount(doc: Document, url: URL, id: string, signals: string[]): Read {
  const company: CompanyInfo = { linkedinId: id };
  const header = accountHeader(doc);
  company.name = firstOf(signals, [
    ['data-anonymize:company-name', () => shownText(doc, [S.accountName[0]])],
    ['data-x--account--name', () => shownText(doc, [S.accountName[1]])],
    ['account-header', () => (header ? shownText(header, [S.companyName]) : undefined)],
    ['title', () => titleName(doc)],
  ]);
  // Facts only from the header: similar accounts further down carry the same hooks.
  if (header) {
    company.industry = firstOf(signals, [['data-anonymize:industry', () => shownText(header, [S.industry])]]);
    company.sizeText = firstOf(signals, [['data-anonymize:headcount', () => shownText(header, [S.headcount])]]);
    if (company.sizeText) company.employees = parseEmployees(company.sizeText);
    company.domain = firstOf(signals, [
      ['website-link', () => domainFromUrl(hrefUrl(shown(header, S.website.join(','))[0]?.getAttribute('href'), url)?.href)],
    ]);
  }
  return { readable: !!company.name, company };
}

export const salesnav: SiteAdapter = {
  site: 'salesnav',
  matches: (url) => identify(url) !== undefined,
  extract(doc: Document, url: URL): PageContext {
    const page = identify(url);
    if (!page) return { kind: 'unsupported', url: pageUrl(url) };
    if (page.kind === 'search') return searchContext(doc, url);
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
  // salesnav-search-panel-2026.html: opening a lead in the panel, or another one, keeps the URL.
  live: (url) => /^\/sales\/search\//.test(url.pathname),
  readySelectors(url) {
    const page = identify(url);
    if (!page) return [];
    if (page.kind === 'company') return [...S.accountName, ...S.accountHeader];
    // On a search page the lead name only ever appears in the panel (result rows use a plain span).
    return [...S.leadName, S.currentRole];
  },
};
