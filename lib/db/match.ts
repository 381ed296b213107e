/**
 * Matching a page to an account (and a person to a contact), most certain first (DOMAIN.md
 * section 5): a link made by hand, CRM record id, LinkedIn slug or numeric id, website domain,
 * then the normalised company name. Every step is one index look-up; never a scan.
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

async function accountBy(db: DB, index: 'byCrm' | 'byLinkedinId' | 'byLinkedinSlug' | 'byDomain', key: string | undefined) {
  return key ? db.getFromIndex('accounts', index, key) : undefined;
}

async function accountByName(db: DB, name: string | undefined): Promise<{ account?: Account; ambiguous?: boolean }> {
  const key = name ? normalizeCompanyName(name) : '';
  if (!key) return {};
  // At most two: one is a match, two means the name alone cannot decide.
  const found = await db.getAllFromIndex('accounts', 'byNameKey', key, 2);
  if (found.length === 1) return { account: found[0] };
  return found.length > 1 ? { ambiguous: true } : {};
}

/** Look the company part of a page up: id, slug, domain, then name. */
async function matchCompany(
  db: DB,
  c: { crmKey?: string; linkedinId?: string; linkedinSlug?: string; domain?: string; name?: string },
): Promise<MatchResult> {
  let a = await accountBy(db, 'byCrm', c.crmKey);
  if (a) return { account: a, via: 'crm' };
  a = await accountBy(db, 'byLinkedinId', c.linkedinId);
  if (a) return { account: a, via: 'linkedin-id' };
  a = await accountBy(db, 'byLinkedinSlug', normalizeSlug(c.linkedinSlug));
  if (a) return { account: a, via: 'linkedin-slug' };
  a = await accountBy(db, 'byDomain', normalizeDomain(c.domain));
  if (a) return { account: a, via: 'domain' };
  const byName = await accountByName(db, c.name);
  return byName.account ? { account: byName.account, via: 'name' } : { ambiguous: byName.ambiguous };
}

const crmKeyOf = (system: string, id: string | undefined) =>
  id ? `${system}:${system === 'salesforce' ? salesforceId15(id) : id}` : undefined;

export async function matchPage(db: DB, page: Readable): Promise<MatchResult> {
  // 1. A link made by hand wins.
  const link = await db.get('links', page.pageKey);
  if (link) {
    if (link.kind === 'account') {
      const account = await db.get('accounts', link.targetId);
      if (account) return { account, via: 'link' };
    } else {
      const contact = await db.get('contacts', link.targetId);
      const account = contact && (await db.get('accounts', contact.accountId));
      if (contact && account) return { account, contact, via: 'link' };
    }
  }

  // 2. A person: the contact first (by slug or email), its account is then certain.
  if (page.kind === 'person' || (page.kind === 'crm' && page.crm && ['contact', 'lead'].includes(page.crm.objectType))) {
    const crm = page.crm;
    let contact: Contact | undefined;
    if (crm) contact = await db.getFromIndex('contacts', 'byCrm', crmKeyOf(crm.system, crm.id)!);
    const slug = normalizeSlug(page.person?.linkedinSlug);
    if (!contact && slug) contact = await db.getFromIndex('contacts', 'byLinkedinSlug', slug);
    const email = normalizeEmail(page.person?.email ?? crm?.email);
    if (!contact && email) contact = await db.getFromIndex('contacts', 'byEmail', email);
    if (contact) {
      const account = await db.get('accounts', contact.accountId);
      if (account) return { account, contact, via: 'contact' };
    }
    const company = await matchCompany(db, {
      crmKey: crm ? crmKeyOf(crm.system, crm.accountId) : undefined,
      linkedinId: page.person?.companyLinkedinId,
      linkedinSlug: page.person?.companyLinkedinSlug,
      domain: companyDomainFromEmail(email),
      name: page.person?.companyName ?? crm?.accountName,
    });
    return company;
  }

  // 3. A company or CRM account/opportunity record.
  const crm = page.crm;
  if (crm) {
    const isAccount = crm.objectType === 'account' || crm.objectType === 'company';
    return matchCompany(db, {
      crmKey: crmKeyOf(crm.system, isAccount ? crm.id : crm.accountId),
      domain: crm.domain,
      name: isAccount ? crm.name : crm.accountName,
    });
  }
  const co = page.company;
  return matchCompany(db, {
    linkedinId: co?.linkedinId,
    linkedinSlug: co?.linkedinSlug,
    domain: co?.domain,
    name: co?.name,
  });
}
