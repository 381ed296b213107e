/**
 * LinkedIn profiles (/in/<slug>/) and company pages (/company/<slug or id>/), any country host.
 * Sales Navigator (/sales/…) lives in salesnav.ts. Signal chains run most stable first: URL, then
 * JSON-LD / meta / test ids / aria-labels / `main h1`, then the document title.
 */
import {
  buildContext, clean, decode, deepText, docTitle, domainFromUrl, firstOf, hrefUrl, isObj, ldOfType, ldString,
  metaContent, note, pageUrl, parseEmployees, textIn, textOf,
} from './dom';
import type { CompanyInfo, PageContext, PersonInfo, SiteAdapter } from './types';

export const SELECTORS = {
  person: {
    // linkedin-profile-2024-loggedin-en.html, hostile.html (2021 to at least 2024)
    name2024: 'h1.text-heading-xlarge',
    headline2024: 'div.text-body-medium.break-words',
    // linkedin-profile-old-2020-es.html (to 2020)
    name2020: '.pv-top-card-section__name',
    headline2020: '.pv-top-card-section__headline',
    company2020: '.pv-top-card-section__company',
    // 2020-21 layout: first item of the top-card list (no fixture; kept from SITES.md)
    nameList2021: '.pv-top-card--list > li:first-child',
    // linkedin-profile-public-fr.html (logged out)
    publicName: 'h1.top-card-layout__title',
    publicHeadline: 'h2.top-card-layout__headline',
    // every layout, incl. linkedin-profile-sdui-2025-de.html (hashed classes)
    mainH1: 'main h1',
    // "Current company: Acme. Click to skip…" on a button (2024, sdui-2025-de)
    ariaLabelled: '[aria-label]',
    // Experience card: 2024 anchor div, 2020 section id, 2025 SDUI component key
    experience: ['#experience', '#experience-section', '[componentkey*="Experience"]'],
    experienceEntry: 'li, [componentkey^="entity-collection-item"]',
    companyLink: 'a[href*="/company/"]',
  },
  company: {
    // linkedin-company-loggedin-en.html, linkedin-company-about-de.html
    name: ['h1.org-top-card-summary__title', 'h1[title]', 'h1.top-card-layout__title', 'main h1'],
    facts: 'dt',
    employeesLink: 'a[href*="currentCompany"]',
    // size by shape when there are no About facts: top-card items, then any leaf text in main
    sizeCandidates: '.org-top-card-summary-info-list__info-item, main div, main span, main li',
    // linkedin-company-public-en.html (logged out)
    website: '[data-test-id="about-us__website"]',
    size: '[data-test-id="about-us__size"]',
    industry: '[data-test-id="about-us__industry"]',
    semaphore: '[data-semaphore-content-urn^="urn:li:organization:"]',
    // full page loads only: Voyager JSON in <code> blocks
    code: 'code',
    canonical: 'link[rel="canonical"]',
    ogUrl: 'meta[property="og:url"]',
  },
  ogTitle: 'meta[property="og:title"]',
} as const;

const S = SELECTORS;

// "Current company: Acme. Click to skip to experience card", localised.
const CURRENT_COMPANY =
  /^(?:current company|aktuelles unternehmen|derzeitiges unternehmen|entreprise actuelle|soci[ée]t[ée] actuelle|empresa actual|empresa atual|azienda attuale|huidig bedrijf)\s*:\s*(.+)$/i;
const CLICK_SUFFIX = /\.\s*(?:click|klicken|klick|cliquez|cliquer|haz clic|haga clic|pulsa|clique|fai clic|klik)\b.*$/i;
const LOGO_WORDS = /^(?:logo(?:tipo)?\s+(?:de la|von|de|du|of|di)\s+)|\s+(?:logo|logotipo)$/gi;

