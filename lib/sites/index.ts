/**
 * Site adapter registry: pick the adapter for a URL and read a page into a PageContext.
 * Everything here is pure with respect to the page: it reads the document, never changes it.
 */
import { pageUrl } from './dom';
import { hubspot, pageKey as hubspotKey } from './hubspot';
import { linkedin, pageKey as linkedinKey } from './linkedin';
import { salesforce, pageKey as salesforceKey } from './salesforce';
import { salesnav, pageKey as salesnavKey } from './salesnav';
import type { PageContext, SiteAdapter } from './types';

/** A CRM host the user added (custom Salesforce My Domain, HubSpot proxy…). */
export interface ExtraHost {
  host: string;
  system: string;
}

/** In match order: Sales Navigator before LinkedIn (same hosts). */
export const ADAPTERS: readonly SiteAdapter[] = [salesnav, linkedin, salesforce, hubspot];

const hostsFor = (extraHosts: readonly ExtraHost[] | undefined, system: string) =>
  (extraHosts ?? []).filter((h) => h.system === system).map((h) => h.host);

export function adapterFor(url: URL, extraHosts?: readonly ExtraHost[]): SiteAdapter | undefined {
  if (salesnav.matches(url)) return salesnav;
  if (linkedin.matches(url)) return linkedin;
  if (salesforce.matches(url, hostsFor(extraHosts, 'salesforce'))) return salesforce;
  if (hubspot.matches(url, hostsFor(extraHosts, 'hubspot'))) return hubspot;
  return undefined;
}

/** The page key from the URL alone (for re-identifying at once on SPA navigation). */
export function pageKeyFor(url: URL, extraHosts?: readonly ExtraHost[]): string | undefined {
  return (
    salesnavKey(url) ??
    linkedinKey(url) ??
    salesforceKey(url, hostsFor(extraHosts, 'salesforce')) ??
    hubspotKey(url, hostsFor(extraHosts, 'hubspot'))
  );
}

export function readySelectorsFor(url: URL, extraHosts?: readonly ExtraHost[]): string[] {
  return adapterFor(url, extraHosts)?.readySelectors(url) ?? [];
}

/** What the page is about; `{kind: 'unsupported'}` for any page no adapter handles. */
export function readPage(doc: Document, url: URL, extraHosts?: readonly ExtraHost[]): PageContext {
  const adapter = adapterFor(url, extraHosts);
  if (!adapter) return { kind: 'unsupported', url: pageUrl(url) };
  return adapter.extract(doc, url);
}

export type { PageContext, SiteAdapter } from './types';
