/**
 * What a site adapter says a page is about. Pure data, no DOM references, so it can cross the
 * message boundary to the background unchanged.
 */
export type SiteId = 'linkedin' | 'salesnav' | 'salesforce' | 'hubspot';

export interface PersonInfo {
  name?: string;
  /** Headline on LinkedIn, title in a CRM. */
  title?: string;
  /** Name of the current company, as the page shows it. */
  companyName?: string;
  /** LinkedIn numeric company id of the current company, when a link shows it. */
  companyLinkedinId?: string;
  companyLinkedinSlug?: string;
  linkedinSlug?: string;
  /** Sales Navigator lead key (ACwAA…), with everything from the first comma stripped. */
  salesNavLeadId?: string;
  email?: string;
}

export interface CompanyInfo {
  name?: string;
  /** Website domain without scheme, path or `www.`, lower case. */
  domain?: string;
  linkedinSlug?: string;
  linkedinId?: string;
  /** Employees as a number when the page gives one; for a range ("201-500") the upper bound. */
  employees?: number;
  /** The raw size text, e.g. "201-500 employees". */
  sizeText?: string;
  industry?: string;
}

export interface CrmRecordInfo {
  system: 'salesforce' | 'hubspot';
  objectType: 'account' | 'contact' | 'lead' | 'opportunity' | 'company' | 'deal';
  id: string;
  name?: string;
  /** Website domain (company/account records). */
  domain?: string;
  /** Account/company the record belongs to (contact, lead, opportunity). */
  accountName?: string;
  accountId?: string;
  email?: string;
  title?: string;
}

/**
 * The viewer's relation to the page's subject, as the page shows it (lib/sites/evidence.ts):
 * evidence the card offers as a suggestion, never a tick by itself.
 */
export interface PageEvidence {
  /** LinkedIn connection degree of the person: 1 = connected. */
  degree?: 1 | 2 | 3;
  /** The viewer follows the person (profile) or the company (company page). */
  following?: boolean;
  /** Sales Navigator: the lead is saved (the viewer gets its updates). */
  savedLead?: boolean;
}

/**
 * The result of reading a page.
 * - `kind: 'unsupported'`: the URL is not a page Tiercover reads (feed, search, settings...).
 * - `readable: false`: the URL is a supported page type but the DOM did not give what we need
 *   (unknown layout); `pageKey` is still set from the URL so the user can link it by hand.
 */
export type PageContext =
  | { kind: 'unsupported'; url: string }
  | {
      kind: 'person' | 'company' | 'crm';
      site: SiteId;
      url: string;
      /** Stable key for this page, derived from the URL: e.g. `linkedin:in:jane-doe`,
       *  `linkedin:company:acme`, `salesnav:lead:ACwAA…`, `salesforce:001…`, `hubspot:0-2:123`. */
      pageKey: string;
      readable: boolean;
      person?: PersonInfo;
      company?: CompanyInfo;
      crm?: CrmRecordInfo;
      evidence?: PageEvidence;
      /** Which signals the adapter used, most stable first, for debugging and tests. */
      signals: string[];
    };

/**
 * Signal of a page that is a list with nothing opened yet (a Sales Navigator search without a
 * lead in its panel): no card and no "link by hand" there; the content script keeps watching.
 */
export const NO_SUBJECT = 'no-subject';

/** Whether a page deserves a card at all. */
export const hasSubject = (page: PageContext) => page.kind !== 'unsupported' && !page.signals.includes(NO_SUBJECT);

export interface SiteAdapter {
  site: SiteId;
  /** Pure URL check: does this adapter handle this URL at all? `extraHosts`: hosts the user added. */
  matches(url: URL, extraHosts?: readonly string[]): boolean;
  /** Read the page. Must not modify the document. */
  extract(doc: Document, url: URL): PageContext;
  /** CSS selectors whose appearance means the page is ready to be read (for waiting on SPA navigation). */
  readySelectors(url: URL): string[];
  /** The page's subject can change without a URL change (a lead opened in a search page's panel):
   *  the content script keeps re-reading it while the page changes. */
  live?(url: URL): boolean;
}
