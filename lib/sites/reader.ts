/** Reading a page with a chosen set of site adapters. */
import { pageUrl } from './dom';
import type { PageContext, SiteAdapter } from './types';

/** A CRM host the user added (custom Salesforce My Domain, HubSpot proxy…). */
export interface ExtraHost {
  host: string;
  system: string;
}

export const hostsFor = (extraHosts: readonly ExtraHost[] | undefined, system: string) =>
  (extraHosts ?? []).filter((h) => h.system === system).map((h) => h.host);

export interface SiteReader {
  adapterFor(url: URL, extraHosts?: readonly ExtraHost[]): SiteAdapter | undefined;
  readySelectorsFor(url: URL, extraHosts?: readonly ExtraHost[]): string[];
  /** Whether the page's subject can change without a URL change (see SiteAdapter.live). */
  liveFor(url: URL, extraHosts?: readonly ExtraHost[]): boolean;
  /** What the page is about; `{kind: 'unsupported'}` for any page no adapter handles. */
  readPage(doc: Document, url: URL, extraHosts?: readonly ExtraHost[]): PageContext;
}

/**
 * A reader over some adapters, tried in order. Each content script builds one with only its own
 * sites' adapters, so the LinkedIn script carries no CRM code and the other way round.
 */
export function siteReader(adapters: readonly SiteAdapter[]): SiteReader {
  const adapterFor = (url: URL, extraHosts?: readonly ExtraHost[]) =>
    adapters.find((a) => a.matches(url, hostsFor(extraHosts, a.site)));
  return {
    adapterFor,
    readySelectorsFor: (url, extraHosts) => adapterFor(url, extraHosts)?.readySelectors(url) ?? [],
    liveFor: (url, extraHosts) => adapterFor(url, extraHosts)?.live?.(url) ?? false,
    readPage(doc, url, extraHosts) {
      const adapter = adapterFor(url, extraHosts);
      return adapter ? adapter.extract(doc, url) : { kind: 'unsupported', url: pageUrl(url) };
    },
  };
}

