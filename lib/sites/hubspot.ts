/**
 * HubSpot CRM records: /contacts/<portal>/record/<0-1|0-2|0-3>/<id> on app.hubspot.com and the
 * regional hosts (app-eu1…), plus the legacy /contacts/<portal>/(contact|company|deal)/<id>.
 * Class names are randomised; `data-selenium-test` hooks have held since 2020.
 */
import {
  buildContext, clean, docTitle, domainFromUrl, firstOf, hostMatches, hrefUrl, pageUrl, textIn, textOf,
} from './dom';
import type { CrmRecordInfo, PageContext, SiteAdapter } from './types';

export const SELECTORS = {
  // hubspot-contact.html, hubspot-company.html, hubspot-legacy-contact.html
  name: '[data-selenium-test="highlightTitle"]',
  companyChicklet: '[data-selenium-test="company-chicklet-title-link"]',
  property: (name: string) => `[data-selenium-test="property-input-${name}"]`,
  // hubspot-company.html: the domain link under the name in the highlight card
  highlightCard: '[data-selenium-test="highlight-card"], header, section',
  outboundLink: 'a[href^="http"]',
} as const;

const S = SELECTORS;

const TYPES: Record<string, { type: string; objectType: CrmRecordInfo['objectType'] }> = {
  '0-1': { type: '0-1', objectType: 'contact' },
  '0-2': { type: '0-2', objectType: 'company' },
  '0-3': { type: '0-3', objectType: 'deal' },
  contact: { type: '0-1', objectType: 'contact' },
  company: { type: '0-2', objectType: 'company' },
  deal: { type: '0-3', objectType: 'deal' },
};

export function isHubSpotHost(host: string, extraHosts: readonly string[] = []): boolean {
  return /^app(?:-[a-z]{2,3}\d+)?\.hubspot\.com$/i.test(host) || extraHosts.some((p) => hostMatches(host, p));
}

export function identify(url: URL, extraHosts?: readonly string[]) {
  if (!/^https?:$/.test(url.protocol) || !isHubSpotHost(url.hostname, extraHosts)) return undefined;
  const m =
    /^\/contacts\/(\d+)\/record\/(0-[123])\/(\d+)(?:\/|$)/.exec(url.pathname) ??
    /^\/contacts\/(\d+)\/(contact|company|deal)\/(\d+)(?:\/|$)/.exec(url.pathname);
  const [, portal = '', kind = '', id = ''] = m ?? [];
  const known = TYPES[kind];
  if (!known) return undefined;
  return { portal, type: known.type, objectType: known.objectType, id };
}

export function pageKey(url: URL, extraHosts?: readonly string[]): string | undefined {
  const p = identify(url, extraHosts);
  return p && `hubspot:${p.portal}:${p.type}:${p.id}`;
}

/** A property's value: input value, else link, else text. */
function property(doc: Document, name: string): { text?: string; href?: string } | undefined {
  const el = doc.querySelector(S.property(name));
  if (!el) return undefined;
  const input = el.matches('input, textarea') ? el : el.querySelector('input, textarea');
  const a = el.querySelector('a[href]');
  const text = input ? clean((input as HTMLInputElement).value ?? input.getAttribute('value')) : textIn(el);
  return { text, href: a?.getAttribute('href') ?? undefined };
}

/** "Contoso Retail | HubSpot" / "Jane Doe | Contact | HubSpot" -> first part. */
function titleName(doc: Document): string | undefined {
  const parts = docTitle(doc).split(' | ');
  return parts.length >= 2 && /^HubSpot$/i.test(parts.at(-1)?.trim() ?? '') ? clean(parts[0]) : undefined;
}

function readRecord(doc: Document, url: URL, page: NonNullable<ReturnType<typeof identify>>, signals: string[]) {
  const crm: CrmRecordInfo = { system: 'hubspot', objectType: page.objectType, id: page.id };
  crm.name = firstOf(signals, [
    ['highlightTitle', () => textOf(doc, [S.name])],
    ['title', () => titleName(doc)],
  ]);

  if (page.objectType === 'company') {
    crm.domain = firstOf(signals, [
      ['property:domain', () => {
        const p = property(doc, 'domain');
        return domainFromUrl(p?.href) ?? domainFromUrl(p?.text);
      }],
      ['highlight-link', () => {
        const card = doc.querySelector(S.name)?.closest(S.highlightCard);
        for (const a of card?.querySelectorAll(S.outboundLink) ?? []) {
          const d = domainFromUrl(a.getAttribute('href'));
          if (d && !/(?:^|\.)hubspot\.com$/.test(d)) return d;
        }
        return undefined;
      }],
    ]);
  } else {
    const chicklet = doc.querySelector(S.companyChicklet);
    crm.accountName = firstOf(signals, [['company-chicklet', () => textIn(chicklet)]]);
    // The hook sits on the link itself, or (older markup) on a wrapper around it.
    const link = chicklet?.closest('a[href]') ?? chicklet?.querySelector('a[href]');
    const href = hrefUrl(link?.getAttribute('href'), url);
    const acc = href && /\/(?:record\/0-2|company)\/(\d+)/.exec(href.pathname)?.[1];
    if (acc) crm.accountId = acc;
  }
  if (page.objectType === 'contact') {
    crm.title = firstOf(signals, [['property:jobtitle', () => property(doc, 'jobtitle')?.text]]);
    crm.email = firstOf(signals, [['property:email', () => {
      const p = property(doc, 'email');
      const v = p?.href?.startsWith('mailto:') ? p.href.slice(7) : p?.text;
      return v && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v.toLowerCase() : undefined;
    }]]);
  }
  return { readable: !!crm.name, crm };
}

export const hubspot = {
  site: 'hubspot',
  matches: (url: URL, extraHosts?: readonly string[]) => identify(url, extraHosts) !== undefined,
  /** Reads any URL whose path is a record path; the host was already checked by matches(). */
  extract(doc: Document, url: URL): PageContext {
    const page = identify(url, [url.hostname]);
    if (!page) return { kind: 'unsupported', url: pageUrl(url) };
    const key = `hubspot:${page.portal}:${page.type}:${page.id}`;
    return buildContext('hubspot', 'crm', url, key, (s) => readRecord(doc, url, page, s), () => ({
      crm: { system: 'hubspot', objectType: page.objectType, id: page.id },
    }));
  },
  readySelectors: (_url: URL) => [S.name],
} satisfies SiteAdapter;
