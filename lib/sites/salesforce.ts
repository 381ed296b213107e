/**
 * Salesforce record pages: Lightning (/lightning/r/<Object>/<id>/view, /one/one.app#/sObject/<id>)
 * and Classic (https://<org>.my.salesforce.com/<id>). The record type comes from the id's 3-char
 * key prefix, so it is known even when the URL omits the object name. Lightning keeps cached
 * record views in the DOM: only the active one is read, walking open shadow roots.
 */
import {
  buildContext, clean, decode, deepText, docTitle, domainFromUrl, firstOf, hostMatches, pageUrl, queryAllDeep, queryDeep,
  textIn, textOf,
} from './dom';
import type { CrmRecordInfo, PageContext, SiteAdapter } from './types';

export const SELECTORS = {
  // salesforce-account.html: the cached view is also in the DOM; the active one has `.active`
  views: '.windowViewMode-normal',
  // Lightning console: the active workspace tab
  consoleTab: '.oneConsoleTab.active, .tabContent.active',
  hidden: '[hidden], [aria-hidden="true"], .slds-hide, [style*="display: none"], [style*="display:none"]',
  // salesforce-account/contact/lead/opportunity.html
  highlights: 'records-highlights2, force-highlights2',
  primaryField: [
    'lightning-formatted-name[slot="primaryField"]',
    'lightning-formatted-text[slot="primaryField"]',
    '[slot="primaryField"]',
  ],
  field: (api: string) => `[data-target-selection-name="sfdc:RecordField.${api}"]`,
  fieldValue:
    'lightning-formatted-url a, lightning-formatted-email a, records-hoverable-link a, force-lookup a, a[href], ' +
    'lightning-formatted-text, lightning-formatted-name, .test-id__field-value, .slds-form-element__static',
  fieldLabel: '.test-id__field-label, .slds-form-element__label',
  // salesforce-classic-account.html
  classicName: '.bPageTitle h2.pageDescription',
  classicField: (id: string) => `#${id}_ileinner`,
} as const;

const S = SELECTORS;

// Classic inline-edit cell ids for the same fields (acc2/acc12 checked on the classic fixture).
const CLASSIC_IDS: Record<string, string> = {
  'Account.Website': 'acc12',
  'Contact.AccountId': 'con4',
  'Contact.Title': 'con5',
  'Contact.Email': 'con15',
  'Lead.Company': 'lea3',
  'Lead.Title': 'lea4',
  'Lead.Email': 'lea11',
  'Lead.Website': 'lea12',
  'Opportunity.AccountId': 'opp4',
};

const PREFIX: Record<string, CrmRecordInfo['objectType']> = {
  '001': 'account',
  '003': 'contact',
  '00Q': 'lead',
  '006': 'opportunity',
};

const ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
const LIGHTNING = new RegExp(`^/lightning/r/(?:\\w+/)?(${ID})(?:/|$)`);
const ONE_APP = new RegExp(`^#/sObject/(${ID})(?:[/?]|$)`);
const CLASSIC = new RegExp(`^/(${ID})/?$`);
const ACCOUNT_ID = /(?:^|\/|=)(001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:[/?#&]|$)/;

export function isSalesforceHost(host: string, extraHosts: readonly string[] = []): boolean {
  const h = host.toLowerCase();
  return (
    h.endsWith('.lightning.force.com') ||
    h.endsWith('.my.salesforce.com') ||
    /^[a-z]{2,4}\d+\.salesforce\.com$/.test(h) || // Classic instance hosts (na85, eu12, cs42)
    extraHosts.some((p) => hostMatches(h, p))
  );
}

export function identify(url: URL, extraHosts?: readonly string[]) {
  if (!/^https?:$/.test(url.protocol) || !isSalesforceHost(url.hostname, extraHosts)) return undefined;
  const m =
    LIGHTNING.exec(url.pathname) ??
    (url.pathname === '/one/one.app' ? ONE_APP.exec(url.hash) : null) ??
    CLASSIC.exec(url.pathname);
  const id = m?.[1];
  const objectType = id ? PREFIX[id.slice(0, 3)] : undefined;
  return id && objectType ? { id, objectType } : undefined;
}

export function pageKey(url: URL, extraHosts?: readonly string[]): string | undefined {
  const p = identify(url, extraHosts);
  return p && `salesforce:${p.id}`;
}

/** 15-char (case-sensitive) id -> 18-char (case-insensitive) id; 18-char ids are returned as is. */
export function salesforceId18(id: string): string {
  if (id.length !== 15) return id;
  const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id.charAt(chunk * 5 + i))) bits |= 1 << i;
    suffix += ALPHA[bits];
  }
  return id + suffix;
}

function isHidden(el: Element): boolean {
  return el.closest(S.hidden) !== null;
}

