/**
 * "Copy page report": what a user pastes into a bug report when the card could not read a page.
 * Structure only, never content: the URL's shape with every name and id replaced, which signals
 * the adapter found, and how many of each landmark the page has. No text, names, ids or
 * attribute values from the page leave it through here.
 */
import type { PageContext } from './types';

/** Landmarks whose counts tell a layout apart (which generation, logged in or out, framed). */
const LANDMARKS: Record<string, string> = {
  h1: 'h1',
  h2: 'h2',
  main: 'main',
  'componentkey': '[componentkey]',
  'componentkey$=Topcard': '[componentkey$="Topcard"]',
  'data-testid': '[data-testid]',
  'data-sdui-screen': '[data-sdui-screen]',
  'data-anonymize': '[data-anonymize]',
  'data-sn-view-name': '[data-sn-view-name]',
  'aria-label': '[aria-label]',
  'code (JSON)': 'code',
  'JSON-LD': 'script[type="application/ld+json"]',
  'a[href*=/company/]': 'a[href*="/company/"]',
  iframe: 'iframe',
  'interop iframe': 'iframe[data-testid="interop-iframe"]',
  dt: 'dt',
  'records-highlights2': 'records-highlights2',
  'data-selenium-test': '[data-selenium-test]',
};

/** Counts of each landmark (a few selector queries, only when a report is asked for). */
export function pageStructure(doc: Document): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, selector] of Object.entries(LANDMARKS)) counts[name] = doc.querySelectorAll(selector).length;
  return counts;
}

// Path words that describe a page type, kept as they are; anything else is a name or an id.
const PATH_WORDS = new Set([
  'in', 'company', 'school', 'sales', 'lead', 'people', 'search', 'accounts', 'insights', 'about', 'details', 'experience',
  'recent-activity', 'all', 'shares', 'comments', 'reactions', 'overlay', 'contact-info', 'preload', 'life', 'jobs', 'posts',
  'lightning', 'r', 'view', 'one', 'one.app', 'record', 'contacts', 'contact', 'deal', 'objects', 'Account', 'Contact', 'Lead',
  'Opportunity',
]);

/** `https://www.linkedin.com/in/jane-doe/recent-activity/all/?x=1` -> `https://www.linkedin.com/in/<name>/recent-activity/all/?x=…` */
export function urlShape(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return '<not a URL>';
  }
  const path = url.pathname
    .split('/')
    .map((seg) => (!seg || PATH_WORDS.has(seg) ? seg : /\d/.test(seg) ? '<id>' : '<name>'))
    .join('/');
  const query = [...url.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=…`).join('&');
  const host = /(^|\.)linkedin\.com$|(^|\.)hubspot\.com$|\.force\.com$|\.salesforce\.com$/.test(url.hostname)
    ? url.hostname.replace(/^[^.]+\.(?=(lightning\.force|my\.salesforce)\.com$)/, '<org>.')
    : '<custom host>';
  return `${url.protocol}//${host}${path}${query ? `?${query}` : ''}${url.hash ? '#…' : ''}`;
}

/** The report's text, for the clipboard. */
export function pageReport(page: PageContext, structure: Record<string, number> | undefined, meta: { version: string; browser: string }): string {
  const lines = [
    'Tiercover page report (structure only: no names or text from the page)',
    `Tiercover ${meta.version} · ${meta.browser}`,
    `URL shape: ${urlShape(page.url)}`,
  ];
  if (page.kind === 'unsupported') lines.push('Page type: not a page Tiercover reads');
  else {
    const found = (v: unknown) => (v === undefined || v === '' ? 'no' : 'yes');
    lines.push(
      `Page type: ${page.site} ${page.kind}, ${page.readable ? 'read' : 'could not be read'}`,
      `Signals found: ${page.signals.join(', ') || 'none'}`,
      `Fields found: name ${found(page.person?.name ?? page.company?.name ?? page.crm?.name)}, company ${found(page.person?.companyName ?? page.company?.name ?? page.crm?.accountName)}, company id ${found(page.person?.companyLinkedinId ?? page.company?.linkedinId ?? page.crm?.accountId)}, domain ${found(page.company?.domain ?? page.crm?.domain)}`,
    );
  }
  if (structure) lines.push(`Landmarks: ${Object.entries(structure).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return lines.join('\n');
}
