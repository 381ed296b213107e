/**
 * Small read-only DOM and text helpers shared by the site adapters. Nothing here writes to the
 * page: it only runs queries and reads attributes and text.
 */
import { cut } from '../messaging/limits';
import type { CompanyInfo, CrmRecordInfo, PageContext, PageEvidence, PersonInfo, SiteId } from './types';

export const MAX_LEN = 300;

// Zero-width and bidi control characters: invisible on screen, but they break matching and can
// be used to spoof text direction.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Collapse whitespace, drop invisible characters, cap at 300 chars; undefined when empty. */
export function clean(text: string | null | undefined, max = MAX_LEN): string | undefined {
  if (text == null) return undefined;
  const s = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  return cut(s, max); // never halves a surrogate pair
}

type Root = Document | Element | ShadowRoot;
const isElement = (n: Node): n is Element => n.nodeType === 1;

/** querySelector that also looks inside open shadow roots (document order within each root). */
export function queryDeep(root: Root, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const host of root.querySelectorAll('*')) {
    if (host.shadowRoot) {
      const found = queryDeep(host.shadowRoot, selector);
      if (found) return found;
    }
  }
  // The root itself may be a shadow host.
  if (isElement(root) && root.shadowRoot) return queryDeep(root.shadowRoot, selector);
  return null;
}

/** All matches of a selector, light DOM first, then inside open shadow roots. */
export function queryAllDeep(root: Root, selector: string): Element[] {
  const out = [...root.querySelectorAll(selector)];
  for (const host of root.querySelectorAll('*')) {
    if (host.shadowRoot) out.push(...queryAllDeep(host.shadowRoot, selector));
  }
  if (isElement(root) && root.shadowRoot) out.push(...queryAllDeep(root.shadowRoot, selector));
  return out;
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * Text of a node as a reader sees it: script/style contents skipped, open shadow trees included
 * (a shadow tree without <slot> replaces the light children, as rendering does).
 */
export function deepText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (isElement(node) && SKIP_TEXT.has(node.tagName.toUpperCase())) return '';
  let out = '';
  const shadow = isElement(node) ? node.shadowRoot : null;
  if (shadow) {
    out += deepText(shadow) + ' ';
    if (!shadow.querySelector('slot')) return out;
  }
  for (const child of node.childNodes) out += deepText(child);
  return out;
}

/** Cleaned text of one element (undefined when missing or empty). */
export function textIn(el: Node | null | undefined, max = MAX_LEN): string | undefined {
  return el ? clean(deepText(el), max) : undefined;
}

/** Cleaned text of the first element matching any of the selectors (in order) that has text. */
export function textOf(root: Root, selectors: readonly string[], deep = false): string | undefined {
  for (const sel of selectors) {
    const els = deep ? queryAllDeep(root, sel) : root.querySelectorAll(sel);
    for (const el of els) {
      const t = clean(deepText(el));
      if (t) return t;
    }
  }
  return undefined;
}

export function metaContent(doc: Document, selector: string): string | undefined {
  return clean(doc.querySelector(selector)?.getAttribute('content'));
}

/** Title without LinkedIn's "(3) " unread-count prefix. */
export function docTitle(doc: Document): string {
  return (doc.title ?? '').replace(/^\s*\(\d+\+?\)\s*/, '').trim();
}

/** Parse every JSON-LD block, flattening arrays and @graph; broken JSON is skipped. */
export function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const add = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(add);
    else if (isObj(v)) {
      out.push(v);
      if (v['@graph']) add(v['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      add(JSON.parse(s.textContent ?? ''));
    } catch {
      /* ignore malformed block */
    }
  }
  return out;
}

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** First string in a JSON-LD value that may be a string, an array or an object with `name`. */
export function ldString(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) return v.map(ldString).find(Boolean);
  return undefined;
}

export function ldOfType(doc: Document, type: string): Record<string, unknown> | undefined {
  return jsonLd(doc).find((o) => [o['@type']].flat().includes(type));
}

/**
 * Website domain from a URL or bare host text: lower case, no scheme, port, path or leading `www.`.
 * Redirect wrappers (LinkedIn `/redir/redirect?url=`, Google `/url?q=`) are unwrapped first.
 */
