/**
 * LinkedIn profiles (/in/<slug>/) and company pages (/company/<slug or id>/), any country host.
 * Sales Navigator (/sales/…) lives in salesnav.ts. Signal chains run most stable first: URL, then
 * JSON-LD / meta / test ids / aria-labels / `main h1`, then the document title.
 */
import {
  buildContext, clean, decode, deepText, docTitle, domainFromUrl, firstOf, hrefUrl, isObj, ldOfType, ldString,
  metaContent, note, pageUrl, parseEmployees, textIn, textOf,
} from './dom';
import { degreeFrom, evidenceOf, followIn } from './evidence';
import type { CompanyInfo, PageContext, PageEvidence, PersonInfo, SiteAdapter } from './types';

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
    // every layout with an h1, incl. linkedin-profile-sdui-2025-de.html (hashed classes); 2026 pages have none
    mainH1: 'main h1',
    // 2026 top card (server-driven UI, no h1): the card's componentkey ends in "Topcard"; the name is its h2.
    // linkedin-profile-2026-loggedin-{topcard-en,popup-it,pending-en,de,shared-employer-fr}.html;
    // "TopCard_" in linkedin-profile-sdui-2025-de.html
    topCard: ['section[componentkey$="Topcard"]', '[componentkey$="Topcard"]', '[componentkey*="TopCard"]'],
    topCardName: 'h2',
    // Entity buttons under the headline (company first, then school), no aria-label in 2026:
    // same five 2026 fixtures
    topCardEntity: '[role="button"]',
    // Logged-out top card link to the current company (2023 guest, linkedin-profile-2023-guest-lk.html,
    // linkedin-profile-guest-de.html, linkedin-profile-guest-sg.html)
    publicCurrentCompany: '[data-section="currentPositionsDetails"] a[href*="/company/"]',
    publicCompanyText: '.top-card-link__description',
    // "Current company: Acme. Click to skip…" on a button (2024, sdui-2025-de)
    ariaLabelled: '[aria-label]',
    // Experience card: 2024 anchor div, 2020 section id, 2025/2026 SDUI component key
    // (linkedin-profile-2026-details-experience-en.html: entries as entity-collection-item-N)
    experience: ['#experience', '#experience-section', '[componentkey*="Experience"]'],
    experienceEntry: 'li, [componentkey^="entity-collection-item"]',
    companyLink: 'a[href*="/company/"]',
    // Evidence (lib/sites/evidence.ts). 2024 top card: `.pv-top-card` with the degree in
    // `.dist-value` (linkedin-profile-2024-loggedin-en.html, linkedin-profile-2024-connected-following-en.html).
    topCard2024: '.pv-top-card, .scaffold-layout__main > section:first-of-type',
    distValue: '.dist-value',
    // 2026: degree badges are `p` lines of the name row ("· 2nd"); two of them on every 2026 capture
    // (linkedin-profile-2026-*.html, linkedin-profile-2026-connected-following-fr.html)
    badge: 'p, span',
  },
  company: {
    // linkedin-company-loggedin-en.html, linkedin-company-about-de.html, linkedin-company-2026-interop-inner-en.html
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
    // full page loads only: Voyager JSON in <code> blocks (linkedin-company-about-de.html,
    // linkedin-company-2026-code-json-en.html)
    code: 'code',
    // 2026: the company page renders inside this frame (loaded from /preload/…); the outer document keeps only
    // the title and a sidebar (linkedin-company-2026-interop-outer-en.html). Also present, hidden, on profiles.
    interopFrame: 'iframe[data-testid="interop-iframe"]',
    canonical: 'link[rel="canonical"]',
    // Follow button of the company's own top card (linkedin-company-loggedin-en.html,
    // linkedin-company-following-*.html); the aside's "Pages people also viewed" has others.
    topCard: '.org-top-card, [data-view-name="organization-top-card"], main > section:first-of-type',
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
  // 2026: pages can render inside an interop frame loaded from /preload/…; the rest of its path is the page.
  const path = url.pathname.replace(/^\/preload(?=\/(?:in|company)\/)/, '');
  const m = /^\/(in|company)\/([^/?#]+)\/?(.*)$/.exec(path);
  if (!m) return undefined;
  const [, kind, slug = '', rest = ''] = m;
  const key = decode(slug).trim().toLowerCase();
  if (!key || (kind === 'company' && key === 'setup')) return undefined;
  return { kind: kind === 'in' ? 'person' : 'company', key, subpage: rest.replace(/\/$/, '') !== '' };
}

export function pageKey(url: URL): string | undefined {
  const p = identify(url);
  return p && `linkedin:${p.kind === 'person' ? 'in' : 'company'}:${p.key}`;
}

/** `/company/<x>/` link -> numeric id or slug. */
function companyRef(href: string | null | undefined, base: URL): { id?: string; slug?: string } | undefined {
  const u = hrefUrl(href, base);
  const ref = u && isLinkedInHost(u) ? /^\/company\/([^/?#]+)/.exec(u.pathname)?.[1] : undefined;
  if (ref === undefined) return undefined;
  const key = decode(ref).toLowerCase();
  if (/[\s<>"'`]/.test(key)) return undefined; // not a vanity name: ignore rather than pass on
  return /^\d+$/.test(key) ? { id: key } : { slug: key };
}

/** Name part of a title: "(3) Jane Doe | LinkedIn", "Experience | Jane Doe | LinkedIn",
 *  "Jane Doe - Head of Finance - Acme | LinkedIn". Returns the " - " segments. */
function titleSegments(title: string | undefined): string[] {
  const t = decodeEntities(title ?? '').replace(/^\s*\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn\s*$/i, '');
  const last = t.split(' | ').pop() ?? '';
  const parts = last.split(/\s+[-–—]\s+/).map((p) => clean(p)).filter((p): p is string => !!p);
  return parts[0] !== undefined && !/^linkedin$/i.test(parts[0]) ? parts : [];
}

/** Public pages escape twice: og:title holds "We&#39;re hiring" after the parser's own decoding. */
function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d{1,6});/g, (_, n: string) => String.fromCodePoint(Math.min(+n, 0x10ffff)))
    .replace(/&#x([\da-f]{1,6});/gi, (_, n: string) => String.fromCodePoint(Math.min(parseInt(n, 16), 0x10ffff)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

// A hiring tagline companies append to their name ("Acme - We're hiring"); part of the name as shown.
const HIRING_TAGLINE = /^(?:we['’]re hiring|we are hiring|hiring|wir stellen ein|on recrute|nous recrutons|estamos contratando|stiamo assumendo)\b/i;

/** Company from "Name - Headline - Company | LinkedIn" segments: only when the split is unambiguous. */
function titleCompany(segs: string[]): string | undefined {
  const last = segs.at(-1);
  if (last === undefined) return undefined;
  if (segs.length >= 3 && HIRING_TAGLINE.test(last)) return `${segs[segs.length - 2]} - ${last}`;
  // Four or more segments: the headline or the company contains " - "; which one is unknowable.
  return segs.length === 3 ? last : undefined;
}

// ---------------------------------------------------------------- person

// Schools, in the languages LinkedIn serves: the top card's company line ends with one, and a line with a
// single school-like name is more likely a school than an employer.
const SCHOOL =
  /\b(?:university|universit(?:y|ät|at|à|é|e|eit|ade|ad)|college|school|schule|hochschule|gymnasium|école|ecole|lycée|institut|institute|instituto|istituto|academy|akademie|académie|academia|accademia|politecnico|polytechnique|polytechnic|faculty|fakultät|faculté|facultad|bootcamp)\b/i;
// "You both worked at Acme", "Ihr habt beide bei … gearbeitet", …: a past employer shared with the viewer.
const SHARED_HISTORY =
  /\b(?:you both|both worked|both studied|ihr habt beide|sie haben beide|beide bei|vous avez tous (?:les )?deux|avez tous deux|entrambi|ambos trabajaron|ambos estudiaron|jullie hebben allebei)\b/i;
// Degree badge "· 2nd", pronouns "He/Him", "Er/Ihm": short lines next to the name.
const BADGE = /^(?:·|\(?[\p{L}]{1,6}\/[\p{L}]{1,6}\)?$)/u;

/** The 2026 top card: the element whose componentkey ends in "Topcard" (hashed classes only otherwise). */
function topCardOf(doc: Document): Element | undefined {
  for (const sel of S.person.topCard) {
    const el = doc.querySelector(sel);
    if (el) return el;
  }
  return undefined;
}

/** Name heading of the 2026 top card (an h2; no h1 on the page). */
function topCardHeading(card: Element | undefined): Element | undefined {
  return card?.querySelector(S.person.topCardName) ?? undefined;
}

/**
 * The text lines that follow the name row in the top card: [headline, company line]. They are `p` siblings
 * of the block holding the name; badges ("· 2nd") and pronouns share the name's own row and are skipped.
 */
function topCardLines(card: Element, heading: Element): string[] {
  for (let el: Element | null = heading; el && el !== card; el = el.parentElement) {
    const lines: string[] = [];
    for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.tagName !== 'P') continue;
      const t = textIn(sib);
      if (t && !BADGE.test(t)) lines.push(t);
    }
    if (lines.length) return lines;
  }
  return [];
}

/** Names on the top card's entity buttons (company logo + name, then school logo + name). */
function topCardEntities(card: Element): string[] {
  return [...card.querySelectorAll(S.person.topCardEntity)]
    .filter((b) => !b.closest('a[href*="/overlay/"]') && b.querySelector('img, figure'))
    .map((b) => textIn(b))
    .filter((t): t is string => !!t);
}

const sameName = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/** Does the headline name this company ("CTO at Acme", "Gründer @ Acme", "Acme | …")? */
function headlineMentions(headline: string | undefined, name: string): boolean {
  if (!headline) return false;
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[\\s@|,·(/])${esc}(?=$|[\\s|,·)/.!])`, 'iu').test(headline);
}

interface Corroboration {
  headline?: string;
  experienceName?: string;
  jsonName?: string;
}

/**
 * Current company from the 2026 top card's company line "Acme (YC S25) · Some University" (company, then
 * school). The part before " · " is taken only when it is the company: the line has the school after it, or
 * the company buttons, the headline, the experience or the page JSON agree. School-like names need the
 * experience or JSON. "You both worked at …" lines are a past employer, never taken. Unsure: undefined.
 */
function companyFromTopCardLine(line: string | undefined, entities: string[], c: Corroboration): string | undefined {
  if (!line || SHARED_HISTORY.test(line)) return undefined;
  const parts = line.split(/\s+·\s+/).map((p) => clean(p)).filter((p): p is string => !!p);
  const name = parts[0];
  if (!name || parts.length > 2) return undefined;
  const byRecord = sameName(name, c.experienceName) || sameName(name, c.jsonName);
  if (SCHOOL.test(name)) return byRecord ? name : undefined;
  if (parts.length === 2) return name; // "Company · School"
  const byButtons = entities.length >= 2 && sameName(entities[0], name);
  return byRecord || byButtons || headlineMentions(c.headline, name) ? name : undefined;
}

/** Logged-out top card: the current-company link (text is the name as shown, tagline included). */
function publicCurrentCompany(doc: Document, url: URL) {
  const a = doc.querySelector(S.person.publicCurrentCompany);
  if (!a) return undefined;
  const name = textIn(a.querySelector(S.person.publicCompanyText)) ?? textIn(a);
  return { name, ref: companyRef(a.getAttribute('href'), url) };
}

/** Objects of every Voyager JSON block in <code> (broken or non-JSON blocks skipped). */
function codeEntities(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 12) return;
    if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (isObj(v)) {
      out.push(v);
      Object.values(v).forEach((x) => walk(x, depth + 1));
    }
  };
  for (const code of doc.querySelectorAll(S.company.code)) {
    const text = code.textContent ?? '';
    if (!/^\s*[[{]/.test(text)) continue;
    try {
      walk(JSON.parse(text), 0);
    } catch {
      /* not JSON */
    }
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? clean(v) : undefined);

/** The profile shown, from <code> JSON: the Profile entity whose publicIdentifier is the URL slug
 *  (the first fsd_profile is the viewer, so never "the first one"). */
function profileFromCode(entities: Record<string, unknown>[], slug: string) {
  const p = entities.find((e) => str(e.publicIdentifier)?.toLowerCase() === slug && (e.firstName || e.lastName));
  if (!p) return undefined;
  return { name: clean([str(p.firstName), str(p.lastName)].filter(Boolean).join(' ')), headline: str(p.headline) };
}

function currentCompanyFromAria(doc: Document): string | undefined {
  for (const el of doc.querySelectorAll(S.person.ariaLabelled)) {
    const m = CURRENT_COMPANY.exec(clean(el.getAttribute('aria-label')) ?? '');
    if (m) return clean(m[1]?.replace(CLICK_SUFFIX, ''));
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

/** Sub-pages carry the person only in the title and in links back to the profile: a link to `/in/<slug>/`
 *  whose text looks like a name (two to six words, no digits or separators). */
function nameFromSelfLink(doc: Document, url: URL, slug: string): string | undefined {
  for (const a of doc.querySelectorAll('a[href*="/in/"]')) {
    const u = hrefUrl(a.getAttribute('href'), url);
    const linked = u && isLinkedInHost(u) ? /^\/in\/([^/?#]+)\/?$/.exec(u.pathname)?.[1] : undefined;
    if (linked === undefined || decode(linked).toLowerCase() !== slug) continue;
    const t = textIn(a);
    if (t && /^[\p{L}'’.-]+(?: [\p{L}'’.-]+){1,5}$/u.test(t)) return t;
  }
  return undefined;
}

function readPerson(doc: Document, url: URL, page: Page, signals: string[]) {
  const person: PersonInfo = { linkedinSlug: page.key };
  const ld = ldOfType(doc, 'Person');
  const og = titleSegments(metaContent(doc, S.ogTitle));
  const title = titleSegments(doc.title);
  // The 2026 top card; sub-pages have none of their own (an overlay may sit on a stale one).
  const card = page.subpage ? undefined : topCardOf(doc);
  const heading = topCardHeading(card);
  const lines = card && heading ? topCardLines(card, heading) : [];
  const fromCode = profileFromCode(codeEntities(doc), page.key);
  // Name selectors that are unique to the top card; `main h1` is only safe on the profile itself,
  // subpages (/details/experience/) have a section heading there.
  const nameSelectors: string[] = [S.person.name2024, S.person.name2020, S.person.nameList2021, S.person.publicName];

  person.name = firstOf(signals, [
    ['json-ld', () => ldString(ld?.name)],
    ['h1', () => textOf(doc, nameSelectors)],
    ['topcard-h2', () => textIn(heading)],
    ['h1', () => (page.subpage ? undefined : textOf(doc, [S.person.mainH1]))],
    ['code-json', () => fromCode?.name],
    ['og:title', () => og[0]],
    ['title', () => title[0]],
    ['self-link', () => nameFromSelfLink(doc, url, page.key)],
  ]);

  person.title = firstOf(signals, [
    ['json-ld', () => ldString(ld?.jobTitle)],
    ['headline', () => textOf(doc, [S.person.headline2024, S.person.headline2020, S.person.publicHeadline])],
    ['topcard-headline', () => (lines.length ? lines[0] : undefined)],
    ['code-json', () => fromCode?.headline],
    ['og:title', () => (og.length >= 3 ? og[1] : undefined)],
    ['title', () => (title.length >= 3 ? title[1] : undefined)],
    ['structure:headline', () => {
      const h1 = page.subpage ? null : doc.querySelector(S.person.mainH1);
      return h1 && person.name ? headlineAfter(h1, person.name) : undefined;
    }],
  ]);

  const works = [ld?.worksFor].flat().find(isObj);
  const exp = firstExperience(doc, url, page.subpage);
  const pub = publicCurrentCompany(doc, url);
  person.companyName = firstOf(signals, [
    ['aria-label', () => currentCompanyFromAria(doc)],
    ['json-ld', () => ldString(works?.name)],
    ['public-topcard', () => pub?.name],
    ['top-card', () => textOf(doc, [S.person.company2020])],
    ['topcard-company-line', () =>
      card && companyFromTopCardLine(lines[1], topCardEntities(card), { headline: lines[0], experienceName: exp?.name })],
    ['experience', () => exp?.name],
    ['og:title', () => titleCompany(og)],
    ['title', () => titleCompany(title)],
  ]);

  // Company id/slug: JSON-LD worksFor url, the public top-card link, else the first experience entry, but
  // only when that entry is about the current company (a job without a company page has no link of its own).
  let ref = typeof works?.url === 'string' ? companyRef(works.url, url) : undefined;
  if (!ref && pub?.ref && sameName(pub.name, person.companyName)) ref = pub.ref;
  if (!ref && exp?.ref) {
    const cn = person.companyName?.toLowerCase();
    if (!cn || exp.name?.toLowerCase() === cn || exp.entryText.toLowerCase().includes(cn)) {
      ref = exp.ref;
      note(signals, 'experience-link');
    }
  }
  if (ref?.id) person.companyLinkedinId = ref.id;
  if (ref?.slug) person.companyLinkedinSlug = ref.slug;
  const evidence = page.subpage ? undefined : personEvidence(doc, card, person.name, signals);
  return { readable: !!person.name, person, evidence };
}

/** Degree and follow state from the subject's own top card (2026 Topcard, else the 2024 card). */
function personEvidence(doc: Document, card: Element | undefined, name: string | undefined, signals: string[]): PageEvidence | undefined {
  const root = card ?? doc.querySelector(S.person.topCard2024) ?? undefined;
  if (!root) return undefined;
  const degree = firstOf(signals, [
    ['evidence:dist-value', () => degreeFrom([...root.querySelectorAll(S.person.distValue)].map((e) => textIn(e) ?? ''))],
    ['evidence:degree-badge', () =>
      degreeFrom([...root.querySelectorAll(S.person.badge)].filter((e) => !e.children.length).map((e) => textIn(e) ?? ''))],
  ]);
  const following = firstOf(signals, [['evidence:follow-button', () => followIn(root, name)]]);
  return evidenceOf({ degree, following });
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
    for (const [, id] of text.matchAll(new RegExp(COMPANY_URN, 'g'))) if (id) ids.add(id);
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

/**
 * The company shown, from <code> Voyager JSON: the entity (`$type` …Company, `entityUrn`
 * urn:li:fsd_company:<id>) whose universalName is the URL slug, or whose id is the URL's numeric id.
 * Other companies in the same JSON (similar pages, the viewer's employer) are never taken.
 */
function companyFromCode(entities: Record<string, unknown>[], key: string) {
  const numeric = /^\d+$/.test(key);
  const hit = entities.find((e) => {
    const id = COMPANY_URN.exec(str(e.entityUrn) ?? '')?.[1];
    if (!id || !str(e.name)) return false;
    return numeric ? id === key : str(e.universalName)?.toLowerCase() === key;
  });
  if (!hit) return undefined;
  const range = isObj(hit.employeeCountRange) ? hit.employeeCountRange : isObj(hit.staffCountRange) ? hit.staffCountRange : undefined;
  const start = typeof range?.start === 'number' ? range.start : undefined;
  const end = typeof range?.end === 'number' ? range.end : undefined;
  return {
    id: COMPANY_URN.exec(str(hit.entityUrn) ?? '')?.[1],
    slug: str(hit.universalName)?.toLowerCase(),
    name: str(hit.name),
    domain: siteText(str(hit.companyPageUrl) ?? str(hit.websiteUrl)),
    sizeText: start !== undefined && end !== undefined ? `${start}-${end} employees` : undefined,
  };
}

/**
 * 2026: the outer document of a company page whose content renders inside the interop frame (loaded from
 * /preload/…) holds only the title and a sidebar. Nothing in it to read; the frame's own reader has it.
 */
function isInteropShell(doc: Document): boolean {
  const frame = doc.querySelector(S.company.interopFrame);
  if (!frame || !/^\/preload\//.test(frame.getAttribute('src') ?? '')) return false;
  const hasOwnContent =
    doc.querySelector(S.company.name.join(', ')) ||
    doc.querySelector(S.company.facts) ||
    doc.querySelector(S.company.website) ||
    ldOfType(doc, 'Organization');
  return !hasOwnContent;
}

function readCompany(doc: Document, url: URL, page: Page, signals: string[]) {
  const numeric = /^\d+$/.test(page.key);
  const company: CompanyInfo = numeric ? { linkedinId: page.key } : { linkedinSlug: page.key };
  if (isInteropShell(doc)) {
    note(signals, 'interop-frame');
    const shellTitle = clean(docTitle(doc).replace(/\s*\|\s*LinkedIn\s*$/i, '').replace(/:\s*[^:]*$/, ''));
    if (shellTitle && !/^linkedin$/i.test(shellTitle)) company.name = shellTitle;
    return { readable: false, company };
  }
  const fromCode = companyFromCode(codeEntities(doc), page.key);
  const orgs = ['Organization', 'Corporation'].map((t) => ldOfType(doc, t)).filter(isObj);
  const ld = orgs[0];
  const og = clean(metaContent(doc, S.ogTitle)?.replace(/\s*\|\s*LinkedIn\s*$/i, ''));
  // "(2) Acme: About | LinkedIn" -> "Acme"
  const fromTitle = clean(docTitle(doc).replace(/\s*\|\s*LinkedIn\s*$/i, '').replace(/:\s*[^:]*$/, ''));

  company.name = firstOf(signals, [
    ['json-ld', () => ldString(ld?.name)],
    ['og:title', () => (og && !/^linkedin$/i.test(og) ? og : undefined)],
    ['h1', () => textOf(doc, S.company.name)],
    ['code-json', () => fromCode?.name],
    ['title', () => (fromTitle && !/^linkedin$/i.test(fromTitle) ? fromTitle : undefined)],
  ]);

  const facts = aboutFacts(doc, url);
  company.domain = firstOf(signals, [
    ['data-test-id', () =>
      websiteOf(doc.querySelector(S.company.website), url) ?? siteText(testIdValue(doc, S.company.website))],
    ['about', () => facts.website],
    ['json-ld', () => siteText(ldString(ld?.sameAs))],
    ['code-json', () => fromCode?.domain],
  ]);
  company.sizeText = firstOf(signals, [
    ['data-test-id', () => testIdValue(doc, S.company.size)],
    ['about', () => facts.size],
    ['top-card', () =>
      [...doc.querySelectorAll(S.company.sizeCandidates)]
        .filter((e) => !e.children.length && !e.closest('a'))
        .map((e) => textIn(e))
        .find((t) => t && SIZE_SHAPE.test(t))],
    ['code-json', () => fromCode?.sizeText],
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
      ['code-json', () => fromCode?.id],
      ['code-urn', () => idFromCode(doc, page.key)],
    ]);
  } else {
    // Numeric URL: the slug from the canonical link / og:url / JSON-LD url.
    company.linkedinSlug = firstOf(signals, [
      ['canonical', () => companyRef(doc.querySelector(S.company.canonical)?.getAttribute('href'), url)?.slug],
      ['og:url', () => companyRef(metaContent(doc, S.company.ogUrl), url)?.slug],
      ['json-ld', () => (typeof ld?.url === 'string' ? companyRef(ld.url, url)?.slug : undefined)],
      ['code-json', () => fromCode?.slug],
    ]);
  }
  const topCard = doc.querySelector(S.company.topCard) ?? undefined;
  const following = firstOf(signals, [['evidence:follow-button', () => followIn(topCard, company.name)]]);
  return { readable: !!company.name, company, evidence: evidenceOf({ following }) };
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
    if (page.kind === 'company') return [...S.company.name, S.company.website, S.company.interopFrame];
    return [S.person.name2024, S.person.name2020, S.person.publicName, S.person.mainH1,
      ...S.person.topCard.map((c) => `${c} ${S.person.topCardName}`)];
  },
};