// About labels (dt), localised; values are also recognised by shape.
const WEBSITE_LABEL = /^(?:website|webseite|site web|site internet|sitio web|página web|sito web)/i;
const SIZE_LABEL = /(?:company size|unternehmensgröße|größe|taille|tamaño|dimensioni)/i;
const INDUSTRY_LABEL = /^(?:industry|branche|secteur|sector|industria|settore)/i;
const SIZE_SHAPE =
  /^\s*\d[\d.,\s\u00a0\u202f]*(?:(?:-|–|—|à|a|bis|to)\s*\d[\d.,\s\u00a0\u202f]*|\+)\s*(?:employees?|mitarbeiter(?:innen)?|mitarbeitende|beschäftigte|employés|salariés|empleados|trabajadores|funcionários|dipendenti|medewerkers)/i;
const NOT_COMPANY_SITE = /(?:^|\.)(?:linkedin\.com|licdn\.com|lnkd\.in)$/;

type Page = { kind: 'person' | 'company'; key: string; subpage: boolean };

function isLinkedInHost(url: URL): boolean {
  const h = url.hostname.toLowerCase();
  return (h === 'linkedin.com' || h.endsWith('.linkedin.com')) && /^https?:$/.test(url.protocol);
}

/** What the URL says: profile or company, and its key (slug lower-cased and decoded, or id). */
export function identify(url: URL): Page | undefined {
  if (!isLinkedInHost(url)) return undefined;
  const m = /^\/(in|company)\/([^/?#]+)\/?(.*)$/.exec(url.pathname);
  if (!m) return undefined;
  const key = decode(m[2]).trim().toLowerCase();
  if (!key || (m[1] === 'company' && key === 'setup')) return undefined;
  return { kind: m[1] === 'in' ? 'person' : 'company', key, subpage: m[3].replace(/\/$/, '') !== '' };
}

export function pageKey(url: URL): string | undefined {
  const p = identify(url);
  return p && `linkedin:${p.kind === 'person' ? 'in' : 'company'}:${p.key}`;
}

/** `/company/<x>/` link -> numeric id or slug. */
function companyRef(href: string | null | undefined, base: URL): { id?: string; slug?: string } | undefined {
  const u = hrefUrl(href, base);
  const m = u && isLinkedInHost(u) ? /^\/company\/([^/?#]+)/.exec(u.pathname) : null;
  if (!m) return undefined;
  const key = decode(m[1]).toLowerCase();
  if (/[\s<>"'`]/.test(key)) return undefined; // not a vanity name: ignore rather than pass on
  return /^\d+$/.test(key) ? { id: key } : { slug: key };
}

/** Name part of a title: "(3) Jane Doe | LinkedIn", "Experience | Jane Doe | LinkedIn",
 *  "Jane Doe - Head of Finance - Acme | LinkedIn". Returns the " - " segments. */
function titleSegments(title: string | undefined): string[] {
  const t = (title ?? '').replace(/^\s*\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn\s*$/i, '');
  const last = t.split(' | ').pop() ?? '';
  const parts = last.split(/\s+[-–—]\s+/).map((p) => clean(p)).filter((p): p is string => !!p);
  return parts.length && !/^linkedin$/i.test(parts[0]) ? parts : [];
}

// ---------------------------------------------------------------- person

function currentCompanyFromAria(doc: Document): string | undefined {
  for (const el of doc.querySelectorAll(S.person.ariaLabelled)) {
    const m = CURRENT_COMPANY.exec(clean(el.getAttribute('aria-label')) ?? '');
    if (m) return clean(m[1].replace(CLICK_SUFFIX, ''));
  }
  return undefined;
}

/** The first experience entry: its company name (logo alt or "Acme · Full-time") and /company/ link. */
function firstExperience(doc: Document, url: URL, subpage: boolean) {
  let section: Element | null = null;
  for (const sel of S.person.experience) {
    const el = doc.querySelector(sel);
    if (el) {
      section = el.matches('section') ? el : (el.closest('section') ?? el.parentElement);
      break;
    }
  }
  // On /details/experience/ the whole main is the list.
  if (!section && subpage && /\/details\/experience/.test(url.pathname)) section = doc.querySelector('main');
  if (!section) return undefined;
  // Top-level entry (roles at one company are nested entries inside it).
  const entry = [...section.querySelectorAll(S.person.experienceEntry)].find(
    (e) => !e.parentElement?.closest(S.person.experienceEntry),
  );
  const link = (entry ?? section).querySelector(S.person.companyLink);
  if (!link) return undefined;
  const fromAlt = clean(link.querySelector('img[alt]')?.getAttribute('alt')?.replace(LOGO_WORDS, ''));
  // The line "Acme · Full-time"; lines starting with "·" are durations ("· 2 yrs").
  const line = [...(entry ?? link).querySelectorAll('span, p')]
    .map((e) => textIn(e))
    .find((t) => t && t.includes('·') && !t.startsWith('·'));
  return {
    name: fromAlt ?? clean(line?.split('·')[0]),
    ref: companyRef(link.getAttribute('href'), url),
    // Text of the entry, to check it is about the current company (empty when no entry element).
    entryText: (entry && textIn(entry, 2000)) ?? '',
  };
}

/** Last resort for the headline: the first plain text after the name heading in its card. */
function headlineAfter(h1: Element, name: string): string | undefined {
  const card = h1.closest('section') ?? h1.parentElement?.parentElement ?? h1.parentElement;
  if (!card) return undefined;
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  const leaves = [...card.querySelectorAll('*')].filter(
    (el) => !el.children.length && !h1.contains(el) && h1.compareDocumentPosition(el) & FOLLOWING,
  );
  for (const el of leaves.slice(0, 8)) {
    const t = textIn(el);
    if (!t || t === name || t.startsWith('·') || t.length < 3) continue; // degree badge "· 2."
    if (/^\(?[\p{L}]{1,6}\/[\p{L}]{1,6}\)?$/u.test(t)) continue; // pronouns "Er/Ihm"
    if (el.closest('[aria-label], a, button')) return undefined; // reached the buttons: give up
    return t;
  }
  return undefined;
}

function readPerson(doc: Document, url: URL, page: Page, signals: string[]) {
  const person: PersonInfo = { linkedinSlug: page.key };
  const ld = ldOfType(doc, 'Person');
  const og = titleSegments(metaContent(doc, S.ogTitle));
  const title = titleSegments(doc.title);
  // Name selectors that are unique to the top card; `main h1` is only safe on the profile itself,
  // subpages (/details/experience/) have a section heading there.
  const nameSelectors: string[] = [S.person.name2024, S.person.name2020, S.person.nameList2021, S.person.publicName];
  if (!page.subpage) nameSelectors.push(S.person.mainH1);

  person.name = firstOf(signals, [
    ['json-ld', () => ldString(ld?.name)],
    ['h1', () => textOf(doc, nameSelectors)],
    ['og:title', () => og[0]],
    ['title', () => title[0]],
  ]);

  person.title = firstOf(signals, [
    ['json-ld', () => ldString(ld?.jobTitle)],
    ['headline', () => textOf(doc, [S.person.headline2024, S.person.headline2020, S.person.publicHeadline])],
    ['og:title', () => (og.length >= 3 ? og[1] : undefined)],
    ['title', () => (title.length >= 3 ? title[1] : undefined)],
    ['structure:headline', () => {
      const h1 = page.subpage ? null : doc.querySelector(S.person.mainH1);
      return h1 && person.name ? headlineAfter(h1, person.name) : undefined;
    }],
  ]);

  const works = [ld?.worksFor].flat().find(isObj);
  const exp = firstExperience(doc, url, page.subpage);
  person.companyName = firstOf(signals, [
    ['aria-label', () => currentCompanyFromAria(doc)],
    ['json-ld', () => ldString(works?.name)],
    ['top-card', () => textOf(doc, [S.person.company2020])],
    ['experience', () => exp?.name],
    ['og:title', () => (og.length >= 3 ? og[og.length - 1] : undefined)],
    ['title', () => (title.length >= 3 ? title[title.length - 1] : undefined)],
  ]);

  // Company id/slug: JSON-LD worksFor url, else the first experience entry, but only when that
  // entry is about the current company (a job without a company page has no link of its own).
  let ref = typeof works?.url === 'string' ? companyRef(works.url, url) : undefined;
  if (!ref && exp?.ref) {
    const cn = person.companyName?.toLowerCase();
    if (!cn || exp.name?.toLowerCase() === cn || exp.entryText.toLowerCase().includes(cn)) {
      ref = exp.ref;
      note(signals, 'experience-link');
    }
  }
  if (ref?.id) person.companyLinkedinId = ref.id;
  if (ref?.slug) person.companyLinkedinSlug = ref.slug;
  return { readable: !!person.name, person };
}

// ---------------------------------------------------------------- company

/** dt/dd About facts: by localised label first, then by the value's shape (a link, "201-500 …"). */
function aboutFacts(doc: Document, base: URL) {
  const pairs: { label: string; dd: Element; value?: string }[] = [];
  for (const dt of doc.querySelectorAll(S.company.facts)) {
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    if (dd?.tagName === 'DD') pairs.push({ label: textIn(dt) ?? '', dd, value: textIn(dd) });
  }
  const byLabel = (re: RegExp) => pairs.find((p) => re.test(p.label));
  const site = byLabel(WEBSITE_LABEL);
  const size = byLabel(SIZE_LABEL) ?? pairs.find((p) => p.value && SIZE_SHAPE.test(p.value));
  return {
    website: site
      ? (websiteOf(site.dd, base) ?? siteText(site.value))
      : pairs.map((p) => websiteOf(p.dd, base)).find(Boolean),
    size: size?.value,
    industry: byLabel(INDUSTRY_LABEL)?.value,
  };
}

function siteText(v: string | undefined): string | undefined {
  const d = domainFromUrl(v);
  return d && !NOT_COMPANY_SITE.test(d) ? d : undefined;
}

/** Domain of the first outbound link in an element (LinkedIn's redirect wrapper unwrapped). */
function websiteOf(el: Element | null, base: URL): string | undefined {
  if (!el) return undefined;
  for (const a of el.querySelectorAll('a[href]')) {
    const d = domainFromUrl(hrefUrl(a.getAttribute('href'), base)?.href);
    if (d && !NOT_COMPANY_SITE.test(d)) return d;
    const t = siteText(textIn(a));
    if (t) return t;
  }
  return undefined;
}

/** Value text of a public `about-us__*` block: its dd, else its text without the dt label. */
function testIdValue(doc: Document, sel: string): string | undefined {
  const el = doc.querySelector(sel);
  if (!el) return undefined;
  const dd = el.querySelector('dd');
  if (dd) return textIn(dd);
  const label = textIn(el.querySelector('dt, h3')) ?? '';
  return clean(deepText(el).replace(/\s+/g, ' ').replace(label, ''));
}

function idFromEmployeesLink(doc: Document, base: URL): string | undefined {
  for (const a of doc.querySelectorAll(S.company.employeesLink)) {
    const u = hrefUrl(a.getAttribute('href'), base);
    const v = u?.searchParams.get('currentCompany') ?? u?.searchParams.get('facetCurrentCompany');
    const m = v ? /\d+/.exec(v) : null;
    if (m) return m[0];
  }
  return undefined;
}

const COMPANY_URN = /urn:li:(?:fsd_company|fs_normalized_company|fs_company|company|organization):(\d+)/;

/** Company id from the Voyager JSON in <code> blocks: the entity whose universalName is the slug;
 *  failing that, the only company id present. */
function idFromCode(doc: Document, slug: string): string | undefined {
  const ids = new Set<string>();
  let match: string | undefined;
  const walk = (v: unknown, depth: number): void => {
    if (match || depth > 12) return;
    if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (isObj(v)) {
      const urn = [v.entityUrn, v.objectUrn, v['*company']].find((x) => typeof x === 'string' && COMPANY_URN.test(x));
      const id = typeof urn === 'string' ? COMPANY_URN.exec(urn)?.[1] : undefined;
      if (id && typeof v.universalName === 'string' && v.universalName.toLowerCase() === slug) match = id;
      Object.values(v).forEach((x) => walk(x, depth + 1));
    }
  };
  for (const code of doc.querySelectorAll(S.company.code)) {
    const text = code.textContent ?? '';
    for (const m of text.matchAll(new RegExp(COMPANY_URN, 'g'))) ids.add(m[1]);
    if (!/universalName/.test(text)) continue;
    try {
      walk(JSON.parse(text), 0);
    } catch {
      /* not JSON */
    }
    if (match) return match;
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

function readCompany(doc: Document, url: URL, page: Page, signals: string[]) {
  const numeric = /^\d+$/.test(page.key);
  const company: CompanyInfo = numeric ? { linkedinId: page.key } : { linkedinSlug: page.key };
  const orgs = ['Organization', 'Corporation'].map((t) => ldOfType(doc, t)).filter(isObj);
  const ld = orgs[0];
  const og = clean(metaContent(doc, S.ogTitle)?.replace(/\s*\|\s*LinkedIn\s*$/i, ''));
  // "(2) Acme: About | LinkedIn" -> "Acme"
  const fromTitle = clean(docTitle(doc).replace(/\s*\|\s*LinkedIn\s*$/i, '').replace(/:\s*[^:]*$/, ''));

  company.name = firstOf(signals, [
    ['json-ld', () => ldString(ld?.name)],
    ['og:title', () => (og && !/^linkedin$/i.test(og) ? og : undefined)],
    ['h1', () => textOf(doc, S.company.name)],
    ['title', () => (fromTitle && !/^linkedin$/i.test(fromTitle) ? fromTitle : undefined)],
  ]);

  const facts = aboutFacts(doc, url);
  company.domain = firstOf(signals, [
    ['data-test-id', () =>
      websiteOf(doc.querySelector(S.company.website), url) ?? siteText(testIdValue(doc, S.company.website))],
    ['about', () => facts.website],
    ['json-ld', () => siteText(ldString(ld?.sameAs))],
  ]);
  company.sizeText = firstOf(signals, [
    ['data-test-id', () => testIdValue(doc, S.company.size)],
    ['about', () => facts.size],
    ['top-card', () =>
      [...doc.querySelectorAll(S.company.sizeCandidates)]
        .filter((e) => !e.children.length && !e.closest('a'))
        .map((e) => textIn(e))
        .find((t) => t && SIZE_SHAPE.test(t))],
  ]);
  if (company.sizeText) company.employees = parseEmployees(company.sizeText);
  company.industry = firstOf(signals, [
    ['data-test-id', () => testIdValue(doc, S.company.industry)],
    ['about', () => facts.industry],
  ]);

  if (!numeric) {
    company.linkedinId = firstOf(signals, [
      ['employees-link', () => idFromEmployeesLink(doc, url)],
      ['semaphore-urn', () => {
        const urn = doc.querySelector(S.company.semaphore)?.getAttribute('data-semaphore-content-urn');
        return COMPANY_URN.exec(urn ?? '')?.[1];
      }],
      ['code-urn', () => idFromCode(doc, page.key)],
    ]);
  } else {
    // Numeric URL: the slug from the canonical link / og:url / JSON-LD url.
    company.linkedinSlug = firstOf(signals, [
      ['canonical', () => companyRef(doc.querySelector(S.company.canonical)?.getAttribute('href'), url)?.slug],
      ['og:url', () => companyRef(metaContent(doc, S.company.ogUrl), url)?.slug],
      ['json-ld', () => (typeof ld?.url === 'string' ? companyRef(ld.url, url)?.slug : undefined)],
    ]);
  }
  return { readable: !!company.name, company };
}

// ---------------------------------------------------------------- adapter

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  matches: (url) => identify(url) !== undefined,
  extract(doc: Document, url: URL): PageContext {
    const page = identify(url);
    if (!page) return { kind: 'unsupported', url: pageUrl(url) };
    const key = pageKey(url) ?? '';
    if (page.kind === 'person') {
      return buildContext('linkedin', 'person', url, key, (s) => readPerson(doc, url, page, s), () => ({
        person: { linkedinSlug: page.key },
      }));
    }
    const fallback = /^\d+$/.test(page.key) ? { linkedinId: page.key } : { linkedinSlug: page.key };
    return buildContext('linkedin', 'company', url, key, (s) => readCompany(doc, url, page, s), () => ({
      company: fallback,
    }));
  },
  readySelectors(url) {
    const page = identify(url);
    if (!page) return [];
    if (page.kind === 'company') return [...S.company.name, S.company.website];
    return [S.person.name2024, S.person.name2020, S.person.publicName, S.person.mainH1];
  },
};