export function domainFromUrl(raw: string | null | undefined): string | undefined {
  let s = raw?.trim();
  if (!s || s.length > 2048) return undefined;
  for (let i = 0; i < 3; i++) {
    const u = tryUrl(s);
    const wrapped = u && /redir|^\/url$/i.test(u.pathname);
    const inner = wrapped ? (u.searchParams.get('url') ?? u.searchParams.get('q')) : null;
    if (!inner) break;
    s = inner.trim();
  }
  if (/^(mailto|tel|javascript|data):/i.test(s)) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = 'https://' + s.replace(/^\/\//, '');
  const u = tryUrl(s);
  if (!u || !/^https?:$/.test(u.protocol)) return undefined;
  const host = u.hostname.toLowerCase().replace(/\.$/, '').replace(/^www\d*\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && host.length <= 253 ? host : undefined;
}

function tryUrl(s: string, base?: string): URL | undefined {
  try {
    return new URL(s, base);
  } catch {
    return undefined;
  }
}

/** The page URL as reported: the full href, or without query and hash when it is very long. */
export function pageUrl(url: URL): string {
  return url.href.length <= 2048 ? url.href : (url.origin + url.pathname).slice(0, 2048);
}

/** Parse an href relative to the page; undefined when it is not a valid URL. */
export function hrefUrl(href: string | null | undefined, base: URL): URL | undefined {
  return href ? tryUrl(href, base.href) : undefined;
}

// One number as pages print it: "10,001", "1.001", "1 001" (nbsp / narrow nbsp), "10K".
const NUM = String.raw`\d{1,3}(?:[.,\u00a0\u202f ']\d{3})+|\d+(?:[.,]\d+)?\s?[kK]|\d+`;
const RANGE = new RegExp(String.raw`(${NUM})\s*(?:-|–|—|à|a|bis|to|tot|al)\s*(${NUM})`);
const PLUS = new RegExp(String.raw`(${NUM})\s*\+`);
const ONE = new RegExp(`(${NUM})`);

function toNumber(token: string): number | undefined {
  const t = token.trim();
  const thousands = /^(\d+(?:[.,]\d+)?)\s?[kK]$/.exec(t)?.[1];
  const n = thousands !== undefined ? Math.round(parseFloat(thousands.replace(',', '.')) * 1000) : parseInt(t.replace(/[^\d]/g, ''), 10);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Employees from size text: a range gives its upper bound ("201-500 Mitarbeiter" -> 500,
 * "201 à 500 employés" -> 500), "10,001+ employees" -> 10001, a plain count -> that count.
 */
export function parseEmployees(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const s = text.replace(/[\u00a0\u202f]/g, ' ');
  const m = RANGE.exec(s) ?? PLUS.exec(s) ?? ONE.exec(s);
  const last = m?.at(-1); // the upper bound for a range, else the only number
  return last === undefined ? undefined : toNumber(last);
}

/** Host matches a configured host: exact, or a `*.example.com` wildcard; scheme/path ignored. */
export function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:].*$/, '');
  const h = host.toLowerCase();
  if (!p) return false;
  if (p.startsWith('*.')) return h.endsWith(p.slice(1));
  return h === p;
}

/** Safe decodeURIComponent: the raw text when the escape sequence is broken. */
export function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Copy of a flat record with empty values dropped and every string cleaned and capped. */
function capAll<T extends object>(o: T | undefined): T | undefined {
  if (!o) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '') continue;
    out[k] = typeof v === 'string' ? clean(v) : v;
  }
  return out as T;
}

export interface Read {
  readable: boolean;
  person?: PersonInfo;
  company?: CompanyInfo;
  crm?: CrmRecordInfo;
  evidence?: PageEvidence;
}

/**
 * Build a PageContext: runs the DOM reader, caps every string, and turns an unexpected exception
 * into `readable: false` so one broken layout never breaks the overlay.
 */
export function buildContext(
  site: SiteId,
  kind: 'person' | 'company' | 'crm',
  url: URL,
  pageKey: string,
  read: (signals: string[]) => Read,
  fallback: () => Omit<Read, 'readable'> = () => ({}),
): PageContext {
  const signals: string[] = ['url'];
  let r: Read;
  try {
    r = read(signals);
  } catch {
    signals.push('error');
    r = { readable: false, ...fallback() };
  }
  const key = clean(pageKey) ?? pageKey;
  const ctx: PageContext = { kind, site, url: pageUrl(url), pageKey: key, readable: r.readable, signals };
  const person = capAll(r.person);
  const company = capAll(r.company);
  const crm = capAll(r.crm);
  if (person) ctx.person = person;
  if (company) ctx.company = company;
  if (crm) ctx.crm = crm;
  if (r.evidence && Object.keys(r.evidence).length) ctx.evidence = r.evidence;
  return ctx;
}

/** Adds a signal name once. */
export function note(signals: string[], name: string): void {
  if (!signals.includes(name)) signals.push(name);
}

/** Run signal readers in order (most stable first); the first value wins and its name is noted. */
export function firstOf<T>(signals: string[], steps: [string, () => T | undefined][]): T | undefined {
  for (const [name, get] of steps) {
    const v = get();
    if (v !== undefined && v !== '') {
      note(signals, name);
      return v;
    }
  }
  return undefined;
}
