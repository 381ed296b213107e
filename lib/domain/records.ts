/** Building records with their derived index fields (nameKey, crmKeys, normalised domains). */
import { companyDomainFromEmail, crmKeys, normalizeCompanyName, normalizeDomain, normalizeEmail, normalizeSlug } from './normalize';
import { account as accountSchema, contact as contactSchema, type Account, type Contact } from './schema';
import { unknownFactors } from './tier';
import { newId } from './ids';

export { newId };

export type AccountInput = Partial<Omit<Account, 'nameKey' | 'crmKeys'>> & { name: string };
export type ContactInput = Partial<Omit<Contact, 'crmKeys'>> & { name: string; accountId: string };

/** The fields derived from others, with the look-up keys normalised. */
function accountKeys(a: Account): Pick<Account, 'nameKey' | 'domains' | 'linkedinSlug' | 'crmKeys'> {
  return {
    nameKey: normalizeCompanyName(a.name),
    domains: [...new Set(a.domains.map((d) => normalizeDomain(d)).filter((d): d is string => !!d))],
    linkedinSlug: normalizeSlug(a.linkedinSlug),
    crmKeys: crmKeys(a.crmIds ?? {}),
  };
}

/** Recompute the fields derived from others, normalising the look-up keys. */
export function withAccountKeys(a: Account): Account {
  return { ...a, ...accountKeys(a) };
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
  // The parse made a fresh object: its keys are set in place, not copied (an import builds 50,000).
  return Object.assign(base, accountKeys(base));
}

function contactKeys(c: Contact): Pick<Contact, 'linkedinSlug' | 'email' | 'xHandle' | 'crmKeys'> {
  return {
    linkedinSlug: normalizeSlug(c.linkedinSlug),
    email: normalizeEmail(c.email),
    xHandle: c.xHandle?.replace(/^@/, '') || undefined,
    crmKeys: crmKeys(c.crmIds ?? {}),
  };
}

export function withContactKeys(c: Contact): Contact {
  return { ...c, ...contactKeys(c) };
}

export function newContact(input: ContactInput, now = Date.now()): Contact {
  const c = contactSchema.parse({ id: newId(), createdAt: now, updatedAt: now, ...input });
  // A fresh object from the parse, as in newAccount: set in place (an import builds 200,000).
  return Object.assign(c, contactKeys(c));
}

/** The domain an email suggests for its company (free-mail excluded). */
export { companyDomainFromEmail };
