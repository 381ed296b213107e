/**
 * Matching a page to an account (and a person to a contact), most certain first (DOMAIN.md
 * section 5): a link made by hand, CRM record id, LinkedIn slug or numeric id, website domain,
 * then the normalised company name. Every step is one index look-up (all issued at once, in one
 * transaction); never a scan.
 * Names match on the whole normalised key only: "Bounce" never matches "Bounced Inc.".
 */
import { companyDomainFromEmail, normalizeCompanyName, normalizeDomain, normalizeEmail, normalizeSlug, salesforceId15 } from '../domain/normalize';
import type { Account, Contact } from '../domain/schema';
import type { PageContext } from '../sites/types';
import type { DB } from './db';

export type MatchVia = 'link' | 'crm' | 'linkedin-id' | 'linkedin-slug' | 'contact' | 'domain' | 'name';

export interface MatchResult {
  account?: Account;
  contact?: Contact;
  via?: MatchVia;
  /** Several accounts share the normalised name: the user should link by hand. */
  ambiguous?: boolean;
}

type Readable = Extract<PageContext, { pageKey: string }>;

const crmKeyOf = (system: string, id: string | undefined) =>
  id ? `${system}:${system === 'salesforce' ? salesforceId15(id) : id}` : undefined;

interface CompanyKeys {
  crmKey?: string;
  linkedinId?: string;
  linkedinSlug?: string;
  domain?: string;
  name?: string;
}

/** What the page offers to look up: the person part and the company part. */
function keysOf(page: Readable): { person?: { crmKey?: string; slug?: string; email?: string }; company: CompanyKeys } {
  const crm = page.crm;
  const isPerson = page.kind === 'person' || (!!crm && (crm.objectType === 'contact' || crm.objectType === 'lead'));
  if (isPerson) {
    const email = normalizeEmail(page.person?.email ?? crm?.email);
    return {
      person: { crmKey: crm ? crmKeyOf(crm.system, crm.id) : undefined, slug: normalizeSlug(page.person?.linkedinSlug), email },
      company: {
        crmKey: crm ? crmKeyOf(crm.system, crm.accountId) : undefined,
        linkedinId: page.person?.companyLinkedinId,
        linkedinSlug: page.person?.companyLinkedinSlug,
        domain: companyDomainFromEmail(email),
        name: page.person?.companyName ?? crm?.accountName,
      },
    };
  }
  if (crm) {
    const isAccount = crm.objectType === 'account' || crm.objectType === 'company';
    return { company: { crmKey: crmKeyOf(crm.system, isAccount ? crm.id : crm.accountId), domain: crm.domain, name: isAccount ? crm.name : crm.accountName } };
  }
  const co = page.company;
  return { company: { linkedinId: co?.linkedinId, linkedinSlug: co?.linkedinSlug, domain: co?.domain, name: co?.name } };
}

/**
 * One read transaction, every look-up issued at once (a single round of index gets, whatever
 * the outcome), then the most certain answer wins.
 */
export async function matchPage(db: DB, page: Readable): Promise<MatchResult> {
  const { person, company } = keysOf(page);
  const tx = db.transaction(['links', 'accounts', 'contacts']);
  const accounts = tx.objectStore('accounts');
  const contacts = tx.objectStore('contacts');
  const get = <T,>(key: string | undefined, fn: (k: string) => Promise<T>) => (key ? fn(key) : Promise.resolve(undefined));
  const nameKey = company.name ? normalizeCompanyName(company.name) : '';
  const [link, cByCrm, cBySlug, cByEmail, aByCrm, aById, aBySlug, aByDomain, aByName] = await Promise.all([
    tx.objectStore('links').get(page.pageKey),
    get(person?.crmKey, (k) => contacts.index('byCrm').get(k)),
    get(person?.slug, (k) => contacts.index('byLinkedinSlug').get(k)),
    get(person?.email, (k) => contacts.index('byEmail').get(k)),
    get(company.crmKey, (k) => accounts.index('byCrm').get(k)),
    get(company.linkedinId, (k) => accounts.index('byLinkedinId').get(k)),
    get(normalizeSlug(company.linkedinSlug), (k) => accounts.index('byLinkedinSlug').get(k)),
    get(normalizeDomain(company.domain), (k) => accounts.index('byDomain').get(k)),
    // At most two: one is a match, two means the name alone cannot decide.
    get(nameKey || undefined, (k) => accounts.index('byNameKey').getAll(k, 2)),
  ]);

  // 1. A link made by hand wins.
  if (link) {
    if (link.kind === 'account') {
      const account = await accounts.get(link.targetId);
      if (account) return { account, via: 'link' };
    } else {
      const contact = await contacts.get(link.targetId);
      const account = contact && (await accounts.get(contact.accountId));
      if (contact && account) return { account, contact, via: 'link' };
    }
  }
  // 2. A person: the contact first, its account is then certain.
  const contact = cByCrm ?? cBySlug ?? cByEmail;
  if (contact) {
    const account = await accounts.get(contact.accountId);
    if (account) return { account, contact, via: 'contact' };
  }
  // 3. The company: CRM id, LinkedIn id, slug, domain, then a name that only one account has.
  const ranked: [Account | undefined, MatchVia][] = [
    [aByCrm, 'crm'],
    [aById, 'linkedin-id'],
    [aBySlug, 'linkedin-slug'],
    [aByDomain, 'domain'],
    [aByName?.length === 1 ? aByName[0] : undefined, 'name'],
  ];
  for (const [account, via] of ranked) if (account) return { account, via };
  return aByName && aByName.length > 1 ? { ambiguous: true } : {};
}
