/**
 * Site adapter registry: pick the adapter for a URL and read a page into a PageContext.
 * Everything here is pure with respect to the page: it reads the document, never changes it.
 */
import { hubspot, pageKey as hubspotKey } from './hubspot';
import { linkedin, pageKey as linkedinKey } from './linkedin';
import { salesforce, pageKey as salesforceKey } from './salesforce';
import { salesnav, pageKey as salesnavKey } from './salesnav';
import type { SiteAdapter } from './types';
import { hostsFor, siteReader, type ExtraHost } from './reader';

export { siteReader, type ExtraHost, type SiteReader } from './reader';


/** In match order: Sales Navigator before LinkedIn (same hosts). */
export const ADAPTERS: readonly SiteAdapter[] = [salesnav, linkedin, salesforce, hubspot];

export const { adapterFor, readySelectorsFor, readPage } = siteReader(ADAPTERS);

/** The page key from the URL alone (for re-identifying at once on SPA navigation). */
export function pageKeyFor(url: URL, extraHosts?: readonly ExtraHost[]): string | undefined {
  return (
    salesnavKey(url) ??
    linkedinKey(url) ??
    salesforceKey(url, hostsFor(extraHosts, 'salesforce')) ??
    hubspotKey(url, hostsFor(extraHosts, 'hubspot'))
  );
}

export type { PageContext, SiteAdapter } from './types';
