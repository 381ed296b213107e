/** Building records with their derived index fields (nameKey, crmKeys, normalised domains). */
import { companyDomainFromEmail, crmKeys, normalizeCompanyName, normalizeDomain, normalizeEmail, normalizeSlug } from './normalize';
import { account as accountSchema, contact as contactSchema, type Account, type Contact } from './schema';
import { unknownFactors } from './tier';
import { newId } from './ids';

export { newId };

export type AccountInput = Partial<Omit<Account, 'nameKey' | 'crmKeys'>> & { name: string };
export type ContactInput = Partial<Omit<Contact, 'crmKeys'>> & { name: string; accountId: string };

/** Recompute the fields derived from others, normalising the look-up keys. */
export function withAccountKeys(a: Account): Account {
  const domains = [...new Set(a.domains.map((d) => normalizeDomain(d)).filter((d): d is string => !!d))];
  return {
    ...a,
    nameKey: normalizeCompanyName(a.name),
    domains,
    linkedinSlug: normalizeSlug(a.linkedinSlug),
    crmKeys: crmKeys(a.crmIds ?? {}),
  };
}

export function newAccount(input: AccountInput, now = Date.now()): Account {
  const base = accountSchema.parse({
    id: newId(),
    createdAt: now,
    updatedAt: now,
    domains: [],
    factors: unknownFactors(),
    nameKey: '',
    ...input,
  });
  return withAccountKeys(base);
}

export function withContactKeys(c: Contact): Contact {
  return {
    ...c,
    linkedinSlug: normalizeSlug(c.linkedinSlug),
    email: normalizeEmail(c.email),
    xHandle: c.xHandle?.replace(/^@/, '') || undefined,
    crmKeys: crmKeys(c.crmIds ?? {}),
  };
}

export function newContact(input: ContactInput, now = Date.now()): Contact {
  return withContactKeys(contactSchema.parse({ id: newId(), createdAt: now, updatedAt: now, ...input }));
}

/** The domain an email suggests for its company (free-mail excluded). */
export { companyDomainFromEmail };