/** The record view to read: the active console tab, then the active / visible normal view. */
export function activeView(doc: Document): Document | Element {
  const tab = [...doc.querySelectorAll(S.consoleTab)].find((t) => !isHidden(t));
  const scope: Document | Element = tab ?? doc;
  const views = [...scope.querySelectorAll(S.views)].filter((v) => !isHidden(v));
  return views.find((v) => v.classList.contains('active')) ?? views[0] ?? scope;
}

type Field = { text?: string; href?: string };

/** A field by API name (locale-proof); the value element, not the label. Classic ids as fallback. */
function field(root: Document | Element, doc: Document, api: string): Field | undefined {
  const host = queryDeep(root, S.field(api));
  if (host) {
    const value = queryDeep(host, S.fieldValue);
    if (value) return { text: clean(deepText(value)), href: value.getAttribute('href') ?? undefined };
    const label = clean(textOf(host, [S.fieldLabel], true)) ?? '';
    return { text: clean(deepText(host).replace(label, '')) };
  }
  const classic = CLASSIC_IDS[api] && doc.querySelector(S.classicField(CLASSIC_IDS[api]));
  if (!classic) return undefined;
  const a = classic.querySelector('a[href]');
  return { text: textIn(classic), href: a?.getAttribute('href') ?? undefined };
}

function emailOf(f: Field | undefined): string | undefined {
  const v = f?.href?.startsWith('mailto:') ? decode(f.href.slice(7).split('?')[0] ?? '') : f?.text;
  return v && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v.toLowerCase() : undefined;
}

/** "Acme | Account | Salesforce" (Lightning) or "Account: Acme ~ Salesforce - …" (Classic). */
function titleName(doc: Document): string | undefined {
  const t = docTitle(doc);
  const classic = /^[^:~|]+:\s*(.+?)\s*~\s*Salesforce\b/.exec(t);
  if (classic) return clean(classic[1]);
  const parts = t.split(' | ');
  return parts.length >= 2 && /^Salesforce\b/i.test(parts.at(-1) ?? '') ? clean(parts[0]) : undefined;
}

function readRecord(doc: Document, id: string, objectType: CrmRecordInfo['objectType'], signals: string[]) {
  const crm: CrmRecordInfo = { system: 'salesforce', objectType, id };
  const root = activeView(doc);
  if (root !== doc) signals.push('active-view');
  crm.name = firstOf(signals, [
    ['highlights', () => {
      for (const h of queryAllDeep(root, S.highlights)) {
        const t = textOf(h, S.primaryField, true);
        if (t) return t;
      }
      return undefined;
    }],
    ['primary-field', () => textOf(root, S.primaryField, true)],
    ['classic', () => textOf(doc, [S.classicName])],
    ['title', () => titleName(doc)],
  ]);

  const get = (api: string) => {
    const f = field(root, doc, api);
    if (f && (f.text || f.href)) signals.push(`field:${api}`);
    return f;
  };
  const account = (api: string) => {
    const f = get(api);
    if (f?.text) crm.accountName = f.text;
    const acc = f?.href ? ACCOUNT_ID.exec(f.href)?.[1] : undefined;
    if (acc) crm.accountId = acc;
  };
  const website = (api: string) => {
    const f = get(api);
    crm.domain = domainFromUrl(f?.href) ?? domainFromUrl(f?.text);
  };

  if (objectType === 'account') website('Account.Website');
  if (objectType === 'contact') {
    account('Contact.AccountId');
    crm.title = get('Contact.Title')?.text;
    crm.email = emailOf(get('Contact.Email'));
  }
  if (objectType === 'lead') {
    crm.accountName = get('Lead.Company')?.text;
    crm.title = get('Lead.Title')?.text;
    crm.email = emailOf(get('Lead.Email'));
    website('Lead.Website');
  }
  if (objectType === 'opportunity') account('Opportunity.AccountId');
  return { readable: !!crm.name, crm };
}

export const salesforce = {
  site: 'salesforce',
  matches: (url: URL, extraHosts?: readonly string[]) => identify(url, extraHosts) !== undefined,
  /** Reads any URL whose path is a record path; the host was already checked by matches(). */
  extract(doc: Document, url: URL): PageContext {
    const page = identify(url, [url.hostname]);
    if (!page) return { kind: 'unsupported', url: pageUrl(url) };
    const { id, objectType } = page;
    return buildContext('salesforce', 'crm', url, `salesforce:${id}`, (s) => readRecord(doc, id, objectType, s), () => ({
      crm: { system: 'salesforce', objectType, id },
    }));
  },
  // Lightning renders these inside shadow roots: wait with queryDeep (dom.ts), not querySelector.
  readySelectors: (_url: URL) => [...S.primaryField, S.highlights, S.classicName],
} satisfies SiteAdapter;
