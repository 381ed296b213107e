/**
 * Matching a page to an account (and a person to a contact), most certain first (DOMAIN.md
 * section 5): a link made by hand, the person as a known contact, then the company by the identity
 * rules of `lib/domain/identity.ts` (CRM id, LinkedIn id, slug, domain, name as written and
 * without LinkedIn's extras). Every step is an index look-up (all issued at once, in one
 * transaction); never a scan. Names match on whole normalised keys only: "Bounce" never matches
 * "Bounced Inc.".
 */
import { accountLookups, accountQuery, LOOKUP_LIMIT, resolveAccount, type AccountVia } from '../domain/identity';
import { companyDomainFromEmail, normalizeEmail, normalizeSlug, salesforceId15 } from '../domain/normalize';
import type { Account, Contact, CrmSystem } from '../domain/schema';
import type { PageContext } from '../sites/types';
import type { DB } from './db';
import { accountsIn, contactsIn, RECORD_STORES } from './records';

export type MatchVia = 'link' | 'contact' | AccountVia;

export interface MatchResult {
  account?: Account;
  contact?: Contact;
  via?: MatchVia;
  /** Several accounts share the name: the user picks one (remembered as a link). */
  ambiguous?: boolean;
  candidates?: Account[];
}

type Readable = Extract<PageContext, { pageKey: string }>;

const crmKeyOf = (system: string, id: string | undefined) =>
  id ? `${system}:${system === 'salesforce' ? salesforceId15(id) : id}` : undefined;
const crmOf = (system: CrmSystem, id: string | undefined) => (id ? { [system]: id } : undefined);

interface CompanyKeys {
  crm?: Partial<Record<CrmSystem, string>>;
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
        crm: crm ? crmOf(crm.system, crm.accountId) : undefined,
        linkedinId: page.person?.companyLinkedinId,
        linkedinSlug: page.person?.companyLinkedinSlug,
        domain: companyDomainFromEmail(email),
        name: page.person?.companyName ?? crm?.accountName,
      },
    };
  }
  if (crm) {
    const isAccount = crm.objectType === 'account' || crm.objectType === 'company';
    return { company: { crm: crmOf(crm.system, isAccount ? crm.id : crm.accountId), domain: crm.domain, name: isAccount ? crm.name : crm.accountName } };
  }
  const co = page.company;
  return { company: { linkedinId: co?.linkedinId, linkedinSlug: co?.linkedinSlug, domain: co?.domain, name: co?.name } };
}

/**
 * One read transaction, every look-up issued at once (a single round of index gets, whatever
 * the outcome), then the identity rules (`lib/domain/identity.ts`) decide.
 */
export async function matchPage(db: DB, page: Readable): Promise<MatchResult> {
  const { person, company } = keysOf(page);
  const query = accountQuery({
    name: company.name,
    crmIds: company.crm,
    linkedinId: company.linkedinId,
    linkedinSlug: company.linkedinSlug,
    domains: [company.domain],
  });
  const tx = db.transaction([...RECORD_STORES, 'links']);
  const accounts = accountsIn(tx);
  const contacts = contactsIn(tx);
  const get = <T,>(key: string | undefined, fn: (k: string) => Promise<T>) => (key ? fn(key) : Promise.resolve(undefined));
  const lookups = accountLookups(query);
  const [link, cByCrm, cBySlug, cByEmail, ...found] = await Promise.all([
    tx.objectStore('links').get(page.pageKey),
    get(person?.crmKey, (k) => contacts.index('byCrm').get(k)),
    get(person?.slug, (k) => contacts.index('byLinkedinSlug').get(k)),
    get(person?.email, (k) => contacts.index('byEmail').get(k)),
    ...lookups.map((l) => accounts.index(l.index).getAll(l.key, LOOKUP_LIMIT)),
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
  // 3. The company, by the identity rules.
  const byLookup = new Map(lookups.map((l, i) => [`${l.index}|${l.key}`, found[i] as Account[]]));
  const r = resolveAccount(query, (index, key) => byLookup.get(`${index}|${key}`));
  if (r.account) return { account: r.account, via: r.via };
  return r.ambiguous ? { ambiguous: true, candidates: r.ambiguous } : {};
}
