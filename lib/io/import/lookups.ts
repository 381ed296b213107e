/** What a plan needs from storage: the stored records that share a key with the file's rows. */
import type { DB } from '../../db/db';
import { LOOKUP_LIMIT } from '../../domain/identity';
import type { Account, Contact } from '../../domain/schema';
import { accountsIn, contactsIn, RECORD_STORES } from '../../db/records';

// ---------------------------------------------------------------- look-ups

export interface AccountKeys {
  crmKeys: string[];
  domains: string[];
  linkedinSlugs: string[];
  linkedinIds: string[];
  nameKeys: string[];
}
export interface ContactKeys {
  crmKeys: string[];
  linkedinSlugs: string[];
  emails: string[];
  /** All contacts of these accounts (for matching by name within an account). */
  accountIds: string[];
}
/** Share of the look-ups answered so far (0 to 1), so a long merge's progress keeps moving. */
export type LookupProgress = (fraction: number) => void;

/** Stored records that match any of the keys. */
export interface LookupFns {
  accounts(keys: AccountKeys, progress?: LookupProgress): Promise<Account[]>;
  contacts(keys: ContactKeys, progress?: LookupProgress): Promise<Contact[]>;
}

/** Every look-up at once; the progress moves as each index's look-ups are answered. */
function allCounted<T>(requests: Promise<T>[], progress?: LookupProgress): Promise<T[]> {
  if (!progress) return Promise.all(requests);
  let done = 0;
  const total = requests.length;
  return Promise.all(
    requests.map((r) =>
      r.then((v) => {
        progress(++done / total);
        return v;
      }),
    ),
  );
}

const uniqueById = <T extends { id: string }>(list: (T | undefined)[]) => [...new Map(list.filter((x): x is T => !!x).map((x) => [x.id, x])).values()];

/**
 * Index look-ups in one read-only transaction per kind: each index's keys at once through
 * `findMany`, which reads each key bucket and page once (lib/db/packed.ts), so 50,000 rows cost
 * two rounds of reads, not 50,000 awaits. The records found are the transaction's own (not
 * copies): the plan only reads them.
 */
export function dbLookups(db: DB): LookupFns {
  return {
    async accounts(k, progress) {
      const store = accountsIn(db.transaction(RECORD_STORES));
      // Nothing stored, nothing to merge with: a first import skips every look-up.
      if ((await store.count()) === 0) return [];
      const found = await allCounted(
        [
          store.findMany('byCrm', k.crmKeys, LOOKUP_LIMIT),
          store.findMany('byDomain', k.domains, LOOKUP_LIMIT),
          store.findMany('byLinkedinSlug', k.linkedinSlugs, LOOKUP_LIMIT),
          store.findMany('byLinkedinId', k.linkedinIds, LOOKUP_LIMIT),
          store.findMany('byNameKey', k.nameKeys, LOOKUP_LIMIT),
        ],
        progress,
      );
      return uniqueById(found.flat());
    },
    async contacts(k, progress) {
      const store = contactsIn(db.transaction(RECORD_STORES));
      if ((await store.count()) === 0) return [];
      const found = await allCounted(
        [
          store.findMany('byCrm', k.crmKeys, 5),
          store.findMany('byLinkedinSlug', k.linkedinSlugs, 5),
          store.findMany('byEmail', k.emails, 5),
          store.findMany('byAccount', k.accountIds),
        ],
        progress,
      );
      return uniqueById(found.flat());
    },
  };
}

/** The same look-ups over records in memory (tests, previews). */
export function memoryLookups(accounts: Account[], contacts: Contact[]): LookupFns {
  return {
    async accounts(k) {
      const sets = { crm: new Set(k.crmKeys), dom: new Set(k.domains), slug: new Set(k.linkedinSlugs), lid: new Set(k.linkedinIds), name: new Set(k.nameKeys) };
      return accounts.filter(
        (a) =>
          a.crmKeys.some((x) => sets.crm.has(x)) ||
          a.domains.some((x) => sets.dom.has(x)) ||
          (a.linkedinSlug && sets.slug.has(a.linkedinSlug)) ||
          (a.linkedinId && sets.lid.has(a.linkedinId)) ||
          sets.name.has(a.nameKey),
      );
    },
    async contacts(k) {
      const sets = { crm: new Set(k.crmKeys), slug: new Set(k.linkedinSlugs), email: new Set(k.emails), acc: new Set(k.accountIds) };
      return contacts.filter(
        (c) => c.crmKeys.some((x) => sets.crm.has(x)) || (c.linkedinSlug && sets.slug.has(c.linkedinSlug)) || (c.email && sets.email.has(c.email)) || sets.acc.has(c.accountId),
      );
    },
  };
}
